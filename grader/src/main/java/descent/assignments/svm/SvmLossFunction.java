package descent.assignments.svm;

import descent.assignments.common.LossFunction;

/**
 * The answer to q1 (loops) and q2 (vectorized): the multiclass SVM loss with margin Δ = 1, and
 * its gradient, as {@link LossFunction#apply} states the shapes.
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
public interface SvmLossFunction extends LossFunction {
}
