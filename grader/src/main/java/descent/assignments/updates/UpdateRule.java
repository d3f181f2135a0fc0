package descent.assignments.updates;

import org.ejml.data.DMatrixRMaj;

/**
 * An update rule that the student writes (q1 momentum, q2 RMSProp, q3 Adam): one step of
 * optimization, modifying W in place.
 *
 * <p>A rule may keep state between steps (a velocity, running averages of dW², a step count).
 * That state belongs to the instance: two instances never share it, and an instance creates it on
 * its first step, with W's shape. The learning rate is an argument of every step so that a
 * schedule (q4) can change it; every other hyperparameter is fixed when the rule is created.
 *
 * <p>The library's {@code descent.optim.Optimizer} has the same method, so
 * {@code new descent.optim.Adam()::updateInPlace} is an {@code UpdateRule} (the tests use that as
 * the reference).
 */
@FunctionalInterface
public interface UpdateRule {

    /**
     * Takes one step: updates the rule's state and then W, in place.
     *
     * @param w            weights, C × D; <b>modified</b> (the same matrix, not a new one)
     * @param dw           gradient dL/dW, C × D; read only, not modified
     * @param learningRate this step's rate, finite and {@code >= 0}
     */
    void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double learningRate);
}
