package descent.optim;

import descent.util.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * An update rule that turns weights W and their gradient dW into new weights.
 *
 * <p>Shapes: W is C classes × D features; dW (dL/dW) has the same shape. An optimizer may keep
 * state between steps (a velocity, running averages of dW², a step count). That state is created
 * on the first step, for the shape of that first W; a later call with another shape is an error
 * until {@link #reset()} is called. The learning rate is an argument of every step, so a schedule
 * can change it from step to step; every other hyperparameter is fixed at construction.
 *
 * <p>Steps are counted from 1, as PyTorch's Adam counts them: the first call is step 1. A call
 * that is rejected (bad shape, a NaN in dW) does not count and leaves the state untouched.
 */
public interface Optimizer {

    /**
     * Takes one step, modifying W in place: {@code W ← update(W, dW, learningRate)}.
     *
     * @param w            weights, C × D; <b>modified</b>
     * @param dw           gradient dL/dW, C × D; not modified; every entry finite
     * @param learningRate step size, finite and {@code >= 0} (0 leaves W unchanged but still
     *                     updates the optimizer's state)
     * @throws IllegalArgumentException if W or dW is null, their shapes differ, the shape differs
     *                                  from the one the state was created for, learningRate is
     *                                  negative or not finite, or dW or W holds a NaN or an
     *                                  infinity (the message names the step)
     */
    void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double learningRate);

    /**
     * Takes one step and returns the new weights, leaving the argument W unchanged. The
     * optimizer's state still advances exactly as with {@link #updateInPlace}.
     *
     * @param w            weights, C × D; not modified
     * @param dw           gradient dL/dW, C × D; not modified
     * @param learningRate step size, finite and {@code >= 0}
     * @return the new weights, a fresh C × D matrix
     * @throws IllegalArgumentException as {@link #updateInPlace}
     */
    default DMatrixRMaj step(DMatrixRMaj w, DMatrixRMaj dw, double learningRate) {
        Checks.notNull("w", w);
        DMatrixRMaj next = w.copy();
        updateInPlace(next, dw, learningRate);
        return next;
    }

    /** Forgets all state (velocities, averages, step count, shape); the next step is step 1. */
    void reset();

    /** A new optimizer with the same hyperparameters and fresh state. */
    Optimizer copy();

    /** The rule's short name, e.g. {@code "Adam"}. */
    String name();

    /** Number of steps taken since construction or the last {@link #reset()}. */
    long steps();
}
