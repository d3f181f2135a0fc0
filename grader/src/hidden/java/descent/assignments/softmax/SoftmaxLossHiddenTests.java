package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.loss.LossAndGradient;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests shared by q1 (the softmax loss with loops) and q2 (vectorized and stable): the same
 * checks, each question with its own seeds. The subclasses name the question.
 */
abstract class SoftmaxLossHiddenTests {
    private static final double TOL = 1e-6;

    private final String question;
    private final long seed;

    /** Tests of {@code question}, their problems drawn from seeds {@code seed + 1}, {@code seed + 2}, ... */
    SoftmaxLossHiddenTests(String question, long seed) {
        this.question = question;
        this.seed = seed;
    }

    SoftmaxLossFunction answer() {
        return Answers.get(question, SoftmaxLossFunction.class);
    }

    @Test
    @Points(1)
    @DisplayName("dataLoss and regLoss are filled in separately")
    void partsOfTheLoss() {
        Problem p = Problem.random(seed + 1, 40, 20, 10, 0.1);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.5);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.5);
        Feedback.close("dataLoss", expected.dataLoss(), yours.dataLoss(), TOL, "dataLoss is the mean"
                + " cross-entropy without regularization");
        Feedback.close("regLoss", expected.regLoss(), yours.regLoss(), TOL, "regLoss is reg · Σ W²;"
                + " return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dW)");
    }

    @Test
    @Points(1)
    @DisplayName("W, X and y are unchanged after the call")
    void inputsUnchanged() {
        Problem p = Problem.random(seed + 2, 30, 12, 5, 0.1);
        Problem before = p.copy();
        LossChecks.call(answer(), p, 0.2);
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
        Problem p = Problem.random(seed + 3, 5, 7, 3, 0.3);
        LossAndGradient expected = SoftmaxChecks.reference(p, 0.0);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        LossChecks.lossMatches(expected, yours, TOL, hint);
        LossChecks.gradientMatches(expected, yours, TOL, hint);
        Problem one = Problem.random(seed + 4, 1, 4, 4, 0.5);
        LossAndGradient expectedOne = SoftmaxChecks.reference(one, 0.0);
        LossAndGradient yoursOne = LossChecks.call(answer(), one, 0.0);
        LossChecks.lossMatches(expectedOne, yoursOne, TOL, hint);
        LossChecks.gradientMatches(expectedOne, yoursOne, TOL, hint);
    }
}
