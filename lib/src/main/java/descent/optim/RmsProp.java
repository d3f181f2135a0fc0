package descent.optim;

import descent.util.Checks;

/**
 * RMSProp: each weight's step is divided by a running root-mean-square of its gradients.
 * <pre>
 *   s ← α · s + (1 - α) · dW²          (s starts at 0)
 *   W ← W - lr · dW / (√s + ε)         (element-wise)
 * </pre>
 *
 * <p>PyTorch: {@code torch.optim.RMSprop(params, lr, alpha=0.99, eps=1e-8)} with momentum 0 and
 * {@code centered=False}; CS231n's {@code decay_rate} is α. Note the first steps: s starts at 0, so
 * step 1 divides by √(1-α)·|dW| and moves each weight by about lr/√(1-α) = 10·lr for α = 0.99.
 *
 * <p>State: the running average of squares s, C × D.
 */
public final class RmsProp extends AbstractOptimizer {
    /** PyTorch's default α. */
    public static final double DEFAULT_ALPHA = 0.99;
    /** PyTorch's default ε. */
    public static final double DEFAULT_EPS = 1e-8;

    private final double alpha;
    private final double eps;

    /** RMSProp with α = {@value #DEFAULT_ALPHA} and ε = {@value #DEFAULT_EPS}. */
    public RmsProp() {
        this(DEFAULT_ALPHA, DEFAULT_EPS);
    }

    /**
     * @param alpha α, the fraction of the running average kept each step; in {@code [0, 1)}
     * @param eps   ε added to √s; finite and {@code > 0}
     */
    public RmsProp(double alpha, double eps) {
        super("mean square");
        this.alpha = Checks.inHalfOpenRange("alpha", alpha, 0, 1);
        this.eps = Checks.positive("eps", eps);
    }

    @Override
    protected void apply(double[] w, double[] dw, int n, double learningRate, long step) {
        double[] s = state("mean square");
        for (int i = 0; i < n; i++) {
            s[i] = alpha * s[i] + (1 - alpha) * dw[i] * dw[i];
            w[i] -= learningRate * dw[i] / (Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    public RmsProp copy() {
        return new RmsProp(alpha, eps);
    }

    @Override
    public String toString() {
        return "RmsProp(alpha=" + alpha + ", eps=" + eps + ")";
    }
}
