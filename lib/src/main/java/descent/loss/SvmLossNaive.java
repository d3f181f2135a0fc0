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
 * exactly 0 (a kink) contributes nothing. Δ is 1, as in CS231n ({@link SvmLoss} takes any Δ).
 * The loop over the examples and the averaging are {@link RegularizedLoss#byLoops}'s; this class
 * writes one example's {@code L_i} and gradient. {@link SvmLossVectorized} is the same in matrix
 * form, {@link SvmLoss} the fused fast kernel; tests hold the three equal.
 */
public final class SvmLossNaive extends SvmLossForm {
    /** SVM loss with margin Δ = 1, as in CS231n, and regularization strength {@code reg} (≥ 0). */
    public SvmLossNaive(double reg) {
        super("SVM loss, by loops", 1.0, reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        return byLoops(w, batch, this::hinge);
    }

    /** {@code L_i}; each positive margin adds x_i to row j of dW and −x_i to row y_i. */
    private double hinge(double[] scores, int label, Dataset x, int i, DMatrixRMaj dw) {
        double li = 0;
        for (int j = 0; j < scores.length; j++) {
            double margin = scores[j] - scores[label] + delta();
            if (j != label && margin > 0) {
                li += margin;
                addToRow(dw, j, 1, x, i);
                addToRow(dw, label, -1, x, i);
            }
        }
        return li;
    }
}
