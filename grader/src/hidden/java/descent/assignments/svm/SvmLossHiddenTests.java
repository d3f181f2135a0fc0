package descent.assignments.svm;

import descent.assignments.common.Problem;
import descent.assignments.common.LossChecks;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.loss.LossAndGradient;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests shared by q1 (the SVM loss with loops) and q2 (the vectorized SVM loss): the same checks, each
 * question with its own seeds. The subclasses name the question.
 */
abstract class SvmLossHiddenTests {
    private static final double TOL = 1e-6;

    private final String question;
    private final long seed;

    /** Tests of {@code question}, their problems drawn from seeds {@code seed + 1}, {@code seed + 2}, ... */
    SvmLossHiddenTests(String question, long seed) {
        this.question = question;
        this.seed = seed;
    }

    private SvmLossFunction answer() {
        return Answers.get(question, SvmLossFunction.class);
    }

    @Test
    @Points(1)
    @DisplayName("dataLoss and regLoss are filled in separately")
    void partsOfTheLoss() {
        Problem p = Problem.random(seed + 1, 40, 20, 10, 0.1);
        LossAndGradient expected = SvmChecks.reference(p, 0.5);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.5);
        Feedback.close("dataLoss", expected.dataLoss(), yours.dataLoss(), TOL, "dataLoss is the mean"
                + " hinge loss without regularization");
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
        Problem p = Problem.random(seed + 3, 5, 7, 3, 0.3);
        LossAndGradient expected = SvmChecks.reference(p, 0.0);
        LossAndGradient yours = LossChecks.call(answer(), p, 0.0);
        String hint = "take N, D and C from the matrices (X.numRows, W.numCols, W.numRows), never from"
                + " constants; W is C × D and X is N × D";
        LossChecks.lossMatches(expected, yours, TOL, hint);
        LossChecks.gradientMatches(expected, yours, TOL, hint);
        Problem one = Problem.random(seed + 4, 1, 4, 4, 0.5);
        LossAndGradient expectedOne = SvmChecks.reference(one, 0.0);
        LossAndGradient yoursOne = LossChecks.call(answer(), one, 0.0);
        LossChecks.lossMatches(expectedOne, yoursOne, TOL, hint);
        LossChecks.gradientMatches(expectedOne, yoursOne, TOL, hint);
    }

    @Test
    @Points(1)
    @DisplayName("a margin of exactly 0 adds nothing to the gradient")
    void kink() {
        LossChecks.gradientMatches(SvmChecks.reference(kinkProblem(), 0.0),
                LossChecks.call(answer(), kinkProblem(), 0.0), TOL, "count only margins > 0, not >= 0:"
                        + " at a margin of exactly 0 the hinge max(0, ·) is flat on the side the"
                        + " reference takes");
    }

    /**
     * One example whose margin for class 1 is exactly 0 (scores 1, 0, −5; label 0) and whose other
     * margin is negative: dW is exactly 0, the loss 0.
     */
    static Problem kinkProblem() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {-5, 0}});
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}});
        return new Problem(w, x, new int[] {0}, 3);
    }
}
