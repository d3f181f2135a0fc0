package descent.optim;

import descent.util.Checks;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The checks and bookkeeping every optimizer shares, so that a rule's class holds only its formula.
 *
 * <p>{@link #updateInPlace} checks the arguments, creates the rule's state for W's shape on the
 * first step, refuses a different shape later, refuses a non-finite W or dW naming the step, and
 * only then calls {@link #apply} with the 1-based step number. A rule names its state in its
 * constructor, as CS231n's {@code optim.py} keys it in {@code config} ({@code "velocity"},
 * {@code "m"}, {@code "v"}, ...), and reads it with {@link #state(String)}: one array per name,
 * one entry per entry of W, zero before the first step (or {@link #stateStartsAt()}). A subclass
 * implements {@code apply}, {@code copy} and {@code toString}; to write a new rule, start from
 * {@link RmsProp}.
 */
public abstract class AbstractOptimizer implements Optimizer {
    private final List<String> stateNames;
    private double[][] state;
    private int rows = -1;
    private int cols = -1;
    private long steps;

    /**
     * For subclasses; hyperparameters are checked in the subclass's constructor.
     *
     * @param stateNames the names of the rule's state arrays, e.g. {@code "m", "v"}; none for plain SGD
     */
    protected AbstractOptimizer(String... stateNames) {
        this.stateNames = List.of(stateNames);
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
            state = new double[stateNames.size()][rows * cols];
            for (double[] array : state) {
                Arrays.fill(array, stateStartsAt());
            }
        } else {
            Checks.require(w.getNumRows() == rows && w.getNumCols() == cols,
                    "w and dw are " + w.getNumRows() + " x " + w.getNumCols() + " but this "
                            + name() + " holds state for " + rows + " x " + cols
                            + "; call reset() before using it with another shape");
            Checks.allFinite("w at step " + step, w.data, w.getNumElements());
            Checks.allFinite("dw at step " + step, dw.data, dw.getNumElements());
        }
        steps = step;
        apply(w.data, dw.data, w.getNumElements(), learningRate, step);
    }

    @Override
    public final void reset() {
        rows = -1;
        cols = -1;
        steps = 0;
        state = null;
    }

    @Override
    public final long steps() {
        return steps;
    }

    @Override
    public String name() {
        return getClass().getSimpleName();
    }

    /** The value every entry of the state starts at (0 unless a rule says otherwise). */
    protected double stateStartsAt() {
        return 0;
    }

    /**
     * The state array named {@code name} in the constructor: one entry per entry of W (row-major),
     * kept from step to step. Only valid inside {@link #apply}.
     */
    protected final double[] state(String name) {
        int k = stateNames.indexOf(name);
        Checks.require(k >= 0, name() + " has no state named '" + name + "', only " + stateNames);
        return state[k];
    }

    /**
     * Applies the rule, entry by entry: updates the state and W in place. Arguments are already
     * checked: same shape as the state, every entry finite, {@code learningRate >= 0}.
     *
     * @param w            the n entries of W (C × D, row-major); modified
     * @param dw           the n entries of dW, same order; must not be modified
     * @param n            the number of entries, C · D (the arrays may be longer)
     * @param learningRate step size for this step
     * @param step         1 for the first step after construction or reset, then 2, 3, ...
     */
    protected abstract void apply(double[] w, double[] dw, int n, double learningRate, long step);
}
