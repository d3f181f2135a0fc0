package descent.optim;

import descent.util.Checks;

/**
 * AdaGrad: each weight's step shrinks with the sum of its squared gradients so far.
 * <pre>
 *   s ← s + dW²                       (s starts at initialAccumulatorValue)
 *   W ← W - lr · dW / (√s + ε)        (element-wise)
 * </pre>
 *
 * <p>PyTorch: {@code torch.optim.Adagrad(params, lr, lr_decay=0, initial_accumulator_value, eps)};
 * the default ε is PyTorch's 1e-10. PyTorch's {@code lr_decay} is left out: pass a decaying
 * learning rate from a schedule instead. Unlike PyTorch, ε must be &gt; 0 here, so a weight whose
 * gradient has always been 0 gets 0/ε = 0 and not 0/0 = NaN.
 *
 * <p>State: the sum of squares s, C × D.
 */
public final class AdaGrad extends AbstractOptimizer {
    /** PyTorch's default ε. */
    public static final double DEFAULT_EPS = 1e-10;

    private final double eps;
    private final double initialAccumulatorValue;

    /** AdaGrad with ε = {@value #DEFAULT_EPS} and the accumulator starting at 0. */
    public AdaGrad() {
        this(DEFAULT_EPS, 0.0);
    }

    /**
     * @param eps                     ε added to √s; finite and {@code > 0}
     * @param initialAccumulatorValue the value every entry of s starts at; finite and {@code >= 0}
     */
    public AdaGrad(double eps, double initialAccumulatorValue) {
        super("sum of squares");
        this.eps = Checks.positive("eps", eps);
        this.initialAccumulatorValue =
                Checks.nonNegative("initialAccumulatorValue", initialAccumulatorValue);
    }

    @Override
    protected double stateStartsAt() {
        return initialAccumulatorValue;
    }

    @Override
    protected void apply(double[] w, double[] dw, int n, double learningRate, long step) {
        double[] s = state("sum of squares");
        for (int i = 0; i < n; i++) {
            s[i] += dw[i] * dw[i];
            w[i] -= learningRate * dw[i] / (Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    public AdaGrad copy() {
        return new AdaGrad(eps, initialAccumulatorValue);
    }

    @Override
    public String toString() {
        return "AdaGrad(eps=" + eps + ", initialAccumulatorValue=" + initialAccumulatorValue + ")";
    }
}
