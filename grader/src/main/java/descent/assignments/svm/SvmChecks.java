package descent.assignments.svm;

import descent.grade.Feedback;
import descent.loss.LossAndGradient;
import descent.loss.SvmLossNaive;

/**
 * What the tests of q1 and q2 share: the library's reference answer and the comparison of an
 * answer with it, with messages that teach.
 */
public final class SvmChecks {
    private SvmChecks() {
    }

    /** The library's {@link SvmLossNaive} (Δ = 1) at the problem's W. */
    public static LossAndGradient reference(Problem p, double reg) {
        return new SvmLossNaive(reg).lossAndGradient(p.w(), p.dataset());
    }

    /** Calls the student's loss and fails with a hint if it returned null or a null gradient. */
    public static LossAndGradient call(SvmLossFunction loss, Problem p, double reg) {
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
