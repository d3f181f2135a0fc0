package descent.landscape;

import descent.util.Checks;

/**
 * The loss along a ray: {@code values[k] = L(W + alphas[k] * W1)}.
 *
 * <p>Arrays are copied on the way in; the accessors return the slice's own, as every result
 * record of the library does: read them, do not write into them.
 *
 * @param alphas the step sizes a along the direction, length K, finite, at least one
 * @param values the loss at each step, length K; never NaN ({@code +Infinity} is allowed)
 */
public record LossSlice1D(double[] alphas, double[] values) {
    /** Checks lengths and copies the arrays. */
    public LossSlice1D {
        alphas = Grids.copyFinite("alphas", alphas);
        Checks.positive("alphas.length", alphas.length);
        Checks.notNull("values", values);
        Checks.require(values.length == alphas.length, "values must have length " + alphas.length
                + " (one per alpha) but had: " + values.length);
        for (int k = 0; k < values.length; k++) {
            Checks.require(!Double.isNaN(values[k]), "values must not contain NaN but entry " + k + " was: NaN");
        }
        values = values.clone();
    }

    /** K, the number of points on the ray. */
    public int size() {
        return alphas.length;
    }

    /** The smallest loss on the ray. */
    public double min() {
        return values[argmin()];
    }

    /** Index k of the smallest loss (the first one on ties). */
    public int argmin() {
        return Grids.argmin(values);
    }

    /** The step a at which the loss is smallest. */
    public double argminAlpha() {
        return alphas[argmin()];
    }

    /**
     * Second differences of the values, {@code L(a_k) - 2 L(a_k+1) + L(a_k+2)}, length K − 2; see
     * {@link LossLandscape#secondDifferences}. Needs K &ge; 3, finite values and evenly spaced steps.
     */
    public double[] secondDifferences() {
        return LossLandscape.secondDifferences(values);
    }

    /** The smallest second difference: &ge; 0 (up to rounding) when the loss is convex along the ray. */
    public double minSecondDifference() {
        return min(secondDifferences());
    }

    /** The largest second difference: large at a kink, about h² · L'' where the loss is smooth. */
    public double maxSecondDifference() {
        return max(secondDifferences());
    }

    /** The largest value on the ray. */
    public double max() {
        return max(values);
    }

    private static double min(double[] v) {
        double m = v[0];
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    @Override
    public String toString() {
        return "loss along one direction: " + descent.util.Readable.count(alphas.length) + " points, a from "
                + descent.util.Readable.number(alphas[0]) + " to " + descent.util.Readable.number(alphas[alphas.length - 1]) + ", lowest "
                + descent.util.Readable.number(min()) + " at a = " + descent.util.Readable.number(argminAlpha());
    }
}
