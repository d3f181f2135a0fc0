package descent.assignments.svm;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.LossAndGradient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public tests of q1, the SVM loss and gradient with loops: N = 50, D = 30, C = 10. */
@Question("q1")
class SvmNaivePublicTest {
    private static final double TOL = 1e-6;

    private static SvmLossFunction answer() {
        return Answers.get("q1", SvmLossFunction.class);
    }

    @Test
    @Points(2)
    @DisplayName("loss at a tiny random W is about C − 1 = 9")
    void lossAtTinyWIsAboutNine() {
        Problem p = Problem.random(11, 50, 30, 10, 1e-4);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        Feedback.close("loss at W ≈ 0", 9.0, yours.loss(), 0.01, "with W ≈ 0 every score is ≈ 0, so each"
                + " of the 9 wrong classes has a margin of ≈ 1; skip the correct class (j == y[i]) and"
                + " divide the sum by N");
    }

    @Test
    @Points(2)
    @DisplayName("loss matches the reference (reg = 0)")
    void lossMatchesReference() {
        Problem p = Problem.random(12, 50, 30, 10, 0.1);
        LossAndGradient expected = SvmChecks.reference(p, 0.0);
        LossChecks.lossMatches(expected, LossChecks.call(answer(), p, 0.0), TOL, "L is the mean over"
                + " the N examples of Σ_{j ≠ y_i} max(0, s_j − s_{y_i} + 1), with s = W x_i");
    }

    @Test
    @Points(2)
    @DisplayName("gradient matches the reference (reg = 0)")
    void gradientMatchesReference() {
        Problem p = Problem.random(13, 50, 30, 10, 0.1);
        LossAndGradient expected = SvmChecks.reference(p, 0.0);
        LossChecks.gradientMatches(expected, LossChecks.call(answer(), p, 0.0), TOL, "for every margin"
                + " > 0 add x_i to row j of dW and subtract x_i from row y_i, then divide dW by N");
    }

    @Test
    @Points(2)
    @DisplayName("loss and gradient match the reference with regularization (reg = 0.5)")
    void regularizationMatchesReference() {
        Problem p = Problem.random(14, 50, 30, 10, 0.1);
        LossAndGradient expected = SvmChecks.reference(p, 0.5);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.5);
        LossChecks.lossMatches(expected, yours, TOL, "add reg · Σ W² (every entry of W squared) to the"
                + " data loss");
        LossChecks.gradientMatches(expected, yours, TOL, "the regularization adds 2 · reg · W to dW");
    }
}
