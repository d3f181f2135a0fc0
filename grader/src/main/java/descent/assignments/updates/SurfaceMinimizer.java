package descent.assignments.updates;

import descent.surface.Surface;
import java.util.function.IntToDoubleFunction;

/**
 * q5, part 1: the training loop on a 2-D surface. The point p = (x, y) is a 1 × 2 matrix; for
 * t = 0, 1, ..., steps − 1: take the gradient of the surface at p (as a 1 × 2 matrix), then
 * {@code rule.updateInPlace(p, gradient, schedule.applyAsDouble(t))}.
 *
 * <p>In the notebook: {@code SurfaceMinimizer minimize = (surface, rule, schedule, x0, y0, steps) -> ...;}
 */
@FunctionalInterface
public interface SurfaceMinimizer {

    /**
     * Runs {@code steps} steps of {@code rule} on {@code surface} from (x0, y0).
     *
     * @param surface  the surface; its {@code gradient(x, y)} is {@code {df/dx, df/dy}}
     * @param rule     a fresh update rule (its state is used from step 1)
     * @param schedule the rate of step t, t counted from 0
     * @param x0       start x, finite
     * @param y0       start y, finite
     * @param steps    number of steps, {@code >= 0}
     * @return the path, {@code steps + 1} rows of {@code {x, y}}: row 0 is the start, row t + 1
     *         the point after step t
     */
    double[][] minimize(Surface surface, UpdateRule rule, IntToDoubleFunction schedule, double x0,
                        double y0, int steps);
}
