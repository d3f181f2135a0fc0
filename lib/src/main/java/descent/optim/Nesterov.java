package descent.optim;

import descent.util.Checks;
import org.ejml.data.DMatrixRMaj;

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
    protected void apply(DMatrixRMaj w, DMatrixRMaj dw, double learningRate, long step) {
        double mu = momentum();
        double[] v = velocity().data;
        double[] g = dw.data;
        double[] x = w.data;
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            v[i] = mu * v[i] + g[i];
            x[i] -= learningRate * (g[i] + mu * v[i]);
        }
    }

    @Override
    public Nesterov copy() {
        return new Nesterov(momentum());
    }
}
