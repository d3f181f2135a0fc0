package descent.assignments.softmax;

import descent.assignments.common.LossFunction;

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
public interface SoftmaxLossFunction extends LossFunction {
}
