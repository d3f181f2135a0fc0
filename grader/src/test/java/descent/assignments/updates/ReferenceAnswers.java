package descent.assignments.updates;

import descent.grade.Answers;
import descent.optim.Adam;
import descent.optim.Momentum;
import descent.optim.RmsProp;
import org.ejml.data.DMatrixRMaj;

/**
 * Correct answers to every question of "updates", for the verification tests: the update rules
 * delegate to the library's PyTorch-form optimizers, the schedule is the closed form of
 * {@link ScheduleFactory}, the loop is the one {@link SurfaceMinimizer} describes, and the plan is
 * the source notebook's (B = 0.7, W = 50, T = 1000, m = 0).
 */
final class ReferenceAnswers {
    static final MomentumFactory MOMENTUM = mu -> new Momentum(mu)::updateInPlace;
    static final RmsPropFactory RMSPROP = (alpha, eps) -> new RmsProp(alpha, eps)::updateInPlace;
    static final AdamFactory ADAM = (b1, b2, eps) -> new Adam(b1, b2, eps)::updateInPlace;
    static final ScheduleFactory SCHEDULE = (b, w, n, m) -> t -> {
        if (t >= n) {
            return m;
        }
        return t < w ? b * (t + 1) / w : m + (b - m) * (1 + Math.cos(Math.PI * (t + 1 - w) / (n - w))) / 2;
    };
    static final SurfaceMinimizer LOOP = (surface, rule, schedule, x0, y0, steps) -> {
        double[][] path = new double[steps + 1][];
        path[0] = new double[] {x0, y0};
        DMatrixRMaj p = new DMatrixRMaj(1, 2, true, x0, y0);
        for (int t = 0; t < steps; t++) {
            double[] g = surface.gradient(p.data[0], p.data[1]);
            rule.updateInPlace(p, new DMatrixRMaj(1, 2, true, g[0], g[1]), schedule.applyAsDouble(t));
            path[t + 1] = p.data.clone();
        }
        return path;
    };
    static final RosenbrockPlan PLAN = new RosenbrockPlan(LOOP, 0.7, 50, 1000, 0.0);

    private ReferenceAnswers() {
    }

    /** Records all five answers (after forgetting any earlier ones). */
    static void recordAll() {
        Answers.clear();
        Answers.record("q1", MOMENTUM);
        Answers.record("q2", RMSPROP);
        Answers.record("q3", ADAM);
        Answers.record("q4", SCHEDULE);
        Answers.record("q5", PLAN);
    }
}
