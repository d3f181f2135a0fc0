package descent.assignments.updates;

import static descent.assignments.updates.UpdateChecks.row;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.RmsProp;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q2's public tests: RMSProp, {@code s = α·s + (1 − α)·dW²; W -= lr·dW / (√s + ε)}. */
@Question("q2")
class RmsPropPublicTest {
    /**
     * Loose enough that where ε = 1e-8 goes (inside or outside the root) does not matter here,
     * about 1e-7 relative; a hidden test checks that with a large ε.
     */
    private static final double TOL = 1e-6;
    /** The hand computation leaves out ε = 1e-8, which moves w by less than 1e-9. */
    private static final double HAND_TOL = 1e-7;

    private final RmsPropFactory factory = Answers.get("q2", RmsPropFactory.class);

    @Test
    @Points(1)
    @DisplayName("the first two steps match the hand computation (α = 0.9, lr = 0.01)")
    void firstTwoStepsMatchHandComputation() {
        // w = [1, 1], dW = [0.5, -2] at both steps, α = 0.9, ε = 1e-8 (too small to matter here), lr = 0.01
        // step 1: s = 0.1·dW²                      dW/√s = ±1/√0.1 = ±3.16227766
        //         w = [1 - 0.0316227766, 1 + 0.0316227766] = [0.9683772234, 1.0316227766]
        // step 2: s = 0.9·0.1·dW² + 0.1·dW² = 0.19·dW²  dW/√s = ±1/√0.19 = ±2.29415734
        //         w = [0.9683772234 - 0.0229415734, 1.0316227766 + 0.0229415734] = [0.94543565, 1.05456435]
        UpdateRule rule = factory.create(0.9, 1e-8);
        DMatrixRMaj w = row(1, 1);
        DMatrixRMaj dw = row(0.5, -2);
        UpdateChecks.step(rule, w, dw, 0.01, 1);
        Feedback.stepClose("w", 1, "the hand computation", row(0.9683772234, 1.0316227766), w, HAND_TOL,
                UpdateChecks.diagnose(w.data[0], "s starts at 0, so after step 1 s = (1 − α)·dW² and"
                                + " each weight moves by lr/√(1 − α) = 3.16·lr",
                        0.99, "s = α·s + (1 − α)·dW², with no bias correction and with the (1 − α):"
                                + " the first step is lr/√(1 − α) ≈ 3.16·lr, not lr",
                        0.8, "divide by the square root: dW / (√s + ε)",
                        1.0316227766, "subtract: w -= lr·dW / (√s + ε)"));
        UpdateChecks.step(rule, w, dw, 0.01, 2);
        Feedback.stepClose("w", 2, "the hand computation", row(0.94543565, 1.05456435), w, HAND_TOL,
                UpdateChecks.diagnose(w.data[0], "at step 2 s = 0.9·s + 0.1·dW² = 0.19·dW²",
                        0.9367544468, "s must carry over between steps: keep it in a field of your"
                                + " rule, created on the first step"));
    }

    @Test
    @Points(2)
    @DisplayName("50 steps on a 3 × 4 W match PyTorch's RMSprop(alpha=0.99, eps=1e-8)")
    void matchesPyTorchOverFiftySteps() {
        DMatrixRMaj w0 = UpdateChecks.gaussian(3, 4, 1.0, new java.util.Random(3));
        UpdateChecks.sameTrajectory("PyTorch's RMSprop(alpha=0.99)", new RmsProp(0.99, 1e-8)::updateInPlace,
                factory.create(0.99, 1e-8), w0, UpdateChecks.gradients(50, 3, 4, 1.0, 4),
                UpdateChecks.constant(50, 1e-3), TOL,
                "square element by element (dW[i]·dW[i]) and update every entry of the matrix",
                UpdateChecks.CARRY_OVER_HINT);
    }
}
