package descent.optim;

import descent.util.Checks;

/**
 * SGD with Nesterov momentum, in PyTorch's form ({@code nesterov=True}):
 * <pre>
 *   v ← μ · v + dW        (v starts at 0)
 *   W ← W - lr · (dW + μ · v)
 * </pre>
 *
 * <p>PyTorch: {@code torch.optim.SGD(params, lr, momentum=μ, nesterov=True)} with dampening 0.
 * The gradient is taken at the current W; the "look-ahead" is folded into the update, as in the
 * CS231n notes' rewritten form. PyTorch requires μ &gt; 0 for Nesterov, and so does this class.
 *
 * <p>State: the velocity v, C × D.
 */
public final class Nesterov extends VelocityOptimizer {
    /** Nesterov momentum with μ = {@value VelocityOptimizer#DEFAULT_MOMENTUM}. */
    public Nesterov() {
        this(DEFAULT_MOMENTUM);
    }

    /** @param momentum μ, the fraction of the velocity kept each step; in {@code (0, 1)} */
    public Nesterov(double momentum) {
        super(Checks.inHalfOpenRange("momentum", Checks.positive("momentum", momentum), 0, 1));
    }

    @Override
    double direction(double v, double dw) {
        return dw + momentum() * v; // W ← W - lr · (dW + μ · v)
    }

    @Override
    public Nesterov copy() {
        return new Nesterov(momentum());
    }
}
