package descent.assignments.updates;

import static descent.assignments.updates.UpdateChecks.row;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.Momentum;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q1's public tests: SGD with momentum in PyTorch's form, {@code v = μ·v + dW; W -= lr·v}. */
@Question("q1")
class MomentumPublicTest {
    private static final double TOL = 1e-9;

    private final MomentumFactory factory = Answers.get("q1", MomentumFactory.class);

    @Test
    @Points(1)
    @DisplayName("the first two steps match the hand computation (μ = 0.9, lr = 0.1)")
    void firstTwoStepsMatchHandComputation() {
        // w = [1, -2], dW = [0.5, 1] at both steps, μ = 0.9, lr = 0.1
        // step 1: v = 0.9·0 + [0.5, 1] = [0.5, 1]           w = [1 - 0.05, -2 - 0.1]    = [0.95, -2.1]
        // step 2: v = 0.9·[0.5, 1] + [0.5, 1] = [0.95, 1.9]  w = [0.95 - 0.095, -2.1 - 0.19] = [0.855, -2.29]
        UpdateRule rule = factory.create(0.9);
        DMatrixRMaj w = row(1, -2);
        DMatrixRMaj dw = row(0.5, 1);
        UpdateChecks.step(rule, w, dw, 0.1, 1);
        Feedback.stepClose("w", 1, "the hand computation", row(0.95, -2.1), w, TOL,
                UpdateChecks.diagnose(w.data[0], "on the first step v = dW, so w moves by lr·dW",
                        1.05, "subtract: w -= lr·v (v points uphill, like dW)",
                        0.995, "PyTorch's v = μ·v + dW has no (1 − μ) in front of dW",
                        0.5, "multiply by the learning rate: w -= lr·v"));
        UpdateChecks.step(rule, w, dw, 0.1, 2);
        Feedback.stepClose("w", 2, "the hand computation", row(0.855, -2.29), w, TOL,
                UpdateChecks.diagnose(w.data[0], "at step 2 v = 0.9·[0.5, 1] + [0.5, 1] = [0.95, 1.9]",
                        0.9, "v must carry over between steps: keep it in a field of your rule,"
                                + " created on the first step and updated on every step"));
    }

    @Test
    @Points(2)
    @DisplayName("50 steps on a 3 × 4 W match PyTorch's SGD(momentum=0.9)")
    void matchesPyTorchOverFiftySteps() {
        DMatrixRMaj w0 = UpdateChecks.gaussian(3, 4, 1.0, new java.util.Random(1));
        UpdateChecks.sameTrajectory("PyTorch's SGD(momentum=0.9)", new Momentum(0.9)::updateInPlace,
                factory.create(0.9), w0, UpdateChecks.gradients(50, 3, 4, 1.0, 2),
                UpdateChecks.constant(50, 0.01), TOL,
                "on the first step v = dW; update every entry of the matrix (w.getNumElements() of them)",
                UpdateChecks.CARRY_OVER_HINT);
    }
}
