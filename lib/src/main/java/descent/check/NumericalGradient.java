package descent.check;

import descent.util.Checks;
import descent.util.Interrupted;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Finite-difference derivatives, one coordinate at a time: gradients of a function of a weight
 * matrix W (C × D), and gradients and Hessians of any {@code f: R^n -> R} on a {@code double[]}.
 *
 * <p><b>Matrices</b> ({@link #gradient(ToDoubleFunction, DMatrixRMaj, double, Difference)},
 * {@link #forward}, {@link #centered}, {@link #partial}): the step is {@link Step#ABSOLUTE}, as in
 * the notes. The function sees W with one entry moved by ±h; that entry is put back right after
 * each evaluation, even when the function throws, so W leaves every method exactly as it came in.
 * A full forward-difference gradient of a C × D matrix costs C·D + 1 evaluations (30,731 for
 * CIFAR-10's 10 × 3073), a centered one 2·C·D. The matrix gradient checks before each coordinate
 * whether its thread was interrupted (the notebook's stop button) and then stops with
 * {@link descent.util.Interrupted}, W restored.
 *
 * <p><b>Vectors</b> ({@link #gradient(ToDoubleFunction, double[], double, Step)},
 * {@link #hessian(ToDoubleFunction, double[], double, Step)}): always centered; the step rule is
 * a parameter and {@link Step#RELATIVE} by default. With step {@code h_i} for coordinate i, the
 * gradient is {@code (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i)}, error O(h²); the Hessian's
 * diagonal {@code (f(x + h_i e_i) - 2 f(x) + f(x - h_i e_i)) / h_i²} and off-diagonal
 * {@code (f(++) - f(+-) - f(-+) + f(--)) / (4 h_i h_j)}, both O(h²) truncation error. Round-off
 * grows like {@code eps |f| / h} for the gradient and {@code eps |f| / h²} for the Hessian, so the
 * best steps are about {@code eps^(1/3) ≈ 1e-5} and {@code eps^(1/4) ≈ 1e-4}: the defaults. The
 * point handed in is never modified: f receives a fresh copy at every call.
 *
 * <p><b>Errors</b>, one rule for every method: a bad argument (null, non-finite point, step not
 * finite and &gt; 0) is an {@link IllegalArgumentException} naming it, thrown before f is called; a
 * NaN from f is an {@link ArithmeticException}, as the losses report an overflow: the arguments
 * were fine, the computation was not.
 */
public final class NumericalGradient {
    /** Default step for the vector {@link #gradient(ToDoubleFunction, double[])}: 1e-5. */
    public static final double DEFAULT_GRADIENT_STEP = 1e-5;
    /** Default step for {@link #hessian(ToDoubleFunction, double[])}: 1e-4. */
    public static final double DEFAULT_HESSIAN_STEP = 1e-4;

    /** How the base step h becomes the step {@code h_i} of coordinate i. */
    public enum Step {
        /** {@code h_i = h}: every coordinate moves by h (the notes' rule; used for W). */
        ABSOLUTE,
        /** {@code h_i = h · max(1, |x_i|)}: the step grows with large coordinates (the vector default). */
        RELATIVE;

        /** The step for a coordinate whose value is {@code xi}. */
        double of(double h, double xi) {
            return this == ABSOLUTE ? h : h * Math.max(1.0, Math.abs(xi));
        }
    }

    private NumericalGradient() {
    }

    /**
     * dF/dW by finite differences, every coordinate.
     *
     * @param f          the function; must not keep a reference to W
     * @param w          the point, any shape; modified during the call and restored
     * @param h          the step, &gt; 0 (the notes use 1e-5)
     * @param difference forward or centered
     * @return a matrix of W's shape
     * @throws Interrupted if the thread is interrupted; W is restored and nothing else is kept
     */
    public static DMatrixRMaj gradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, double h,
                                       Difference difference) {
        Checks.notNull("f", f);
        Checks.notNull("W", w);
        Checks.positive("h", h);
        Checks.notNull("difference", difference);
        DMatrixRMaj grad = new DMatrixRMaj(w.numRows, w.numCols);
        double fx = difference == Difference.FORWARD ? evaluate(f, w) : Double.NaN;
        int size = w.numRows * w.numCols;
        for (int k = 0; k < size; k++) {
            if (Interrupted.requested()) {
                throw Interrupted.at("numerical gradient", "coordinate", k, size, "W is restored and nothing "
                        + "else is kept: check a few coordinates with GradientCheck.sampled instead", null);
            }
            grad.data[k] = partial(f, w, k, h, difference, fx);
        }
        return grad;
    }

    /** Forward differences over every coordinate: {@code (f(W + h e_k) − f(W)) / h}. */
    public static DMatrixRMaj forward(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, double h) {
        return gradient(f, w, h, Difference.FORWARD);
    }

    /** Centered differences over every coordinate: {@code (f(W + h e_k) − f(W − h e_k)) / 2h}. */
    public static DMatrixRMaj centered(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, double h) {
        return gradient(f, w, h, Difference.CENTERED);
    }

    /**
     * The partial derivative along the single flat index {@code k} (row-major: k = row·D + col).
     *
     * @param fx f(W), needed only for forward differences (pass NaN to have it evaluated)
     */
    public static double partial(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, int k, double h,
                                 Difference difference, double fx) {
        Checks.positive("h", h);
        int size = w.numRows * w.numCols;
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException("k must be in [0, " + size + ") but was: " + k);
        }
        double old = w.data[k];
        double plus;
        double minus;
        try {
            w.data[k] = old + h;
            plus = evaluate(f, w);
            if (difference == Difference.FORWARD) {
                w.data[k] = old;
                minus = Double.isNaN(fx) ? evaluate(f, w) : fx;
                return (plus - minus) / h;
            }
            w.data[k] = old - h;
            minus = evaluate(f, w);
            return (plus - minus) / (2 * h);
        } finally {
            w.data[k] = old;
        }
    }

    /**
     * {@link #gradient(ToDoubleFunction, double[], double, Step)} with {@link #DEFAULT_GRADIENT_STEP}
     * and {@link Step#RELATIVE}.
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, DEFAULT_GRADIENT_STEP, Step.RELATIVE);
    }

    /** {@link #gradient(ToDoubleFunction, double[], double, Step)} with {@link Step#RELATIVE}. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        return gradient(f, x, h, Step.RELATIVE);
    }

    /**
     * The centered-difference gradient of f at x: 2n evaluations of f.
     *
     * @param f    the function; it receives a fresh copy of the point at each call
     * @param x    the point, length n ≥ 1, finite; not modified
     * @param h    base step, finite and &gt; 0
     * @param step how h becomes each coordinate's step
     * @return a new array of length n
     * @throws IllegalArgumentException on a bad argument
     * @throws ArithmeticException      if f gives NaN (the point is named)
     */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h, Step step) {
        Checks.notNull("f", f);
        double[] p = checkPoint(x);
        Checks.positive("h", h);
        Checks.notNull("step", step);
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double hi = step.of(h, x[i]);
            g[i] = (evaluateAt(f, p, x, i, hi) - evaluateAt(f, p, x, i, -hi)) / (2 * hi);
        }
        return g;
    }

    /**
     * {@link #hessian(ToDoubleFunction, double[], double, Step)} with {@link #DEFAULT_HESSIAN_STEP}
     * and {@link Step#RELATIVE}.
     */
    public static DMatrixRMaj hessian(ToDoubleFunction<double[]> f, double[] x) {
        return hessian(f, x, DEFAULT_HESSIAN_STEP, Step.RELATIVE);
    }

    /** {@link #hessian(ToDoubleFunction, double[], double, Step)} with {@link Step#RELATIVE}. */
    public static DMatrixRMaj hessian(ToDoubleFunction<double[]> f, double[] x, double h) {
        return hessian(f, x, h, Step.RELATIVE);
    }

    /**
     * The centered-difference Hessian of f at x, symmetric by construction.
     *
     * <p>Costs {@code 1 + 2n + 4 n(n-1)/2} evaluations of f.
     *
     * @param f    the function; it receives a fresh copy of the point at each call
     * @param x    the point, length n ≥ 1, finite; not modified
     * @param h    base step, finite and &gt; 0
     * @param step how h becomes each coordinate's step
     * @return a new n × n matrix
     * @throws IllegalArgumentException on a bad argument
     * @throws ArithmeticException      if f gives NaN (the point is named)
     */
    public static DMatrixRMaj hessian(ToDoubleFunction<double[]> f, double[] x, double h, Step step) {
        Checks.notNull("f", f);
        double[] p = checkPoint(x);
        Checks.positive("h", h);
        Checks.notNull("step", step);
        int n = p.length;
        double f0 = evaluate(f, p);
        DMatrixRMaj hess = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double hi = step.of(h, x[i]);
            hess.set(i, i, (evaluateAt(f, p, x, i, hi) - 2 * f0 + evaluateAt(f, p, x, i, -hi)) / (hi * hi));
            for (int j = 0; j < i; j++) {
                double hj = step.of(h, x[j]);
                double pp = evaluateAt(f, p, x, i, hi, j, hj);
                double pm = evaluateAt(f, p, x, i, hi, j, -hj);
                double mp = evaluateAt(f, p, x, i, -hi, j, hj);
                double mm = evaluateAt(f, p, x, i, -hi, j, -hj);
                double v = (pp - pm - mp + mm) / (4 * hi * hj);
                hess.set(i, j, v);
                hess.set(j, i, v);
            }
        }
        return hess;
    }

    /** f at x moved by di along coordinate i; p (a copy of x) is restored before returning. */
    private static double evaluateAt(ToDoubleFunction<double[]> f, double[] p, double[] x, int i, double di) {
        p[i] = x[i] + di;
        double v = evaluate(f, p);
        p[i] = x[i];
        return v;
    }

    /** f at x moved by di along coordinate i and dj along j; p is restored before returning. */
    private static double evaluateAt(ToDoubleFunction<double[]> f, double[] p, double[] x, int i, double di,
                                     int j, double dj) {
        p[i] = x[i] + di;
        p[j] = x[j] + dj;
        double v = evaluate(f, p);
        p[i] = x[i];
        p[j] = x[j];
        return v;
    }

    private static double[] checkPoint(double[] x) {
        Checks.notNull("x", x);
        Checks.positive("x.length", x.length);
        Checks.allFinite("x", x, x.length);
        return x.clone();
    }

    private static double evaluate(ToDoubleFunction<double[]> f, double[] p) {
        double v = f.applyAsDouble(p.clone());
        if (Double.isNaN(v)) {
            throw new ArithmeticException("f returned NaN at x=" + Arrays.toString(p));
        }
        return v;
    }

    private static double evaluate(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w) {
        double v = f.applyAsDouble(w);
        if (Double.isNaN(v)) {
            throw new ArithmeticException("the function returned NaN; a numerical gradient needs finite values");
        }
        return v;
    }
}
