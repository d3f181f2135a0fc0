package descent.optim;

import descent.util.Checks;

/**
 * SGD with (heavy-ball) momentum, in PyTorch's form:
 * <pre>
 *   v ← μ · v + dW        (v starts at 0, so the first v is dW)
 *   W ← W - lr · v
 * </pre>
 *
 * <p>PyTorch: {@code torch.optim.SGD(params, lr, momentum=μ)} with dampening 0. CS231n writes the
 * same rule as {@code v = μ·v - lr·dW; W += v}; the two agree while the learning rate is constant
 * and differ once a schedule changes it (here the new rate scales the whole velocity).
 *
 * <p>State: the velocity v, C × D.
 */
public final class Momentum extends VelocityOptimizer {
    /** Momentum with μ = {@value VelocityOptimizer#DEFAULT_MOMENTUM}. */
    public Momentum() {
        this(DEFAULT_MOMENTUM);
    }

    /**
     * @param momentum μ, the fraction of the velocity kept each step; in {@code [0, 1)} (0 is
     *                 plain SGD)
     */
    public Momentum(double momentum) {
        super(Checks.inHalfOpenRange("momentum", momentum, 0, 1));
    }

    @Override
    double direction(double v, double dw) {
        return v;                   // W ← W - lr · v
    }

    @Override
    public Momentum copy() {
        return new Momentum(momentum());
    }
}
