package descent.curvature;

import java.util.Arrays;

/**
 * The result of a convexity test: whether the Hessian was positive semi-definite at every point
 * checked, and if not, the first point where it failed.
 *
 * <p>A sample can only refute convexity, never prove it: {@code convex() == true} means "no
 * counterexample among these points".
 *
 * @param convex              true if every point passed
 * @param pointsChecked       how many points were examined (stops at the first failure)
 * @param firstFailure        the first failing point, or null if none failed
 * @param smallestEigenvalue  at the first failure, its smallest eigenvalue; otherwise the smallest
 *                            eigenvalue seen over all points
 * @param tolerance           an eigenvalue ≥ -tolerance counted as non-negative
 */
public record ConvexityReport(boolean convex, int pointsChecked, double[] firstFailure, double smallestEigenvalue,
        double tolerance) {
    /** Copies the point. */
    public ConvexityReport {
        firstFailure = firstFailure == null ? null : firstFailure.clone();
    }

    @Override
    public double[] firstFailure() {
        return firstFailure == null ? null : firstFailure.clone();
    }

    @Override
    public String toString() {
        return convex
                ? "ConvexityReport[PSD at all " + pointsChecked + " points, smallest eigenvalue "
                        + smallestEigenvalue + ", tolerance=" + tolerance + "]"
                : "ConvexityReport[not PSD at " + Arrays.toString(firstFailure) + " (point " + pointsChecked
                        + "), eigenvalue " + smallestEigenvalue + ", tolerance=" + tolerance + "]";
    }
}
