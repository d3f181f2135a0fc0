package descent.curvature;

import org.ejml.data.DMatrixRMaj;

/**
 * The least-squares Hessian and its condition number before and after standardizing the inputs.
 *
 * @param rawHessian            {@code X^T X / N}, D × D (a copy)
 * @param rawCondition          its condition number
 * @param normalizedHessian     {@code Z^T Z / N} with Z the standardized X, D × D (a copy)
 * @param normalizedCondition   its condition number
 */
public record ConditioningReport(DMatrixRMaj rawHessian, double rawCondition, DMatrixRMaj normalizedHessian,
        double normalizedCondition) {
    /** Copies the matrices. */
    public ConditioningReport {
        rawHessian = rawHessian.copy();
        normalizedHessian = normalizedHessian.copy();
    }

    @Override
    public DMatrixRMaj rawHessian() {
        return rawHessian.copy();
    }

    @Override
    public DMatrixRMaj normalizedHessian() {
        return normalizedHessian.copy();
    }

    /** How many times better conditioned the normalized problem is: raw / normalized. */
    public double improvement() {
        return rawCondition / normalizedCondition;
    }

    /** E.g. {@code "condition number 8.78e+05 -> 2.48"}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "condition number %.3g -> %.3g", rawCondition,
                normalizedCondition);
    }
}
