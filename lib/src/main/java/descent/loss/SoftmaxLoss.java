package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The softmax cross-entropy loss as one fused pass over X: the fast twin of {@link SoftmaxLossNaive}
 * and {@link SoftmaxLossVectorized}.
 *
 * <p>Same inputs and outputs as the naive one. For example i with scores {@code s = W x_i}:
 * <pre>
 *   p_j = exp(s_j − m) / Σ_k exp(s_k − m),   m = max_k s_k   (the shift changes nothing but overflow)
 *   L_i = −log p_{y_i}
 *   L   = (1/N) Σ_i L_i + λ Σ W²
 *   dL_i/ds_j = p_j − [j = y_i]
 * </pre>
 * W is C × D, the batch N × D. Runs as one fused pass over X on all cores ({@link LinearKernels}).
 */
public final class SoftmaxLoss extends RegularizedLoss {
    /** Softmax loss with regularization strength {@code reg} (≥ 0). */
    public SoftmaxLoss(double reg) {
        super("softmax loss", reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        return LinearKernels.evaluate(w, batch, reg(), SoftmaxLoss::crossEntropy, withGradient);
    }

    /** −log softmax(s)[label], stably; writes p − onehot(label) into g when g is not null. */
    static double crossEntropy(int row, double[] s, int label, double[] g) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            double e = Math.exp(s[j] - max);
            if (g != null) {
                g[j] = e;
            }
            sum += e;
        }
        if (g != null) {
            for (int j = 0; j < s.length; j++) {
                g[j] /= sum;
            }
            g[label] -= 1;
        }
        return Math.log(sum) - (s[label] - max);
    }
}
