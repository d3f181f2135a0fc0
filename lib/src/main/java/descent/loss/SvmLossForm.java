package descent.loss;

import descent.util.Checks;

/**
 * The multiclass SVM (hinge) loss with margin Δ, in any of its three forms: {@link SvmLossNaive}
 * (loops), {@link SvmLossVectorized} (whole matrices) and {@link SvmLoss} (one fused pass).
 * Tests hold the three equal.
 */
public abstract sealed class SvmLossForm extends RegularizedLoss
        permits SvmLoss, SvmLossNaive, SvmLossVectorized {
    private final double delta;

    /**
     * @param delta the margin Δ, &gt; 0
     * @param reg   λ in {@code λ ΣW²}, ≥ 0
     */
    SvmLossForm(double delta, double reg) {
        super(reg);
        this.delta = Checks.positive("delta", delta);
    }

    /** The margin Δ. */
    public final double delta() {
        return delta;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[delta=" + delta + ", reg=" + reg() + "]";
    }
}
