package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.LossAndGradient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of q2, the vectorized, numerically stable softmax loss: those of
 * {@link SoftmaxLossHiddenTests}, and scores far outside exp's range.
 */
@Question("q2")
class SoftmaxVectorizedHiddenTest extends SoftmaxLossHiddenTests {
    private static final double TOL = 1e-6;

    SoftmaxVectorizedHiddenTest() {
        super("q2", 160);
    }

    @Test
    @Points(1)
    @DisplayName("scores that are all about −5e5 give a finite loss equal to the reference")
    void allScoresVeryNegative() {
        Problem p = SoftmaxChecks.allScoresVeryNegative(165);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        LossChecks.lossMatches(expected, yours, TOL, "exp(−5e5) underflows to 0, so the row sum"
                + " is 0 and log 0 = −Infinity: subtracting the row's largest score makes the largest"
                + " term exp(0) = 1");
    }

    @Test
    @Points(1)
    @DisplayName("scores of about 1e5 give the reference gradient too")
    void hugeScoresGradient() {
        Problem p = SoftmaxChecks.hugeScores(166);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.1);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.1);
        LossChecks.gradientMatches(expected, yours, TOL, "compute the probabilities for dW from the"
                + " shifted scores too, not only the loss");
    }
}
