package descent.surface;

import descent.util.Checks;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A quadratic surface {@code f(p) = 1/2 (p - c)^T A (p - c)} with {@code A = R diag(λ1, λ2) R^T},
 * R the rotation by {@code angle} radians.
 *
 * <p>The eigenvalues of the Hessian A are λ1 and λ2 everywhere; the eigenvector of λ1 is
 * {@code (cos angle, sin angle)}. Both positive: a convex bowl (minimum at c). Both negative: an
 * upside-down bowl (maximum). Opposite signs: a saddle. One zero: a flat valley (degenerate).
 * Very unequal positive eigenvalues: a ravine with condition number λ2/λ1, where gradient
 * descent sloshes across the walls and crawls along the floor.
 */
public final class Quadratic implements Surface {
    private final double lambda1;
    private final double lambda2;
    private final double angle;
    private final double cx;
    private final double cy;
    private final double axx;
    private final double axy;
    private final double ayy;

    /**
     * Creates the quadratic.
     *
     * @param lambda1 first eigenvalue of the Hessian, finite (any sign)
     * @param lambda2 second eigenvalue, finite (any sign)
     * @param angle   rotation of the eigenvectors in radians, finite; 0 keeps them on the axes
     * @param cx      x of the critical point c, finite
     * @param cy      y of the critical point c, finite
     */
    public Quadratic(double lambda1, double lambda2, double angle, double cx, double cy) {
        this.lambda1 = Checks.finite("lambda1", lambda1);
        this.lambda2 = Checks.finite("lambda2", lambda2);
        this.angle = Checks.finite("angle", angle);
        this.cx = Checks.finite("cx", cx);
        this.cy = Checks.finite("cy", cy);
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        this.axx = lambda1 * c * c + lambda2 * s * s;
        this.axy = (lambda1 - lambda2) * c * s;
        this.ayy = lambda1 * s * s + lambda2 * c * c;
    }

    /** A convex bowl centered at the origin with Hessian eigenvalues λ1, λ2 (both must be > 0), axis-aligned. */
    public static Quadratic bowl(double lambda1, double lambda2) {
        Checks.positive("lambda1", lambda1);
        Checks.positive("lambda2", lambda2);
        return new Quadratic(lambda1, lambda2, 0, 0, 0);
    }

    /**
     * An ill-conditioned ravine at the origin: eigenvalues 1 and κ, so the condition number is κ,
     * the steep direction rotated by {@code angle} radians from the y axis.
     *
     * @param kappa condition number, at least 1
     * @param angle rotation in radians, finite (0: the ravine's floor runs along x)
     */
    public static Quadratic ravine(double kappa, double angle) {
        Checks.finite("kappa", kappa);
        Checks.require(kappa >= 1, "kappa must be >= 1 but was: " + kappa);
        return new Quadratic(1.0, kappa, angle, 0, 0);
    }

    /** The saddle {@code f = x^2 - y^2} (eigenvalues 2 and -2), critical point at the origin. */
    public static Quadratic saddle() {
        return new Quadratic(2.0, -2.0, 0, 0, 0);
    }

    /** First eigenvalue λ1. */
    public double lambda1() {
        return lambda1;
    }

    /** Second eigenvalue λ2. */
    public double lambda2() {
        return lambda2;
    }

    /** Rotation of the eigenvectors, radians. */
    public double angle() {
        return angle;
    }

    /**
     * "ravine" (both eigenvalues positive, ratio at least 10), "bowl" (both positive), "upside-down
     * bowl", "saddle" or "flat valley", then the eigenvalues, the turn in degrees if any and the
     * centre if not the origin, e.g. {@code "ravine, λ = 1 and 100, turned 45°"}.
     */
    @Override
    public String title() {
        String kind;
        if (lambda1 > 0 && lambda2 > 0) {
            kind = Math.max(lambda1, lambda2) >= 10 * Math.min(lambda1, lambda2) ? "ravine" : "bowl";
        } else if (lambda1 < 0 && lambda2 < 0) {
            kind = "upside-down bowl";
        } else if (lambda1 * lambda2 < 0) {
            kind = "saddle";
        } else {
            kind = "flat valley";
        }
        StringBuilder sb = new StringBuilder(kind).append(", λ = ").append(plain(lambda1)).append(" and ")
                .append(plain(lambda2));
        if (angle != 0) {
            sb.append(", turned ").append(plain(Math.round(Math.toDegrees(angle) * 10) / 10.0)).append('°');
        }
        if (cx != 0 || cy != 0) {
            sb.append(", centred at (").append(plain(cx)).append(", ").append(plain(cy)).append(')');
        }
        return sb.toString();
    }

    /** {@code 1.0 -> "1"}, {@code 0.5 -> "0.5"}, {@code -2.0 -> "−2"} (a true minus sign). */
    static String plain(double v) {
        String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        return s.replace('-', '\u2212');
    }

    @Override
    public double value(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        return 0.5 * (axx * dx * dx + 2 * axy * dx * dy + ayy * dy * dy);
    }

    @Override
    public double[] gradient(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        return new double[] {axx * dx + axy * dy, axy * dx + ayy * dy};
    }

    @Override
    public DMatrixRMaj hessian(double x, double y) {
        return new DMatrixRMaj(2, 2, true, axx, axy, axy, ayy);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        CriticalPointKind kind;
        if (lambda1 > 0 && lambda2 > 0) {
            kind = CriticalPointKind.MINIMUM;
        } else if (lambda1 < 0 && lambda2 < 0) {
            kind = CriticalPointKind.MAXIMUM;
        } else if (lambda1 * lambda2 < 0) {
            kind = CriticalPointKind.SADDLE;
        } else {
            kind = CriticalPointKind.DEGENERATE;
        }
        return List.of(new CriticalPoint(cx, cy, 0.0, kind));
    }

    @Override
    public String toString() {
        return "Quadratic(lambda1=" + lambda1 + ", lambda2=" + lambda2 + ", angle=" + angle
                + ", center=(" + cx + ", " + cy + "))";
    }
}
