package descent.assignments.svm;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.LossAndGradient;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public tests of q2, the vectorized SVM loss: same inputs and outputs as q1's. */
@Question("q2")
class SvmVectorizedPublicTest {
    private static final double TOL = 1e-6;

    private static SvmLossFunction answer() {
        return Answers.get("q2", SvmLossFunction.class);
    }

    @Test
    @Points(1)
    @DisplayName("loss at W = 0 is exactly C − 1 = 9")
    void lossAtZeroIsNine() {
        Problem p = Problem.random(21, 40, 30, 10, 0.0).withW(new DMatrixRMaj(10, 30));
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        Feedback.close("loss at W = 0", 9.0, yours.loss(), TOL, "at W = 0 every margin is exactly 1;"
                + " a loss of 10 means the correct class's own margin (s_y − s_y + 1 = 1) was counted:"
                + " set margins[i][y[i]] to 0");
    }

    @Test
    @Points(2)
    @DisplayName("loss and gradient match the reference (reg = 0; N = 50, D = 30, C = 10)")
    void matchesReferenceWithoutReg() {
        Problem p = Problem.random(22, 50, 30, 10, 0.1);
        LossAndGradient expected = SvmChecks.reference(p, 0.0);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        LossChecks.lossMatches(expected, yours, TOL, "margins = max(0, scores − s_y + 1) with scores ="
                + " X·Wᵀ (N × C) and s_y the correct class's score of each row; zero the correct"
                + " class, sum, divide by N");
        LossChecks.gradientMatches(expected, yours, TOL, "build an N × C matrix M: 1 where a margin >"
                + " 0, minus the row's count of those in column y_i; then dW = Mᵀ·X / N");
    }

    @Test
    @Points(2)
    @DisplayName("loss and gradient match the reference (reg = 0.3; N = 200, D = 50, C = 10)")
    void matchesReferenceWithReg() {
        Problem p = Problem.random(23, 200, 50, 10, 0.05);
        LossAndGradient expected = SvmChecks.reference(p, 0.3);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.3);
        LossChecks.lossMatches(expected, yours, TOL, "the loss is dataLoss + reg · Σ W²");
        LossChecks.gradientMatches(expected, yours, TOL, "dW is the data gradient plus 2 · reg · W");
    }
}
