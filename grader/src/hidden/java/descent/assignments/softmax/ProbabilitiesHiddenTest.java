package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.SoftmaxLossNaive;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of q3, the class probabilities. */
@Question("q3")
class ProbabilitiesHiddenTest {
    private static final double TOL = 1e-9;

    private static DMatrixRMaj call(Problem p) {
        DMatrixRMaj probs = Answers.get("q3", ProbabilitiesFunction.class).apply(p.w(), p.x());
        Feedback.shape("P", p.n(), p.w().numRows, probs, "one row per example and one column per"
                + " class: N × C");
        return probs;
    }

    @Test
    @Points(1)
    @DisplayName("the mean of −log P[i][y_i] is the softmax data loss")
    void consistentWithTheLoss() {
        Problem p = Problem.random(171, 40, 15, 6, 0.4);
        DMatrixRMaj probs = call(p);
        double mean = 0;
        for (int i = 0; i < p.n(); i++) {
            mean -= Math.log(probs.get(i, p.y()[i])) / p.n();
        }
        Feedback.close("the mean of −log P[i][y_i]", new SoftmaxLossNaive(0).loss(p.w(), p.dataset()),
                mean, 1e-9, "column j of P is class j (row j of W), row i is example i (row i of X)");
    }

    @Test
    @Points(1)
    @DisplayName("W and X are unchanged after the call")
    void inputsUnchanged() {
        Problem p = Problem.random(172, 20, 9, 4, 0.5);
        Problem before = p.copy();
        call(p);
        Feedback.unchanged("W", before.w(), p.w(), "compute the scores into a new matrix");
        Feedback.unchanged("X", before.x(), p.x(), "read X, never write it");
    }

    @Test
    @Points(1)
    @DisplayName("at W = 0 every class gets 1/C (C = 7)")
    void uniformAtZero() {
        Problem p = Problem.random(173, 12, 5, 7, 0.0);
        DMatrixRMaj expected = new DMatrixRMaj(12, 7);
        for (int k = 0; k < expected.data.length; k++) {
            expected.data[k] = 1.0 / 7;
        }
        Feedback.matrixClose("P", expected, call(p), TOL, "equal scores give equal probabilities:"
                + " exp(0) / (7 · exp(0)) = 1/7");
    }
}
