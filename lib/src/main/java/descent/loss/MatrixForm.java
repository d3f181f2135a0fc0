package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The pieces the matrix forms ({@link SvmLossVectorized}, {@link SoftmaxLossVectorized}) share. */
final class MatrixForm {
    private MatrixForm() {
    }

    /** The scores {@code S = X Wᵀ}, N × C, of X (N × D, as float64), checked finite. */
    static DMatrixRMaj scores(DMatrixRMaj x, DMatrixRMaj w) {
        DMatrixRMaj scores = CommonOps_DDRM.multTransB(x, w, null);
        for (int i = 0; i < scores.numRows; i++) {
            for (int j = 0; j < scores.numCols; j++) {
                if (!Double.isFinite(scores.get(i, j))) {
                    throw L2Regularization.nonFiniteScores(x, i);
                }
            }
        }
        return scores;
    }

    /** The one-hot labels Y of a batch, N × C: 1 at (i, y_i), else 0. */
    static DMatrixRMaj oneHot(Dataset batch, int c) {
        int[] y = batch.y();
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
}
