package descent.assignments.updates;

import static descent.assignments.updates.UpdateChecks.row;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.Adam;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q3's public tests: Adam with bias correction, as PyTorch computes it. */
@Question("q3")
class AdamPublicTest {
    /**
     * Loose enough that where ε = 1e-8 goes (inside or outside the root) does not matter here,
     * about 1e-7 relative; a hidden test checks that with a large ε.
     */
    private static final double TOL = 1e-6;
    /** The hand computation leaves out ε = 1e-8, which moves w by about 1e-9. */
    private static final double HAND_TOL = 1e-7;
    private static final String BIAS_HINT = "did you apply the bias correction m̂ = m / (1 − β1^t),"
            + " v̂ = v / (1 − β2^t)? With a constant gradient Adam moves each weight by lr per step";

    private final AdamFactory factory = Answers.get("q3", AdamFactory.class);

    @Test
    @Points(2)
    @DisplayName("the first two steps match the hand computation (β1 = 0.9, β2 = 0.999, lr = 0.1)")
    void firstTwoStepsMatchHandComputation() {
        // w = [1, 1], dW = g = [0.5, -2] at both steps, β1 = 0.9, β2 = 0.999, ε = 1e-8, lr = 0.1
        // step 1: m = 0.1·g,   1 - 0.9 = 0.1       -> m̂ = g
        //         v = 0.001·g², 1 - 0.999 = 0.001  -> v̂ = g²
        //         w -= 0.1·g/|g|: w = [0.9, 1.1]
        // step 2: m = 0.9·0.1·g + 0.1·g = 0.19·g,                 1 - 0.9² = 0.19        -> m̂ = g
        //         v = 0.999·0.001·g² + 0.001·g² = 0.001999·g²,   1 - 0.999² = 0.001999  -> v̂ = g²
        //         w = [0.8, 1.2]
        // Without the correction step 1 moves by 0.1·0.1/√0.001 = 0.316 (w[0][0] = 0.6838);
        // with t stuck at 1, step 2 moves by 0.1·1.9/√1.999 = 0.1344 (w[0][0] = 0.7656);
        // with m and v not kept between steps, step 2 gives w[0][0] = 0.8256.
        UpdateRule rule = factory.create(0.9, 0.999, 1e-8);
        DMatrixRMaj w = row(1, 1);
        DMatrixRMaj dw = row(0.5, -2);
        UpdateChecks.step(rule, w, dw, 0.1, 1);
        String hint1 = Double.isFinite(w.data[0])
                ? UpdateChecks.diagnose(w.data[0], BIAS_HINT,
                        0.683772234, BIAS_HINT,
                        -2.16227766, "you corrected m but not v: v̂ = v / (1 − β2^t) too",
                        0.99, "you corrected v but not m: m̂ = m / (1 − β1^t) too",
                        1.1, "subtract: w -= lr·m̂ / (√v̂ + ε)")
                : "count t from 1: at t = 0 the correction 1 − β1^0 is 0 and m / 0 is not a number";
        Feedback.stepClose("w", 1, "Adam", row(0.9, 1.1), w, HAND_TOL, hint1);
        UpdateChecks.step(rule, w, dw, 0.1, 2);
        Feedback.stepClose("w", 2, "Adam", row(0.8, 1.2), w, HAND_TOL,
                UpdateChecks.diagnose(w.data[0], "at step 2 m = 0.19·g and v = 0.001999·g², and the"
                                + " corrections use t = 2: 1 − 0.9² = 0.19, 1 − 0.999² = 0.001999",
                        0.765616113, "the step count t must grow, 1, 2, 3, ...: keep it in a field"
                                + " of your rule and increase it on every step",
                        0.825586320, "m and v must carry over between steps: keep them in fields of"
                                + " your rule, created on the first step"));
    }

    @Test
    @Points(2)
    @DisplayName("100 steps on a 3 × 4 W match PyTorch's Adam(betas=(0.9, 0.999), eps=1e-8)")
    void matchesPyTorchOverHundredSteps() {
        DMatrixRMaj w0 = UpdateChecks.gaussian(3, 4, 1.0, new java.util.Random(5));
        UpdateChecks.sameTrajectory("PyTorch's Adam", new Adam(0.9, 0.999, 1e-8)::updateInPlace,
                factory.create(0.9, 0.999, 1e-8), w0, UpdateChecks.gradients(100, 3, 4, 1.0, 6),
                UpdateChecks.constant(100, 1e-2), TOL,
                "element-wise: m[i], v[i] and w[i] for every entry; " + BIAS_HINT,
                UpdateChecks.CARRY_OVER_HINT);
    }
}
