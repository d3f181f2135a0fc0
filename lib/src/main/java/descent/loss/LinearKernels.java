package descent.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * The hot loop shared by the vectorized losses and by prediction: for every example, scores
 * {@code s = W x_i} (C dot products of length D), the per-example loss, and {@code dW += g x_i^T}.
 *
 * <p>One pass over X does both products while the example's row is still in cache; from
 * {@value #PARALLEL_THRESHOLD} rows, the rows are split between the cores. A smaller call from
 * {@value #SPLIT_ROWS} rows runs on every core in two phases (scores by rows, then dW by features)
 * that give exactly the bits of one pass, so a minibatch's loss does not depend on the machine's
 * cores. The inner loops use the JDK's Vector API (SIMD) when the module
 * {@code jdk.incubator.vector} is present (the kernelspec, the tests and the README's commands
 * add it) and fall back to plain loops otherwise, with the same results up to rounding.
 */
final class LinearKernels {
    /**
     * Rows below which a call runs on the calling thread alone. Measured on 2 cores (bench/run.sh,
     * 2026-11-26, quiet): below about 400 rows the hand-off to a second core costs more than it
     * saves (N = 64, SVM, float64: 729 µs on two cores in two phases against 456 µs in one pass on
     * one; N = 256: slower in 3 of the 4 loss and precision cases); at N = 500 the two phases were
     * faster in 3 of 4. From it, each part has at least half this many rows.
     */
    static final int SPLIT_ROWS = 384;
    /** Rows from which a call is cut into four parts per core rather than one. */
    private static final int PARALLEL_THRESHOLD = 512;
    /** The row tile of the Vector API kernel: small calls are cut at its multiples. */
    private static final int TILE_ROWS = 4;

    private static final RowKernel KERNEL = chooseKernel();

    /** One thread fewer than the cores: the calling thread runs a part itself. */
    private static final ForkJoinPool POOL = new ForkJoinPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setDaemon(true);
                t.setName("descent-kernel-" + t.getPoolIndex());
                return t;
            },
            null, false);

    private LinearKernels() {
    }

    /** Which implementation runs: "vector-api" or "scalar". */
    static String implementation() {
        return KERNEL.name();
    }

    private static RowKernel chooseKernel() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("descent.scalarKernels")) {
            try {
                return (RowKernel) Class.forName("descent.loss.VectorRowKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarRowKernel();
            }
        }
        return new ScalarRowKernel();
    }

    /**
     * A whole vectorized loss: checks the arguments, runs {@code f} over the batch, averages over
     * N and adds {@code reg · ΣW²} (and {@code 2 reg W} to the gradient).
     *
     * @param w            C × D; not modified
     * @param batch        N × D examples with labels in [0, C)
     * @param reg          λ ≥ 0
     * @param f            the per-example loss
     * @param withGradient false to skip dW (the result's gradient is then null)
     */
    static LossAndGradient evaluate(DMatrixRMaj w, descent.data.Dataset batch, double reg, RowLoss f,
                                    boolean withGradient) {
        int n = L2Regularization.checkArguments(w, batch);
        DMatrixRMaj dw = withGradient ? new DMatrixRMaj(w.numRows, w.numCols) : null;
        double dataLoss = run(w, batch.x(), batch.y(), f, dw, true) / n;
        double regLoss = L2Regularization.penalty(w, reg);
        if (dw != null) {
            // dW = dW / N + 2 reg W in one pass: the same two roundings as scaling, then adding.
            double[] d = dw.data;
            double[] wd = w.data;
            double scale = 1.0 / n;
            double twoReg = 2 * reg;
            if (reg == 0) {
                for (int k = 0; k < d.length; k++) {
                    d[k] *= scale;
                }
            } else {
                for (int k = 0; k < d.length; k++) {
                    d[k] = d[k] * scale + twoReg * wd[k];
                }
            }
        }
        return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dw);
    }

    /**
     * Runs {@code f} over every example of X and returns the sum of the per-example losses.
     *
     * @param w  C × D weights, row-major; not modified
     * @param x  N × D features (DMatrixRMaj or FMatrixRMaj); not modified
     * @param y  N labels
     * @param f  per-example loss
     * @param dw null for the loss alone, else C × D, to which {@code sum_i g_i x_i^T} is added
     * @param overflowIsError whether scores that overflow from finite X and W are an error (for a
     *                        loss) or are passed on to {@code f} (for prediction)
     * @throws IllegalArgumentException if X has a non-finite entry in a row whose scores are not
     *                                  finite (W must be finite): names the first such entry
     * @throws ArithmeticException      if {@code overflowIsError} and scores overflowed from finite
     *                                  X and W
     */
    static double run(DMatrixRMaj w, Matrix x, int[] y, RowLoss unchecked, DMatrixRMaj dw,
                      boolean overflowIsError) {
        int n = x.getNumRows();
        // W is finite (checked at the door), so a non-finite score means a non-finite entry in the
        // example's row of X, or an overflow. Record the first such row and skip it; the calling
        // thread throws. The row is only read again on this error path.
        AtomicInteger firstBadRow = new AtomicInteger(Integer.MAX_VALUE);
        RowLoss f = (row, s, label, g) -> {
            for (double v : s) {
                if (!Double.isFinite(v)) {
                    if (overflowIsError || L2Regularization.rowHasNonFinite(x, row)) {
                        firstBadRow.accumulateAndGet(row, Math::min);
                        if (g != null) {
                            Arrays.fill(g, 0);
                        }
                        return 0;
                    }
                    break;
                }
            }
            return unchecked.apply(row, s, label, g);
        };
        double total = runChecked(w, x, y, f, dw, n);
        if (firstBadRow.get() != Integer.MAX_VALUE) {
            throw L2Regularization.nonFiniteScores(x, firstBadRow.get());
        }
        return total;
    }

    private static double runChecked(DMatrixRMaj w, Matrix x, int[] y, RowLoss f, DMatrixRMaj dw, int n) {
        Object prepared = KERNEL.prepare(w, x);
        double[] out = dw == null ? null : dw.data;
        int cores = Runtime.getRuntime().availableProcessors();
        int[] bounds = parts(n, cores);
        int parts = bounds.length - 1;
        if (parts == 1 || (n < PARALLEL_THRESHOLD && !KERNEL.splitsExactly())) {
            return KERNEL.run(w, prepared, x, y, 0, n, f, out);
        }
        if (n < PARALLEL_THRESHOLD) {
            return runInPhases(w, prepared, x, y, f, out, bounds);
        }
        // Parts 1.. go to the pool; the calling thread runs part 0 straight into dW, then runs
        // whichever other parts no worker has started yet (FutureTask.run does nothing on a task
        // already taken). Partial sums are added in part order, so the result does not depend on
        // which thread ran what.
        List<FutureTask<Partial>> tasks = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int lo = bounds[p];
            int hi = bounds[p + 1];
            FutureTask<Partial> task = new FutureTask<>(() -> {
                double[] local = out == null ? null : new double[out.length];
                return new Partial(KERNEL.run(w, prepared, x, y, lo, hi, f, local), local);
            });
            tasks.add(task);
            POOL.execute(task);
        }
        double total = KERNEL.run(w, prepared, x, y, bounds[0], bounds[1], f, out);
        for (FutureTask<Partial> task : tasks) {
            task.run();
        }
        for (FutureTask<Partial> task : tasks) {
            Partial r = await(task);
            total += r.loss();
            if (out != null) {
                double[] local = r.dw();
                for (int k = 0; k < out.length; k++) {
                    out[k] += local[k];
                }
            }
        }
        return total;
    }

    /**
     * A small call on every core, with the very same roundings as one pass on one thread: first the
     * scores, losses and slopes dL/ds of the rows, split by rows (each row's scores do not depend on
     * the other rows); the losses are then added in row order; then dW, split by features, every
     * entry of dW summing the rows in the same order as one pass does. X is read twice, which at
     * these sizes (X within the L2 and L3 caches) costs less than the second core saves.
     */
    private static double runInPhases(DMatrixRMaj w, Object prepared, Matrix x, int[] y, RowLoss f, double[] dw,
                                      int[] bounds) {
        int n = x.getNumRows();
        int c = w.numRows;
        double[] rowLoss = new double[n];
        double[][] slopes = dw == null ? null : new double[n][c];
        Runnable[] rows = new Runnable[bounds.length - 1];
        for (int p = 0; p < rows.length; p++) {
            int lo = bounds[p];
            int hi = bounds[p + 1];
            rows[p] = () -> KERNEL.slopes(w, prepared, x, y, lo, hi, f, rowLoss, slopes);
        }
        runAll(rows);
        double total = 0;
        for (double v : rowLoss) {
            total += v;
        }
        if (dw != null) {
            int d = w.numCols;
            int step = KERNEL.columnStep();
            int parts = rows.length;
            Runnable[] columns = new Runnable[parts];
            for (int p = 0; p < parts; p++) {
                int lo = p == 0 ? 0 : (int) ((long) d * p / parts) / step * step;
                int hi = p == parts - 1 ? d : (int) ((long) d * (p + 1) / parts) / step * step;
                columns[p] = () -> KERNEL.gradientColumns(x, slopes, c, lo, hi, dw);
            }
            runAll(columns);
        }
        return total;
    }

    /** Runs every part: the first on the calling thread, the others on the pool unless the caller gets there first. */
    private static void runAll(Runnable[] parts) {
        List<FutureTask<Void>> tasks = new ArrayList<>(parts.length - 1);
        for (int p = 1; p < parts.length; p++) {
            FutureTask<Void> task = new FutureTask<>(parts[p], null);
            tasks.add(task);
            POOL.execute(task);
        }
        parts[0].run();
        for (FutureTask<Void> task : tasks) {
            task.run();
        }
        for (FutureTask<Void> task : tasks) {
            await(task);
        }
    }

    /**
     * Where the N rows are cut into parts, as {@code parts + 1} increasing bounds from 0 to N: one
     * part below {@link #SPLIT_ROWS} rows, one per core (of at least half that many rows) up to
     * {@link #PARALLEL_THRESHOLD} (cut at multiples of the kernel's row tile), four per core above (so that a core slowed by other work
     * is helped by the other).
     *
     * @param n     rows, ≥ 1
     * @param cores cores of the machine, ≥ 1
     */
    static int[] parts(int n, int cores) {
        if (cores == 1 || n < SPLIT_ROWS) {
            return new int[] {0, n};
        }
        if (n < PARALLEL_THRESHOLD) {
            int parts = Math.min(cores, n / (SPLIT_ROWS / 2));
            int[] bounds = new int[parts + 1];
            for (int p = 1; p < parts; p++) {
                bounds[p] = (int) ((long) n * p / parts) / TILE_ROWS * TILE_ROWS;
            }
            bounds[parts] = n;
            return bounds;
        }
        int chunks = cores * 4;
        int step = (n + chunks - 1) / chunks;
        int parts = (n + step - 1) / step;
        int[] bounds = new int[parts + 1];
        for (int p = 0; p <= parts; p++) {
            bounds[p] = Math.min(n, p * step);
        }
        return bounds;
    }

    /** The part's result, waiting for it without giving up on an interrupt (restored after). */
    private static <T> T await(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One part's sum of per-example losses and its dW (null for the loss alone). */
    private record Partial(double loss, double[] dw) {
    }

    /** The inner loops over a range of rows; implementations differ only in speed. */
    interface RowKernel {
        String name();

        /**
         * W as the kernel reads it for features X, made once per call and shared by the parts:
         * null where the kernel reads W itself.
         *
         * @param w C × D weights; not modified
         * @param x N × D features (DMatrixRMaj or FMatrixRMaj)
         */
        default Object prepare(DMatrixRMaj w, Matrix x) {
            return null;
        }

        /**
         * Same contract as {@link LinearKernels#run}, over rows {@code [from, to)}; dw may be null.
         *
         * @param prepared what {@link #prepare} returned for these W and X
         */
        double run(DMatrixRMaj w, Object prepared, Matrix x, int[] y, int from, int to, RowLoss f,
                   double[] dw);

        /** Whether {@link #slopes} and {@link #gradientColumns} give exactly what {@link #run} gives. */
        default boolean splitsExactly() {
            return false;
        }

        /**
         * The first half of {@link #run} over rows {@code [from, to)} ({@code from} a multiple of
         * the row tile): writes each row's loss into {@code rowLoss[i]} and, when {@code slopes} is
         * not null, its dL/ds into {@code slopes[i]} (C values).
         */
        default void slopes(DMatrixRMaj w, Object prepared, Matrix x, int[] y, int from, int to, RowLoss f,
                            double[] rowLoss, double[][] slopes) {
            throw new UnsupportedOperationException();
        }

        /**
         * The second half of {@link #run} over all N rows, for the features {@code [k0, k1)} only
         * ({@code k0} a multiple of {@link #columnStep}): {@code dw[j, k] += Σ_i slopes[i][j] x[i, k]}.
         */
        default void gradientColumns(Matrix x, double[][] slopes, int c, int k0, int k1, double[] dw) {
            throw new UnsupportedOperationException();
        }

        /** What the features may be cut at in {@link #gradientColumns}. */
        default int columnStep() {
            return 1;
        }
    }

    /** Plain loops; used where the Vector API module is absent. */
    static final class ScalarRowKernel implements RowKernel {
        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public double run(DMatrixRMaj w, Object prepared, Matrix x, int[] y, int from, int to, RowLoss f,
                          double[] dw) {
            int c = w.numRows;
            int d = w.numCols;
            double[] wd = w.data;
            double[] s = new double[c];
            double[] g = dw == null ? null : new double[c];
            double[] row = new double[d];
            double loss = 0;
            for (int i = from; i < to; i++) {
                if (x instanceof DMatrixRMaj dx) {
                    System.arraycopy(dx.data, i * d, row, 0, d);
                } else {
                    float[] fx = ((FMatrixRMaj) x).data;
                    int off = i * d;
                    for (int k = 0; k < d; k++) {
                        row[k] = fx[off + k];
                    }
                }
                for (int j = 0; j < c; j++) {
                    double acc = 0;
                    int wo = j * d;
                    for (int k = 0; k < d; k++) {
                        acc += wd[wo + k] * row[k];
                    }
                    s[j] = acc;
                }
                loss += f.apply(i, s, y[i], g);
                if (g != null) {
                    for (int j = 0; j < c; j++) {
                        double gj = g[j];
                        if (gj != 0) {
                            int wo = j * d;
                            for (int k = 0; k < d; k++) {
                                dw[wo + k] += gj * row[k];
                            }
                        }
                    }
                }
            }
            return loss;
        }
    }
}
