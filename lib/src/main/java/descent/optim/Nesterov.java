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
public final class Nesterov extends AbstractOptimizer {
    /** CS231n's usual momentum, used by {@link #Nesterov()}. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;
    private DMatrixRMaj velocity;

    /** Nesterov momentum with μ = {@value #DEFAULT_MOMENTUM}. */
    public Nesterov() {
        this(DEFAULT_MOMENTUM);
    }

    /** @param momentum μ, the fraction of the velocity kept each step; in {@code (0, 1)} */
    public Nesterov(double momentum) {
        Checks.positive("momentum", momentum);
        this.momentum = Checks.inHalfOpenRange("momentum", momentum, 0, 1);
    }

    /** μ, the fraction of the velocity kept each step. */
    public double momentum() {
        return momentum;
    }

    @Override
    protected void createState(int rows, int cols) {
        velocity = new DMatrixRMaj(rows, cols);
    }

    @Override
    protected void clearState() {
        velocity = null;
    }

    @Override
    protected void apply(DMatrixRMaj w, DMatrixRMaj dw, double learningRate, long step) {
        double[] v = velocity.data;
        double[] g = dw.data;
        double[] x = w.data;
        int n = w.getNumElements();
        for (int i = 0; i < n; i++) {
            v[i] = momentum * v[i] + g[i];
            x[i] -= learningRate * (g[i] + momentum * v[i]);
        }
    }

    @Override
    public Nesterov copy() {
        return new Nesterov(momentum);
    }

    @Override
    public String toString() {
        return "Nesterov(momentum=" + momentum + ")";
    }
}
