package descent.optim;

/**
 * Plain (vanilla) stochastic gradient descent: {@code W ← W - lr · dW}.
 *
 * <p>PyTorch: {@code torch.optim.SGD(params, lr)} with momentum 0. It keeps no state beyond the
 * step count and the shape it was first used with.
 */
public final class Sgd extends AbstractOptimizer {

    /** Vanilla SGD; it has no hyperparameters besides the learning rate passed to each step. */
    public Sgd() {
    }

    @Override
    protected void apply(double[] w, double[] dw, int n, double learningRate, long step) {
        for (int i = 0; i < n; i++) {
            w[i] -= learningRate * dw[i];
        }
    }

    @Override
    public Sgd copy() {
        return new Sgd();
    }

    @Override
    public String toString() {
        return "Sgd()";
    }
}
