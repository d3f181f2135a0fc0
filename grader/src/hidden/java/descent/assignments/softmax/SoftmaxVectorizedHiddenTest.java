package descent.assignments.softmax;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.LossAndGradient;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of q2, the vectorized, numerically stable softmax loss. */
@Question("q2")
class SoftmaxVectorizedHiddenTest {
    private static final double TOL = 1e-6;

    private static SoftmaxLossFunction answer() {
        return Answers.get("q2", SoftmaxLossFunction.class);
    }

    @Test
    @Points(1)
    @DisplayName("dataLoss and regLoss are filled in separately")
    void partsOfTheLoss() {
        Problem p = Problem.random(161, 40, 20, 10, 0.1);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.5);
        LossAndGradient yours = SoftmaxChecks.call(answer(), p, 0.5);
        Feedback.close("dataLoss", expected.dataLoss(), yours.dataLoss(), TOL, "dataLoss is the mean"
                + " cross-entropy without regularization");
        Feedback.close("regLoss", expected.regLoss(), yours.regLoss(), TOL, "regLoss is reg · Σ W²;"
                + " return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dW)");
    }

    @Test
    @Points(1)
    @DisplayName("W, X and y are unchanged after the call")
    void inputsUnchanged() {
        Problem p = Problem.random(162, 30, 12, 5, 0.1);
        Problem before = p.copy();
        SoftmaxChecks.call(answer(), p, 0.2);
        Feedback.unchanged("W", before.w(), p.w(), "write the gradient into a new matrix, never into W");
        Feedback.unchanged("X", before.x(), p.x(), "read X, never write it");
        Feedback.that(Arrays.equals(before.y(), p.y()), "your code changed the labels y", "read y only");
    }

    @Test
    @Points(1)
    @DisplayName("works for other shapes: C = 3, D = 7, N = 5, and a single example")
    void otherShapes() {
        String hint = "take N, D and C from the matrices (X.numRows, W.numCols, W.numRows), never from"
                + " constants; W is C × D and X is N × D";
        Problem p = Problem.random(163, 5, 7, 3, 0.3);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossAndGradient yours = SoftmaxChecks.call(answer(), p, 0.0);
        SoftmaxChecks.lossMatches(expected, yours, TOL, hint);
        SoftmaxChecks.gradientMatches(expected, yours, TOL, hint);
        Problem one = Problem.random(164, 1, 4, 4, 0.5);
        LossAndGradient expectedOne = SoftmaxChecks.reference(one, 0.0);
        LossAndGradient yoursOne = SoftmaxChecks.call(answer(), one, 0.0);
        SoftmaxChecks.lossMatches(expectedOne, yoursOne, TOL, hint);
        SoftmaxChecks.gradientMatches(expectedOne, yoursOne, TOL, hint);
    }

    @Test
    @Points(1)
    @DisplayName("scores that are all about −5e5 give a finite loss equal to the reference")
    void allScoresVeryNegative() {
        Problem p = SoftmaxChecks.allScoresVeryNegative(165);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossAndGradient yours = SoftmaxChecks.call(answer(), p, 0.0);
        SoftmaxChecks.lossMatches(expected, yours, TOL, "exp(−5e5) underflows to 0, so the row sum"
                + " is 0 and log 0 = −Infinity: subtracting the row's largest score makes the largest"
                + " term exp(0) = 1");
    }

    @Test
    @Points(1)
    @DisplayName("scores of about 1e5 give the reference gradient too")
    void hugeScoresGradient() {
        Problem p = SoftmaxChecks.hugeScores(166);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.1);
        LossAndGradient yours = SoftmaxChecks.call(answer(), p, 0.1);
        SoftmaxChecks.gradientMatches(expected, yours, TOL, "compute the probabilities for dW from the"
                + " shifted scores too, not only the loss");
    }
}
