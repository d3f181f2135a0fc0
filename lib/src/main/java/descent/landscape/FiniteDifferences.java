package descent.landscape;

import descent.util.Checks;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Centered finite differences for any {@code f: R^n -> R} on plain {@code double[]} vectors.
 *
 * <p>(For W-shaped gradients of the losses, use the gradient check in {@code descent.check}.)
 *
 * <p>Step: coordinate i moves by {@code h_i = h * max(1, |x_i|)}, so the step stays relative for
 * large coordinates. Gradient: {@code (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)}, error O(h²).
 * Hessian diagonal: {@code (f(x + h_i e_i) - 2 f(x) + f(x - h_i e_i)) / h_i²}; off-diagonal:
 * {@code (f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j)}, both O(h²) truncation error. Round-off
 * grows like {@code eps |f| / h} for the gradient and {@code eps |f| / h²} for the Hessian, so the
 * best steps are about {@code eps^(1/3) ≈ 1e-5} and {@code eps^(1/4) ≈ 1e-4}: the defaults.
 *
 * <p>The point handed in is never modified: f receives a fresh copy at every call.
 */
public final class FiniteDifferences {
    /** Default step for {@link #gradient}: 1e-5. */
    public static final double DEFAULT_GRADIENT_STEP = 1e-5;
    /** Default step for {@link #hessian}: 1e-4. */
    public static final double DEFAULT_HESSIAN_STEP = 1e-4;

    private FiniteDifferences() {
    }

    /** {@link #gradient(ToDoubleFunction, double[], double)} with {@link #DEFAULT_GRADIENT_STEP}. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, DEFAULT_GRADIENT_STEP);
    }

    /**
     * The centered-difference gradient of f at x.
     *
     * @param f the function; it receives a fresh copy of the point at each call
     * @param x the point, length n ≥ 1, finite; not modified
     * @param h base step, finite and &gt; 0
     * @return a new array of length n
     * @throws IllegalArgumentException on bad input or if f gives NaN (the point is named)
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        Checks.notNull("f", f);
        double[] p = checkPoint(x);
        Checks.positive("h", h);
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double hi = step(h, x[i]);
            p[i] = x[i] + hi;
            double plus = eval(f, p);
            p[i] = x[i] - hi;
            double minus = eval(f, p);
            p[i] = x[i];
            g[i] = (plus - minus) / (2 * hi);
        }
        return g;
    }

    /** {@link #hessian(ToDoubleFunction, double[], double)} with {@link #DEFAULT_HESSIAN_STEP}. */
    public static DMatrixRMaj hessian(ToDoubleFunction<double[]> f, double[] x) {
        return hessian(f, x, DEFAULT_HESSIAN_STEP);
    }

    /**
     * The centered-difference Hessian of f at x, symmetric by construction.
     *
     * <p>Costs {@code 1 + 2n + 4 n(n-1)/2} evaluations of f.
     *
     * @param f the function; it receives a fresh copy of the point at each call
     * @param x the point, length n ≥ 1, finite; not modified
     * @param h base step, finite and &gt; 0
     * @return a new n × n matrix
     * @throws IllegalArgumentException on bad input or if f gives NaN (the point is named)
     */
    public static DMatrixRMaj hessian(ToDoubleFunction<double[]> f, double[] x, double h) {
        Checks.notNull("f", f);
        double[] p = checkPoint(x);
        Checks.positive("h", h);
        int n = p.length;
        double f0 = eval(f, p);
        DMatrixRMaj hess = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double hi = step(h, x[i]);
            p[i] = x[i] + hi;
            double plus = eval(f, p);
            p[i] = x[i] - hi;
            double minus = eval(f, p);
            p[i] = x[i];
            hess.set(i, i, (plus - 2 * f0 + minus) / (hi * hi));
            for (int j = 0; j < i; j++) {
                double hj = step(h, x[j]);
                double pp = evalAt(f, p, x, i, hi, j, hj);
                double pm = evalAt(f, p, x, i, hi, j, -hj);
                double mp = evalAt(f, p, x, i, -hi, j, hj);
                double mm = evalAt(f, p, x, i, -hi, j, -hj);
                double v = (pp - pm - mp + mm) / (4 * hi * hj);
                hess.set(i, j, v);
                hess.set(j, i, v);
            }
        }
        return hess;
    }

    private static double evalAt(ToDoubleFunction<double[]> f, double[] p, double[] x, int i, double di, int j,
            double dj) {
        p[i] = x[i] + di;
        p[j] = x[j] + dj;
        double v = eval(f, p);
        p[i] = x[i];
        p[j] = x[j];
        return v;
    }

    private static double step(double h, double xi) {
        return h * Math.max(1.0, Math.abs(xi));
    }

    private static double[] checkPoint(double[] x) {
        Checks.notNull("x", x);
        Checks.positive("x.length", x.length);
        Checks.allFinite("x", x, x.length);
        return x.clone();
    }

    private static double eval(ToDoubleFunction<double[]> f, double[] p) {
        double[] arg = p.clone();
        double v = f.applyAsDouble(arg);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("f returned NaN at x=" + java.util.Arrays.toString(p));
        }
        return v;
    }
}
