package descent.surface;

import descent.optim.Optimizer;
import descent.schedule.Constant;
import descent.schedule.LearningRateSchedule;
import descent.util.Checks;
import descent.util.Interrupted;
import org.ejml.data.DMatrixRMaj;

/**
 * The path an optimizer takes on a 2-D toy surface, for drawing on its contour plot.
 *
 * @param xs     x after each step, starting with the start point (length steps + 1)
 * @param ys     y likewise
 * @param values the surface's value at each point
 */
public record SurfacePath(double[] xs, double[] ys, double[] values) {

    /**
     * Runs {@code optimizer} (a fresh copy; the argument's state is not touched) on {@code surface}
     * from {@code (x0, y0)} with a constant learning rate: {@code run(..., new Constant(learningRate),
     * steps)}.
     *
     * @param steps        number of steps, &gt; 0
     * @param learningRate finite and &gt; 0 (checked by {@link Constant})
     * @throws Interrupted if the thread is interrupted (checked before each step); its
     *                     {@code partial()} is the path so far, a {@code SurfacePath}
     */
    public static SurfacePath run(Surface surface, Optimizer optimizer, double x0, double y0,
                                  double learningRate, int steps) {
        return run(surface, optimizer, x0, y0, new Constant(learningRate), steps);
    }

    /**
     * Runs {@code optimizer} (a fresh copy; the argument's state is not touched) on {@code surface}
     * from {@code (x0, y0)}, step t with the rate {@code schedule.rate(t)} (of a fresh copy of the
     * schedule): the trainer's loop on a 2-D surface. Stops early, keeping the points so far, if the
     * point or the value stops being finite (a diverging step size).
     *
     * @param steps    number of steps, &gt; 0, no more than a fixed-length schedule covers
     * @param schedule the learning rate of each step; not null
     * @throws Interrupted if the thread is interrupted (checked before each step); its
     *                     {@code partial()} is the path so far, a {@code SurfacePath}
     */
    public static SurfacePath run(Surface surface, Optimizer optimizer, double x0, double y0,
                                  LearningRateSchedule schedule, int steps) {
        Checks.noneNull("surface, optimizer", surface, optimizer);
        Checks.finite("x0", x0);
        Checks.finite("y0", y0);
        Checks.notNull("schedule", schedule);
        Checks.positive("steps", steps);
        Checks.require(schedule.length().orElse(steps) >= steps, "the schedule " + schedule + " covers "
                + schedule.length().orElse(steps) + " steps but this path takes " + steps);
        Optimizer opt = optimizer.copy();
        LearningRateSchedule rates = schedule.copy();
        double[] xs = new double[steps + 1];
        double[] ys = new double[steps + 1];
        double[] vs = new double[steps + 1];
        DMatrixRMaj p = new DMatrixRMaj(1, 2, true, x0, y0);
        DMatrixRMaj g = new DMatrixRMaj(1, 2);
        xs[0] = x0;
        ys[0] = y0;
        vs[0] = surface.value(x0, y0);
        int n = 1;
        for (int t = 0; t < steps; t++) {
            if (Interrupted.requested()) {
                SurfacePath partial = new SurfacePath(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n),
                        java.util.Arrays.copyOf(vs, n));
                throw Interrupted.at("surface path", "step", t, steps, "the path so far (" + n + (n == 1 ? " point" : " points")
                        + ") is kept: the exception's partial() is the SurfacePath", partial);
            }
            double[] grad = surface.gradient(p.data[0], p.data[1]);
            if (!Double.isFinite(grad[0]) || !Double.isFinite(grad[1])) {
                break;
            }
            g.data[0] = grad[0];
            g.data[1] = grad[1];
            opt.updateInPlace(p, g, rates.rate(t));
            double v = surface.value(p.data[0], p.data[1]);
            if (!Double.isFinite(p.data[0]) || !Double.isFinite(p.data[1]) || !Double.isFinite(v)) {
                break;
            }
            xs[n] = p.data[0];
            ys[n] = p.data[1];
            vs[n] = v;
            n++;
        }
        return new SurfacePath(java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n),
                java.util.Arrays.copyOf(vs, n));
    }

    /** Number of points (steps taken + 1). */
    public int size() {
        return xs.length;
    }

    /** The value at the last point. */
    public double finalValue() {
        return values[values.length - 1];
    }

    /** Euclidean distance from the last point to (x, y). */
    public double distanceTo(double x, double y) {
        return Math.hypot(xs[xs.length - 1] - x, ys[ys.length - 1] - y);
    }
}
