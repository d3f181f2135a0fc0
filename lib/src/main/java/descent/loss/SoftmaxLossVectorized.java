package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The softmax cross-entropy loss in matrix form, written to be read: CS231n's "vectorized"
 * {@code softmax_loss_vectorized} with EJML operations instead of numpy.
 *
 * <p>Same inputs and outputs as {@link SoftmaxLossNaive}. With W (C × D), X (N × D) and Y the
 * one-hot labels (N × C, 1 at (i, y_i)):
 * <pre>
 *   S = X Wᵀ − m 1ᵀ            scores minus each row's largest m_i, N × C
 *   P = exp(S) / row sums        probabilities, N × C
 *   L = (1/N) Σ_i (log Σ_j exp S[i, j] − S[i, y_i]) + λ ΣW²
 *   dW = (P − Y)ᵀ X / N + 2 λ W  C × D
 * </pre>
 * Subtracting each row's largest score keeps {@code exp} from overflowing and changes neither the
 * loss nor the gradient. The float32 data of a {@link descent.data.Precision#FLOAT32} batch is
 * copied to float64 first.
 *
 * <p>Every step makes a whole N × C matrix; {@link SoftmaxLoss}, the library's fused kernel,
 * computes the same in one pass over X without them. Tests hold the three forms equal.
 */
public final class SoftmaxLossVectorized extends RegularizedLoss {
    /** Softmax loss with regularization strength {@code reg} (≥ 0). */
    public SoftmaxLossVectorized(double reg) {
        super("softmax loss, in matrix form", reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        int n = L2Regularization.checkArguments(w, batch);
        int c = w.numRows;
        DMatrixRMaj x = batch.xAsDouble();
        DMatrixRMaj scores = MatrixForm.scores(x, w);                              // X Wᵀ, N × C
        DMatrixRMaj max = CommonOps_DDRM.maxRows(scores, null);                    // m, N × 1
        CommonOps_DDRM.multAdd(-1, max, MatrixForm.ones(1, c), scores);            // S = X Wᵀ − m 1ᵀ
        DMatrixRMaj probs = CommonOps_DDRM.elementExp(scores, null);
        DMatrixRMaj sums = CommonOps_DDRM.sumRows(probs, null);                    // N × 1
        CommonOps_DDRM.divideRows(sums.data, probs);                               // P
        DMatrixRMaj onehot = MatrixForm.oneHot(batch, c);                          // Y, N × C
        DMatrixRMaj correct = CommonOps_DDRM.sumRows(
                CommonOps_DDRM.elementMult(scores, onehot, null), null);           // S[i, y_i]
        CommonOps_DDRM.elementLog(sums, sums);
        double dataLoss = (CommonOps_DDRM.elementSum(sums) - CommonOps_DDRM.elementSum(correct)) / n;

        CommonOps_DDRM.subtractEquals(probs, onehot);                              // P − Y
        DMatrixRMaj dw = CommonOps_DDRM.multTransA(probs, x, null);                // C × D
        CommonOps_DDRM.scale(1.0 / n, dw);
        return regularized(w, dataLoss, dw);
    }
}
