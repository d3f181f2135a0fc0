package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q4's hidden tests: other settings, the floor after the last step, and no warm-up at all. */
@Question("q4")
class ScheduleHiddenTest {
    private static final double TOL = 1e-10;
    private static final String FORMULA = "warm-up B·(t + 1)/W for t < W, then"
            + " m + (B − m)·(1 + cos(π·(t + 1 − W)/(T − W)))/2 for W ≤ t < T, and m from t = T on";

    private final ScheduleFactory factory = Answers.get("q4", ScheduleFactory.class);

    @Test
    @Points(1)
    @DisplayName("other settings (B = 2, W = 3, T = 13, m = 0.5) match the formula at every step")
    void otherSettingsMatchFormula() {
        // e.g. rate(0) = 2/3, rate(2) = 2, rate(7) = 0.5 + 1.5·(1 + cos(π/2))/2 = 1.25, rate(12) = 0.5
        IntToDoubleFunction rate = factory.create(2, 3, 13, 0.5);
        for (int t = 0; t < 13; t++) {
            Feedback.close("the rate at step " + t + " (B = 2, W = 3, T = 13, m = 0.5)",
                    closedForm(2, 3, 13, 0.5, t), rate.applyAsDouble(t), TOL,
                    "use the four arguments, not numbers from the example: " + FORMULA);
        }
    }

    @Test
    @Points(1)
    @DisplayName("after the last step the rate stays at minRate (it does not climb back)")
    void staysAtMinRateAfterLastStep() {
        IntToDoubleFunction rate = factory.create(1.0, 5, 50, 0.01);
        for (int t : new int[] {49, 50, 51, 75, 100, 1000}) {
            double got = rate.applyAsDouble(t);
            Feedback.close("the rate at step " + t + " of a 50-step schedule (m = 0.01)", 0.01, got, TOL,
                    "the cosine ends at the last step t = T − 1 = 49; from t = T on return minRate,"
                            + " or the cosine climbs back up to B at t = 2T − W − 1");
        }
    }

    @Test
    @Points(1)
    @DisplayName("no warm-up (W = 0): the cosine starts at step 0 and nothing divides by zero")
    void noWarmUpStartsCosineAtStepZero() {
        // rate(0) = 0.1 + 0.9·(1 + cos(π/10))/2 = 0.97796..., rate(9) = 0.1
        IntToDoubleFunction rate = factory.create(1.0, 0, 10, 0.1);
        for (int t = 0; t < 10; t++) {
            Feedback.close("the rate at step " + t + " with warmupSteps 0 (B = 1, T = 10, m = 0.1)",
                    closedForm(1.0, 0, 10, 0.1, t), rate.applyAsDouble(t), TOL,
                    "with W = 0 no step is a warm-up step (t < 0 never holds): " + FORMULA);
        }
    }

    private static double closedForm(double b, int w, int n, double m, int t) {
        if (t >= n) {
            return m;
        }
        return t < w ? b * (t + 1) / w : m + (b - m) * (1 + Math.cos(Math.PI * (t + 1 - w) / (n - w))) / 2;
    }
}
