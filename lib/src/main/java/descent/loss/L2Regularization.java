package descent.loss;

import descent.util.Checks;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * L2 regularization as the course writes it: {@code R(W) = λ · Σ_{j,d} W[j,d]²}, gradient
 * {@code 2 λ W}.
 *
 * <p>The convention is CS231n's assignment code ({@code loss += reg * np.sum(W * W)}), not the
 * {@code ½ λ ΣW²} some texts use, so reg values and losses can be compared with that code. Every
 * entry of W is regularized, the bias column included, as there.
 */
public final class L2Regularization {
    private L2Regularization() {
    }

    /** {@code λ · ΣW²}; W is not modified. */
    public static double penalty(DMatrixRMaj w, double reg) {
        if (reg == 0) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k < w.getNumElements(); k++) {
            sum += w.data[k] * w.data[k];
        }
        return reg * sum;
    }

    /** Adds {@code 2 λ W} to {@code dw} (modified); both C × D. */
    public static void addGradientInPlace(DMatrixRMaj w, double reg, DMatrixRMaj dw) {
        if (reg != 0) {
            CommonOps_DDRM.addEquals(dw, 2 * reg, w);
        }
    }

    /** The checks every loss makes at the door; returns N. */
    static int checkArguments(DMatrixRMaj w, descent.data.Dataset batch) {
        Checks.notNull("W", w);
        Checks.notNull("batch", batch);
        Checks.require(batch.size() > 0, "batch must not be empty");
        if (w.numCols != batch.features() || w.numRows != batch.numClasses()) {
            throw new IllegalArgumentException("W must be " + batch.numClasses() + " x " + batch.features()
                    + " (classes x features of the batch) but was: " + w.numRows + " x " + w.numCols);
        }
        Checks.allFinite("W", w.data, w.numRows * w.numCols);
        return batch.size();
    }

    /**
     * Throws if a score of example {@code row} is not finite. W is checked finite at the door, so a
     * non-finite score means X's row holds a NaN or an infinity (put there after the dataset was
     * built: construction checks it; {@link IllegalArgumentException}) or the products overflowed
     * ({@link ArithmeticException}, which a trainer reports as divergence). A check of C scores an
     * example, not a scan of X, so the hot loop stays fast.
     *
     * @param x      the batch's N × D features
     * @param row    the example, in {@code [0, N)}
     * @param scores its C scores
     */
    static void checkScores(org.ejml.data.Matrix x, int row, double[] scores) {
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw nonFiniteScores(x, row);
            }
        }
    }

    /** Whether example {@code row} of X has a NaN or infinite entry. */
    static boolean rowHasNonFinite(org.ejml.data.Matrix x, int row) {
        return firstNonFiniteColumn(x, row) >= 0;
    }

    /** The first column where example {@code row} of X is NaN or infinite, or -1. */
    private static int firstNonFiniteColumn(org.ejml.data.Matrix x, int row) {
        int d = x.getNumCols();
        for (int k = 0; k < d; k++) {
            if (!Double.isFinite(entry(x, row * d + k))) {
                return k;
            }
        }
        return -1;
    }

    private static double entry(org.ejml.data.Matrix x, int index) {
        return x instanceof org.ejml.data.FMatrixRMaj f ? f.data[index] : ((DMatrixRMaj) x).data[index];
    }

    /**
     * The exception for a non-finite score of example {@code row}: X's bad entry
     * ({@link IllegalArgumentException}), or overflow ({@link ArithmeticException}).
     */
    static RuntimeException nonFiniteScores(org.ejml.data.Matrix x, int row) {
        int d = x.getNumCols();
        int k = firstNonFiniteColumn(x, row);
        if (k >= 0) {
            return new IllegalArgumentException("X has " + Checks.describe(entry(x, row * d + k), row, k,
                    x.getNumRows(), d) + descent.data.Dataset.NON_FINITE_ADVICE);
        }
        return new ArithmeticException("the scores W x of row " + row + " are not finite although X and W "
                + "are: their values are too large; normalise the data and start from small weights");
    }
}
