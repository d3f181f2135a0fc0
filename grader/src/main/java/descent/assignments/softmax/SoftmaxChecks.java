package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.loss.LossAndGradient;
import descent.loss.SoftmaxLossNaive;
import org.ejml.data.DMatrixRMaj;

/**
 * What the tests of the softmax questions share: the references (the library's loss, and the
 * probabilities computed here the stable way) and the comparisons with messages that teach.
 */
public final class SoftmaxChecks {
    private SoftmaxChecks() {
    }

    /** The library's {@link SoftmaxLossNaive} at the problem's W. */
    public static LossAndGradient reference(Problem p, double reg) {
        return new SoftmaxLossNaive(reg).lossAndGradient(p.w(), p.dataset());
    }

    /** The reference probabilities, N × C: softmax of each row of X·Wᵀ, shifted by the row's max. */
    public static DMatrixRMaj probabilities(DMatrixRMaj w, DMatrixRMaj x) {
        int n = x.numRows;
        int c = w.numRows;
        DMatrixRMaj p = new DMatrixRMaj(n, c);
        for (int i = 0; i < n; i++) {
            double[] s = new double[c];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                for (int k = 0; k < x.numCols; k++) {
                    s[j] += w.get(j, k) * x.get(i, k);
                }
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int j = 0; j < c; j++) {
                p.set(i, j, s[j] / sum);
            }
        }
        return p;
    }

    /**
     * A problem whose scores are about ±1e5 (X entries ~1e3, W entries ~20): exp of them overflows
     * to infinity unless the row's maximum is subtracted first.
     */
    public static Problem hugeScores(long seed) {
        Problem p = Problem.random(seed, 20, 30, 10, 20.0);
        for (int k = 0; k < p.x().data.length; k++) {
            p.x().data[k] *= 1e3;
        }
        return p;
    }

    /** A problem whose scores are all about −5e5: exp of every one underflows to 0 unless shifted. */
    public static Problem allScoresVeryNegative(long seed) {
        Problem p = Problem.random(seed, 20, 30, 10, 1.0);
        for (int k = 0; k < p.x().data.length; k++) {
            p.x().data[k] = 1e3 * (1 + Math.abs(p.x().data[k]));
        }
        for (int k = 0; k < p.w().data.length; k++) {
            p.w().data[k] = -(10 + Math.abs(p.w().data[k]));
        }
        return p;
    }
}
