package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The multiclass SVM (hinge) loss with explicit loops, written to be read.
 *
 * <p>For example i with scores {@code s = W x_i} and label {@code y_i}:
 * <pre>
 *   L_i = Σ_{j ≠ y_i} max(0, s_j − s_{y_i} + Δ)
 *   L   = (1/N) Σ_i L_i + λ Σ W²          (see {@link L2Regularization})
 * </pre>
 * W is C classes × D features; the batch holds N examples of D features. Every positive margin
 * adds {@code x_i} to row j of the gradient and subtracts {@code x_i} from row y_i. A margin of
 * exactly 0 (a kink) contributes nothing. {@link SvmLossVectorized} is the same in matrix
 * form, {@link SvmLoss} the fused fast kernel; tests hold the three equal.
 */
public final class SvmLossNaive extends SvmLossForm {
    /** SVM loss with margin Δ = 1 and regularization strength {@code reg} (≥ 0). */
    public SvmLossNaive(double reg) {
        this(1.0, reg);
    }

    /** SVM loss with margin {@code delta} (&gt; 0) and regularization strength {@code reg} (≥ 0). */
    public SvmLossNaive(double delta, double reg) {
        super("SVM loss, by loops", delta, reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        int n = L2Regularization.checkArguments(w, batch);
        int c = w.numRows;
        int d = w.numCols;
        int[] y = batch.y();
        DMatrixRMaj dw = new DMatrixRMaj(c, d);
        double dataLoss = 0;
        for (int i = 0; i < n; i++) {
            double[] scores = scoresByLoops(w, batch, i);   // s = W x_i, C values
            double correct = scores[y[i]];
            for (int j = 0; j < c; j++) {
                if (j == y[i]) {
                    continue;
                }
                double margin = scores[j] - correct + delta();
                if (margin > 0) {
                    dataLoss += margin;
                    for (int k = 0; k < d; k++) {
                        dw.add(j, k, batch.get(i, k));
                        dw.add(y[i], k, -batch.get(i, k));
                    }
                }
            }
        }
        dataLoss /= n;
        for (int k = 0; k < dw.data.length; k++) {
            dw.data[k] /= n;
        }
        return regularized(w, dataLoss, dw);
    }
}
