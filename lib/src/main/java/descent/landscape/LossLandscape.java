package descent.landscape;

import descent.util.Checks;
import descent.util.Interrupted;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * Slices through a loss function over weight matrices: along a ray (1-D) and over a plane (2-D).
 *
 * <p>As in the notes: pick weights {@code W} (C classes × D features), a random direction
 * {@code W1} of the same shape, and record {@code L(W + a W1)} for a grid of a; or with a second
 * direction {@code W2}, record {@code L(W + a W1 + b W2)} for a grid of (a, b) and show it as a
 * color. Any {@code f: (C × D matrix) -> double} works, for example
 * {@code w -> svm.loss(w, batch)}.
 *
 * <p>W and the directions are never modified and never handed to {@code f}: {@code f} receives a
 * scratch matrix that is refilled before every call, so {@code f} may change it without
 * harm. A NaN from {@code f} is an error that names the grid point; {@code +Infinity} is kept.
 */
public final class LossLandscape {
    /** The name of every {@link #slice2d} grid: its xs are the steps a, its ys the steps b. */
    public static final String PLANE = "L(W + a W1 + b W2)";

    private LossLandscape() {
    }

    /**
     * Second differences on an evenly spaced grid: {@code out[k] = v[k] - 2 v[k+1] + v[k+2]}.
     *
     * <p>A convex function has none below zero; a straight piece gives zeros; a kink between grid
     * points gives one or two positive entries beside it (about the jump in slope times the step).
     *
     * @param values n values at evenly spaced steps, n &ge; 3, finite; not modified
     * @return a new array of length n − 2
     */
    public static double[] secondDifferences(double[] values) {
        double[] v = Grids.copyFinite("values", values);
        Checks.require(v.length >= 3, "values must have at least 3 entries but had: " + v.length);
        double[] out = new double[v.length - 2];
        for (int k = 0; k < out.length; k++) {
            out[k] = v[k] - 2 * v[k + 1] + v[k + 2];
        }
        return out;
    }

    /**
     * A direction with independent N(0, 1) entries, unscaled.
     *
     * @param rows   C, at least 1
     * @param cols   D, at least 1
     * @param random the source of randomness (seed it for reproducible pictures); advanced by
     *               {@code rows * cols} Gaussian draws
     * @return a new {@code rows × cols} matrix
     */
    public static DMatrixRMaj randomDirection(int rows, int cols, Random random) {
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.notNull("random", random);
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < d.data.length; k++) {
            d.data[k] = random.nextGaussian();
        }
        return d;
    }

    /**
     * A Gaussian direction of W's shape, scaled as {@code norm} says.
     *
     * @param w      the weights the direction starts from, C × D, finite; not modified
     * @param random the source of randomness; advanced by C·D Gaussian draws
     * @param norm   how to scale (see {@link DirectionNorm})
     * @return a new C × D matrix
     * @throws IllegalArgumentException if {@code norm} is {@link DirectionNorm#MATCH_W} and W is all
     *                                  zero (the direction would be zero)
     */
    public static DMatrixRMaj randomDirection(DMatrixRMaj w, Random random, DirectionNorm norm) {
        checkMatrix("W", w);
        Checks.notNull("norm", norm);
        DMatrixRMaj d = randomDirection(w.numRows, w.numCols, random);
        switch (norm) {
            case NONE -> {
            }
            case UNIT -> scale(d, 0, d.data.length, 1.0 / norm(d.data, 0, d.data.length));
            case MATCH_W -> {
                double wNorm = norm(w.data, 0, w.data.length);
                Checks.require(wNorm > 0, "W must not be all zero for DirectionNorm.MATCH_W but its norm was: 0.0");
                scale(d, 0, d.data.length, wNorm / norm(d.data, 0, d.data.length));
            }
            case PER_ROW -> {
                for (int r = 0; r < w.numRows; r++) {
                    int from = r * w.numCols;
                    int to = from + w.numCols;
                    scale(d, from, to, norm(w.data, from, to) / norm(d.data, from, to));
                }
            }
            default -> throw new AssertionError(norm);
        }
        return d;
    }

    /**
     * The direction that moves only entry {@code (row, col)} of W: all zeros and a single one.
     * With it, a 1-D slice shows the loss as a function of one weight, as in the notes' figure.
     *
     * @param rows C, at least 1
     * @param cols D, at least 1
     * @param row  in {@code [0, rows)}
     * @param col  in {@code [0, cols)}
     */
    public static DMatrixRMaj basisDirection(int rows, int cols, int row, int col) {
        Checks.positive("rows", rows);
        Checks.positive("cols", cols);
        Checks.require(row >= 0 && row < rows, "row must be in [0, " + rows + ") but was: " + row);
        Checks.require(col >= 0 && col < cols, "col must be in [0, " + cols + ") but was: " + col);
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        d.set(row, col, 1.0);
        return d;
    }

    /**
     * The loss along a ray: {@code values[k] = f(W + alphas[k] * direction)}.
     *
     * @param f         the loss, called once per alpha with a C × D scratch matrix
     * @param w         the starting weights W, C × D, finite; not modified
     * @param direction W1, C × D, finite; not modified
     * @param alphas    the steps a, at least one, finite (see {@link Grids#linspace})
     * @throws IllegalArgumentException on a shape mismatch, a non-finite input, or a NaN from f
     * @throws Interrupted              if the thread is interrupted (checked before each point);
     *                                  nothing is kept
     */
    public static LossSlice1D slice1d(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, DMatrixRMaj direction,
            double[] alphas) {
        Checks.notNull("f", f);
        checkMatrix("W", w);
        checkMatrix("direction", direction);
        Checks.sameShape("W", w, "direction", direction);
        double[] a = Grids.copyFinite("alphas", alphas);
        Checks.positive("alphas.length", a.length);
        DMatrixRMaj scratch = new DMatrixRMaj(w.numRows, w.numCols);
        double[] values = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            if (Interrupted.requested()) {
                throw Interrupted.at("loss slice", "point", k, a.length, "nothing is kept: run it again with "
                        + "fewer alphas", null);
            }
            fill(scratch, w, a[k], direction, 0.0, null);
            values[k] = evaluate(f, scratch, "a=" + a[k] + " (alphas[" + k + "])");
        }
        return new LossSlice1D(a, values);
    }

    /**
     * The loss over a plane, evaluated sequentially: same as
     * {@link #slice2d(ToDoubleFunction, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, double[], double[], Execution)}
     * with {@link Execution#SEQUENTIAL}.
     */
    public static SurfaceGrid slice2d(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, DMatrixRMaj direction1,
            DMatrixRMaj direction2, double[] alphas, double[] betas) {
        return slice2d(f, w, direction1, direction2, alphas, betas, Execution.SEQUENTIAL);
    }

    /**
     * The loss over a plane: {@code values[i][j] = f(W + alphas[i] * W1 + betas[j] * W2)}.
     *
     * <p>A × B calls to f; for a real loss over many examples this is the costly part. With
     * {@link Execution#PARALLEL} the rows i are spread over the common fork-join pool, each with its
     * own scratch matrix; f must then be thread-safe. The values are identical either way.
     *
     * @param f          the loss, called once per grid point with a C × D scratch matrix
     * @param w          the starting weights W, C × D, finite; not modified
     * @param direction1 W1, C × D, finite; not modified
     * @param direction2 W2, C × D, finite; not modified
     * @param alphas     steps along W1, at least one, finite
     * @param betas      steps along W2, at least one, finite
     * @param execution  sequential (default) or parallel
     * @return an A × B grid named {@link #PLANE}: xs are the alphas, ys the betas
     * @throws IllegalArgumentException on a shape mismatch, a non-finite input, or a NaN from f
     * @throws Interrupted              if the calling thread is interrupted (checked before each
     *                                  point, also by the pool's threads); nothing is kept
     */
    public static SurfaceGrid slice2d(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, DMatrixRMaj direction1,
            DMatrixRMaj direction2, double[] alphas, double[] betas, Execution execution) {
        Checks.notNull("f", f);
        checkMatrix("W", w);
        checkMatrix("direction1", direction1);
        checkMatrix("direction2", direction2);
        Checks.sameShape("W", w, "direction1", direction1);
        Checks.sameShape("W", w, "direction2", direction2);
        double[] a = Grids.copyFinite("alphas", alphas);
        double[] b = Grids.copyFinite("betas", betas);
        Checks.positive("alphas.length", a.length);
        Checks.positive("betas.length", b.length);
        Checks.notNull("execution", execution);
        double[][] values = new double[a.length][b.length];
        IntStream rows = IntStream.range(0, a.length);
        if (execution == Execution.PARALLEL) {
            rows = rows.parallel();
        }
        Thread caller = Thread.currentThread();
        AtomicInteger finished = new AtomicInteger();
        rows.forEach(i -> {
            DMatrixRMaj scratch = new DMatrixRMaj(w.numRows, w.numCols);
            for (int j = 0; j < b.length; j++) {
                // Each point, not each row: a row of a real loss can take longer than the kernel's
                // grace period between the interrupt and forcing the thread to stop.
                if (caller.isInterrupted()) {
                    throw Interrupted.at("loss slice", "row", finished.get(), a.length, "nothing is kept: run "
                            + "it again with fewer alphas or betas", null);
                }
                fill(scratch, w, a[i], direction1, b[j], direction2);
                values[i][j] = evaluate(f, scratch,
                        "(a, b)=(" + a[i] + ", " + b[j] + ") (alphas[" + i + "], betas[" + j + "])");
            }
            finished.incrementAndGet();
        });
        return new SurfaceGrid(PLANE, a, b, values);
    }

    /** scratch = w + a * d1 + b * d2 (d2 may be null). */
    private static void fill(DMatrixRMaj scratch, DMatrixRMaj w, double a, DMatrixRMaj d1, double b, DMatrixRMaj d2) {
        if (scratch.numRows != w.numRows || scratch.numCols != w.numCols) {
            scratch.reshape(w.numRows, w.numCols); // f reshaped it: undo
        }
        double[] s = scratch.data;
        int n = w.numRows * w.numCols;
        for (int k = 0; k < n; k++) {
            s[k] = w.data[k] + a * d1.data[k];
        }
        if (d2 != null) {
            for (int k = 0; k < n; k++) {
                s[k] += b * d2.data[k];
            }
        }
    }

    private static double evaluate(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj point, String where) {
        double v = f.applyAsDouble(point);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("f returned NaN at " + where);
        }
        return v;
    }

    static void checkMatrix(String name, DMatrixRMaj m) {
        Checks.notNull(name, m);
        Checks.allFinite(name, m.data, m.numRows * m.numCols);
    }

    private static double norm(double[] v, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += v[k] * v[k];
        }
        return Math.sqrt(s);
    }

    private static void scale(DMatrixRMaj d, int from, int to, double factor) {
        for (int k = from; k < to; k++) {
            d.data[k] *= factor;
        }
    }
}
