package descent.assignments.svm;

import descent.loss.LossAndGradient;
import org.ejml.data.DMatrixRMaj;

/**
 * The answer to q1 (loops) and q2 (vectorized): the multiclass SVM loss with margin Δ = 1, and
 * its gradient.
 *
 * <pre>
 *   s   = W x_i                                        scores of example i, length C
 *   L_i = Σ_{j ≠ y_i} max(0, s_j − s_{y_i} + 1)
 *   L   = (1/N) Σ_i L_i + reg · Σ W²                   (dataLoss + regLoss)
 *   dW  = (1/N) Σ_i dL_i/dW + 2 · reg · W
 * </pre>
 * A margin of exactly 0 (a kink) contributes nothing to the gradient, as in
 * {@link descent.loss.SvmLossNaive}.
 */
@FunctionalInterface
public interface SvmLossFunction {

    /**
     * The loss at W over the examples, and its gradient.
     *
     * @param W   weights, C × D; not modified
     * @param X   examples, N × D, one a row; not modified
     * @param y   N labels, each in {@code [0, C)}; not modified
     * @param reg the regularization strength, ≥ 0
     * @return {@code new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dW)} with dW C × D
     */
    LossAndGradient apply(DMatrixRMaj W, DMatrixRMaj X, int[] y, double reg);
}
