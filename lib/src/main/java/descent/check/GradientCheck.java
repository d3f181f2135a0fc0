package descent.check;

import descent.util.Checks;
import descent.util.Interrupted;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares an analytic gradient with a numerical one, coordinate by coordinate.
 *
 * <p>The relative error at a coordinate is
 * {@code |a − n| / max(|a|, |n|)}, taken as 0 when both are 0 (never NaN). How to read it, from
 * the course notes: about 1e-7 or less, the gradient is right; up to 1e-4 is fine for losses with
 * kinks (the SVM's hinge: a step of h can cross a point where the margin is exactly zero, and the
 * numerical derivative then averages two slopes); 1e-2 or more, it is wrong.
 *
 * <p>Before each coordinate a check looks whether its thread was interrupted (the notebook's stop
 * button) and then stops with {@link Interrupted}, W restored.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * Checks every coordinate.
     *
     * @param f        the function whose gradient {@code analytic} claims to be
     * @param w        the point; modified during the call and restored
     * @param analytic the claimed gradient, W's shape
     * @param h        finite-difference step, &gt; 0
     * @param difference forward or centered
     */
    public static GradientCheckResult full(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w,
                                           DMatrixRMaj analytic, double h, Difference difference) {
        Checks.sameShape("W", w, "analytic", analytic);
        int size = w.numRows * w.numCols;
        int[] indices = new int[size];
        for (int k = 0; k < size; k++) {
            indices[k] = k;
        }
        return at(f, w, analytic, indices, h, difference);
    }

    /**
     * Checks {@code count} coordinates drawn at random (with replacement, like CS231n's
     * {@code grad_check_sparse}) from {@code seed}, with centered differences.
     */
    public static GradientCheckResult sampled(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w,
                                              DMatrixRMaj analytic, int count, double h, long seed) {
        Checks.sameShape("W", w, "analytic", analytic);
        Checks.positive("count", count);
        Random random = new Random(seed);
        int size = w.numRows * w.numCols;
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = random.nextInt(size);
        }
        return at(f, w, analytic, indices, h, Difference.CENTERED);
    }

    /** Checks the given flat (row-major) coordinates. */
    public static GradientCheckResult at(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w,
                                         DMatrixRMaj analytic, int[] indices, double h,
                                         Difference difference) {
        Checks.notNull("f", f);
        Checks.sameShape("W", w, "analytic", analytic);
        Checks.notNull("indices", indices);
        Checks.positive("h", h);
        double fx = difference == Difference.FORWARD ? f.applyAsDouble(w) : Double.NaN;
        int n = indices.length;
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] a = new double[n];
        double[] num = new double[n];
        double[] rel = new double[n];
        for (int i = 0; i < n; i++) {
            if (Interrupted.requested()) {
                throw Interrupted.at("gradient check", "coordinate", i, n, "W is restored and nothing else is "
                        + "kept: check fewer coordinates", null);
            }
            int k = indices[i];
            rows[i] = k / w.numCols;
            cols[i] = k % w.numCols;
            a[i] = analytic.data[k];
            num[i] = NumericalGradient.partial(f, w, k, h, difference, fx);
            rel[i] = relativeError(a[i], num[i]);
        }
        return new GradientCheckResult(rows, cols, a, num, rel);
    }

    /** {@code |a − b| / max(|a|, |b|)}, 0 when both are 0; NaN inputs give NaN. */
    public static double relativeError(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        if (scale == 0) {
            return 0;
        }
        return Math.abs(a - b) / scale;
    }

    /**
     * The relative error of two whole matrices: {@code max_k |a_k − b_k| / max(|a_k|, |b_k|)}.
     */
    public static double maxRelativeError(DMatrixRMaj a, DMatrixRMaj b) {
        Checks.sameShape("a", a, "b", b);
        double worst = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            worst = Math.max(worst, relativeError(a.data[k], b.data[k]));
        }
        return worst;
    }

    /** {@code max_k |a_k − b_k|} over two matrices of the same shape. */
    public static double maxAbsoluteDifference(DMatrixRMaj a, DMatrixRMaj b) {
        Checks.sameShape("a", a, "b", b);
        double worst = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            worst = Math.max(worst, Math.abs(a.data[k] - b.data[k]));
        }
        return worst;
    }
}
