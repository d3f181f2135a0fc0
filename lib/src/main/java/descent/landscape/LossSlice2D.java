package descent.landscape;

/**
 * The loss over a plane: {@code values[i][j] = L(W + alphas[i] * W1 + betas[j] * W2)}.
 *
 * <p>Rows follow {@code alphas}, columns follow {@code betas}. Plotting libraries usually want z
 * with rows following the y axis; {@link #valuesForPlot()} gives that layout (beta on y). Arrays
 * are copied on the way in and out, so a slice never changes.
 *
 * @param alphas steps along W1, length A, finite, at least one
 * @param betas  steps along W2, length B, finite, at least one
 * @param values A × B loss values; never NaN ({@code +Infinity} is allowed)
 */
public record LossSlice2D(double[] alphas, double[] betas, double[][] values) {
    /** Checks shapes and copies the arrays. */
    public LossSlice2D {
        alphas = Grids.copyFinite("alphas", alphas);
        betas = Grids.copyFinite("betas", betas);
        descent.util.Checks.positive("alphas.length", alphas.length);
        descent.util.Checks.positive("betas.length", betas.length);
        values = Grids.copyGrid("values", values, alphas.length, betas.length);
    }

    /** Steps along W1, length A (a copy). */
    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** Steps along W2, length B (a copy). */
    @Override
    public double[] betas() {
        return betas.clone();
    }

    /** A × B values, {@code [i][j]} at {@code (alphas[i], betas[j])} (a copy). */
    @Override
    public double[][] values() {
        return Grids.copy(values);
    }

    /** The loss at {@code (alphas[i], betas[j])}. */
    public double value(int i, int j) {
        return values[i][j];
    }

    /** B × A values, {@code [j][i]}: z for a contour or heat map with a on x and b on y. */
    public double[][] valuesForPlot() {
        return Grids.transpose(values);
    }

    /** The smallest loss on the plane grid. */
    public double min() {
        int[] ij = argmin();
        return values[ij[0]][ij[1]];
    }

    /** {@code {i, j}} of the smallest loss (first in row-major order on ties). */
    public int[] argmin() {
        return Grids.argmin(values);
    }

    /** The step a of the smallest loss. */
    public double argminAlpha() {
        return alphas[argmin()[0]];
    }

    /** The step b of the smallest loss. */
    public double argminBeta() {
        return betas[argmin()[1]];
    }

    /**
     * The smallest second difference along any grid line, every row (b varies) and every column
     * (a varies); see {@link LossLandscape#secondDifferences}. It is &ge; 0 (up to rounding) when the
     * loss is convex along every grid line. Needs at least 3 steps each way, evenly spaced, and
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
        return "LossSlice2D[" + alphas.length + " x " + betas.length + ", min=" + min()
                + " at (a, b)=(" + argminAlpha() + ", " + argminBeta() + ")]";
    }
}
