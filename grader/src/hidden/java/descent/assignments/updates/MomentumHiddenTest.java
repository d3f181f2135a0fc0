package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.Momentum;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q1's hidden tests: a changing rate (PyTorch's form, not the notes'), and state per instance. */
@Question("q1")
class MomentumHiddenTest {
    private static final double TOL = 1e-9;

    private final MomentumFactory factory = Answers.get("q1", MomentumFactory.class);

    @Test
    @Points(1)
    @DisplayName("a rate that changes every step multiplies the whole velocity, as in PyTorch")
    void changingRateScalesWholeVelocity() {
        // The notes' v = μv − lr·dW; w += v keeps old rates inside v; PyTorch's v = μv + dW; w -= lr·v
        // applies this step's rate to all of v. Rates 0.1, 0.05, 0.025, ... tell them apart from step 2.
        double[] rates = new double[20];
        for (int t = 0; t < rates.length; t++) {
            rates[t] = 0.1 * Math.pow(0.5, t);
        }
        String hint = "keep the learning rate out of v: v = μ·v + dW, then w -= lr·v with this step's lr;"
                + " the notes' v = μ·v − lr·dW agrees only while the rate is constant";
        UpdateChecks.sameTrajectory("PyTorch's SGD(momentum=0.9)", new Momentum(0.9)::updateInPlace,
                factory.create(0.9), UpdateChecks.gaussian(2, 3, 1.0, new Random(11)),
                UpdateChecks.gradients(20, 2, 3, 1.0, 12), rates, TOL, hint, hint);
    }

    @Test
    @Points(1)
    @DisplayName("two rules (μ = 0.5 on 1 × 2, μ = 0.99 on 4 × 3) keep their own velocities")
    void instancesKeepTheirOwnVelocity() {
        UpdateRule a = factory.create(0.5);
        UpdateRule b = factory.create(0.99);
        Momentum refA = new Momentum(0.5);
        Momentum refB = new Momentum(0.99);
        DMatrixRMaj wa = UpdateChecks.row(1, -1);
        DMatrixRMaj wb = UpdateChecks.gaussian(4, 3, 1.0, new Random(13));
        DMatrixRMaj ea = wa.copy();
        DMatrixRMaj eb = wb.copy();
        List<DMatrixRMaj> ga = UpdateChecks.gradients(10, 1, 2, 1.0, 14);
        List<DMatrixRMaj> gb = UpdateChecks.gradients(10, 4, 3, 1.0, 15);
        String hint = "keep v in a field of the rule (not static, not a variable outside the class),"
                + " created on the rule's first step with w's shape, and use the μ it was created with";
        for (int t = 0; t < 10; t++) {
            refA.updateInPlace(ea, ga.get(t), 0.1);
            UpdateChecks.step(a, wa, ga.get(t), 0.1, t + 1);
            Feedback.stepClose("w", t + 1, "PyTorch's SGD(momentum=0.5)", ea, wa, TOL, hint);
            refB.updateInPlace(eb, gb.get(t), 0.01);
            UpdateChecks.step(b, wb, gb.get(t), 0.01, t + 1);
            Feedback.stepClose("w", t + 1, "PyTorch's SGD(momentum=0.99)", eb, wb, TOL, hint);
        }
    }
}
