package descent.curvature;

import descent.landscape.Grids;
import descent.surface.CriticalPointKind;

/**
 * What a symmetric Hessian says: its eigenvalues and eigenvectors, the kind of critical point it
 * would make, and its condition number.
 *
 * @param eigenvalues     n eigenvalues, ascending
 * @param eigenvectors    n unit eigenvectors; {@code eigenvectors[k]} belongs to {@code eigenvalues[k]}
 * @param kind            minimum, maximum, saddle or degenerate at the tolerance used
 * @param conditionNumber {@code max|λ| / min|λ|}; {@code +Infinity} if some λ is 0
 * @param tolerance       the tolerance τ the kind was decided with
 */
public record CurvatureReport(double[] eigenvalues, double[][] eigenvectors, CriticalPointKind kind,
        double conditionNumber, double tolerance) {
    /** Copies the arrays. */
    public CurvatureReport {
        eigenvalues = eigenvalues.clone();
        eigenvectors = Grids.copy(eigenvectors);
    }

    /** The smallest eigenvalue. */
    public double minEigenvalue() {
        return eigenvalues[0];
    }

    /** The largest eigenvalue. */
    public double maxEigenvalue() {
        return eigenvalues[eigenvalues.length - 1];
    }

    @Override
    public String toString() {
        StringBuilder values = new StringBuilder();
        for (double v : eigenvalues) {
            values.append(values.length() == 0 ? "" : ", ").append(descent.util.Readable.number(v));
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": eigenvalues " + values
                + ", condition number " + descent.util.Readable.number(conditionNumber) + " (tolerance " + descent.util.Readable.number(tolerance) + ")";
    }
}
