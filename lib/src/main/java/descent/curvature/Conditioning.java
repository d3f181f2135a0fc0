package descent.curvature;

import descent.optim.Optimizer;
import descent.optim.Sgd;
import descent.util.Checks;
import descent.util.Interrupted;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Why un-normalized inputs make a ravine, with the notes' linear-regression example.
 *
 * <p>For a linear model {@code y = w^T x} and the squared loss
 * {@code L(w) = 1/(2N) ||X w - t||^2} (X: N × D, w: length D, t: length N) the Hessian is the same
 * everywhere: {@code H = X^T X / N}, whatever the targets. When the inputs sit near 1000 (the notes'
 * table), the columns of X are nearly parallel and huge, so H has one enormous eigenvalue and one
 * small one: a ravine. Standardizing each input (mean 0, unit variance) turns H into the inputs'
 * correlation matrix, whose condition number is {@code (1 + |r|) / (1 - |r|)} for two inputs with
 * correlation r.
 */
public final class Conditioning {
    private static final double[][] NOTES_INPUTS = {
        {1003.2, 1005.1},
        {1001.1, 1008.2},
        {998.3, 1003.4},
    };
    private static final double[] NOTES_TARGETS = {3.3, 4.8, 2.9};

    private Conditioning() {
    }

    /** The notes' inputs (x1, x2), 3 × 2: (1003.2, 1005.1), (1001.1, 1008.2), (998.3, 1003.4). */
    public static DMatrixRMaj notesInputs() {
        return new DMatrixRMaj(NOTES_INPUTS);
    }

    /** The notes' targets t, length 3: 3.3, 4.8, 2.9. */
    public static double[] notesTargets() {
        return NOTES_TARGETS.clone();
    }

    /**
     * The squared loss {@code L(w) = 1/(2N) ||X w - t||^2} as a function of w (length D).
     *
     * @param x inputs, N × D, finite; copied
     * @param t targets, length N, finite; copied
     */
    public static ToDoubleFunction<double[]> leastSquaresLoss(DMatrixRMaj x, double[] t) {
        checkInputs(x);
        Checks.notNull("t", t);
        Checks.require(t.length == x.numRows, "t must have length " + x.numRows + " (one per row of X) but had: "
                + t.length);
        Checks.allFinite("t", t, t.length);
        DMatrixRMaj xs = x.copy();
        double[] ts = t.clone();
        return w -> {
            Checks.notNull("w", w);
            Checks.require(w.length == xs.numCols, "w must have length " + xs.numCols + " but had: " + w.length);
            double s = 0;
            for (int i = 0; i < xs.numRows; i++) {
                double r = -ts[i];
                for (int j = 0; j < xs.numCols; j++) {
                    r += xs.get(i, j) * w[j];
                }
                s += r * r;
            }
            return s / (2.0 * xs.numRows);
        };
    }

    /**
     * The Hessian of {@link #leastSquaresLoss}: {@code H = X^T X / N}, D × D.
     *
     * @param x inputs, N × D, finite; not modified
     */
    public static DMatrixRMaj leastSquaresHessian(DMatrixRMaj x) {
        checkInputs(x);
        DMatrixRMaj h = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multTransA(x, x, h);
        CommonOps_DDRM.scale(1.0 / x.numRows, h);
        return h;
    }

    /**
     * Standardized inputs: each column shifted to mean 0 and scaled to unit variance (the population
     * variance, dividing by N).
     *
     * @param x inputs, N × D with N ≥ 2, finite, no constant column; not modified
     * @return a new N × D matrix
     */
    public static DMatrixRMaj standardize(DMatrixRMaj x) {
        checkInputs(x);
        Checks.require(x.numRows >= 2, "X must have at least 2 rows to standardize but had: " + x.numRows);
        int n = x.numRows;
        DMatrixRMaj z = new DMatrixRMaj(n, x.numCols);
        for (int j = 0; j < x.numCols; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x.get(i, j);
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double d = x.get(i, j) - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / n);
            Checks.require(sd > 0, "X column " + j + " is constant (" + mean + "): it cannot be standardized");
            for (int i = 0; i < n; i++) {
                z.set(i, j, (x.get(i, j) - mean) / sd);
            }
        }
        return z;
    }

    /**
     * The least-squares Hessian and its condition number for X as given and for X standardized.
     *
     * @param x inputs, N × D with N ≥ 2, finite, no constant column; not modified
     */
    public static ConditioningReport compare(DMatrixRMaj x) {
        DMatrixRMaj raw = leastSquaresHessian(x);
        DMatrixRMaj normalized = leastSquaresHessian(standardize(x));
        return new ConditioningReport(raw, Curvature.conditionNumber(raw), normalized,
                Curvature.conditionNumber(normalized));
    }

    /** {@link #compare} on the notes' table ({@link #notesInputs()}). */
    public static ConditioningReport notesExample() {
        return compare(notesInputs());
    }

    /**
     * Plain gradient descent on {@code L(w) = 1/(2N) ||X w - t||^2} from {@code w = 0} with a constant
     * step: {@code w <- w - learningRate * X^T (X w - t) / N}, until the gap to the optimum has shrunk
     * by the tolerance, {@code gap(w_k) <= tolerance * gap(w_0)} with
     * {@code gap(w) = 1/2 (w - w*)^T H (w - w*)}, or the step budget runs out.
     *
     * <p>With {@code learningRate = 1/λmax} the slowest direction shrinks by {@code 1 - 1/κ} a step,
     * so the steps needed grow in proportion to the condition number κ: the measured cost of a ravine.
     * The optimum w* comes from the normal equations {@code H w* = X^T t / N}.
     *
     * @param x             inputs, N × D, finite, with X^T X invertible; not modified
     * @param t             targets, length N, finite
     * @param learningRate  step size; finite and {@code > 0} (below {@code 2/λmax} to converge)
     * @param tolerance     relative gap to reach; in {@code (0, 1)}
     * @param maxIterations step budget; {@code > 0}
     * @return the last iterate, steps taken, and the relative gap recorded along the way
     * @throws Interrupted if the thread is interrupted (checked before each step); its
     *                     {@code partial()} is the run so far, a {@code LeastSquaresDescent}
     */
    public static LeastSquaresDescent gradientDescent(DMatrixRMaj x, double[] t, double learningRate,
                                                      double tolerance, int maxIterations) {
        checkInputs(x);
        Checks.notNull("t", t);
        Checks.require(t.length == x.numRows, "t must have length " + x.numRows + " (one per row of X) but had: "
                + t.length);
        Checks.allFinite("t", t, t.length);
        Checks.positive("learningRate", learningRate);
        Checks.positive("tolerance", tolerance);
        Checks.inHalfOpenRange("tolerance", tolerance, 0, 1);
        Checks.positive("maxIterations", maxIterations);
        int n = x.numRows;
        int d = x.numCols;
        DMatrixRMaj h = leastSquaresHessian(x);
        DMatrixRMaj xtt = new DMatrixRMaj(d, 1);
        CommonOps_DDRM.multTransA(x, new DMatrixRMaj(n, 1, true, t), xtt);
        CommonOps_DDRM.scale(1.0 / n, xtt);
        DMatrixRMaj opt = new DMatrixRMaj(d, 1);
        Checks.require(CommonOps_DDRM.solve(h.copy(), xtt, opt), "X^T X is singular: no unique optimum");
        double[] optimum = opt.data.clone();
        double[] w = new double[d];
        double gap0 = gap(h, w, optimum);
        Checks.require(gap0 > 0, "w = 0 is already the optimum");
        double[] r = new double[n];
        double[] g = new double[d];
        Optimizer sgd = new Sgd(); // w <- w - learningRate * g, the library's update
        DMatrixRMaj wm = DMatrixRMaj.wrap(d, 1, w);
        DMatrixRMaj gm = DMatrixRMaj.wrap(d, 1, g);
        int[] steps = new int[64];
        double[] gaps = new double[64];
        int recorded = 0;
        steps[recorded] = 0;
        gaps[recorded++] = 1.0;
        long nextRecord = 1;
        double rel = 1.0;
        int k = 0;
        while (rel > tolerance && k < maxIterations) {
            if (Interrupted.requested()) {
                LeastSquaresDescent partial = new LeastSquaresDescent(w, optimum, learningRate, k, false,
                        Arrays.copyOf(steps, recorded), Arrays.copyOf(gaps, recorded));
                throw Interrupted.at("gradient descent", "step", k, maxIterations, "the iterate and the gaps "
                        + "recorded so far are kept: the exception's partial() is the LeastSquaresDescent", partial);
            }
            for (int i = 0; i < n; i++) {
                double s = -t[i];
                for (int j = 0; j < d; j++) {
                    s += x.get(i, j) * w[j];
                }
                r[i] = s;
            }
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x.get(i, j) * r[i];
                }
                g[j] = s / n;
            }
            sgd.updateInPlace(wm, gm, learningRate);
            k++;
            rel = gap(h, w, optimum) / gap0;
            Checks.require(Double.isFinite(rel), "gradient descent diverged at step " + k
                    + " with learning rate " + learningRate + "; lower it below 2/λmax");
            boolean done = rel <= tolerance || k == maxIterations;
            if (k >= nextRecord || done) {
                if (recorded == steps.length) {
                    steps = Arrays.copyOf(steps, 2 * recorded);
                    gaps = Arrays.copyOf(gaps, 2 * recorded);
                }
                steps[recorded] = k;
                gaps[recorded++] = rel;
                nextRecord = Math.max(k + 1L, (long) Math.ceil(k * 1.05));
            }
        }
        return new LeastSquaresDescent(w, optimum, learningRate, k, rel <= tolerance,
                Arrays.copyOf(steps, recorded), Arrays.copyOf(gaps, recorded));
    }

    private static double gap(DMatrixRMaj h, double[] w, double[] optimum) {
        int d = optimum.length;
        double s = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                s += (w[i] - optimum[i]) * h.get(i, j) * (w[j] - optimum[j]);
            }
        }
        return s / 2;
    }

    private static void checkInputs(DMatrixRMaj x) {
        Checks.notNull("X", x);
        Checks.positive("X rows", x.numRows);
        Checks.positive("X cols", x.numCols);
        Checks.allFinite("X", x.data, x.numRows * x.numCols);
    }
}
