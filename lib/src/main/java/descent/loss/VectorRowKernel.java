package descent.loss;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * The fused row loop of {@link LinearKernels} on the JDK's Vector API (SIMD).
 *
 * <p>Classes are taken two at a time, so each load of a slice of x_i feeds two fused
 * multiply-adds. For float32 features, W is converted to float once per call, the products run in
 * float, and the float gradient is flushed into the double dW every {@link #FLUSH_ROWS} rows so
 * that rounding does not grow with N. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorRowKernel implements LinearKernels.RowKernel {
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int FLUSH_ROWS = 256;

    @Override
    public String name() {
        return "vector-api";
    }

    @Override
    public double run(DMatrixRMaj w, Matrix x, int[] y, int from, int to, RowLoss f, double[] dw) {
        if (x instanceof DMatrixRMaj dx) {
            return runDouble(w, dx.data, y, from, to, f, dw);
        }
        return runFloat(w, ((FMatrixRMaj) x).data, y, from, to, f, dw);
    }

    private static double runDouble(DMatrixRMaj w, double[] x, int[] y, int from, int to,
                                    RowLoss f, double[] dw) {
        int c = w.numRows;
        int d = w.numCols;
        double[] wd = w.data;
        int upper = DS.loopBound(d);
        double[] s = new double[c];
        double[] g = dw == null ? null : new double[c];
        double loss = 0;
        for (int i = from; i < to; i++) {
            int off = i * d;
            int j = 0;
            for (; j + 1 < c; j += 2) {
                int w0 = j * d;
                int w1 = w0 + d;
                DoubleVector a0 = DoubleVector.zero(DS);
                DoubleVector a1 = DoubleVector.zero(DS);
                int k = 0;
                for (; k < upper; k += DS.length()) {
                    DoubleVector xv = DoubleVector.fromArray(DS, x, off + k);
                    a0 = DoubleVector.fromArray(DS, wd, w0 + k).fma(xv, a0);
                    a1 = DoubleVector.fromArray(DS, wd, w1 + k).fma(xv, a1);
                }
                double s0 = a0.reduceLanes(VectorOperators.ADD);
                double s1 = a1.reduceLanes(VectorOperators.ADD);
                for (; k < d; k++) {
                    s0 += wd[w0 + k] * x[off + k];
                    s1 += wd[w1 + k] * x[off + k];
                }
                s[j] = s0;
                s[j + 1] = s1;
            }
            if (j < c) {
                int w0 = j * d;
                DoubleVector a0 = DoubleVector.zero(DS);
                int k = 0;
                for (; k < upper; k += DS.length()) {
                    a0 = DoubleVector.fromArray(DS, wd, w0 + k).fma(DoubleVector.fromArray(DS, x, off + k), a0);
                }
                double s0 = a0.reduceLanes(VectorOperators.ADD);
                for (; k < d; k++) {
                    s0 += wd[w0 + k] * x[off + k];
                }
                s[j] = s0;
            }
            loss += f.apply(i, s, y[i], g);
            if (g != null) {
                addOuterDouble(g, x, off, dw, c, d, upper);
            }
        }
        return loss;
    }

    /** dw[j, :] += g[j] * x[off : off + d] for every class j with g[j] != 0. */
    private static void addOuterDouble(double[] g, double[] x, int off, double[] dw, int c, int d, int upper) {
        int j = 0;
        for (; j + 1 < c; j += 2) {
            double g0 = g[j];
            double g1 = g[j + 1];
            if (g0 == 0 && g1 == 0) {
                continue;
            }
            int w0 = j * d;
            int w1 = w0 + d;
            DoubleVector b0 = DoubleVector.broadcast(DS, g0);
            DoubleVector b1 = DoubleVector.broadcast(DS, g1);
            int k = 0;
            for (; k < upper; k += DS.length()) {
                DoubleVector xv = DoubleVector.fromArray(DS, x, off + k);
                xv.fma(b0, DoubleVector.fromArray(DS, dw, w0 + k)).intoArray(dw, w0 + k);
                xv.fma(b1, DoubleVector.fromArray(DS, dw, w1 + k)).intoArray(dw, w1 + k);
            }
            for (; k < d; k++) {
                dw[w0 + k] += g0 * x[off + k];
                dw[w1 + k] += g1 * x[off + k];
            }
        }
        if (j < c && g[j] != 0) {
            int w0 = j * d;
            DoubleVector b0 = DoubleVector.broadcast(DS, g[j]);
            int k = 0;
            for (; k < upper; k += DS.length()) {
                DoubleVector xv = DoubleVector.fromArray(DS, x, off + k);
                xv.fma(b0, DoubleVector.fromArray(DS, dw, w0 + k)).intoArray(dw, w0 + k);
            }
            for (; k < d; k++) {
                dw[w0 + k] += g[j] * x[off + k];
            }
        }
    }

    private static double runFloat(DMatrixRMaj w, float[] x, int[] y, int from, int to,
                                   RowLoss f, double[] dw) {
        int c = w.numRows;
        int d = w.numCols;
        float[] wf = new float[c * d];
        for (int k = 0; k < wf.length; k++) {
            wf[k] = (float) w.data[k];
        }
        int upper = FS.loopBound(d);
        double[] s = new double[c];
        double[] g = dw == null ? null : new double[c];
        float[] block = dw == null ? null : new float[c * d];
        int rowsInBlock = 0;
        double loss = 0;
        for (int i = from; i < to; i++) {
            int off = i * d;
            int j = 0;
            for (; j + 1 < c; j += 2) {
                int w0 = j * d;
                int w1 = w0 + d;
                FloatVector a0 = FloatVector.zero(FS);
                FloatVector a1 = FloatVector.zero(FS);
                int k = 0;
                for (; k < upper; k += FS.length()) {
                    FloatVector xv = FloatVector.fromArray(FS, x, off + k);
                    a0 = FloatVector.fromArray(FS, wf, w0 + k).fma(xv, a0);
                    a1 = FloatVector.fromArray(FS, wf, w1 + k).fma(xv, a1);
                }
                double s0 = a0.reduceLanes(VectorOperators.ADD);
                double s1 = a1.reduceLanes(VectorOperators.ADD);
                for (; k < d; k++) {
                    s0 += wf[w0 + k] * x[off + k];
                    s1 += wf[w1 + k] * x[off + k];
                }
                s[j] = s0;
                s[j + 1] = s1;
            }
            if (j < c) {
                int w0 = j * d;
                FloatVector a0 = FloatVector.zero(FS);
                int k = 0;
                for (; k < upper; k += FS.length()) {
                    a0 = FloatVector.fromArray(FS, wf, w0 + k).fma(FloatVector.fromArray(FS, x, off + k), a0);
                }
                double s0 = a0.reduceLanes(VectorOperators.ADD);
                for (; k < d; k++) {
                    s0 += wf[w0 + k] * x[off + k];
                }
                s[j] = s0;
            }
            loss += f.apply(i, s, y[i], g);
            if (g != null) {
                addOuterFloat(g, x, off, block, c, d, upper);
                if (++rowsInBlock == FLUSH_ROWS) {
                    flush(block, dw);
                    rowsInBlock = 0;
                }
            }
        }
        if (block != null && rowsInBlock > 0) {
            flush(block, dw);
        }
        return loss;
    }

    private static void addOuterFloat(double[] g, float[] x, int off, float[] dw, int c, int d, int upper) {
        int j = 0;
        for (; j + 1 < c; j += 2) {
            float g0 = (float) g[j];
            float g1 = (float) g[j + 1];
            if (g0 == 0 && g1 == 0) {
                continue;
            }
            int w0 = j * d;
            int w1 = w0 + d;
            FloatVector b0 = FloatVector.broadcast(FS, g0);
            FloatVector b1 = FloatVector.broadcast(FS, g1);
            int k = 0;
            for (; k < upper; k += FS.length()) {
                FloatVector xv = FloatVector.fromArray(FS, x, off + k);
                xv.fma(b0, FloatVector.fromArray(FS, dw, w0 + k)).intoArray(dw, w0 + k);
                xv.fma(b1, FloatVector.fromArray(FS, dw, w1 + k)).intoArray(dw, w1 + k);
            }
            for (; k < d; k++) {
                dw[w0 + k] += g0 * x[off + k];
                dw[w1 + k] += g1 * x[off + k];
            }
        }
        if (j < c && g[j] != 0) {
            float g0 = (float) g[j];
            int w0 = j * d;
            FloatVector b0 = FloatVector.broadcast(FS, g0);
            int k = 0;
            for (; k < upper; k += FS.length()) {
                FloatVector xv = FloatVector.fromArray(FS, x, off + k);
                xv.fma(b0, FloatVector.fromArray(FS, dw, w0 + k)).intoArray(dw, w0 + k);
            }
            for (; k < d; k++) {
                dw[w0 + k] += g0 * x[off + k];
            }
        }
    }

    private static void flush(float[] block, double[] dw) {
        for (int k = 0; k < block.length; k++) {
            dw[k] += block[k];
            block[k] = 0f;
        }
    }
}
