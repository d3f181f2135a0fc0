package descent.surface;

import descent.landscape.SurfaceGrid;
import descent.util.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * A toy loss surface over two parameters (x, y) with value, gradient and Hessian in closed form.
 *
 * <p>Two parameters are the most we can see; these surfaces stand in for the 30,730-dimensional
 * loss so a notebook can draw contours, run optimizers on them, and read the curvature from the
 * Hessian's eigenvalues. Implementations are immutable and thread-safe.
 */
public interface Surface {
    /**
     * A short name with the parameters, e.g. {@code "Rosenbrock(a=1.0, b=100.0)"}; by default the
     * surface's {@code toString()}, which each of the library's surfaces writes.
     */
    default String name() {
        return toString();
    }

    /**
     * A title for figures, in words and symbols rather than Java syntax, e.g.
     * {@code "ravine, λ = 1 and 100, turned 45°"}; by default {@link #name()}.
     */
    default String title() {
        return name();
    }

    /** f(x, y). */
    double value(double x, double y);

    /** The gradient {@code {df/dx, df/dy}} at (x, y), a new array of length 2. */
    double[] gradient(double x, double y);

    /** The Hessian {@code [[f_xx, f_xy], [f_xy, f_yy]]} at (x, y), a new symmetric 2 × 2 matrix. */
    DMatrixRMaj hessian(double x, double y);

    /**
     * The critical points this surface is known to have (within the region where it is usually
     * drawn), each with its value and kind; unmodifiable. May be empty.
     */
    List<CriticalPoint> criticalPoints();

    /** f at {@code p = {x, y}}. */
    default double value(double[] p) {
        checkPoint(p);
        return value(p[0], p[1]);
    }

    /** The gradient at {@code p = {x, y}}. */
    default double[] gradient(double[] p) {
        checkPoint(p);
        return gradient(p[0], p[1]);
    }

    /** The Hessian at {@code p = {x, y}}. */
    default DMatrixRMaj hessian(double[] p) {
        checkPoint(p);
        return hessian(p[0], p[1]);
    }

    /** The surface as a function of {@code {x, y}}, e.g. for {@link descent.check.NumericalGradient#hessian(ToDoubleFunction, double[])}. */
    default ToDoubleFunction<double[]> asFunction() {
        return this::value;
    }

    /** The lowest known minimum (the first listed on ties), or empty if none is known. */
    default Optional<CriticalPoint> lowestKnownMinimum() {
        return criticalPoints().stream()
                .filter(c -> c.kind() == CriticalPointKind.MINIMUM)
                .min(Comparator.comparingDouble(CriticalPoint::value));
    }

    /** Samples the surface on the grid {@code xs × ys}; see {@link SurfaceGrid#sample}. */
    default SurfaceGrid sample(double[] xs, double[] ys) {
        return SurfaceGrid.sample(this, xs, ys);
    }

    /** Requires {@code p} to be a finite point of length 2. */
    static void checkPoint(double[] p) {
        Checks.notNull("p", p);
        Checks.require(p.length == 2, "p must have length 2 but had: " + p.length);
        Checks.allFinite("p", p, 2);
    }
}
