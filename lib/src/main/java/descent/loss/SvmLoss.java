package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * The multiclass SVM (hinge) loss as one fused pass over X: the fast twin of {@link SvmLossNaive}
 * and {@link SvmLossVectorized}.
 *
 * <p>Same inputs and outputs as the naive one. For example i with scores {@code s = W x_i} and
 * label {@code y_i}:
 * <pre>
 *   L_i = Σ_{j ≠ y_i} max(0, s_j − s_{y_i} + Δ)
 *   L   = (1/N) Σ_i L_i + λ Σ W²
 * </pre>
 * W is C × D, the batch N × D. The gradient of L_i puts {@code +x_i} on every row j with a
 * positive margin and {@code −(count of those) x_i} on row y_i. At a kink (a margin exactly 0)
 * the subgradient 0 is taken, as in the naive version.
 *
 * <p>Runs as one fused pass over X on all cores ({@link LinearKernels}).
 */
public final class SvmLoss extends SvmLossForm {
    /** SVM loss with margin Δ = 1 and regularization strength {@code reg} (≥ 0). */
    public SvmLoss(double reg) {
        this(1.0, reg);
    }

    /** SVM loss with margin {@code delta} (&gt; 0) and regularization strength {@code reg} (≥ 0). */
    public SvmLoss(double delta, double reg) {
        super("SVM loss", delta, reg);
    }

    @Override
    LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient) {
        double d = delta();
        RowLoss hinge = (row, s, label, g) -> {
            double correct = s[label];
            double li = 0;
            int positive = 0;
            for (int j = 0; j < s.length; j++) {
                if (j == label) {
                    continue;
                }
                double margin = s[j] - correct + d;
                if (margin > 0) {
                    li += margin;
                    positive++;
                    if (g != null) {
                        g[j] = 1;
                    }
                } else if (g != null) {
                    g[j] = 0;
                }
            }
            if (g != null) {
                g[label] = -positive;
            }
            return li;
        };
        return LinearKernels.evaluate(w, batch, reg(), hinge, withGradient);
    }
}
