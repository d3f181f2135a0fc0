package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.check.Difference;
import descent.check.GradientCheck;
import descent.check.GradientCheckResult;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.LossAndGradient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public tests of q2, the vectorized, numerically stable softmax loss: same contract as q1. */
@Question("q2")
class SoftmaxVectorizedPublicTest {
    private static final double TOL = 1e-6;
    /** Largest relative error a gradient check of a smooth loss may show. */
    private static final double CHECK_TOL = 1e-6;

    private static SoftmaxLossFunction answer() {
        return Answers.get("q2", SoftmaxLossFunction.class);
    }

    @Test
    @Points(2)
    @DisplayName("loss and gradient match the reference (reg = 0; N = 50, D = 30, C = 10)")
    void matchesReferenceWithoutReg() {
        Problem p = Problem.random(61, 50, 30, 10, 0.1);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        LossChecks.lossMatches(expected, yours, TOL, "scores = X·Wᵀ (N × C); per row: subtract the"
                + " max, exponentiate, divide by the row sum; the loss is the mean of −log P[i][y_i]");
        LossChecks.gradientMatches(expected, yours, TOL, "dW = (P − Y)ᵀ·X / N, with Y the N × C"
                + " one-hot matrix of the labels");
    }

    @Test
    @Points(2)
    @DisplayName("loss and gradient match the reference (reg = 0.3; N = 200, D = 50, C = 10)")
    void matchesReferenceWithReg() {
        Problem p = Problem.random(62, 200, 50, 10, 0.05);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.3);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.3);
        LossChecks.lossMatches(expected, yours, TOL, "the loss is dataLoss + reg · Σ W²");
        LossChecks.gradientMatches(expected, yours, TOL, "dW is the data gradient plus 2 · reg · W");
    }

    @Test
    @Points(2)
    @DisplayName("scores of about 1e5 give a finite loss equal to the reference")
    void hugeScoresStayFinite() {
        Problem p = SoftmaxChecks.hugeScores(63);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        LossChecks.lossMatches(expected, yours, TOL, "exp(1e5) overflows to Infinity and"
                + " Infinity / Infinity is NaN: subtract each row's largest score before exp (the"
                + " probabilities do not change, see the notes' \"practical issues\")");
    }

    @Test
    @Points(1)
    @DisplayName("passes a gradient check: relative error ≤ 1e-6 at every entry (W: 4 × 8, reg = 0.1)")
    void passesGradientCheck() {
        Problem p = Problem.random(64, 20, 8, 4, 0.5);
        SoftmaxLossFunction loss = answer();
        LossAndGradient yours = LossChecks.call(loss, p, 0.1);
        GradientCheckResult check = GradientCheck.full(w -> loss.apply(w, p.x(), p.y(), 0.1).loss(),
                p.w().copy(), yours.gradient(), 1e-5, Difference.CENTERED);
        int worst = 0;
        for (int k = 0; k < check.size(); k++) {
            if (!(check.relativeErrors()[k] <= check.relativeErrors()[worst])) {
                worst = k;
            }
        }
        Feedback.that(check.maxRelativeError() <= CHECK_TOL, "gradient check of your loss: at W["
                + check.rows()[worst] + "][" + check.cols()[worst] + "] your dW says "
                + Feedback.num(check.analytic()[worst]) + " but the centered difference of your loss"
                + " gives " + Feedback.num(check.numerical()[worst]) + " (relative error "
                + Feedback.num(check.relativeErrors()[worst]) + ", allowed 1e-6)", "softmax is smooth,"
                + " so dW must agree with the loss it comes from: is dW = (P − Y)ᵀ·X / N + 2·reg·W"
                + " computed from the same P as the loss?");
    }
}
