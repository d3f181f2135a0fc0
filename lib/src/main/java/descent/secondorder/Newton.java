package descent.secondorder;

import descent.surface.Surface;
import descent.util.Checks;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * Newton's method on the course's 2-D toy surfaces ({@link Surface} gives value, gradient and
 * Hessian in closed form).
 *
 * <p>One step jumps to the critical point of the local quadratic model
 * {@code f(p + d) ≈ f(p) + ∇f(p)ᵀd + ½ dᵀH(p)d}:
 * <pre>
 *   p' = p − H(p)⁻¹ ∇f(p)
 * </pre>
 * On a quadratic with an invertible Hessian that is its critical point, in one step. The step
 * looks for a zero of the gradient, not for low ground: where H has a negative eigenvalue it heads
 * for a saddle or a maximum as readily as for a minimum. The 2 × 2 system is solved in closed
 * form (Cramer's rule).
 */
public final class Newton {
    /**
     * H counts as singular when {@code |det H| ≤ SINGULAR · ‖H‖_F²}; a relative test, so the units
     * of the surface do not matter.
     */
    static final double SINGULAR = 1e-12;

    private Newton() {
    }

    /**
     * One Newton step {@code p − H(p)⁻¹ ∇f(p)}.
     *
     * @param surface the surface, not null
     * @param p       the point {@code {x, y}}, length 2, finite; not modified
     * @return the new point, a new array of length 2
     * @throws IllegalArgumentException if the Hessian at p is singular (the message names the point
     *                                  and the determinant), or if p is not a finite point of length 2
     */
    public static double[] step(Surface surface, double[] p) {
        Checks.notNull("surface", surface);
        Surface.checkPoint(p);
        double[] g = surface.gradient(p);
        DMatrixRMaj h = surface.hessian(p);
        double a = h.get(0, 0);
        double b = h.get(0, 1);
        double c = h.get(1, 0);
        double d = h.get(1, 1);
        double det = a * d - b * c;
        double norm2 = a * a + b * b + c * c + d * d;
        if (!(Math.abs(det) > SINGULAR * norm2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the Hessian of %s at (%s, %s) is singular (det = %s): the Newton step "
                            + "−H⁻¹∇f is not defined there", surface.name(), p[0], p[1], det));
        }
        // H⁻¹ = [[d, −b], [−c, a]] / det
        double dx = (d * g[0] - b * g[1]) / det;
        double dy = (-c * g[0] + a * g[1]) / det;
        return new double[] {p[0] - dx, p[1] - dy};
    }

    /**
     * {@code start}, then {@code steps} Newton steps: the points of the run, for a
     * {@code Trajectory} or a contour plot.
     *
     * @param surface the surface, not null
     * @param start   the first point {@code {x, y}}, length 2, finite; not modified
     * @param steps   how many steps, {@code >= 0}
     * @return {@code steps + 1} new arrays of length 2, {@code start} first
     * @throws IllegalArgumentException if the Hessian is singular at a point of the run (the message
     *                                  says which step and names the point), or if a step leaves
     *                                  the finite numbers
     */
    public static double[][] path(Surface surface, double[] start, int steps) {
        Checks.notNull("surface", surface);
        Surface.checkPoint(start);
        Checks.nonNegative("steps", steps);
        double[][] points = new double[steps + 1][];
        points[0] = start.clone();
        for (int k = 1; k <= steps; k++) {
            double[] p = points[k - 1];
            try {
                points[k] = step(surface, p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Newton step " + k + " of " + steps + ": "
                        + e.getMessage(), e);
            }
            if (!Double.isFinite(points[k][0]) || !Double.isFinite(points[k][1])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Newton step %d of %d from (%s, %s) left the finite numbers: (%s, %s)",
                        k, steps, p[0], p[1], points[k][0], points[k][1]));
            }
        }
        return points;
    }
}
