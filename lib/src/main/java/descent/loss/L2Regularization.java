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
}
