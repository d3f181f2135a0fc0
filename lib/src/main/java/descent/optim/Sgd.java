package descent.optim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
    protected void createState(int rows, int cols) {
    }

    @Override
    protected void clearState() {
    }

    @Override
    protected void apply(DMatrixRMaj w, DMatrixRMaj dw, double learningRate, long step) {
        CommonOps_DDRM.addEquals(w, -learningRate, dw); // W += (-lr) * dW
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
