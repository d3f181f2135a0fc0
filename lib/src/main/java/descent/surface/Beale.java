package descent.surface;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Beale's function: {@code f(x, y) = sum over k = 1..3 of (c_k - x + x y^k)^2} with
 * {@code c = (1.5, 2.25, 2.625)}.
 *
 * <p>A flat basin with steep walls towards the corners; global minimum 0 at (3, 0.5). There is
 * also a saddle at (0, 1) with value {@code 1.5^2 + 2.25^2 + 2.625^2 = 14.203125}. Usually drawn on
 * {@code [-4.5, 4.5]²}. Only these two critical points are listed.
 */
public final class Beale implements Surface {
    private static final double[] C = {1.5, 2.25, 2.625};

    /** The surface has no parameters. */
    public Beale() {
    }

    @Override
    public double value(double x, double y) {
        double s = 0;
        double yk = 1;
        for (double c : C) {
            yk *= y;
            double r = c - x + x * yk;
            s += r * r;
        }
        return s;
    }

    @Override
    public double[] gradient(double x, double y) {
        double gx = 0;
        double gy = 0;
        for (int k = 1; k <= 3; k++) {
            double r = C[k - 1] - x + x * Math.pow(y, k);
            gx += 2 * r * (Math.pow(y, k) - 1);
            gy += 2 * r * k * x * Math.pow(y, k - 1);
        }
        return new double[] {gx, gy};
    }

    @Override
    public DMatrixRMaj hessian(double x, double y) {
        double hxx = 0;
        double hxy = 0;
        double hyy = 0;
        for (int k = 1; k <= 3; k++) {
            double r = C[k - 1] - x + x * Math.pow(y, k);
            double rx = Math.pow(y, k) - 1;
            double ry = k * x * Math.pow(y, k - 1);
            double rxy = k * Math.pow(y, k - 1);
            double ryy = k == 1 ? 0 : k * (k - 1) * x * Math.pow(y, k - 2);
            hxx += 2 * rx * rx;
            hxy += 2 * (rx * ry + r * rxy);
            hyy += 2 * (ry * ry + r * ryy);
        }
        return new DMatrixRMaj(2, 2, true, hxx, hxy, hxy, hyy);
    }

    @Override
    public List<CriticalPoint> criticalPoints() {
        return List.of(new CriticalPoint(3.0, 0.5, 0.0, CriticalPointKind.MINIMUM),
                new CriticalPoint(0.0, 1.0, 14.203125, CriticalPointKind.SADDLE));
    }

    @Override
    public String toString() {
        return "Beale";
    }
}
