package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * q4's public tests: linear warm-up then cosine decay, with B = 0.1, W = 10, T = 110, m = 0.001,
 * against the closed form of {@link ScheduleFactory}.
 */
@Question("q4")
class SchedulePublicTest {
    private static final double TOL = 1e-10;
    private static final double B = 0.1;
    private static final int W = 10;
    private static final int T = 110;
    private static final double M = 0.001;

    private final ScheduleFactory factory = Answers.get("q4", ScheduleFactory.class);

    @Test
    @Points(1)
    @DisplayName("the warm-up: B/W at step 0, rising by B/W a step, B at its last step t = W − 1")
    void warmUpRisesToBaseRate() {
        // rate(t) = B·(t + 1)/W = 0.01·(t + 1): rate(0) = 0.01, rate(4) = 0.05, rate(9) = 0.1
        IntToDoubleFunction rate = factory.create(B, W, T, M);
        double[][] expected = {{0, 0.01}, {4, 0.05}, {9, 0.1}};
        for (double[] e : expected) {
            int t = (int) e[0];
            double got = rate.applyAsDouble(t);
            Feedback.close("the rate at step " + t, e[1], got, TOL, UpdateChecks.diagnose(got,
                    "during the warm-up (t < W) the rate is B·(t + 1)/W",
                    B * t / W, "off by one: the first step t = 0 already gets B/W (and t = W − 1 gets"
                            + " B), so the warm-up is B·(t + 1)/W, not B·t/W",
                    B * (t + 1) / (W + 1), "divide by W: B·(t + 1)/W reaches B at t = W − 1"));
        }
    }

    @Test
    @Points(1)
    @DisplayName("the cosine: halfway down at t = W − 1 + (T − W)/2, exactly m at the last step t = T − 1")
    void cosineEndsAtMinRate() {
        // rate(t) = m + (B - m)·(1 + cos(π·(t + 1 - W)/(T - W)))/2 with T - W = 100:
        // t = 59: cos(π/2) = 0    -> (B + m)/2 = 0.0505
        // t = 109: cos(π) = -1    -> m = 0.001
        IntToDoubleFunction rate = factory.create(B, W, T, M);
        double mid = rate.applyAsDouble(59);
        Feedback.close("the rate at step 59", 0.0505, mid, TOL, UpdateChecks.diagnose(mid,
                "after the warm-up the rate is m + (B − m)·(1 + cos(π·(t + 1 − W)/(T − W)))/2",
                closedForm(58), "off by one: the cosine's argument is π·(t + 1 − W)/(T − W), 0 at the"
                        + " warm-up's peak t = W − 1 and π at the last step t = T − 1",
                B / 2, "the cosine falls from B to m: m + (B − m)·(1 + cos(...))/2, not B·(1 + cos(...))/2"));
        double last = rate.applyAsDouble(T - 1);
        Feedback.close("the rate at the last step 109", M, last, TOL, UpdateChecks.diagnose(last,
                "the cosine reaches minRate at the last step t = T − 1",
                closedForm(T - 2), "at the last step t = T − 1 the argument π·(t + 1 − W)/(T − W) is π,"
                        + " so the rate is exactly minRate; yours stops one step short"));
    }

    @Test
    @Points(1)
    @DisplayName("every step 0 … T − 1 matches the formula")
    void everyStepMatchesFormula() {
        IntToDoubleFunction rate = factory.create(B, W, T, M);
        for (int t = 0; t < T; t++) {
            Feedback.close("the rate at step " + t, closedForm(t), rate.applyAsDouble(t), TOL,
                    "warm-up B·(t + 1)/W for t < W, then m + (B − m)·(1 + cos(π·(t + 1 − W)/(T − W)))/2");
        }
    }

    /** The formula of {@link ScheduleFactory} for B, W, T, m of this class (t < T). */
    private static double closedForm(int t) {
        return t < W ? B * (t + 1) / W
                : M + (B - M) * (1 + Math.cos(Math.PI * (t + 1 - W) / (T - W))) / 2;
    }
}
