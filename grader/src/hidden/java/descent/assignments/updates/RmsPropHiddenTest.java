package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.RmsProp;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q2's hidden tests: ε outside the square root, and state per instance. */
@Question("q2")
class RmsPropHiddenTest {
    /** As in the public tests: ε = 1e-8 inside or outside the root differs by about 1e-7 only. */
    private static final double TOL = 1e-6;

    private final RmsPropFactory factory = Answers.get("q2", RmsPropFactory.class);

    @Test
    @Points(1)
    @DisplayName("ε is added outside the square root (gradients of about 1e-4, ε = 1e-4)")
    void epsOutsideSquareRoot() {
        // √s is about 1e-5 here: √s + ε ≈ 1.1e-4, but √(s + ε) ≈ 1e-2, steps 100 times smaller
        String hint = "ε goes outside the square root, dW / (√s + ε), as in PyTorch; √(s + ε) is another"
                + " rule, and it shows when the gradients are small";
        UpdateChecks.sameTrajectory("PyTorch's RMSprop(alpha=0.99, eps=1e-4)",
                new RmsProp(0.99, 1e-4)::updateInPlace, factory.create(0.99, 1e-4),
                UpdateChecks.gaussian(2, 3, 1.0, new Random(21)), UpdateChecks.gradients(20, 2, 3, 1e-4, 22),
                UpdateChecks.constant(20, 1e-3), TOL, hint, hint);
    }

    @Test
    @Points(1)
    @DisplayName("two rules (α = 0.5 on 1 × 2, α = 0.9 on 4 × 3) keep their own averages")
    void instancesKeepTheirOwnAverage() {
        UpdateRule a = factory.create(0.5, 1e-8);
        UpdateRule b = factory.create(0.9, 1e-8);
        RmsProp refA = new RmsProp(0.5, 1e-8);
        RmsProp refB = new RmsProp(0.9, 1e-8);
        DMatrixRMaj wa = UpdateChecks.row(1, -1);
        DMatrixRMaj wb = UpdateChecks.gaussian(4, 3, 1.0, new Random(23));
        DMatrixRMaj ea = wa.copy();
        DMatrixRMaj eb = wb.copy();
        List<DMatrixRMaj> ga = UpdateChecks.gradients(10, 1, 2, 1.0, 24);
        List<DMatrixRMaj> gb = UpdateChecks.gradients(10, 4, 3, 1.0, 25);
        String hint = "keep s in a field of the rule (not static, not a variable outside the class),"
                + " created on the rule's first step with w's shape, and use the α it was created with";
        for (int t = 0; t < 10; t++) {
            refA.updateInPlace(ea, ga.get(t), 0.01);
            UpdateChecks.step(a, wa, ga.get(t), 0.01, t + 1);
            Feedback.stepClose("w", t + 1, "PyTorch's RMSprop(alpha=0.5)", ea, wa, TOL, hint);
            refB.updateInPlace(eb, gb.get(t), 0.001);
            UpdateChecks.step(b, wb, gb.get(t), 0.001, t + 1);
            Feedback.stepClose("w", t + 1, "PyTorch's RMSprop(alpha=0.9)", eb, wb, TOL, hint);
        }
    }
}
