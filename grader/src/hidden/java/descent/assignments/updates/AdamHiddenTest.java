package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.Adam;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q3's hidden tests: each rule counts its own steps, other β's, and ε after the correction. */
@Question("q3")
class AdamHiddenTest {
    /** As in the public tests: ε = 1e-8 inside or outside the root differs by about 1e-7 only. */
    private static final double TOL = 1e-6;

    private final AdamFactory factory = Answers.get("q3", AdamFactory.class);

    @Test
    @Points(1)
    @DisplayName("a rule made after another has taken 10 steps starts at t = 1 (β1 = 0.5, β2 = 0.9)")
    void eachRuleCountsItsOwnSteps() {
        UpdateRule first = factory.create(0.9, 0.999, 1e-8);
        Adam refFirst = new Adam(0.9, 0.999, 1e-8);
        DMatrixRMaj w1 = UpdateChecks.gaussian(2, 2, 1.0, new Random(31));
        DMatrixRMaj e1 = w1.copy();
        List<DMatrixRMaj> g1 = UpdateChecks.gradients(15, 2, 2, 1.0, 32);
        for (int t = 0; t < 10; t++) {
            refFirst.updateInPlace(e1, g1.get(t), 0.01);
            UpdateChecks.step(first, w1, g1.get(t), 0.01, t + 1);
        }
        UpdateRule second = factory.create(0.5, 0.9, 1e-8);
        Adam refSecond = new Adam(0.5, 0.9, 1e-8);
        DMatrixRMaj w2 = UpdateChecks.row(3, -3, 0.5);
        DMatrixRMaj e2 = w2.copy();
        List<DMatrixRMaj> g2 = UpdateChecks.gradients(5, 1, 3, 1.0, 33);
        String hint = "keep t, m and v in fields of the rule (not static, not variables outside the"
                + " class): a new rule starts at t = 1 with m = v = 0, and uses its own β1, β2";
        for (int t = 0; t < 5; t++) {
            refSecond.updateInPlace(e2, g2.get(t), 0.1);
            UpdateChecks.step(second, w2, g2.get(t), 0.1, t + 1);
            Feedback.stepClose("w", t + 1, "PyTorch's Adam(betas=(0.5, 0.9)) for your second rule", e2, w2,
                    TOL, hint);
            refFirst.updateInPlace(e1, g1.get(10 + t), 0.01);
            UpdateChecks.step(first, w1, g1.get(10 + t), 0.01, 11 + t);
            Feedback.stepClose("w", 11 + t, "PyTorch's Adam for your first rule", e1, w1, TOL, hint);
        }
    }

    @Test
    @Points(1)
    @DisplayName("ε is added to √v̂, outside the square root and after the correction (ε = 0.1)")
    void epsAfterCorrectionOutsideRoot() {
        // gradients of about 0.01 make √v̂ ≈ 0.01, so where ε = 0.1 goes changes every step
        String hint = "w -= lr·m̂ / (√v̂ + ε): take the root of the corrected v̂, then add ε";
        UpdateChecks.sameTrajectory("PyTorch's Adam(eps=0.1)", new Adam(0.9, 0.999, 0.1)::updateInPlace,
                factory.create(0.9, 0.999, 0.1), UpdateChecks.gaussian(2, 3, 1.0, new Random(34)),
                UpdateChecks.gradients(20, 2, 3, 0.01, 35), UpdateChecks.constant(20, 0.01), TOL, hint, hint);
    }
}
