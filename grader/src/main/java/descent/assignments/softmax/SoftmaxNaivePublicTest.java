package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.LossAndGradient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public tests of q1, the softmax loss and gradient with loops: N = 50, D = 30, C = 10. */
@Question("q1")
class SoftmaxNaivePublicTest {
    private static final double TOL = 1e-6;

    private static SoftmaxLossFunction answer() {
        return Answers.get("q1", SoftmaxLossFunction.class);
    }

    @Test
    @Points(2)
    @DisplayName("loss at a tiny random W is about log C = log 10 = 2.303")
    void lossAtTinyWIsLogTen() {
        Problem p = Problem.random(51, 50, 30, 10, 1e-4);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        Feedback.close("loss at W ≈ 0", Math.log(10), yours.loss(), 0.01, "with W ≈ 0 all 10 scores"
                + " are ≈ 0, so every class gets probability ≈ 1/10 and −log(1/10) = 2.303; use the"
                + " natural logarithm Math.log and divide the sum by N");
    }

    @Test
    @Points(2)
    @DisplayName("loss matches the reference (reg = 0)")
    void lossMatchesReference() {
        Problem p = Problem.random(52, 50, 30, 10, 0.1);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossChecks.lossMatches(expected, LossChecks.call(answer(), p, 0.0), TOL, "L is the mean"
                + " over the N examples of −log(exp(s_{y_i}) / Σ_j exp(s_j)), with s = W x_i");
    }

    @Test
    @Points(2)
    @DisplayName("gradient matches the reference (reg = 0)")
    void gradientMatchesReference() {
        Problem p = Problem.random(53, 50, 30, 10, 0.1);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossChecks.gradientMatches(expected, LossChecks.call(answer(), p, 0.0), TOL, "row j of"
                + " dW gets (p_j − [j == y_i]) · x_i from every example i, where p = softmax(s); then"
                + " divide dW by N");
    }

    @Test
    @Points(2)
    @DisplayName("loss and gradient match the reference with regularization (reg = 0.5)")
    void regularizationMatchesReference() {
        Problem p = Problem.random(54, 50, 30, 10, 0.1);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.5);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.5);
        LossChecks.lossMatches(expected, yours, TOL, "add reg · Σ W² (every entry of W squared) to"
                + " the data loss");
        LossChecks.gradientMatches(expected, yours, TOL, "the regularization adds 2 · reg · W to dW");
    }
}
