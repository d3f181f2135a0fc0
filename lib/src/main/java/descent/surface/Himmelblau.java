package descent.surface;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Himmelblau's function: {@code f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2}.
 *
 * <p>Four global minima, all with value 0 (one of them at (3, 2)), one local maximum and four
 * saddles between them. Usually drawn on {@code [-5, 5] × [-5, 5]}.
 */
public final class Himmelblau implements Surface {
    /**
     * All nine critical points, sorted by value. Found with Newton's method (numpy, from a 41 × 41
     * grid of starts on [-5, 5]²) and classified by the Hessian's eigenvalues.
     */
    private static final List<CriticalPoint> CRITICAL_POINTS = List.of(
            new CriticalPoint(3.0, 2.0, 0.0, CriticalPointKind.MINIMUM),
            new CriticalPoint(3.5844283403304917, -1.8481265269644036, 0.0, CriticalPointKind.MINIMUM),
            new CriticalPoint(-3.779310253377747, -3.2831859912861696, 0.0, CriticalPointKind.MINIMUM),
            new CriticalPoint(-2.805118086952745, 3.131312518250573, 0.0, CriticalPointKind.MINIMUM),
            new CriticalPoint(3.385154183607021, 0.07385187983774928, 13.311926270405587, CriticalPointKind.SADDLE),
            new CriticalPoint(0.08667750455539634, 2.884254701174776, 67.71915008752613, CriticalPointKind.SADDLE),
            new CriticalPoint(-3.0730257507643897, -0.08135304428796751, 104.01516291755811, CriticalPointKind.SADDLE),
            new CriticalPoint(-0.12796134673068005, -1.9537149802445766, 178.33723920192745, CriticalPointKind.SADDLE),
            new CriticalPoint(-0.2708445906673476, -0.9230385564799815, 181.6165215225827, CriticalPointKind.MAXIMUM));

    /** The surface has no parameters. */
    public Himmelblau() {
    }

    @Override
    public double value(double x, double y) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        return u * u + v * v;
    }

    @Override
    public double[] gradient(double x, double y) {
        double u = x * x + y - 11;
        double v = x + y * y - 7;
        return new double[] {4 * x * u + 2 * v, 2 * u + 4 * y * v};
    }

    @Override
    public DMatrixRMaj hessian(double x, double y) {
        double xy = 4 * x + 4 * y;
        return new DMatrixRMaj(2, 2, true, 12 * x * x + 4 * y - 42, xy, xy, 4 * x + 12 * y * y - 26);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    @Override
    public String toString() {
        return "Himmelblau";
    }
}
