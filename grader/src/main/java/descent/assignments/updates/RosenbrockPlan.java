package descent.assignments.updates;

/**
 * q5: the student's loop and the settings of the warm-up cosine schedule (q4's formula) with
 * which Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8) goes from (−1.5, 2) to within
 * {@value #TARGET_DISTANCE} of the minimum (1, 1) of Rosenbrock's {@code (1 − x)² + 100 (y − x²)²}
 * in at most {@value #MAX_STEPS} steps.
 *
 * <p>Nothing is checked here: the tests check the values and say what is wrong, so that the check
 * cell can explain instead of the answer cell throwing.
 *
 * @param minimizer   the training loop (q5, part 1)
 * @param baseRate    the schedule's peak rate B, finite and {@code > 0}
 * @param warmupSteps W, {@code 0 <= W < totalSteps}
 * @param totalSteps  T, the number of steps, {@code 1 <= T <= }{@value #MAX_STEPS}
 * @param minRate     the rate m at the last step, finite, {@code 0 <= m <= baseRate}
 */
public record RosenbrockPlan(SurfaceMinimizer minimizer, double baseRate, int warmupSteps,
                             int totalSteps, double minRate) {

    /** The most steps a plan may take. */
    public static final int MAX_STEPS = 1000;

    /** How close to (1, 1) the last point must be (Euclidean distance). */
    public static final double TARGET_DISTANCE = 1e-5;

    /** The start point's x. */
    public static final double START_X = -1.5;

    /** The start point's y. */
    public static final double START_Y = 2.0;
}
