package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public tests of q3, the class probabilities of a softmax classifier. */
@Question("q3")
class ProbabilitiesPublicTest {
    private static final double TOL = 1e-9;

    private static ProbabilitiesFunction answer() {
        return Answers.get("q3", ProbabilitiesFunction.class);
    }

    static DMatrixRMaj call(Problem p) {
        DMatrixRMaj probs = answer().apply(p.w(), p.x());
        Feedback.shape("P", p.n(), p.w().numRows, probs, "one row per example and one column per"
                + " class: N × C, like scores = X·Wᵀ");
        return probs;
    }

    @Test
    @Points(1)
    @DisplayName("returns an N × C matrix (N = 30, C = 10)")
    void shape() {
        call(Problem.random(71, 30, 20, 10, 0.1));
    }

    @Test
    @Points(2)
    @DisplayName("matches softmax(X·Wᵀ) row by row")
    void matchesReference() {
        Problem p = Problem.random(72, 30, 20, 10, 0.3);
        Feedback.matrixClose("P", SoftmaxChecks.probabilities(p.w(), p.x()), call(p), TOL, "P[i][j] ="
                + " exp(s_ij − m_i) / Σ_k exp(s_ik − m_i) with s = X·Wᵀ and m_i the largest score of"
                + " row i");
    }

    @Test
    @Points(1)
    @DisplayName("every row is a probability distribution: entries in [0, 1] summing to 1")
    void rowsSumToOne() {
        Problem p = Problem.random(73, 30, 20, 10, 1.0);
        DMatrixRMaj probs = call(p);
        for (int i = 0; i < probs.numRows; i++) {
            double sum = 0;
            for (int j = 0; j < probs.numCols; j++) {
                double v = probs.get(i, j);
                Feedback.that(v >= 0 && v <= 1, "P[" + i + "][" + j + "] is " + Feedback.num(v)
                        + ", not a probability", "exponentiate the shifted scores: exp is never negative");
                sum += v;
            }
            Feedback.close("the sum of row " + i + " of P", 1.0, sum, 1e-12, "divide each row by its"
                    + " own sum (CommonOps_DDRM.divideRows), not by the sum over all of P");
        }
    }

    @Test
    @Points(1)
    @DisplayName("scores of about 1e5 give finite probabilities")
    void hugeScores() {
        Problem p = SoftmaxChecks.hugeScores(74);
        Feedback.matrixClose("P", SoftmaxChecks.probabilities(p.w(), p.x()), call(p), TOL, "subtract"
                + " each row's largest score before exp: exp(1e5) is Infinity");
    }
}
