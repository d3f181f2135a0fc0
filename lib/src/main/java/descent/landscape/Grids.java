package descent.landscape;

import descent.util.Checks;

/**
 * Grid axes: {@link #linspace}, the evenly spaced values every slice and {@link SurfaceGrid} is
 * sampled on. (The rest, package-private, copies, checks and searches the grids.)
 */
public final class Grids {
    private Grids() {
    }

    /**
     * {@code n} evenly spaced values from {@code lo} to {@code hi}, both included (numpy's linspace).
     *
     * @param lo first value, finite
     * @param hi last value, finite (may be below {@code lo}: the values then decrease)
     * @param n  number of values, at least 1; with 1 the result is {@code {lo}}
     */
    public static double[] linspace(double lo, double hi, int n) {
        Checks.finite("lo", lo);
        Checks.finite("hi", hi);
        Checks.positive("n", n);
        double[] out = new double[n];
        if (n == 1) {
            out[0] = lo;
            return out;
        }
        double step = (hi - lo) / (n - 1);
        for (int i = 0; i < n; i++) {
            out[i] = lo + i * step;
        }
        out[n - 1] = hi;
        return out;
    }

    public static double[] copyFinite(String name, double[] values) {
        Checks.notNull(name, values);
        Checks.allFinite(name, values, values.length);
        return values.clone();
    }

    public static double[][] copy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    /** Checks {@code values} is {@code rows × cols} with no NaN (infinities allowed); returns a deep copy. */
    public static double[][] copyGrid(String name, double[][] values, int rows, int cols) {
        Checks.notNull(name, values);
        Checks.require(values.length == rows,
                name + " must have " + rows + " rows but had: " + values.length);
        for (int i = 0; i < rows; i++) {
            Checks.notNull(name + "[" + i + "]", values[i]);
            Checks.require(values[i].length == cols,
                    name + "[" + i + "] must have length " + cols + " but had: " + values[i].length);
            for (int j = 0; j < cols; j++) {
                Checks.require(!Double.isNaN(values[i][j]),
                        name + " must not contain NaN but entry [" + i + "][" + j + "] was: NaN");
            }
        }
        return copy(values);
    }

    /** Index of the smallest value (first one on ties). */
    public static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code {i, j}} of the smallest value (first one in row-major order on ties). */
    public static int[] argmin(double[][] values) {
        int bi = 0;
        int bj = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                if (values[i][j] < values[bi][bj]) {
                    bi = i;
                    bj = j;
                }
            }
        }
        return new int[] {bi, bj};
    }

    /** values[j][i] = values[i][j]: the layout plotting libraries want for z (rows follow y). */
    public static double[][] transpose(double[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        double[][] out = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j][i] = values[i][j];
            }
        }
        return out;
    }
}
