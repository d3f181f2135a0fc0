package descent.optim;

import descent.util.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * The checks and bookkeeping every optimizer shares, so that a rule's class holds only its formula.
 *
 * <p>{@link #updateInPlace} checks the arguments, creates the state for W's shape on the first
 * step (via {@link #createState}), refuses a different shape later, refuses a non-finite W or dW
 * naming the step, and only then calls {@link #apply} with the 1-based step number. A subclass
 * implements {@code createState}, {@code apply}, {@code copy} and {@code toString}; to write a new
 * rule, start from {@link Momentum}.
 */
public abstract class AbstractOptimizer implements Optimizer {
    private int rows = -1;
    private int cols = -1;
    private long steps;

    /** For subclasses; hyperparameters are checked in the subclass's constructor. */
    protected AbstractOptimizer() {
    }

    @Override
    public final void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double learningRate) {
        Checks.sameShape("w", w, "dw", dw);
        Checks.nonNegative("learningRate", learningRate);
        long step = steps + 1;
        if (rows < 0) {
            Checks.allFinite("w at step " + step, w.data, w.getNumElements());
            Checks.allFinite("dw at step " + step, dw.data, dw.getNumElements());
            rows = w.getNumRows();
            cols = w.getNumCols();
            createState(rows, cols);
        } else {
            Checks.require(w.getNumRows() == rows && w.getNumCols() == cols,
                    "w and dw are " + w.getNumRows() + " x " + w.getNumCols() + " but this "
                            + name() + " holds state for " + rows + " x " + cols
                            + "; call reset() before using it with another shape");
            Checks.allFinite("w at step " + step, w.data, w.getNumElements());
            Checks.allFinite("dw at step " + step, dw.data, dw.getNumElements());
        }
        steps = step;
        apply(w, dw, learningRate, step);
    }

    @Override
    public final void reset() {
        rows = -1;
        cols = -1;
        steps = 0;
        clearState();
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * Allocates the state for weights of {@code rows × cols} (zeros, or the rule's initial value).
     * Called once, on the first step after construction or {@link #reset()}.
     */
    protected abstract void createState(int rows, int cols);

    /** Drops the state allocated by {@link #createState} (called by {@link #reset()}). */
    protected abstract void clearState();

    /**
     * Applies the rule: updates the state and W in place. Arguments are already checked: same
     * shape as the state, every entry finite, {@code learningRate >= 0}.
     *
     * @param w            weights, C × D; modified
     * @param dw           gradient, C × D; must not be modified
     * @param learningRate step size for this step
     * @param step         1 for the first step after construction or reset, then 2, 3, ...
     */
    protected abstract void apply(DMatrixRMaj w, DMatrixRMaj dw, double learningRate, long step);
}
