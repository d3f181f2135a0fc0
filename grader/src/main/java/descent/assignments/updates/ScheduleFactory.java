package descent.assignments.updates;

import java.util.function.IntToDoubleFunction;

/**
 * q4: makes a learning-rate schedule, a linear warm-up followed by a cosine decay. Steps count
 * from 0 (the rate of the first step is {@code rate(0)}), as in the library's schedules; with
 * B = baseRate, W = warmupSteps, T = totalSteps, m = minRate:
 * <pre>
 *   0 ≤ t &lt; W:   rate(t) = B · (t + 1) / W                                    (B/W, 2B/W, ..., B)
 *   W ≤ t &lt; T:   rate(t) = m + (B − m) · (1 + cos(π · (t + 1 − W) / (T − W))) / 2
 *   t ≥ T:       rate(t) = m
 * </pre>
 * So the warm-up reaches B at its last step t = W − 1, the cosine reaches m exactly at the last
 * step t = T − 1, and the rate stays at m afterwards. With W = 0 there is no warm-up: the cosine
 * starts at step 0.
 *
 * <p>In the notebook: {@code grader.check("q4", warmupCosine);} where
 * {@code ScheduleFactory warmupCosine = (baseRate, warmupSteps, totalSteps, minRate) -> t -> ...;}
 */
@FunctionalInterface
public interface ScheduleFactory {

    /**
     * The schedule {@code t -> rate(t)}.
     *
     * @param baseRate    B, the peak rate, finite and {@code > 0}
     * @param warmupSteps W, the number of warm-up steps, {@code 0 <= W < T}
     * @param totalSteps  T, the number of steps of the whole run, {@code > 0}
     * @param minRate     m, the rate at the last step, finite, {@code 0 <= m <= B}
     * @return a function from a step {@code t >= 0} to its rate (same units as baseRate)
     */
    IntToDoubleFunction create(double baseRate, int warmupSteps, int totalSteps, double minRate);
}
