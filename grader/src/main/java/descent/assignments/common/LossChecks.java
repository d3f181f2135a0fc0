package descent.assignments.common;

import descent.grade.Feedback;
import descent.loss.LossAndGradient;

/**
 * What the SVM and softmax tests share: calling a student's loss with a first check of what came
 * back, and comparing it with the library's reference, with messages that teach.
 */
public final class LossChecks {
    private LossChecks() {
    }

    /** Calls the student's loss and fails with a hint if it returned null or a dW of the wrong shape. */
    public static LossAndGradient call(LossFunction loss, Problem p, double reg) {
        LossAndGradient r = loss.apply(p.w(), p.x(), p.y(), reg);
        Feedback.that(r != null, "your loss function returned null",
                "end it with return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dW);");
        Feedback.shape("dW", p.w().numRows, p.w().numCols, r.gradient(),
                "dW has W's shape, C × D: new DMatrixRMaj(W.numRows, W.numCols)");
        return r;
    }

    /** Fails unless the loss is within {@code tol} (relative) of the reference's. */
    public static void lossMatches(LossAndGradient expected, LossAndGradient actual, double tol, String hint) {
        Feedback.close("loss", expected.loss(), actual.loss(), tol, hint);
    }

    /** Fails unless every entry of dW is within {@code tol} (relative) of the reference's. */
    public static void gradientMatches(LossAndGradient expected, LossAndGradient actual, double tol,
                                       String hint) {
        Feedback.matrixClose("dW", expected.gradient(), actual.gradient(), tol, hint);
    }
}
