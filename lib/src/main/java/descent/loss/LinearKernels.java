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
 * <p>One pass over X does both products while the example's row is still in cache; rows are split
 * between the cores. The inner loops use the JDK's Vector API (SIMD) when the module
 * {@code jdk.incubator.vector} is present (the kernelspec, the tests and the README's commands
 * add it) and fall back to plain loops otherwise, with the same results up to rounding.
 */
final class LinearKernels {
    /**
     * Rows below which a call runs on the calling thread alone: below it, handing half the rows
     * to a pool thread costs more than it saves (measured on 2 cores, D = 3,073, C = 10).
     */
    static final int SPLIT_ROWS = 64;
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
        int[] bounds = parts(n, Runtime.getRuntime().availableProcessors());
        int parts = bounds.length - 1;
        if (parts == 1) {
            return KERNEL.run(w, prepared, x, y, 0, n, f, out);
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
     * Where the N rows are cut into parts, as {@code parts + 1} increasing bounds from 0 to N: one
     * part below {@link #SPLIT_ROWS} rows, one per core up to {@link #PARALLEL_THRESHOLD} (cut at
     * multiples of the kernel's row tile), four per core above (so that a core slowed by other work
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
            int[] bounds = new int[cores + 1];
            for (int p = 1; p < cores; p++) {
                bounds[p] = (int) ((long) n * p / cores) / TILE_ROWS * TILE_ROWS;
            }
            bounds[cores] = n;
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
    private static Partial await(FutureTask<Partial> task) {
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
