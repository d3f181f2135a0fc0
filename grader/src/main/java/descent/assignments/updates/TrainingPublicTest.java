package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.Adam;
import descent.optim.Momentum;
import descent.surface.Quadratic;
import descent.surface.Rosenbrock;
import descent.surface.Surface;
import descent.surface.SurfacePath;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * q5's public tests: the student's loop ({@link SurfaceMinimizer}) against the library's, and the
 * student's schedule settings ({@link RosenbrockPlan}) run with the library's Adam.
 */
@Question("q5")
class TrainingPublicTest {
    private static final double TOL = 1e-9;

    private final RosenbrockPlan plan = Answers.get("q5", RosenbrockPlan.class);

    @Test
    @Points(1)
    @DisplayName("your loop retraces the library's SurfacePath: Adam, lr 0.01, 200 steps on Rosenbrock")
    void loopMatchesSurfacePath() {
        Feedback.that(plan.minimizer() != null, "the plan's minimizer is null",
                "pass your SurfaceMinimizer as the first argument of new RosenbrockPlan(...)");
        SurfacePath reference = SurfacePath.run(Rosenbrock.classic(), new Adam(), -1.5, 2, 0.01, 200);
        double[][] path = plan.minimizer().minimize(Rosenbrock.classic(), new Adam()::updateInPlace,
                t -> 0.01, -1.5, 2, 200);
        comparePaths("the library's SurfacePath", reference.xs(), reference.ys(), path,
                "at each step take the gradient at the current point, then rule.updateInPlace(p, g, rate)");
    }

    @Test
    @Points(1)
    @DisplayName("step t uses the rate schedule(t), counting t from 0")
    void stepTUsesScheduleOfT() {
        Surface ravine = Quadratic.ravine(10, 0.3);
        IntToDoubleFunction schedule = t -> 1e-3 * (t + 1);
        double[][] path = plan.minimizer().minimize(ravine, new Momentum(0.9)::updateInPlace, schedule,
                2, 1, 30);
        double[][] expected = referencePath(ravine, new Momentum(0.9)::updateInPlace, schedule, 2, 1, 30);
        double[][] shifted = referencePath(ravine, new Momentum(0.9)::updateInPlace,
                t -> schedule.applyAsDouble(t + 1), 2, 1, 30);
        boolean isShifted = path.length == shifted.length && path.length > 1
                && Feedback.relativeError(shifted[1][0], path[1][0]) < 1e-9;
        comparePaths("the reference loop", column(expected, 0), column(expected, 1), path, isShifted
                ? "the first step (t = 0) takes schedule.applyAsDouble(0): count t from 0, not 1"
                : "step t (t = 0, 1, ..., steps − 1) takes the rate schedule.applyAsDouble(t)");
    }

    @Test
    @Points(2)
    @DisplayName("your plan brings Adam from (−1.5, 2) to within 1e-5 of (1, 1) in at most 1,000 steps")
    void planReachesMinimum() {
        checkSettings(plan);
        double[][] path = referencePath(Rosenbrock.classic(), new Adam()::updateInPlace,
                t -> warmupCosine(plan, t), RosenbrockPlan.START_X, RosenbrockPlan.START_Y,
                plan.totalSteps());
        double[] end = path[path.length - 1];
        double distance = Math.hypot(end[0] - 1, end[1] - 1);
        Feedback.that(distance < RosenbrockPlan.TARGET_DISTANCE, String.format(Locale.ROOT,
                "after %d steps Adam with your schedule (baseRate %s, warmupSteps %d, minRate %s) ends"
                        + " at (%.6f, %.6f), %s from (1, 1); the target is within 1e-5",
                plan.totalSteps(), Feedback.num(plan.baseRate()), plan.warmupSteps(),
                Feedback.num(plan.minRate()), end[0], end[1], Feedback.num(distance)),
                "Adam moves each coordinate by about the rate per step: try base rates from 0.1 to 1,"
                        + " a warm-up of a few dozen steps so the first steps stay small, and a"
                        + " minRate near 0 so the last steps settle");
    }

    /** Checks the plan's numbers against {@link RosenbrockPlan}'s ranges. */
    static void checkSettings(RosenbrockPlan plan) {
        String settings = "your plan has baseRate " + Feedback.num(plan.baseRate()) + ", warmupSteps "
                + plan.warmupSteps() + ", totalSteps " + plan.totalSteps() + ", minRate "
                + Feedback.num(plan.minRate());
        Feedback.that(plan.totalSteps() >= 1 && plan.totalSteps() <= RosenbrockPlan.MAX_STEPS,
                settings, "totalSteps must be between 1 and " + RosenbrockPlan.MAX_STEPS);
        Feedback.that(Double.isFinite(plan.baseRate()) && plan.baseRate() > 0, settings,
                "baseRate must be > 0");
        Feedback.that(plan.warmupSteps() >= 0 && plan.warmupSteps() < plan.totalSteps(), settings,
                "warmupSteps must be >= 0 and < totalSteps");
        Feedback.that(plan.minRate() >= 0 && plan.minRate() <= plan.baseRate(), settings,
                "minRate must be between 0 and baseRate");
    }

    /** q4's formula (see {@link ScheduleFactory}) for the plan's settings. */
    private static double warmupCosine(RosenbrockPlan p, int t) {
        double b = p.baseRate();
        double m = p.minRate();
        int w = p.warmupSteps();
        int n = p.totalSteps();
        if (t >= n) {
            return m;
        }
        return t < w ? b * (t + 1) / w : m + (b - m) * (1 + Math.cos(Math.PI * (t + 1 - w) / (n - w))) / 2;
    }

    /** The loop of {@link SurfaceMinimizer}, written plainly. */
    private static double[][] referencePath(Surface surface, UpdateRule rule, IntToDoubleFunction schedule,
                                            double x0, double y0, int steps) {
        double[][] path = new double[steps + 1][];
        DMatrixRMaj p = UpdateChecks.row(x0, y0);
        path[0] = new double[] {x0, y0};
        for (int t = 0; t < steps; t++) {
            double[] g = surface.gradient(p.data[0], p.data[1]);
            rule.updateInPlace(p, UpdateChecks.row(g[0], g[1]), schedule.applyAsDouble(t));
            path[t + 1] = new double[] {p.data[0], p.data[1]};
        }
        return path;
    }

    private static double[] column(double[][] path, int k) {
        double[] c = new double[path.length];
        for (int i = 0; i < path.length; i++) {
            c[i] = path[i][k];
        }
        return c;
    }

    /** Fails at the first point of {@code path} that differs from (xs[i], ys[i]). */
    private static void comparePaths(String reference, double[] xs, double[] ys, double[][] path, String hint) {
        Feedback.that(path != null, "your loop returned null", "return the path: steps + 1 rows of {x, y}");
        Feedback.that(path.length == xs.length, "your path has " + path.length + " rows, expected "
                + xs.length, "row 0 is the start and row t + 1 the point after step t: steps + 1 rows");
        for (int i = 0; i < xs.length; i++) {
            Feedback.that(path[i] != null && path[i].length == 2, "row " + i + " of your path is not a"
                    + " pair {x, y}", "store each point as new double[] {x, y}");
            Feedback.that(i == 0 || path[i] != path[i - 1], "rows " + (i - 1) + " and " + i + " of your"
                    + " path are the same array", "store a new array per step, new double[] {x, y};"
                    + " the matrix's data array changes on every step");
            boolean same = Feedback.relativeError(xs[i], path[i][0]) <= TOL
                    && Feedback.relativeError(ys[i], path[i][1]) <= TOL;
            Feedback.that(same, (i == 0 ? "row 0 of your path" : "after step " + i + " your point")
                    + " is " + point(path[i][0], path[i][1]) + " but "
                    + (i == 0 ? "the start is " : reference + " gives ") + point(xs[i], ys[i]),
                    i == 0 ? "row 0 is the start point (x0, y0)" : hint);
        }
    }

    /** (x, y) with 8 significant digits, so that small differences show. */
    private static String point(double x, double y) {
        return String.format(Locale.ROOT, "(%.8g, %.8g)", x, y);
    }
}
