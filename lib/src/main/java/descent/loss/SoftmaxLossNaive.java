package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The softmax cross-entropy loss with explicit loops, written to be read.
 *
 * <p>For example i with scores {@code s = W x_i} and label {@code y_i}:
 * <pre>
 *   L_i = −s_{y_i} + log Σ_j exp(s_j)      computed as  log Σ_j exp(s_j − m) − (s_{y_i} − m),  m = max_j s_j
 *   L   = (1/N) Σ_i L_i + λ Σ W²           (see {@link L2Regularization})
 *   dL_i/dW_j = (p_j − [j = y_i]) x_i,     p = softmax(s)
 * </pre>
 * W is C classes × D features; the batch holds N examples of D features. Subtracting the largest
 * score first keeps {@code exp} from overflowing and changes neither the loss nor the gradient.
 * The loop over the examples and the averaging are {@link RegularizedLoss#byLoops}'s; this class
 * writes one example's {@code L_i} and gradient. {@link SoftmaxLossVectorized} is the same in
 * matrix form, {@link SoftmaxLoss} the fused fast kernel; tests hold the three equal.
 */
public final class SoftmaxLossNaive extends RegularizedLoss {
    /** Softmax loss with regularization strength {@code reg} (≥ 0). */
    public SoftmaxLossNaive(double reg) {
        super("softmax loss, by loops", reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        return byLoops(w, batch, SoftmaxLossNaive::crossEntropy);
    }

    /** {@code L_i}, shifted by m; adds {@code (p_j − [j = y_i]) x_i} to every row j of dW. */
    private static double crossEntropy(double[] scores, int label, Dataset x, int i, DMatrixRMaj dw) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sumExp = 0;
        for (double s : scores) {
            sumExp += Math.exp(s - max);
        }
        for (int j = 0; j < scores.length; j++) {
            double p = Math.exp(scores[j] - max) / sumExp;
            addToRow(dw, j, p - (j == label ? 1 : 0), x, i);
        }
        return Math.log(sumExp) - (scores[label] - max);
    }
}
