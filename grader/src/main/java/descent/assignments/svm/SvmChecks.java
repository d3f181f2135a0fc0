package descent.assignments.svm;

import descent.assignments.common.Problem;
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
}
