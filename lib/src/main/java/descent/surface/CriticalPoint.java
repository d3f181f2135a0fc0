package descent.surface;

import descent.util.Checks;

/**
 * A known critical point of a {@link Surface}: where it is, the surface's value there, and its kind.
 *
 * @param x     first coordinate, finite
 * @param y     second coordinate, finite
 * @param value f(x, y), finite
 * @param kind  minimum, maximum, saddle or degenerate
 */
public record CriticalPoint(double x, double y, double value, CriticalPointKind kind) {
    /** Checks the numbers are finite. */
    public CriticalPoint {
        Checks.finite("x", x);
        Checks.finite("y", y);
        Checks.finite("value", value);
        Checks.notNull("kind", kind);
    }

    /** {@code {x, y}}. */
    public double[] point() {
        return new double[] {x, y};
    }
}
