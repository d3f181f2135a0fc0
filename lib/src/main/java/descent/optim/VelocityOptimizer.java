package descent.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * What the two momentum rules share: μ, the fraction of the velocity kept each step, and the
 * velocity v itself (C × D, zero before the first step). {@link Momentum} and {@link Nesterov}
 * differ only in how v moves W.
 */
public abstract sealed class VelocityOptimizer extends AbstractOptimizer permits Momentum, Nesterov {
    /** CS231n's usual momentum, used by the no-argument constructors. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;
    private DMatrixRMaj velocity;

    /** @param momentum μ, already checked by the subclass's rule */
    VelocityOptimizer(double momentum) {
        this.momentum = momentum;
    }

    /** μ, the fraction of the velocity kept each step. */
    public final double momentum() {
        return momentum;
    }

    /** The velocity v, C × D; updated in place by {@link #apply}. */
    final DMatrixRMaj velocity() {
        return velocity;
    }

    @Override
    protected final void createState(int rows, int cols) {
        velocity = new DMatrixRMaj(rows, cols);
    }

    @Override
    protected final void clearState() {
        velocity = null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(momentum=" + momentum + ")";
    }
}
