package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The multiclass SVM (hinge) loss in matrix form, written to be read: CS231n's "vectorized"
 * {@code svm_loss_vectorized} with EJML operations instead of numpy.
 *
 * <p>Same inputs and outputs as {@link SvmLossNaive}. With W (C × D), X (N × D) and Y the one-hot
 * labels (N × C, 1 at (i, y_i)):
 * <pre>
 *   S = X Wᵀ                                   scores, N × C
 *   M = max(0, S − s_y 1ᵀ + Δ), M[i, y_i] = 0   margins, N × C  (s_y: the N correct scores)
 *   L = sum(M) / N + λ ΣW²
 *   G = [M &gt; 0] − (row counts of [M &gt; 0]) ∘ Y  N × C
 *   dW = Gᵀ X / N + 2 λ W                      C × D
 * </pre>
 * A margin of exactly 0 (a kink) contributes nothing, as in the naive version; Δ is 1, as in
 * CS231n. The float32 data of a {@link descent.data.Precision#FLOAT32} batch is copied to float64
 * first.
 *
 * <p>Every step makes a whole matrix: N × C for the scores and margins, so it uses more memory
 * than {@link SvmLoss}, the library's fused kernel, which computes the same in one pass over X
 * without them. Tests hold the three forms equal.
 */
public final class SvmLossVectorized extends SvmLossForm {
    /** SVM loss with margin Δ = 1, as in CS231n, and regularization strength {@code reg} (≥ 0). */
    public SvmLossVectorized(double reg) {
        super("SVM loss, in matrix form", 1.0, reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        int n = L2Regularization.checkArguments(w, batch);
        int c = w.numRows;
        DMatrixRMaj x = batch.xAsDouble();
        DMatrixRMaj scores = MatrixForm.scores(x, w);                              // S = X Wᵀ, N × C
        DMatrixRMaj onehot = MatrixForm.oneHot(batch, c);                          // Y, N × C
        DMatrixRMaj correct = CommonOps_DDRM.sumRows(
                CommonOps_DDRM.elementMult(scores, onehot, null), null);           // s_y, N × 1
        DMatrixRMaj margins = scores.copy();
        CommonOps_DDRM.multAdd(-1, correct, MatrixForm.ones(1, c), margins);       // S − s_y 1ᵀ
        CommonOps_DDRM.add(margins, delta());                                      //   + Δ
        CommonOps_DDRM.apply(margins, v -> Math.max(0, v));                        // max(0, ·)
        CommonOps_DDRM.elementMult(margins, CommonOps_DDRM.apply(onehot, v -> 1 - v, null));
        double dataLoss = CommonOps_DDRM.elementSum(margins) / n;

        DMatrixRMaj g = CommonOps_DDRM.apply(margins, v -> v > 0 ? 1 : 0, null);   // [M > 0]
        DMatrixRMaj counts = CommonOps_DDRM.sumRows(g, null);                      // N × 1
        CommonOps_DDRM.multRows(counts.data, onehot);                              // counts ∘ Y
        CommonOps_DDRM.subtractEquals(g, onehot);
        DMatrixRMaj dw = CommonOps_DDRM.multTransA(g, x, null);                    // Gᵀ X, C × D
        CommonOps_DDRM.scale(1.0 / n, dw);
        return regularized(w, dataLoss, dw);
    }
}
