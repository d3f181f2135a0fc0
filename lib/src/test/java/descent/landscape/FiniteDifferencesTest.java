package descent.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FiniteDifferencesTest {
    private static final double TOL = 1e-7;

    /** f(x) = x0^2 x1 + sin(x2). */
    private static final ToDoubleFunction<double[]> F = x -> x[0] * x[0] * x[1] + Math.sin(x[2]);

    @Test
    void gradientMatchesCalculus() {
        // (2 x0 x1, x0^2, cos x2) at (1, 2, 0.5)
        double[] g = FiniteDifferences.gradient(F, new double[] {1, 2, 0.5});
        assertArrayEquals(new double[] {4, 1, Math.cos(0.5)}, g, TOL);
    }

    @Test
    void hessianMatchesCalculusAndIsSymmetric() {
        // [[2 x1, 2 x0, 0], [2 x0, 0, 0], [0, 0, -sin x2]] at (1, 2, 0.5)
        DMatrixRMaj h = FiniteDifferences.hessian(F, new double[] {1, 2, 0.5});
        double[] expected = {4, 2, 0, 2, 0, 0, 0, 0, -Math.sin(0.5)};
        assertArrayEquals(expected, h.data, 1e-6);
        assertEquals(h.get(0, 1), h.get(1, 0), 0);
    }

    @Test
    void largeCoordinatesUseARelativeStep() {
        // f = x^3 at x = 1000: f' = 3e6, f'' = 6000
        ToDoubleFunction<double[]> cube = x -> x[0] * x[0] * x[0];
        assertEquals(3e6, FiniteDifferences.gradient(cube, new double[] {1000})[0], 3e6 * TOL);
        assertEquals(6000, FiniteDifferences.hessian(cube, new double[] {1000}).get(0, 0), 6000 * 1e-5);
    }

    @Test
    void thePointIsNotModified() {
        double[] x = {1, 2, 0.5};
        FiniteDifferences.hessian(p -> {
            p[0] = 7;
            return F.applyAsDouble(p);
        }, x);
        assertArrayEquals(new double[] {1, 2, 0.5}, x, 0);
    }

    @Test
    void badInputsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.gradient(F, new double[] {1, Double.NaN, 0}));
        assertEquals("x must be finite everywhere but entry 1 was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.hessian(F, new double[] {1, 2, 3}, 0));
        assertEquals("h must be > 0 but was: 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.gradient(F, new double[] {1, 2, 3}, Double.POSITIVE_INFINITY));
        assertEquals("h must be > 0 but was: Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.gradient(F, new double[0]));
        assertEquals("x.length must be > 0 but was: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.gradient(x -> Math.log(x[0]), new double[] {0.0}));
        assertEquals("f returned NaN at x=[-1.0E-5]", e.getMessage());
    }
}
