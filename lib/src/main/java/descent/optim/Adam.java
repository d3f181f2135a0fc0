package descent.optim;

import descent.util.Checks;

/**
 * Adam: momentum on the gradient and RMSProp-style scaling, both bias-corrected, exactly as
 * PyTorch computes it. At step t = 1, 2, ...:
 * <pre>
 *   m ← β1 · m + (1 - β1) · dW                  (m, v start at 0)
 *   v ← β2 · v + (1 - β2) · dW²
 *   W ← W - (lr / (1 - β1^t)) · m / (√v / √(1 - β2^t) + ε)      (element-wise)
 * </pre>
 *
 * <p>PyTorch: {@code torch.optim.Adam(params, lr, betas=(0.9, 0.999), eps=1e-8)} with
 * {@code amsgrad=False} and no weight decay. ε is added after the bias correction of √v, as in
 * PyTorch (CS231n's notes write {@code m̂ / (√v̂ + ε)}, which is the same). The step t counts from
 * 1, so on the first step m̂ = dW and v̂ = dW² and each weight moves by about lr.
 *
 * <p>State: the first moment m and the second moment v, each C × D, and the step count.
 */
public final class Adam extends AbstractOptimizer {
    /** PyTorch's default β1. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** PyTorch's default β2. */
    public static final double DEFAULT_BETA2 = 0.999;
    /** PyTorch's default ε. */
    public static final double DEFAULT_EPS = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double eps;

    /** Adam with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public Adam() {
        this(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
    }

    /**
     * @param beta1 β1, decay of the first moment (mean of dW); in {@code [0, 1)}
     * @param beta2 β2, decay of the second moment (mean of dW²); in {@code [0, 1)}
     * @param eps   ε added to the corrected √v; finite and {@code > 0}
     */
    public Adam(double beta1, double beta2, double eps) {
        super("m", "v");
        this.beta1 = Checks.inHalfOpenRange("beta1", beta1, 0, 1);
        this.beta2 = Checks.inHalfOpenRange("beta2", beta2, 0, 1);
        this.eps = Checks.positive("eps", eps);
    }

    @Override
    protected void apply(double[] w, double[] dw, int n, double learningRate, long step) {
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = learningRate / biasCorrection1;
        double[] m = state("m");
        double[] v = state("v");
        for (int i = 0; i < n; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * dw[i];
            v[i] = beta2 * v[i] + (1 - beta2) * dw[i] * dw[i];
            double denominator = Math.sqrt(v[i]) / biasCorrection2Sqrt + eps;
            w[i] -= stepSize * m[i] / denominator;
        }
    }

    @Override
    public Adam copy() {
        return new Adam(beta1, beta2, eps);
    }

    @Override
    public String toString() {
        return "Adam(beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")";
    }
}
