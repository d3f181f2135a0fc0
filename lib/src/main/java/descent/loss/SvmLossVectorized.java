package descent.loss;

import descent.data.Dataset;
import descent.util.Checks;
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
 * A margin of exactly 0 (a kink) contributes nothing, as in the naive version. The float32 data of
 * a {@link descent.data.Precision#FLOAT32} batch is copied to float64 first.
 *
 * <p>Every step makes a whole matrix: N × C for the scores and margins, so it uses more memory
 * than {@link SvmLoss}, the library's fused kernel, which computes the same in one pass over X
 * without them. Tests hold the three forms equal.
 */
public final class SvmLossVectorized implements Loss {
    private final double delta;
    private final double reg;

    /** SVM loss with margin Δ = 1 and regularization strength {@code reg} (≥ 0). */
    public SvmLossVectorized(double reg) {
        this(1.0, reg);
    }

    /**
     * @param delta the margin Δ, &gt; 0
     * @param reg   λ in {@code λ ΣW²}, ≥ 0
     */
    public SvmLossVectorized(double delta, double reg) {
        this.delta = Checks.positive("delta", delta);
        this.reg = Checks.nonNegative("reg", reg);
    }

    @Override
    public double reg() {
        return reg;
    }

    @Override
    public LossAndGradient lossAndGradient(DMatrixRMaj w, Dataset batch) {
        int n = L2Regularization.checkArguments(w, batch);
        int c = w.numRows;
        int[] y = batch.y();
        DMatrixRMaj x = batch.xAsDouble();
        DMatrixRMaj scores = CommonOps_DDRM.multTransB(x, w, null);               // S = X Wᵀ, N × C
        checkScores(x, scores);
        DMatrixRMaj onehot = oneHot(y, c);                                         // Y, N × C
        DMatrixRMaj correct = CommonOps_DDRM.sumRows(
                CommonOps_DDRM.elementMult(scores, onehot, null), null);           // s_y, N × 1
        DMatrixRMaj margins = scores.copy();
        CommonOps_DDRM.multAdd(-1, correct, ones(1, c), margins);                  // S − s_y 1ᵀ
        CommonOps_DDRM.add(margins, delta);                                        //   + Δ
        CommonOps_DDRM.apply(margins, v -> Math.max(0, v));                        // max(0, ·)
        CommonOps_DDRM.elementMult(margins, CommonOps_DDRM.apply(onehot, v -> 1 - v, null));
        double dataLoss = CommonOps_DDRM.elementSum(margins) / n;

        DMatrixRMaj g = CommonOps_DDRM.apply(margins, v -> v > 0 ? 1 : 0, null);  // [M > 0]
        DMatrixRMaj counts = CommonOps_DDRM.sumRows(g, null);                      // N × 1
        CommonOps_DDRM.multRows(counts.data, onehot);                              // counts ∘ Y
        CommonOps_DDRM.subtractEquals(g, onehot);
        DMatrixRMaj dw = CommonOps_DDRM.multTransA(g, x, null);                    // Gᵀ X, C × D
        CommonOps_DDRM.scale(1.0 / n, dw);
        double regLoss = L2Regularization.penalty(w, reg);
        L2Regularization.addGradientInPlace(w, reg, dw);
        return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dw);
    }

    /** The one-hot labels Y, N × C: 1 at (i, y_i), else 0. */
    static DMatrixRMaj oneHot(int[] y, int c) {
        DMatrixRMaj onehot = new DMatrixRMaj(y.length, c);
        for (int i = 0; i < y.length; i++) {
            onehot.set(i, y[i], 1);
        }
        return onehot;
    }

    /** A matrix of ones, rows × cols. */
    static DMatrixRMaj ones(int rows, int cols) {
        DMatrixRMaj ones = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.fill(ones, 1);
        return ones;
    }

    /** Throws as the other losses do if a score is not finite (names X's bad entry, or overflow). */
    static void checkScores(DMatrixRMaj x, DMatrixRMaj scores) {
        for (int i = 0; i < scores.numRows; i++) {
            for (int j = 0; j < scores.numCols; j++) {
                if (!Double.isFinite(scores.get(i, j))) {
                    throw L2Regularization.nonFiniteScores(x, i);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "SvmLossVectorized[delta=" + delta + ", reg=" + reg + "]";
    }
}
