package descent.landscape;

import descent.surface.Surface;
import descent.util.Checks;
import descent.util.Interrupted;

/**
 * A function of two numbers sampled on a grid: {@code values[i][j] = f(xs[i], ys[j])}. The one
 * grid type of the library: a toy surface sampled by {@link #sample} (x, y) and the loss over a
 * plane of weights from {@link LossLandscape#slice2d} ({@code L(W + a W1 + b W2)}: xs are the
 * steps a along W1, ys the steps b along W2).
 *
 * <p>Rows follow x, columns follow y; {@link #valuesForPlot()} gives z with rows following y, as
 * contour and heat-map plots expect. Arrays are copied in, and the accessors return the grid's
 * own, as every result record of the library does: read them, do not write into them. Build
 * the axes with {@link Grids#linspace}.
 *
 * @param name   what was sampled, e.g. the surface's name; the title of its plots
 * @param xs     grid along x, length A ≥ 1, finite
 * @param ys     grid along y, length B ≥ 1, finite
 * @param values A × B values; never NaN ({@code +Infinity} is allowed)
 */
public record SurfaceGrid(String name, double[] xs, double[] ys, double[][] values) {
    /** Checks shapes and copies. */
    public SurfaceGrid {
        Checks.notNull("name", name);
        xs = Grids.copyFinite("xs", xs);
        ys = Grids.copyFinite("ys", ys);
        Checks.positive("xs.length", xs.length);
        Checks.positive("ys.length", ys.length);
        values = Grids.copyGrid("values", values, xs.length, ys.length);
    }

    /**
     * Evaluates {@code surface} at every {@code (xs[i], ys[j])}.
     *
     * @param surface the surface
     * @param xs      at least one finite value (see {@link Grids#linspace})
     * @param ys      at least one finite value
     * @throws IllegalArgumentException if the surface gives NaN somewhere (the point is named)
     * @throws Interrupted              if the thread is interrupted (checked before each row);
     *                                  nothing is kept
     */
    public static SurfaceGrid sample(Surface surface, double[] xs, double[] ys) {
        Checks.notNull("surface", surface);
        double[] a = Grids.copyFinite("xs", xs);
        double[] b = Grids.copyFinite("ys", ys);
        double[][] v = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            if (Interrupted.requested()) {
                throw Interrupted.at("surface grid", "row", i, a.length, "nothing is kept: sample it again "
                        + "with fewer xs or ys", null);
            }
            for (int j = 0; j < b.length; j++) {
                v[i][j] = surface.value(a[i], b[j]);
                Checks.require(!Double.isNaN(v[i][j]),
                        surface.name() + " gave NaN at (x, y)=(" + a[i] + ", " + b[j] + ")");
            }
        }
        return new SurfaceGrid(surface.name(), a, b, v);
    }

    /** The value at {@code (xs[i], ys[j])}. */
    public double value(int i, int j) {
        return values[i][j];
    }

    /** B × A values, {@code [j][i]}: z for a contour plot with x across and y up. */
    public double[][] valuesForPlot() {
        return Grids.transpose(values);
    }

    /** The smallest sampled value. */
    public double min() {
        int[] ij = argmin();
        return values[ij[0]][ij[1]];
    }

    /** {@code {i, j}} of the smallest sampled value (first in row-major order on ties). */
    public int[] argmin() {
        return Grids.argmin(values);
    }

    /** {@code {x, y}} of the smallest sampled value. */
    public double[] argminPoint() {
        int[] ij = argmin();
        return new double[] {xs[ij[0]], ys[ij[1]]};
    }

    /**
     * The smallest second difference along any grid line, every row (y varies) and every column
     * (x varies); see {@link LossLandscape#secondDifferences}. It is &ge; 0 (up to rounding) when the
     * function is convex along every grid line. Needs at least 3 steps each way, evenly spaced, and
     * finite values.
     */
    public double minSecondDifference() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : values) {
            for (double d : LossLandscape.secondDifferences(row)) {
                m = Math.min(m, d);
            }
        }
        for (double[] column : Grids.transpose(values)) {
            for (double d : LossLandscape.secondDifferences(column)) {
                m = Math.min(m, d);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        double[] at = argminPoint();
        return name + ": " + xs.length + " × " + ys.length + " grid, lowest " + descent.util.Readable.number(min())
                + " at (x, y) = (" + descent.util.Readable.number(at[0]) + ", " + descent.util.Readable.number(at[1]) + ")";
    }
}
