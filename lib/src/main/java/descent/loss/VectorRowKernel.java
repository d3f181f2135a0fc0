package descent.loss;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * The fused row loop of {@link LinearKernels} on the JDK's Vector API (SIMD), blocked like a
 * small matrix product.
 *
 * <p>Rows are taken {@value #ROWS} at a time. For such a block the kernel computes the
 * {@code ROWS × C} scores, hands each row to the {@link RowLoss}, and adds
 * {@code Σ_r g_r x_r^T} to dW. Both products walk the features in slices of {@link #SLICE}
 * values, so the block's slice of X stays in the L1 cache while every class reads it, and they
 * use a register tile of {@value #ROWS} rows × 2 classes: each load of W (scores) or of dW
 * (gradient) serves {@value #ROWS} rows, each load of x serves 2 classes. Rows left over at the
 * end of a range go one at a time.
 *
 * <p>Float32 features stay float32 in the products: W is converted to float once per call ({@link #prepare}), the
 * scores of a slice are summed in float and then added in double, and the float gradient is
 * flushed into the double dW every {@link #FLUSH_ROWS} rows so that rounding does not grow with N.
 *
 * <p>The hot loops sit in small methods (one tile, one slice) that the JIT compiles after a few
 * thousand calls, which keeps the first call in a fresh JVM short. Loaded only when
 * {@code jdk.incubator.vector} is present.
 *
 * <p>Tried and measured, no gain (issue 11, Zen 3, one core, f64): blocking over the features so
 * that W's slice (scores) or dW's slice (gradient) stays in L1 across several row tiles, with the
 * same bits. Even with every operand in L1 the score tile is only 10–20% faster than in this
 * order (and near a bare loop of 8 FMA chains, its 8 accumulators); keeping its lane sums
 * unreduced across L1-sized slices cost more than it saved (about 20% slower). The gradient taken
 * slice by slice over 8–32 rows was within the noise of this order, from 64 to 49,000 rows.
 */
final class VectorRowKernel implements LinearKernels.RowKernel {
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    /** Rows of the register tile. */
    static final int ROWS = 4;
    /** Features per slice: 4 rows × 512 doubles (or 1,024 floats) = 16 KB, half the L1 cache. */
    private static final int SLICE_BYTES = 4096;
    private static final int SLICE = SLICE_BYTES / Double.BYTES;
    private static final int FLOAT_SLICE = SLICE_BYTES / Float.BYTES;
    /**
     * Where a call split by features may cut them: a multiple of every vector length, so each
     * entry of dW takes the same vector or scalar step as in one pass over [0, D).
     */
    static final int COLUMN_STEP = 64;
    /** Rows between flushes of the float gradient into the double one (a multiple of ROWS). */
    private static final int FLUSH_ROWS = 256;

    @Override
    public String name() {
        return "vector-api";
    }

    /** For float32 features, W converted to float (C × D, row-major); else null. */
    @Override
    public Object prepare(DMatrixRMaj w, Matrix x) {
        if (x instanceof DMatrixRMaj) {
            return null;
        }
        float[] wf = new float[w.numRows * w.numCols];
        for (int k = 0; k < wf.length; k++) {
            wf[k] = (float) w.data[k];
        }
        return wf;
    }

    @Override
    public double run(DMatrixRMaj w, Object prepared, Matrix x, int[] y, int from, int to, RowLoss f,
                      double[] dw) {
        if (x instanceof DMatrixRMaj dx) {
            return runDouble(w, dx.data, y, from, to, f, dw);
        }
        float[] wf = prepared != null ? (float[]) prepared : (float[]) prepare(w, x);
        return runFloat(w.numRows, w.numCols, wf, ((FMatrixRMaj) x).data, y, from, to, f, dw);
    }

    // ---------------------------------------------------------------- float64 ----------

    private static double runDouble(DMatrixRMaj w, double[] x, int[] y, int from, int to,
                                    RowLoss f, double[] dw) {
        int c = w.numRows;
        int d = w.numCols;
        double[] wd = w.data;
        double[][] s = new double[ROWS][c];
        double[][] g = dw == null ? null : new double[ROWS][c];
        double loss = 0;
        int i = from;
        for (; i + ROWS <= to; i += ROWS) {
            int off = i * d;
            for (double[] row : s) {
                java.util.Arrays.fill(row, 0);
            }
            for (int k = 0; k < d; k += SLICE) {
                int kEnd = Math.min(d, k + SLICE);
                int j = 0;
                for (; j + 1 < c; j += 2) {
                    scoresDouble(wd, j, x, off, d, k, kEnd, s);
                }
                if (j < c) {
                    scoreDouble(wd, j, x, off, d, k, kEnd, s);
                }
            }
            for (int r = 0; r < ROWS; r++) {
                loss += f.apply(i + r, s[r], y[i + r], g == null ? null : g[r]);
            }
            if (g != null) {
                for (int k = 0; k < d; k += SLICE) {
                    int kEnd = Math.min(d, k + SLICE);
                    int j = 0;
                    for (; j + 1 < c; j += 2) {
                        gradientDouble(g, 0, j, x, off, d, k, kEnd, dw);
                    }
                    if (j < c) {
                        gradientOneDouble(g, 0, j, x, off, d, k, kEnd, dw);
                    }
                }
            }
        }
        for (; i < to; i++) {
            loss += oneRowDouble(wd, c, d, x, i, y[i], f, g == null ? null : g[0], dw);
        }
        return loss;
    }

    /** s[r][j..j+1] += Σ_{k in [k0, k1)} W[j', k] x[row i+r, k] for the 4 rows at x[off]. */
    private static void scoresDouble(double[] w, int j, double[] x, int off, int d, int k0, int k1,
                                     double[][] s) {
        int w0 = j * d;
        int w1 = w0 + d;
        int o0 = off;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        DoubleVector a00 = DoubleVector.zero(DS);
        DoubleVector a01 = DoubleVector.zero(DS);
        DoubleVector a10 = DoubleVector.zero(DS);
        DoubleVector a11 = DoubleVector.zero(DS);
        DoubleVector a20 = DoubleVector.zero(DS);
        DoubleVector a21 = DoubleVector.zero(DS);
        DoubleVector a30 = DoubleVector.zero(DS);
        DoubleVector a31 = DoubleVector.zero(DS);
        int upper = k0 + DS.loopBound(k1 - k0);
        int k = k0;
        for (; k < upper; k += DS.length()) {
            DoubleVector v0 = DoubleVector.fromArray(DS, w, w0 + k);
            DoubleVector v1 = DoubleVector.fromArray(DS, w, w1 + k);
            DoubleVector x0 = DoubleVector.fromArray(DS, x, o0 + k);
            a00 = v0.fma(x0, a00);
            a01 = v1.fma(x0, a01);
            DoubleVector x1 = DoubleVector.fromArray(DS, x, o1 + k);
            a10 = v0.fma(x1, a10);
            a11 = v1.fma(x1, a11);
            DoubleVector x2 = DoubleVector.fromArray(DS, x, o2 + k);
            a20 = v0.fma(x2, a20);
            a21 = v1.fma(x2, a21);
            DoubleVector x3 = DoubleVector.fromArray(DS, x, o3 + k);
            a30 = v0.fma(x3, a30);
            a31 = v1.fma(x3, a31);
        }
        double s00 = a00.reduceLanes(VectorOperators.ADD);
        double s01 = a01.reduceLanes(VectorOperators.ADD);
        double s10 = a10.reduceLanes(VectorOperators.ADD);
        double s11 = a11.reduceLanes(VectorOperators.ADD);
        double s20 = a20.reduceLanes(VectorOperators.ADD);
        double s21 = a21.reduceLanes(VectorOperators.ADD);
        double s30 = a30.reduceLanes(VectorOperators.ADD);
        double s31 = a31.reduceLanes(VectorOperators.ADD);
        for (; k < k1; k++) {
            double v0 = w[w0 + k];
            double v1 = w[w1 + k];
            s00 += v0 * x[o0 + k];
            s01 += v1 * x[o0 + k];
            s10 += v0 * x[o1 + k];
            s11 += v1 * x[o1 + k];
            s20 += v0 * x[o2 + k];
            s21 += v1 * x[o2 + k];
            s30 += v0 * x[o3 + k];
            s31 += v1 * x[o3 + k];
        }
        s[0][j] += s00;
        s[0][j + 1] += s01;
        s[1][j] += s10;
        s[1][j + 1] += s11;
        s[2][j] += s20;
        s[2][j + 1] += s21;
        s[3][j] += s30;
        s[3][j + 1] += s31;
    }

    /** As {@link #scoresDouble} for the single class j (the last one when C is odd). */
    private static void scoreDouble(double[] w, int j, double[] x, int off, int d, int k0, int k1,
                                    double[][] s) {
        int w0 = j * d;
        for (int r = 0; r < ROWS; r++) {
            int o = off + r * d;
            DoubleVector a = DoubleVector.zero(DS);
            int upper = k0 + DS.loopBound(k1 - k0);
            int k = k0;
            for (; k < upper; k += DS.length()) {
                a = DoubleVector.fromArray(DS, w, w0 + k).fma(DoubleVector.fromArray(DS, x, o + k), a);
            }
            double sum = a.reduceLanes(VectorOperators.ADD);
            for (; k < k1; k++) {
                sum += w[w0 + k] * x[o + k];
            }
            s[r][j] += sum;
        }
    }

    /**
     * dW[j'][k] += Σ_r g[q+r][j'] x[row i+r, k] for j' = j, j+1 and k in [k0, k1), where g[q..q+3]
     * are the slopes of the 4 rows at x[off].
     */
    private static void gradientDouble(double[][] g, int q, int j, double[] x, int off, int d, int k0, int k1,
                                       double[] dw) {
        double g00 = g[q][j];
        double g01 = g[q][j + 1];
        double g10 = g[q + 1][j];
        double g11 = g[q + 1][j + 1];
        double g20 = g[q + 2][j];
        double g21 = g[q + 2][j + 1];
        double g30 = g[q + 3][j];
        double g31 = g[q + 3][j + 1];
        if (g00 == 0 && g01 == 0 && g10 == 0 && g11 == 0 && g20 == 0 && g21 == 0 && g30 == 0 && g31 == 0) {
            return;
        }
        int w0 = j * d;
        int w1 = w0 + d;
        int o0 = off;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        DoubleVector b00 = DoubleVector.broadcast(DS, g00);
        DoubleVector b01 = DoubleVector.broadcast(DS, g01);
        DoubleVector b10 = DoubleVector.broadcast(DS, g10);
        DoubleVector b11 = DoubleVector.broadcast(DS, g11);
        DoubleVector b20 = DoubleVector.broadcast(DS, g20);
        DoubleVector b21 = DoubleVector.broadcast(DS, g21);
        DoubleVector b30 = DoubleVector.broadcast(DS, g30);
        DoubleVector b31 = DoubleVector.broadcast(DS, g31);
        int upper = k0 + DS.loopBound(k1 - k0);
        int k = k0;
        for (; k < upper; k += DS.length()) {
            DoubleVector x0 = DoubleVector.fromArray(DS, x, o0 + k);
            DoubleVector x1 = DoubleVector.fromArray(DS, x, o1 + k);
            DoubleVector x2 = DoubleVector.fromArray(DS, x, o2 + k);
            DoubleVector x3 = DoubleVector.fromArray(DS, x, o3 + k);
            DoubleVector d0 = DoubleVector.fromArray(DS, dw, w0 + k);
            DoubleVector d1 = DoubleVector.fromArray(DS, dw, w1 + k);
            d0 = x3.fma(b30, x2.fma(b20, x1.fma(b10, x0.fma(b00, d0))));
            d1 = x3.fma(b31, x2.fma(b21, x1.fma(b11, x0.fma(b01, d1))));
            d0.intoArray(dw, w0 + k);
            d1.intoArray(dw, w1 + k);
        }
        for (; k < k1; k++) {
            dw[w0 + k] += g00 * x[o0 + k] + g10 * x[o1 + k] + g20 * x[o2 + k] + g30 * x[o3 + k];
            dw[w1 + k] += g01 * x[o0 + k] + g11 * x[o1 + k] + g21 * x[o2 + k] + g31 * x[o3 + k];
        }
    }

    /** As {@link #gradientDouble} for the single class j. */
    private static void gradientOneDouble(double[][] g, int q, int j, double[] x, int off, int d, int k0,
                                          int k1, double[] dw) {
        for (int r = 0; r < ROWS; r++) {
            double gr = g[q + r][j];
            if (gr == 0) {
                continue;
            }
            int o = off + r * d;
            int w0 = j * d;
            DoubleVector b = DoubleVector.broadcast(DS, gr);
            int upper = k0 + DS.loopBound(k1 - k0);
            int k = k0;
            for (; k < upper; k += DS.length()) {
                DoubleVector.fromArray(DS, x, o + k).fma(b, DoubleVector.fromArray(DS, dw, w0 + k))
                        .intoArray(dw, w0 + k);
            }
            for (; k < k1; k++) {
                dw[w0 + k] += gr * x[o + k];
            }
        }
    }

    /** One row, unblocked: scores, loss, dW += g x_i^T. Used for the rows after the last block. */
    private static double oneRowDouble(double[] w, int c, int d, double[] x, int i, int label, RowLoss f,
                                       double[] g, double[] dw) {
        double loss = f.apply(i, oneRowScoresDouble(w, c, d, x, i), label, g);
        if (g != null) {
            oneRowGradientDouble(g, c, d, x, i, 0, d, dw);
        }
        return loss;
    }

    /** The C scores of row i, unblocked. */
    private static double[] oneRowScoresDouble(double[] w, int c, int d, double[] x, int i) {
        int off = i * d;
        int upper = DS.loopBound(d);
        double[] s = new double[c];
        for (int j = 0; j < c; j++) {
            int w0 = j * d;
            DoubleVector a = DoubleVector.zero(DS);
            int k = 0;
            for (; k < upper; k += DS.length()) {
                a = DoubleVector.fromArray(DS, w, w0 + k).fma(DoubleVector.fromArray(DS, x, off + k), a);
            }
            double sum = a.reduceLanes(VectorOperators.ADD);
            for (; k < d; k++) {
                sum += w[w0 + k] * x[off + k];
            }
            s[j] = sum;
        }
        return s;
    }

    /**
     * dW[j][k] += g[j] x[i, k] for k in [k0, k1), k0 a multiple of {@link #COLUMN_STEP} (so each
     * entry takes the same vector or scalar step as with [0, D)).
     */
    private static void oneRowGradientDouble(double[] g, int c, int d, double[] x, int i, int k0, int k1,
                                             double[] dw) {
        int off = i * d;
        int upper = k0 + DS.loopBound(k1 - k0);
        for (int j = 0; j < c; j++) {
            double gj = g[j];
            if (gj == 0) {
                continue;
            }
            int w0 = j * d;
            DoubleVector b = DoubleVector.broadcast(DS, gj);
            int k = k0;
            for (; k < upper; k += DS.length()) {
                DoubleVector.fromArray(DS, x, off + k).fma(b, DoubleVector.fromArray(DS, dw, w0 + k))
                        .intoArray(dw, w0 + k);
            }
            for (; k < k1; k++) {
                dw[w0 + k] += gj * x[off + k];
            }
        }
    }

    // ------------------------------------------------- a call split in two phases ----------

    @Override
    public boolean splitsExactly() {
        return true;
    }

    @Override
    public void slopes(DMatrixRMaj w, Object prepared, Matrix x, int[] y, int from, int to, RowLoss f,
                       double[] rowLoss, double[][] g) {
        int c = w.numRows;
        int d = w.numCols;
        double[][] s = new double[ROWS][c];
        boolean isDouble = x instanceof DMatrixRMaj;
        double[] xd = isDouble ? ((DMatrixRMaj) x).data : null;
        float[] xf = isDouble ? null : ((FMatrixRMaj) x).data;
        float[] wf = isDouble ? null : prepared != null ? (float[]) prepared : (float[]) prepare(w, x);
        int i = from;
        for (; i + ROWS <= to; i += ROWS) {
            if (isDouble) {
                blockScoresDouble(w.data, c, d, xd, i * d, s);
            } else {
                blockScoresFloat(wf, c, d, xf, i * d, s);
            }
            for (int r = 0; r < ROWS; r++) {
                rowLoss[i + r] = f.apply(i + r, s[r], y[i + r], g == null ? null : g[i + r]);
            }
        }
        for (; i < to; i++) {
            double[] si = isDouble ? oneRowScoresDouble(w.data, c, d, xd, i) : oneRowScoresFloat(wf, c, d, xf, i);
            rowLoss[i] = f.apply(i, si, y[i], g == null ? null : g[i]);
        }
    }

    @Override
    public void gradientColumns(Matrix x, double[][] g, int c, int k0, int k1, double[] dw) {
        int n = x.getNumRows();
        int d = x.getNumCols();
        if (x instanceof DMatrixRMaj dx) {
            gradientColumnsDouble(dx.data, g, n, c, d, k0, k1, dw);
        } else {
            gradientColumnsFloat(((FMatrixRMaj) x).data, g, n, c, d, k0, k1, dw);
        }
    }

    @Override
    public int columnStep() {
        return COLUMN_STEP;
    }

    /** s[r][j] = scores of the block of ROWS rows at x[off], by slices as in {@link #runDouble}. */
    private static void blockScoresDouble(double[] wd, int c, int d, double[] x, int off, double[][] s) {
        for (double[] row : s) {
            java.util.Arrays.fill(row, 0);
        }
        for (int k = 0; k < d; k += SLICE) {
            int kEnd = Math.min(d, k + SLICE);
            int j = 0;
            for (; j + 1 < c; j += 2) {
                scoresDouble(wd, j, x, off, d, k, kEnd, s);
            }
            if (j < c) {
                scoreDouble(wd, j, x, off, d, k, kEnd, s);
            }
        }
    }

    /** The float twin of {@link #blockScoresDouble}. */
    private static void blockScoresFloat(float[] wf, int c, int d, float[] x, int off, double[][] s) {
        for (double[] row : s) {
            java.util.Arrays.fill(row, 0);
        }
        for (int k = 0; k < d; k += FLOAT_SLICE) {
            int kEnd = Math.min(d, k + FLOAT_SLICE);
            int j = 0;
            for (; j + 1 < c; j += 2) {
                scoresFloat(wf, j, x, off, d, k, kEnd, s);
            }
            if (j < c) {
                scoreFloat(wf, j, x, off, d, k, kEnd, s);
            }
        }
    }

    /** The gradient half of {@link #runDouble} over all N rows, for the features [k0, k1) only. */
    private static void gradientColumnsDouble(double[] x, double[][] g, int n, int c, int d, int k0, int k1,
                                              double[] dw) {
        int i = 0;
        for (; i + ROWS <= n; i += ROWS) {
            int off = i * d;
            for (int k = k0 / SLICE * SLICE; k < k1; k += SLICE) {
                int lo = Math.max(k, k0);
                int hi = Math.min(Math.min(d, k + SLICE), k1);
                int j = 0;
                for (; j + 1 < c; j += 2) {
                    gradientDouble(g, i, j, x, off, d, lo, hi, dw);
                }
                if (j < c) {
                    gradientOneDouble(g, i, j, x, off, d, lo, hi, dw);
                }
            }
        }
        for (; i < n; i++) {
            oneRowGradientDouble(g[i], c, d, x, i, k0, k1, dw);
        }
    }

    /** The gradient half of {@link #runFloat} over all N rows, for the features [k0, k1) only. */
    private static void gradientColumnsFloat(float[] x, double[][] g, int n, int c, int d, int k0, int k1,
                                             double[] dw) {
        float[] gf = new float[ROWS * c];
        float[] block = new float[c * d];
        int rowsInBlock = 0;
        int i = 0;
        for (; i + ROWS <= n; i += ROWS) {
            int off = i * d;
            for (int r = 0; r < ROWS; r++) {
                for (int j = 0; j < c; j++) {
                    gf[r * c + j] = (float) g[i + r][j];
                }
            }
            for (int k = k0 / FLOAT_SLICE * FLOAT_SLICE; k < k1; k += FLOAT_SLICE) {
                int lo = Math.max(k, k0);
                int hi = Math.min(Math.min(d, k + FLOAT_SLICE), k1);
                int j = 0;
                for (; j + 1 < c; j += 2) {
                    gradientFloat(gf, c, j, x, off, d, lo, hi, block);
                }
                if (j < c) {
                    gradientOneFloat(gf, c, j, x, off, d, lo, hi, block);
                }
            }
            rowsInBlock += ROWS;
            if (rowsInBlock == FLUSH_ROWS) {
                flush(block, dw, c, d, k0, k1);
                rowsInBlock = 0;
            }
        }
        for (; i < n; i++) {
            oneRowGradientFloat(g[i], c, d, x, i, k0, k1, block);
            rowsInBlock++;
        }
        if (rowsInBlock > 0) {
            flush(block, dw, c, d, k0, k1);
        }
    }

    // ---------------------------------------------------------------- float32 ----------

    private static double runFloat(int c, int d, float[] wf, float[] x, int[] y, int from, int to,
                                   RowLoss f, double[] dw) {
        double[][] s = new double[ROWS][c];
        double[][] g = dw == null ? null : new double[ROWS][c];
        float[] gf = new float[ROWS * c];
        float[] block = dw == null ? null : new float[c * d];
        int rowsInBlock = 0;
        double loss = 0;
        int i = from;
        for (; i + ROWS <= to; i += ROWS) {
            int off = i * d;
            for (double[] row : s) {
                java.util.Arrays.fill(row, 0);
            }
            for (int k = 0; k < d; k += FLOAT_SLICE) {
                int kEnd = Math.min(d, k + FLOAT_SLICE);
                int j = 0;
                for (; j + 1 < c; j += 2) {
                    scoresFloat(wf, j, x, off, d, k, kEnd, s);
                }
                if (j < c) {
                    scoreFloat(wf, j, x, off, d, k, kEnd, s);
                }
            }
            for (int r = 0; r < ROWS; r++) {
                loss += f.apply(i + r, s[r], y[i + r], g == null ? null : g[r]);
            }
            if (g != null) {
                for (int r = 0; r < ROWS; r++) {
                    for (int j = 0; j < c; j++) {
                        gf[r * c + j] = (float) g[r][j];
                    }
                }
                for (int k = 0; k < d; k += FLOAT_SLICE) {
                    int kEnd = Math.min(d, k + FLOAT_SLICE);
                    int j = 0;
                    for (; j + 1 < c; j += 2) {
                        gradientFloat(gf, c, j, x, off, d, k, kEnd, block);
                    }
                    if (j < c) {
                        gradientOneFloat(gf, c, j, x, off, d, k, kEnd, block);
                    }
                }
                rowsInBlock += ROWS;
                if (rowsInBlock == FLUSH_ROWS) {
                    flush(block, dw);
                    rowsInBlock = 0;
                }
            }
        }
        for (; i < to; i++) {
            loss += oneRowFloat(wf, c, d, x, i, y[i], f, g == null ? null : g[0], block);
            rowsInBlock++;
        }
        if (block != null && rowsInBlock > 0) {
            flush(block, dw);
        }
        return loss;
    }

    /** The float twin of {@link #scoresDouble}: the slice's sums in float, added to s in double. */
    private static void scoresFloat(float[] w, int j, float[] x, int off, int d, int k0, int k1,
                                    double[][] s) {
        int w0 = j * d;
        int w1 = w0 + d;
        int o0 = off;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        FloatVector a00 = FloatVector.zero(FS);
        FloatVector a01 = FloatVector.zero(FS);
        FloatVector a10 = FloatVector.zero(FS);
        FloatVector a11 = FloatVector.zero(FS);
        FloatVector a20 = FloatVector.zero(FS);
        FloatVector a21 = FloatVector.zero(FS);
        FloatVector a30 = FloatVector.zero(FS);
        FloatVector a31 = FloatVector.zero(FS);
        int upper = k0 + FS.loopBound(k1 - k0);
        int k = k0;
        for (; k < upper; k += FS.length()) {
            FloatVector v0 = FloatVector.fromArray(FS, w, w0 + k);
            FloatVector v1 = FloatVector.fromArray(FS, w, w1 + k);
            FloatVector x0 = FloatVector.fromArray(FS, x, o0 + k);
            a00 = v0.fma(x0, a00);
            a01 = v1.fma(x0, a01);
            FloatVector x1 = FloatVector.fromArray(FS, x, o1 + k);
            a10 = v0.fma(x1, a10);
            a11 = v1.fma(x1, a11);
            FloatVector x2 = FloatVector.fromArray(FS, x, o2 + k);
            a20 = v0.fma(x2, a20);
            a21 = v1.fma(x2, a21);
            FloatVector x3 = FloatVector.fromArray(FS, x, o3 + k);
            a30 = v0.fma(x3, a30);
            a31 = v1.fma(x3, a31);
        }
        double s00 = a00.reduceLanes(VectorOperators.ADD);
        double s01 = a01.reduceLanes(VectorOperators.ADD);
        double s10 = a10.reduceLanes(VectorOperators.ADD);
        double s11 = a11.reduceLanes(VectorOperators.ADD);
        double s20 = a20.reduceLanes(VectorOperators.ADD);
        double s21 = a21.reduceLanes(VectorOperators.ADD);
        double s30 = a30.reduceLanes(VectorOperators.ADD);
        double s31 = a31.reduceLanes(VectorOperators.ADD);
        for (; k < k1; k++) {
            float v0 = w[w0 + k];
            float v1 = w[w1 + k];
            s00 += v0 * x[o0 + k];
            s01 += v1 * x[o0 + k];
            s10 += v0 * x[o1 + k];
            s11 += v1 * x[o1 + k];
            s20 += v0 * x[o2 + k];
            s21 += v1 * x[o2 + k];
            s30 += v0 * x[o3 + k];
            s31 += v1 * x[o3 + k];
        }
        s[0][j] += s00;
        s[0][j + 1] += s01;
        s[1][j] += s10;
        s[1][j + 1] += s11;
        s[2][j] += s20;
        s[2][j + 1] += s21;
        s[3][j] += s30;
        s[3][j + 1] += s31;
    }

    /** The float twin of {@link #scoreDouble}. */
    private static void scoreFloat(float[] w, int j, float[] x, int off, int d, int k0, int k1,
                                   double[][] s) {
        int w0 = j * d;
        for (int r = 0; r < ROWS; r++) {
            int o = off + r * d;
            FloatVector a = FloatVector.zero(FS);
            int upper = k0 + FS.loopBound(k1 - k0);
            int k = k0;
            for (; k < upper; k += FS.length()) {
                a = FloatVector.fromArray(FS, w, w0 + k).fma(FloatVector.fromArray(FS, x, o + k), a);
            }
            double sum = a.reduceLanes(VectorOperators.ADD);
            for (; k < k1; k++) {
                sum += w[w0 + k] * x[o + k];
            }
            s[r][j] += sum;
        }
    }

    /** The float twin of {@link #gradientDouble}; g is ROWS × C, flat, in float. */
    private static void gradientFloat(float[] g, int c, int j, float[] x, int off, int d, int k0, int k1,
                                      float[] dw) {
        float g00 = g[j];
        float g01 = g[j + 1];
        float g10 = g[c + j];
        float g11 = g[c + j + 1];
        float g20 = g[2 * c + j];
        float g21 = g[2 * c + j + 1];
        float g30 = g[3 * c + j];
        float g31 = g[3 * c + j + 1];
        if (g00 == 0 && g01 == 0 && g10 == 0 && g11 == 0 && g20 == 0 && g21 == 0 && g30 == 0 && g31 == 0) {
            return;
        }
        int w0 = j * d;
        int w1 = w0 + d;
        int o0 = off;
        int o1 = o0 + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        FloatVector b00 = FloatVector.broadcast(FS, g00);
        FloatVector b01 = FloatVector.broadcast(FS, g01);
        FloatVector b10 = FloatVector.broadcast(FS, g10);
        FloatVector b11 = FloatVector.broadcast(FS, g11);
        FloatVector b20 = FloatVector.broadcast(FS, g20);
        FloatVector b21 = FloatVector.broadcast(FS, g21);
        FloatVector b30 = FloatVector.broadcast(FS, g30);
        FloatVector b31 = FloatVector.broadcast(FS, g31);
        int upper = k0 + FS.loopBound(k1 - k0);
        int k = k0;
        for (; k < upper; k += FS.length()) {
            FloatVector x0 = FloatVector.fromArray(FS, x, o0 + k);
            FloatVector x1 = FloatVector.fromArray(FS, x, o1 + k);
            FloatVector x2 = FloatVector.fromArray(FS, x, o2 + k);
            FloatVector x3 = FloatVector.fromArray(FS, x, o3 + k);
            FloatVector d0 = FloatVector.fromArray(FS, dw, w0 + k);
            FloatVector d1 = FloatVector.fromArray(FS, dw, w1 + k);
            d0 = x3.fma(b30, x2.fma(b20, x1.fma(b10, x0.fma(b00, d0))));
            d1 = x3.fma(b31, x2.fma(b21, x1.fma(b11, x0.fma(b01, d1))));
            d0.intoArray(dw, w0 + k);
            d1.intoArray(dw, w1 + k);
        }
        for (; k < k1; k++) {
            dw[w0 + k] += g00 * x[o0 + k] + g10 * x[o1 + k] + g20 * x[o2 + k] + g30 * x[o3 + k];
            dw[w1 + k] += g01 * x[o0 + k] + g11 * x[o1 + k] + g21 * x[o2 + k] + g31 * x[o3 + k];
        }
    }

    /** The float twin of {@link #gradientOneDouble}. */
    private static void gradientOneFloat(float[] g, int c, int j, float[] x, int off, int d, int k0, int k1,
                                         float[] dw) {
        for (int r = 0; r < ROWS; r++) {
            float gr = g[r * c + j];
            if (gr == 0) {
                continue;
            }
            int o = off + r * d;
            int w0 = j * d;
            FloatVector b = FloatVector.broadcast(FS, gr);
            int upper = k0 + FS.loopBound(k1 - k0);
            int k = k0;
            for (; k < upper; k += FS.length()) {
                FloatVector.fromArray(FS, x, o + k).fma(b, FloatVector.fromArray(FS, dw, w0 + k))
                        .intoArray(dw, w0 + k);
            }
            for (; k < k1; k++) {
                dw[w0 + k] += gr * x[o + k];
            }
        }
    }

    /** The float twin of {@link #oneRowDouble}; the gradient goes into the float block. */
    private static double oneRowFloat(float[] w, int c, int d, float[] x, int i, int label, RowLoss f,
                                      double[] g, float[] block) {
        double loss = f.apply(i, oneRowScoresFloat(w, c, d, x, i), label, g);
        if (g != null) {
            oneRowGradientFloat(g, c, d, x, i, 0, d, block);
        }
        return loss;
    }

    /** The float twin of {@link #oneRowScoresDouble}. */
    private static double[] oneRowScoresFloat(float[] w, int c, int d, float[] x, int i) {
        int off = i * d;
        int upper = FS.loopBound(d);
        double[] s = new double[c];
        for (int j = 0; j < c; j++) {
            int w0 = j * d;
            FloatVector a = FloatVector.zero(FS);
            int k = 0;
            for (; k < upper; k += FS.length()) {
                a = FloatVector.fromArray(FS, w, w0 + k).fma(FloatVector.fromArray(FS, x, off + k), a);
            }
            double sum = a.reduceLanes(VectorOperators.ADD);
            for (; k < d; k++) {
                sum += w[w0 + k] * x[off + k];
            }
            s[j] = sum;
        }
        return s;
    }

    /** The float twin of {@link #oneRowGradientDouble}, into the float block. */
    private static void oneRowGradientFloat(double[] g, int c, int d, float[] x, int i, int k0, int k1,
                                            float[] block) {
        int off = i * d;
        int upper = k0 + FS.loopBound(k1 - k0);
        for (int j = 0; j < c; j++) {
            float gj = (float) g[j];
            if (gj == 0) {
                continue;
            }
            int w0 = j * d;
            FloatVector b = FloatVector.broadcast(FS, gj);
            int k = k0;
            for (; k < upper; k += FS.length()) {
                FloatVector.fromArray(FS, x, off + k).fma(b, FloatVector.fromArray(FS, block, w0 + k))
                        .intoArray(block, w0 + k);
            }
            for (; k < k1; k++) {
                block[w0 + k] += gj * x[off + k];
            }
        }
    }

    /** dw += block; block = 0, for the features [k0, k1) of every class. */
    private static void flush(float[] block, double[] dw, int c, int d, int k0, int k1) {
        for (int j = 0; j < c; j++) {
            for (int k = j * d + k0; k < j * d + k1; k++) {
                dw[k] += block[k];
                block[k] = 0f;
            }
        }
    }

    /** dw += block; block = 0. */
    private static void flush(float[] block, double[] dw) {
        for (int k = 0; k < block.length; k++) {
            dw[k] += block[k];
            block[k] = 0f;
        }
    }
}
