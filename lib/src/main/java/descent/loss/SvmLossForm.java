package descent.loss;

import descent.util.Checks;
import descent.util.Readable;

/**
 * The multiclass SVM (hinge) loss with margin Δ, in any of its three forms: {@link SvmLossNaive}
 * (loops), {@link SvmLossVectorized} (whole matrices) and {@link SvmLoss} (one fused pass).
 * Tests hold the three equal.
 */
public abstract sealed class SvmLossForm extends RegularizedLoss
        permits SvmLoss, SvmLossNaive, SvmLossVectorized {
    private final double delta;

    /**
     * @param name  what {@link #toString()} calls this form, e.g. "SVM loss, by loops"
     * @param delta the margin Δ, &gt; 0
     * @param reg   λ in {@code λ ΣW²}, ≥ 0
     */
    SvmLossForm(String name, double delta, double reg) {
        super(name, reg);
        this.delta = Checks.positive("delta", delta);
    }

    /** The margin Δ. */
    public final double delta() {
        return delta;
    }

    /** The form, Δ and λ, e.g. {@code SVM loss (Δ = 1, reg = 25000)}. */
    @Override
    public String toString() {
        return name() + " (Δ = " + Readable.number(delta) + ", reg = " + Readable.number(reg()) + ")";
    }
}
