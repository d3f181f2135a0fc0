package descent.loss;

import descent.data.Dataset;
import descent.util.Checks;
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
public final class SvmLossNaive implements Loss {
    private final double delta;
    private final double reg;

    /** SVM loss with margin Δ = 1 and regularization strength {@code reg} (≥ 0). */
    public SvmLossNaive(double reg) {
        this(1.0, reg);
    }

    /**
     * @param delta the margin Δ, &gt; 0
     * @param reg   λ in {@code λ ΣW²}, ≥ 0
     */
    public SvmLossNaive(double delta, double reg) {
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
        int d = w.numCols;
        int[] y = batch.y();
        DMatrixRMaj dw = new DMatrixRMaj(c, d);
        double dataLoss = 0;
        for (int i = 0; i < n; i++) {
            double[] scores = new double[c];
            for (int j = 0; j < c; j++) {
                for (int k = 0; k < d; k++) {
                    scores[j] += w.get(j, k) * batch.get(i, k);
                }
            }
            L2Regularization.checkScores(batch.x(), i, scores);
            double correct = scores[y[i]];
            for (int j = 0; j < c; j++) {
                if (j == y[i]) {
                    continue;
                }
                double margin = scores[j] - correct + delta;
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
        double regLoss = L2Regularization.penalty(w, reg);
        L2Regularization.addGradientInPlace(w, reg, dw);
        return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dw);
    }

    @Override
    public String toString() {
        return "SvmLossNaive[delta=" + delta + ", reg=" + reg + "]";
    }
}
