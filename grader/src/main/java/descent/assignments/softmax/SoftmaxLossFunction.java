package descent.assignments.softmax;

import descent.loss.LossAndGradient;
import org.ejml.data.DMatrixRMaj;

/**
 * The answer to q1 (loops) and q2 (vectorized and numerically stable): the softmax cross-entropy
 * loss and its gradient.
 *
 * <pre>
 *   s   = W x_i                                        scores of example i, length C
 *   p_j = exp(s_j) / Σ_k exp(s_k)                      computed as exp(s_j − m) / Σ_k exp(s_k − m),
 *                                                      m = max_k s_k
 *   L_i = −log p_{y_i}
 *   L   = (1/N) Σ_i L_i + reg · Σ W²                   (dataLoss + regLoss)
 *   dW  = (1/N) Σ_i (p − onehot(y_i)) x_iᵀ + 2 · reg · W
 * </pre>
 */
@FunctionalInterface
public interface SoftmaxLossFunction {

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
