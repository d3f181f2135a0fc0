package descent.optim;

/**
 * What the two momentum rules share: μ, the fraction of the velocity kept each step, and the
 * velocity v itself (C × D, zero before the first step), updated as {@code v ← μ · v + dW}.
 * {@link Momentum} and {@link Nesterov} differ only in the direction W then moves along:
 * {@code W ← W - lr · direction(v, dW)}.
 */
public abstract sealed class VelocityOptimizer extends AbstractOptimizer permits Momentum, Nesterov {
    /** CS231n's usual momentum, used by the no-argument constructors. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;

    /** @param momentum μ, already checked by the subclass's rule */
    VelocityOptimizer(double momentum) {
        super("velocity");
        this.momentum = momentum;
    }

    /** μ, the fraction of the velocity kept each step. */
    public final double momentum() {
        return momentum;
    }

    @Override
    protected final void apply(double[] w, double[] dw, int n, double learningRate, long step) {
        double[] v = state("velocity");
        for (int i = 0; i < n; i++) {
            v[i] = momentum * v[i] + dw[i];
            w[i] -= learningRate * direction(v[i], dw[i]);
        }
    }

    /**
     * The direction one entry of W moves along, given that entry's new velocity and gradient.
     *
     * @param v  the entry's velocity after this step's update
     * @param dw the entry's gradient
     */
    abstract double direction(double v, double dw);

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(momentum=" + momentum + ")";
    }
}
