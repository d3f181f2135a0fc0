package descent.surface;

import descent.util.Checks;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Rosenbrock's banana: {@code f(x, y) = (a - x)^2 + b (y - x^2)^2}.
 *
 * <p>A curved, narrow valley along {@code y = x^2}; the only critical point is the global minimum
 * {@code (a, a^2)} with value 0. The classic is a = 1, b = 100. Easy to find the valley, slow to
 * walk along it.
 */
public final class Rosenbrock implements Surface {
    private final double a;
    private final double b;

    /**
     * @param a location of the minimum along x, finite
     * @param b steepness of the valley walls, finite and &gt; 0
     */
    public Rosenbrock(double a, double b) {
        this.a = Checks.finite("a", a);
        this.b = Checks.positive("b", b);
    }

    /** The classic a = 1, b = 100. */
    public static Rosenbrock classic() {
        return new Rosenbrock(1.0, 100.0);
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    @Override
    public double value(double x, double y) {
        double u = a - x;
        double v = y - x * x;
        return u * u + b * v * v;
    }

    @Override
    public double[] gradient(double x, double y) {
        double v = y - x * x;
        return new double[] {-2 * (a - x) - 4 * b * x * v, 2 * b * v};
    }

    @Override
    public DMatrixRMaj hessian(double x, double y) {
        double xy = -4 * b * x;
        return new DMatrixRMaj(2, 2, true, 2 - 4 * b * y + 12 * b * x * x, xy, xy, 2 * b);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(a, a * a, 0.0, CriticalPointKind.MINIMUM));
    }

    /** E.g. {@code "Rosenbrock's banana, a = 1, b = 100"}. */
    @Override
    public String title() {
        return "Rosenbrock's banana, a = " + Quadratic.plain(a) + ", b = " + Quadratic.plain(b);
    }

    @Override
    public String toString() {
        return "Rosenbrock(a=" + a + ", b=" + b + ")";
    }
}
