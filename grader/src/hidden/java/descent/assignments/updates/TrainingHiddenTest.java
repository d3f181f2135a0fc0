package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.optim.Adam;
import descent.optim.RmsProp;
import descent.surface.Quadratic;
import descent.surface.Rosenbrock;
import descent.surface.Surface;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** q5's hidden tests: the loop on another surface and rule, and the plan run by the student's loop. */
@Question("q5")
class TrainingHiddenTest {
    private static final double TOL = 1e-9;

    private final RosenbrockPlan plan = Answers.get("q5", RosenbrockPlan.class);

    @Test
    @Points(1)
    @DisplayName("your loop works on a turned ravine with RMSProp and a decaying rate (300 steps)")
    void loopWorksOnAnotherSurface() {
        Surface ravine = Quadratic.ravine(50, Math.PI / 5);
        IntToDoubleFunction schedule = t -> 0.05 / (1 + 0.01 * t);
        double[][] expected = referencePath(ravine, new RmsProp(0.9, 1e-8)::updateInPlace, schedule, -3, 2, 300);
        double[][] path = plan.minimizer().minimize(ravine, new RmsProp(0.9, 1e-8)::updateInPlace, schedule,
                -3, 2, 300);
        Feedback.that(path != null && path.length == 301, "your path has "
                + (path == null ? "no" : Integer.toString(path.length)) + " rows, expected 301",
                "steps + 1 rows: the start, then the point after each step");
        for (int i = 0; i <= 300; i++) {
            boolean same = path[i] != null && path[i].length == 2
                    && Feedback.relativeError(expected[i][0], path[i][0]) <= TOL
                    && Feedback.relativeError(expected[i][1], path[i][1]) <= TOL;
            Feedback.that(same, String.format(Locale.ROOT, "row %d of your path is %s but the reference"
                    + " loop gives (%.8g, %.8g)", i, path[i] == null || path[i].length != 2 ? "not a pair"
                    : String.format(Locale.ROOT, "(%.8g, %.8g)", path[i][0], path[i][1]),
                    expected[i][0], expected[i][1]), "use the surface you are given (its gradient at the"
                    + " current point), the rule you are given, and the rate schedule(t)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("your own loop, with your plan and Adam, also ends within 1e-5 of (1, 1)")
    void planReachesMinimumWithYourLoop() {
        Feedback.that(plan.totalSteps() >= 1 && plan.totalSteps() <= RosenbrockPlan.MAX_STEPS
                        && plan.warmupSteps() >= 0 && plan.warmupSteps() < plan.totalSteps()
                        && plan.baseRate() > 0 && plan.minRate() >= 0 && plan.minRate() <= plan.baseRate(),
                "your plan's settings are out of range", "see the public test of q5");
        double[][] path = plan.minimizer().minimize(Rosenbrock.classic(), new Adam()::updateInPlace,
                t -> warmupCosine(plan, t), RosenbrockPlan.START_X, RosenbrockPlan.START_Y, plan.totalSteps());
        Feedback.that(path != null && path.length == plan.totalSteps() + 1 && path[plan.totalSteps()] != null
                        && path[plan.totalSteps()].length == 2, "your loop's path does not have "
                        + (plan.totalSteps() + 1) + " rows of {x, y}", "see the public tests of q5");
        double[] end = path[path.length - 1];
        double distance = Math.hypot(end[0] - 1, end[1] - 1);
        Feedback.that(distance < RosenbrockPlan.TARGET_DISTANCE, String.format(Locale.ROOT,
                "your loop ends at (%.6f, %.6f), %s from (1, 1); the target is within 1e-5",
                end[0], end[1], Feedback.num(distance)),
                "the public test ran your plan with the reference loop; if it passed, compare your loop"
                        + " with it: the rate of step t is schedule(t), from t = 0");
    }

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
}
