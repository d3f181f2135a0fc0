package descent.assignments.softmax;

import org.ejml.data.DMatrixRMaj;

/**
 * The answer to q3: the class probabilities a softmax classifier assigns to each example.
 *
 * <pre>
 *   P[i][j] = exp(s_ij − m_i) / Σ_k exp(s_ik − m_i),    s = X·Wᵀ,  m_i = max_k s_ik
 * </pre>
 * Every row of P is finite, in [0, 1], and sums to 1, however large the scores.
 */
@FunctionalInterface
public interface ProbabilitiesFunction {

    /**
     * The probabilities of every class for every example.
     *
     * @param W weights, C × D; not modified
     * @param X examples, N × D, one a row; not modified
     * @return a new N × C matrix P, row i the distribution over the C classes for example i
     */
    DMatrixRMaj apply(DMatrixRMaj W, DMatrixRMaj X);
}
