package descent.curvature;

import descent.check.NumericalGradient;
import descent.landscape.Grids;
import descent.surface.CriticalPointKind;
import descent.surface.Surface;
import descent.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Reading curvature from a Hessian: eigenvalues, the kind of a critical point, the condition number,
 * and a convexity test over a set of points.
 *
 * <p>From the notes: at a critical point (gradient zero) the Hessian decides. All eigenvalues
 * positive: a minimum; all negative: a maximum; mixed signs: a saddle. A function is convex where
 * its Hessian is positive semi-definite everywhere. The condition number {@code max|λ| / min|λ|}
 * says how stretched the bowl is: large means a ravine.
 *
 * <p>Hessians must be square, finite and symmetric (within {@link #SYMMETRY_TOLERANCE} relative
 * to the largest entry); eigenvalues come from EJML's symmetric eigen decomposition.
 */
public final class Curvature {
    /** Relative asymmetry {@code |h_ij - h_ji| / max(1, max|h|)} allowed before a Hessian is rejected. */
    public static final double SYMMETRY_TOLERANCE = 1e-8;

    private Curvature() {
    }

    /**
     * The eigenvalues of a symmetric matrix, ascending.
     *
     * @param symmetric n × n, finite, symmetric; not modified
     */
    public static double[] eigenvalues(DMatrixRMaj symmetric) {
        return decompose(symmetric).values;
    }

    /**
     * Eigenvalues, eigenvectors, kind and condition number of a symmetric Hessian.
     *
     * @param hessian   n × n, finite, symmetric; not modified
     * @param tolerance τ ≥ 0: eigenvalues with {@code |λ| ≤ τ} count as zero
     */
    public static CurvatureReport analyze(DMatrixRMaj hessian, double tolerance) {
        Checks.nonNegative("tolerance", tolerance);
        Eigen e = decompose(hessian);
        return new CurvatureReport(e.values, e.vectors, kindOf(e.values, tolerance), conditionOf(e.values), tolerance);
    }

    /**
     * The kind of critical point a Hessian makes, by the signs of its eigenvalues (see
     * {@link CriticalPointKind}). Does not check that the gradient is zero.
     *
     * @param hessian   n × n, finite, symmetric; not modified
     * @param tolerance τ ≥ 0: eigenvalues with {@code |λ| ≤ τ} count as zero
     */
    public static CriticalPointKind classify(DMatrixRMaj hessian, double tolerance) {
        Checks.nonNegative("tolerance", tolerance);
        return kindOf(eigenvalues(hessian), tolerance);
    }

    /**
     * Classifies the point (x, y) of a surface, after checking it is critical.
     *
     * @param surface           the surface
     * @param x                 finite
     * @param y                 finite
     * @param gradientTolerance the gradient's Euclidean norm must be ≤ this (finite, ≥ 0)
     * @param tolerance         eigenvalue tolerance τ ≥ 0
     * @throws IllegalArgumentException if the gradient there is larger than {@code gradientTolerance}
     */
    public static CriticalPointKind classify(Surface surface, double x, double y, double gradientTolerance,
            double tolerance) {
        Checks.notNull("surface", surface);
        Checks.finite("x", x);
        Checks.finite("y", y);
        Checks.nonNegative("gradientTolerance", gradientTolerance);
        double[] g = surface.gradient(x, y);
        double norm = Math.hypot(g[0], g[1]);
        Checks.require(norm <= gradientTolerance, "(" + x + ", " + y + ") is not a critical point of "
                + surface.name() + ": gradient norm " + norm + " > gradientTolerance " + gradientTolerance);
        return classify(surface.hessian(x, y), tolerance);
    }

    /**
     * The condition number {@code max|λ| / min|λ|} of a symmetric matrix; {@code +Infinity} if some
     * eigenvalue is exactly 0.
     *
     * @param symmetric n × n, finite, symmetric; not modified
     */
    public static double conditionNumber(DMatrixRMaj symmetric) {
        return conditionOf(eigenvalues(symmetric));
    }

    /**
     * Tests positive semi-definiteness of the Hessian at each point in turn, stopping at the first
     * failure.
     *
     * @param hessian   gives the n × n symmetric Hessian at a point
     * @param points    the points to check, at least one
     * @param tolerance an eigenvalue ≥ {@code -tolerance} counts as non-negative (≥ 0)
     */
    public static ConvexityReport convexity(Function<double[], DMatrixRMaj> hessian, List<double[]> points,
            double tolerance) {
        Checks.noneNull("hessian, points", hessian, points);
        Checks.positive("points.size()", points.size());
        Checks.nonNegative("tolerance", tolerance);
        double smallest = Double.POSITIVE_INFINITY;
        int checked = 0;
        for (double[] p : points) {
            Checks.notNull("points[" + checked + "]", p);
            Checks.allFinite("points[" + checked + "]", p, p.length);
            checked++;
            double min = eigenvalues(hessian.apply(p.clone()))[0];
            if (min < -tolerance) {
                return new ConvexityReport(false, checked, p, min, tolerance);
            }
            smallest = Math.min(smallest, min);
        }
        return new ConvexityReport(true, checked, null, smallest, tolerance);
    }

    /**
     * Convexity test of a surface with its closed-form Hessian on the grid {@code xs × ys}, visited
     * x-major: {@code (xs[0], ys[0]), (xs[0], ys[1]), …}.
     */
    public static ConvexityReport convexity(Surface surface, double[] xs, double[] ys, double tolerance) {
        Checks.notNull("surface", surface);
        return convexity(surface::hessian, gridPoints(xs, ys), tolerance);
    }

    /**
     * Convexity test of any {@code f: R^n -> R} with the finite-difference Hessian
     * ({@link NumericalGradient#hessian(ToDoubleFunction, double[], double)}, relative step) at each point.
     * Choose the tolerance above the finite-difference error (about {@code 1e-8 |f| / h²}).
     */
    public static ConvexityReport convexity(ToDoubleFunction<double[]> f, List<double[]> points, double h,
            double tolerance) {
        Checks.notNull("f", f);
        Checks.positive("h", h);
        return convexity(p -> NumericalGradient.hessian(f, p, h), points, tolerance);
    }

    /** The points {@code (xs[i], ys[j])}, x-major. */
    public static List<double[]> gridPoints(double[] xs, double[] ys) {
        double[] a = Grids.copyFinite("xs", xs);
        double[] b = Grids.copyFinite("ys", ys);
        List<double[]> out = new ArrayList<>(a.length * b.length);
        for (double x : a) {
            for (double y : b) {
                out.add(new double[] {x, y});
            }
        }
        return out;
    }

    private static CriticalPointKind kindOf(double[] ascending, double tol) {
        double min = ascending[0];
        double max = ascending[ascending.length - 1];
        if (min > tol) {
            return CriticalPointKind.MINIMUM;
        }
        if (max < -tol) {
            return CriticalPointKind.MAXIMUM;
        }
        if (min < -tol && max > tol) {
            return CriticalPointKind.SADDLE;
        }
        return CriticalPointKind.DEGENERATE;
    }

    private static double conditionOf(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : values) {
            lo = Math.min(lo, Math.abs(v));
            hi = Math.max(hi, Math.abs(v));
        }
        if (lo == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return hi / lo;
    }

    private record Eigen(double[] values, double[][] vectors) {
    }

    /**
     * The eigenvalues of the inputs' second-moment matrix {@code G = XᵀX / n} over the first
     * {@code examples} rows of the data, ascending (D values, bias column included).
     *
     * <p>G sets the curvature of every linear classifier's loss. For the softmax loss with
     * regularization {@code reg·ΣW²} at W = 0 (every class probability 1/C) the Hessian is exactly
     * {@code (1/C)(I − 11ᵀ/C) ⊗ G + 2·reg·I}: its eigenvalues are {@code λ_i(G)/C + 2·reg} and
     * {@code 2·reg}, so its condition number is {@code (λ_max(G)/C + 2·reg) / (2·reg)} — without
     * regularization it is singular. Away from W = 0 the data part shrinks where the classifier is
     * confident, so this is the start of training's condition number.
     *
     * <p>With n &lt; D, G has rank at most n: D − n of its eigenvalues are exactly 0 and the others
     * are those of the n × n matrix {@code XXᵀ/n}, which is what is decomposed. Cost: {@code n²·D}
     * multiply-adds plus an n × n eigen-decomposition (CIFAR-10, n = 1,000: seconds); with n ≥ D,
     * {@code n·D²} plus D × D (minutes for D = 3,073).
     *
     * @param data     N × D examples (labels are ignored)
     * @param examples n, how many leading rows to use, 1 ≤ n ≤ N
     * @return D eigenvalues of G, ascending (≥ 0 up to rounding)
     */
    public static double[] inputGramEigenvalues(descent.data.Dataset data, int examples) {
        Checks.notNull("data", data);
        Checks.require(examples >= 1 && examples <= data.size(),
                "examples must be in [1, " + data.size() + "] (rows of the data) but was: " + examples);
        DMatrixRMaj x = data.slice(0, examples).xAsDouble();
        int d = x.numCols;
        // With n < D, XᵀX/n (D × D) and XXᵀ/n (n × n) share their nonzero eigenvalues and the other
        // D − n are exactly 0: decompose the smaller one (a 3,073² decomposition takes minutes).
        boolean rows = examples < d;
        int k = rows ? examples : d;
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        if (rows) {
            org.ejml.dense.row.CommonOps_MT_DDRM.multTransB(x, x, g);
        } else {
            org.ejml.dense.row.CommonOps_MT_DDRM.multTransA(x, x, g);
        }
        org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / examples, g);
        for (int i = 0; i < k; i++) {   // symmetric by construction; make it exactly so
            for (int j = i + 1; j < k; j++) {
                double v = 0.5 * (g.get(i, j) + g.get(j, i));
                g.set(i, j, v);
                g.set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false, true);
        if (!eig.decompose(g)) {
            throw new IllegalArgumentException("eigen decomposition failed for the " + k + " x " + k
                    + (rows ? " matrix XXᵀ/n" : " matrix XᵀX/n"));
        }
        double[] values = new double[d];   // the D − k beyond the decomposed ones are 0
        for (int i = 0; i < k; i++) {
            values[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(values);
        return values;
    }

    private static Eigen decompose(DMatrixRMaj m) {
        checkSymmetric(m);
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m.copy())) {
            throw new IllegalArgumentException("eigen decomposition failed for a " + n + " x " + n + " matrix");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
            raw[k] = eig.getEigenvalue(k).getReal();
        }
        Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            values[k] = raw[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            vectors[k] = v == null ? new double[n] : unit(Arrays.copyOf(v.data, n));
        }
        return new Eigen(values, vectors);
    }

    private static double[] unit(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        if (norm > 0) {
            for (int k = 0; k < v.length; k++) {
                v[k] /= norm;
            }
        }
        return v;
    }

    private static void checkSymmetric(DMatrixRMaj m) {
        Checks.notNull("hessian", m);
        Checks.require(m.numRows == m.numCols && m.numRows > 0,
                "hessian must be square but was: " + m.numRows + " x " + m.numCols);
        Checks.allFinite("hessian", m.data, m.numRows * m.numCols);
        double scale = 1;
        for (int k = 0; k < m.numRows * m.numCols; k++) {
            scale = Math.max(scale, Math.abs(m.data[k]));
        }
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < i; j++) {
                double d = Math.abs(m.get(i, j) - m.get(j, i));
                Checks.require(d <= SYMMETRY_TOLERANCE * scale, "hessian must be symmetric but entry (" + i + ", "
                        + j + ") was " + m.get(i, j) + " and entry (" + j + ", " + i + ") was " + m.get(j, i));
            }
        }
    }
}
