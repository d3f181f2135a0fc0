package descent.assignments.common;

import descent.loss.LossAndGradient;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss of a linear classifier written by a student: its value at W over the examples, and its
 * gradient. The SVM and softmax assignments' answer types extend it, each stating its formula.
 */
@FunctionalInterface
public interface LossFunction {

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
