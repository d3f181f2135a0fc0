package descent.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
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
    /** Rows below which a call runs on the calling thread alone. */
    private static final int PARALLEL_THRESHOLD = 512;

    private static final RowKernel KERNEL = chooseKernel();

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
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
            org.ejml.dense.row.CommonOps_DDRM.scale(1.0 / n, dw);
            L2Regularization.addGradientInPlace(w, reg, dw);
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
        if (n < PARALLEL_THRESHOLD) {
            return KERNEL.run(w, x, y, 0, n, f, dw == null ? null : dw.data);
        }
        int workers = POOL.getParallelism();
        int chunks = workers * 4;
        int step = (n + chunks - 1) / chunks;
        List<ForkJoinTask<double[]>> tasks = new ArrayList<>();
        for (int from = 0; from < n; from += step) {
            int lo = from;
            int hi = Math.min(n, from + step);
            tasks.add(POOL.submit(() -> {
                double[] local = dw == null ? null : new double[dw.data.length];
                double loss = KERNEL.run(w, x, y, lo, hi, f, local);
                double[] out = new double[1 + (local == null ? 0 : local.length)];
                out[0] = loss;
                if (local != null) {
                    System.arraycopy(local, 0, out, 1, local.length);
                }
                return out;
            }));
        }
        double total = 0;
        for (ForkJoinTask<double[]> t : tasks) {
            double[] r = t.join();
            total += r[0];
            if (dw != null) {
                double[] d = dw.data;
                for (int k = 0; k < d.length; k++) {
                    d[k] += r[k + 1];
                }
            }
        }
        return total;
    }

    /** The inner loops over a range of rows; implementations differ only in speed. */
    interface RowKernel {
        String name();

        /** Same contract as {@link LinearKernels#run}, over rows {@code [from, to)}; dw may be null. */
        double run(DMatrixRMaj w, Matrix x, int[] y, int from, int to, RowLoss f, double[] dw);
    }

    /** Plain loops; used where the Vector API module is absent. */
    static final class ScalarRowKernel implements RowKernel {
        @Override
        public String name() {
            return "scalar";
        }

        @Override
        public double run(DMatrixRMaj w, Matrix x, int[] y, int from, int to, RowLoss f, double[] dw) {
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
