package descent.surface;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The six-hump camel: {@code f(x, y) = (4 - 2.1 x^2 + x^4 / 3) x^2 + x y + (-4 + 4 y^2) y^2}.
 *
 * <p>A bumpy landscape with several minima: six local minima in {@code [-2, 2] × [-1, 1]}, two of
 * them global ({@code f ≈ -1.0316} at {@code ±(0.0898, -0.7127)}), plus saddles and two local
 * maxima. Where you start decides where gradient descent ends. Usually drawn on
 * {@code [-2, 2] × [-1, 1]}.
 */
public final class SixHumpCamel implements Surface {
    /**
     * The 15 critical points in {@code [-2.2, 2.2] × [-1.2, 1.2]}, sorted by value. Found with
     * Newton's method (numpy, from a 41 × 41 grid of starts) and classified by the Hessian's
     * eigenvalues; coordinates good to about 1e-15.
     */
    private static final List<CriticalPoint> CRITICAL_POINTS = List.of(
            new CriticalPoint(-0.08984201310031807, 0.7126564030207396, -1.0316284534898774, CriticalPointKind.MINIMUM),
            new CriticalPoint(0.08984201310031807, -0.7126564030207396, -1.0316284534898774, CriticalPointKind.MINIMUM),
            new CriticalPoint(-1.7036067149699814, 0.7960835686726251, -0.2154638243837177, CriticalPointKind.MINIMUM),
            new CriticalPoint(1.7036067149699814, -0.7960835686726251, -0.2154638243837177, CriticalPointKind.MINIMUM),
            new CriticalPoint(0.0, 0.0, 0.0, CriticalPointKind.SADDLE),
            new CriticalPoint(-1.1092053368047863, 0.7682680925095399, 0.5437186009781851, CriticalPointKind.SADDLE),
            new CriticalPoint(1.1092053368047865, -0.7682680925095399, 0.5437186009781854, CriticalPointKind.SADDLE),
            new CriticalPoint(-1.6071047529201974, -0.5686514548841313, 2.1042503103112575, CriticalPointKind.MINIMUM),
            new CriticalPoint(1.6071047529201976, 0.5686514548841313, 2.1042503103112593, CriticalPointKind.MINIMUM),
            new CriticalPoint(-1.6380679841897785, -0.22867406904439408, 2.2293571975307147, CriticalPointKind.SADDLE),
            new CriticalPoint(1.6380679841897785, 0.22867406904439408, 2.2293571975307147, CriticalPointKind.SADDLE),
            new CriticalPoint(-1.2960702671671092, -0.6050843880386585, 2.229470818029859, CriticalPointKind.SADDLE),
            new CriticalPoint(1.2960702671671092, 0.6050843880386585, 2.229470818029859, CriticalPointKind.SADDLE),
            new CriticalPoint(-1.2302298765166524, -0.16233458445899493, 2.496295351023577, CriticalPointKind.MAXIMUM),
            new CriticalPoint(1.2302298765166524, 0.16233458445899493, 2.496295351023577, CriticalPointKind.MAXIMUM));

    /** The surface has no parameters. */
    public SixHumpCamel() {
    }

    @Override
    public double value(double x, double y) {
        double x2 = x * x;
        double y2 = y * y;
        return (4 - 2.1 * x2 + x2 * x2 / 3) * x2 + x * y + (-4 + 4 * y2) * y2;
    }

    @Override
    public double[] gradient(double x, double y) {
        double x2 = x * x;
        return new double[] {8 * x - 8.4 * x2 * x + 2 * x2 * x2 * x + y, x - 8 * y + 16 * y * y * y};
    }

    @Override
    public DMatrixRMaj hessian(double x, double y) {
        double x2 = x * x;
        return new DMatrixRMaj(2, 2, true, 8 - 25.2 * x2 + 10 * x2 * x2, 1, 1, -8 + 48 * y * y);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return CRITICAL_POINTS;
    }

    @Override
    public String title() {
        return "six-hump camel";
    }

    @Override
    public String toString() {
        return "SixHumpCamel";
    }
}
