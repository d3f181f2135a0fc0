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
        if (convex) {
            return "convex: the Hessian is PSD at all " + descent.util.Readable.count(pointsChecked)
                    + " points, smallest eigenvalue " + descent.util.Readable.number(smallestEigenvalue) + " (tolerance "
                    + descent.util.Readable.number(tolerance) + ")";
        }
        StringBuilder at = new StringBuilder();
        for (double v : firstFailure) {
            at.append(at.length() == 0 ? "" : ", ").append(descent.util.Readable.number(v));
        }
        return "not convex: eigenvalue " + descent.util.Readable.number(smallestEigenvalue) + " at (" + at + "), point "
                + descent.util.Readable.count(pointsChecked) + " checked (tolerance " + descent.util.Readable.number(tolerance) + ")";
    }
}
