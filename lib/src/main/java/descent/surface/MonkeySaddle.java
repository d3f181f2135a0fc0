package descent.surface;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The monkey saddle {@code f(x, y) = x^3 - 3 x y^2}: three valleys (two for the legs, one for the
 * tail) meet at the origin.
 *
 * <p>The origin is a critical point whose Hessian is the zero matrix: the second-derivative test
 * says nothing (degenerate), yet it is neither a minimum nor a maximum.
 */
public final class MonkeySaddle implements Surface {
    /** The surface has no parameters. */
    public MonkeySaddle() {
    }

    @Override
    public double value(double x, double y) {
        return x * x * x - 3 * x * y * y;
    }

    @Override
    public double[] gradient(double x, double y) {
        return new double[] {3 * x * x - 3 * y * y, -6 * x * y};
    }

    @Override
    public DMatrixRMaj hessian(double x, double y) {
        return new DMatrixRMaj(2, 2, true, 6 * x, -6 * y, -6 * y, -6 * x);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(0, 0, 0, CriticalPointKind.DEGENERATE));
    }

    @Override
    public String title() {
        return "monkey saddle, f = x³ − 3xy²";
    }

    @Override
    public String toString() {
        return "MonkeySaddle(x^3 - 3xy^2)";
    }
}
