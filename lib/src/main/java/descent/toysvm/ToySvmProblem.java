package descent.toysvm;

import descent.data.Dataset;
import descent.landscape.Grids;
import descent.landscape.LossLandscape;
import descent.util.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * The notes' toy problem, as the notes write it: three 1-D points, three classes, no bias, and the
 * multiclass SVM data loss written out as a sum of six hinge terms.
 *
 * <p>The notes write, for points x0, x1, x2 with labels 0, 1, 2 and margin 1,
 * <pre>
 * L0 = max(0, w1 x0 - w0 x0 + 1) + max(0, w2 x0 - w0 x0 + 1)
 * L1 = max(0, w0 x1 - w1 x1 + 1) + max(0, w2 x1 - w1 x1 + 1)
 * L2 = max(0, w0 x2 - w2 x2 + 1) + max(0, w1 x2 - w2 x2 + 1)
 * L  = (L0 + L1 + L2) / 3
 * </pre>
 * where "the data x_i and weights w_j are numbers": W is 3 × 1 (C × D with D = 1, no bias column)
 * and {@code w_j x_i} is a plain product. The notes leave the points' values open; here they are
 * {@link #POINT_VALUES} = {1, 0.5, 2}, all positive, so that along w0 the two terms of L0 fall
 * (they hold {@code -w0 x0}) while the w0-terms of L1 and L2 rise: L is the notes' bowl. From
 * W = 0 along w0 its kinks are at -1/x1 = -2, -1/x2 = -0.5 and 1/x0 = 1, and its lowest point is
 * the kink at -0.5. No regularization: this is the data loss, equal to an SVM loss with margin 1
 * and reg 0 on {@link #dataset()}.
 *
 * <p>Each term is linear in W and clamped at zero, so along any ray the loss is piecewise linear
 * and convex: a bowl made of kinks. {@link #alongRay} returns every term separately so a
 * notebook can plot them on top of their sum.
 */
public final class ToySvmProblem {
    /** The three 1-D points x0, x1, x2 (our choice; the notes do not give values). */
    public static final List<Double> POINT_VALUES = List.of(1.0, 0.5, 2.0);
    /** Labels y_i = i: point i belongs to class i. */
    private static final int[] LABELS = {0, 1, 2};
    /** N, C and D of the toy problem. */
    public static final int N = 3;
    public static final int C = 3;
    public static final int D = 1;
    /** Number of hinge terms: N * (C - 1) = 6. */
    public static final int NUM_TERMS = N * (C - 1);
    /** The SVM margin (delta) of the notes. */
    public static final double MARGIN = 1.0;

    /** (example i, wrong class j) of each term, in the notes' order. */
    private static final int[][] TERMS = termIndex();
    private static final List<String> TERM_NAMES = termNames(TERMS);

    private ToySvmProblem() {
    }

    /** The dataset: X is 3 × 1 with rows {@code [x_i]} (no bias), labels {0, 1, 2}, 3 classes. */
    public static Dataset dataset() {
        double[][] rows = new double[N][];
        for (int i = 0; i < N; i++) {
            rows[i] = new double[] {POINT_VALUES.get(i)};
        }
        return Dataset.of(rows, LABELS.clone(), C);
    }

    /**
     * The six term names in the notes' order, e.g. {@code "max(0, w1·x0 - w0·x0 + 1)"}: first the
     * two terms of L0, then L1, then L2.
     */
    public static List<String> termNames() {
        return TERM_NAMES;
    }

    /** {@code {i, j}} for term t: example i and the wrong class j whose score it compares. */
    public static int[] term(int t) {
        Checks.require(t >= 0 && t < NUM_TERMS, "t must be in [0, " + NUM_TERMS + ") but was: " + t);
        return TERMS[t].clone();
    }

    /**
     * The six hinge terms at W: {@code max(0, w_j x_i - w_{y_i} x_i + 1)} in the order of
     * {@link #termNames()}.
     *
     * @param w weights, 3 × 1 (C × D), finite; not modified
     * @return a new array of length 6
     */
    public static double[] terms(DMatrixRMaj w) {
        checkW("W", w);
        return termsUnchecked(w);
    }

    /**
     * The notes' L: the sum of the six terms divided by N = 3 (no regularization).
     *
     * @param w weights, 3 × 1, finite; not modified
     */
    public static double dataLoss(DMatrixRMaj w) {
        checkW("W", w);
        return sum(termsUnchecked(w)) / N;
    }

    /** {@link #dataLoss} as a function, ready for {@link LossLandscape#slice1d} and friends. */
    public static ToDoubleFunction<DMatrixRMaj> lossFunction() {
        return ToySvmProblem::dataLoss;
    }

    /**
     * Every hinge term along the ray {@code W + a * direction}, with their sum and the loss.
     *
     * @param w         weights, 3 × 1, finite; not modified
     * @param direction 3 × 1, finite; not modified (e.g. {@code LossLandscape.basisDirection(3, 1, 0, 0)}
     *                  to vary w0 alone, as in the notes' figure)
     * @param alphas    the steps a, at least one, finite
     */
    public static HingeBreakdown alongRay(DMatrixRMaj w, DMatrixRMaj direction, double[] alphas) {
        checkW("W", w);
        checkW("direction", direction);
        double[] a = Grids.copyFinite("alphas", alphas);
        Checks.positive("alphas.length", a.length);
        double[][] terms = new double[NUM_TERMS][a.length];
        DMatrixRMaj point = new DMatrixRMaj(C, D);
        for (int k = 0; k < a.length; k++) {
            for (int e = 0; e < C * D; e++) {
                point.data[e] = w.data[e] + a[k] * direction.data[e];
            }
            double[] t = termsUnchecked(point);
            for (int m = 0; m < NUM_TERMS; m++) {
                terms[m][k] = t[m];
            }
        }
        return new HingeBreakdown(a, TERM_NAMES, terms);
    }

    private static double[] termsUnchecked(DMatrixRMaj w) {
        double[] out = new double[NUM_TERMS];
        for (int t = 0; t < NUM_TERMS; t++) {
            int i = TERMS[t][0];
            int j = TERMS[t][1];
            double x = POINT_VALUES.get(i);
            double scoreJ = w.get(j, 0) * x;
            double scoreY = w.get(LABELS[i], 0) * x;
            out[t] = Math.max(0.0, scoreJ - scoreY + MARGIN);
        }
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static void checkW(String name, DMatrixRMaj m) {
        Checks.shape(name, m, C, D);
        Checks.allFinite(name, m.data, m.numRows * m.numCols);
    }

    private static int[][] termIndex() {
        int[][] out = new int[NUM_TERMS][];
        int t = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < C; j++) {
                if (j != LABELS[i]) {
                    out[t++] = new int[] {i, j};
                }
            }
        }
        return out;
    }

    private static List<String> termNames(int[][] terms) {
        List<String> names = new ArrayList<>();
        for (int[] ij : terms) {
            int i = ij[0];
            int j = ij[1];
            names.add("max(0, w" + j + "·x" + i + " - w" + LABELS[i] + "·x" + i + " + 1)");
        }
        return Collections.unmodifiableList(names);
    }
}
