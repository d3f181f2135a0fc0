package descent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.check.NumericalGradient.Step;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NumericalGradientTest {
    /** Absolute tolerance: rounding only, the truncation errors below are computed by hand. */
    private static final double TOL = 1e-9;

    /** f(x) = x0^2 x1 + sin(x2). */
    private static final ToDoubleFunction<double[]> F = x -> x[0] * x[0] * x[1] + Math.sin(x[2]);

    /** f(W) = sum of w^3 over the entries: df/dw = 3 w^2. */
    private static final ToDoubleFunction<DMatrixRMaj> CUBES = w -> {
        double s = 0;
        for (double v : w.data) {
            s += v * v * v;
        }
        return s;
    };

    @Test
    void forwardDifferenceOfACubeIsOffByThreeHPlusHSquared() {
        // ((1 + h)^3 - 1) / h = 3 + 3h + h^2 at w = 1; at w = 2: 12 + 6h + h^2
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}});
        assertArrayEquals(new double[] {3.31, 12.61}, NumericalGradient.forward(CUBES, w, 0.1).data, TOL);
        assertArrayEquals(new double[] {3.0301, 12.0601}, NumericalGradient.forward(CUBES, w, 0.01).data, TOL);
    }

    @Test
    void centeredDifferenceOfACubeIsOffByHSquaredOnly() {
        // ((w + h)^3 - (w - h)^3) / 2h = 3 w^2 + h^2: error O(h^2), 100 times smaller for 10 times smaller h
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}});
        assertArrayEquals(new double[] {3.01, 12.01}, NumericalGradient.centered(CUBES, w, 0.1).data, TOL);
        assertArrayEquals(new double[] {3.0001, 12.0001}, NumericalGradient.centered(CUBES, w, 0.01).data, TOL);
        assertArrayEquals(NumericalGradient.centered(CUBES, w, 0.1).data,
                NumericalGradient.gradient(CUBES, w, 0.1, Difference.CENTERED).data, 0);
    }

    @Test
    void partialTakesOneFlatRowMajorIndex() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        assertEquals(27.01, NumericalGradient.partial(CUBES, w, 2, 0.1, Difference.CENTERED, Double.NaN), TOL);
        assertEquals(27.91, NumericalGradient.partial(CUBES, w, 2, 0.1, Difference.FORWARD, Double.NaN), TOL);
        // a stale f(W) handed in is used as it is: (f(W + h e_2) - 0) / h
        assertEquals((CUBES.applyAsDouble(w) + 3.1 * 3.1 * 3.1 - 27) / 0.1,
                NumericalGradient.partial(CUBES, w, 2, 0.1, Difference.FORWARD, 0.0), 1e-7);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> NumericalGradient.partial(CUBES, w, 4, 0.1, Difference.CENTERED, Double.NaN));
        assertEquals("k must be in [0, 4) but was: 4", e.getMessage());
    }

    @Test
    void wIsRestoredEvenWhenTheFunctionThrows() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}});
        int[] calls = {0};
        assertThrows(IllegalStateException.class, () -> NumericalGradient.centered(x -> {
            if (++calls[0] == 2) {
                throw new IllegalStateException("boom");
            }
            return CUBES.applyAsDouble(x);
        }, w, 0.5));
        assertArrayEquals(new double[] {1, 2}, w.data, 0);
    }

    @Test
    void aNaNFromTheMatrixFunctionIsAnArithmeticException() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0}});
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> NumericalGradient.centered(x -> Math.log(x.data[0]), w, 1e-5));
        assertEquals("the function returned NaN; a numerical gradient needs finite values", e.getMessage());
        assertArrayEquals(new double[] {0}, w.data, 0);
    }

    @Test
    void badMatrixArgumentsAreRejectedByName() {
        DMatrixRMaj w = new DMatrixRMaj(1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumericalGradient.forward(CUBES, w, 0));
        assertEquals("h must be > 0 but was: 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NumericalGradient.centered(CUBES, w, Double.NaN));
        assertEquals("h must be > 0 but was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NumericalGradient.centered(CUBES, null, 1e-5));
        assertEquals("W must not be null", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NumericalGradient.gradient(CUBES, w, 1e-5, null));
        assertEquals("difference must not be null", e.getMessage());
    }

    @Test
    void vectorGradientMatchesCalculus() {
        // (2 x0 x1, x0^2, cos x2) at (1, 2, 0.5)
        double[] g = NumericalGradient.gradient(F, new double[] {1, 2, 0.5});
        assertArrayEquals(new double[] {4, 1, Math.cos(0.5)}, g, 1e-7);
    }

    @Test
    void vectorHessianMatchesCalculusAndIsSymmetric() {
        // [[2 x1, 2 x0, 0], [2 x0, 0, 0], [0, 0, -sin x2]] at (1, 2, 0.5)
        DMatrixRMaj h = NumericalGradient.hessian(F, new double[] {1, 2, 0.5});
        double[] expected = {4, 2, 0, 2, 0, 0, 0, 0, -Math.sin(0.5)};
        assertArrayEquals(expected, h.data, 1e-6);
        assertEquals(h.get(0, 1), h.get(1, 0), 0);
    }

    @Test
    void relativeStepGrowsWithTheCoordinateAbsoluteStepDoesNot() {
        // f = x^3 at x = 1000, h = 1e-3: centered error is h_i^2
        ToDoubleFunction<double[]> cube = x -> x[0] * x[0] * x[0];
        double[] x = {1000};
        assertEquals(3_000_001, NumericalGradient.gradient(cube, x, 1e-3, Step.RELATIVE)[0], 1e-6); // h_i = 1
        assertEquals(3_000_001, NumericalGradient.gradient(cube, x, 1e-3)[0], 1e-6);
        assertEquals(3e6, NumericalGradient.gradient(cube, x, 1e-3, Step.ABSOLUTE)[0], 1e-3); // h_i = 1e-3
        // the defaults (1e-5 and 1e-4, relative) stay accurate there
        assertEquals(3e6, NumericalGradient.gradient(cube, x)[0], 3e6 * 1e-7);
        assertEquals(6000, NumericalGradient.hessian(cube, x).get(0, 0), 6000 * 1e-5);
        // below 1 in size both rules take the same step
        assertArrayEquals(NumericalGradient.hessian(F, new double[] {0.5, -0.25, 0.75}, 1e-3, Step.ABSOLUTE).data,
                NumericalGradient.hessian(F, new double[] {0.5, -0.25, 0.75}, 1e-3).data, 0);
    }

    @Test
    void thePointIsNotModified() {
        double[] x = {1, 2, 0.5};
        NumericalGradient.hessian(p -> {
            p[0] = 7;
            return F.applyAsDouble(p);
        }, x);
        assertArrayEquals(new double[] {1, 2, 0.5}, x, 0);
    }

    @Test
    void badVectorArgumentsAreRejectedByNameAndANaNFromFIsAnArithmeticException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumericalGradient.gradient(F, new double[] {1, Double.NaN, 0}));
        assertEquals("x must be finite everywhere but entry 1 was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NumericalGradient.hessian(F, new double[] {1, Double.NEGATIVE_INFINITY}));
        assertEquals("x must be finite everywhere but entry 1 was: -Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NumericalGradient.hessian(F, new double[] {1, 2, 3}, 0));
        assertEquals("h must be > 0 but was: 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NumericalGradient.gradient(F, new double[] {1, 2, 3}, Double.POSITIVE_INFINITY));
        assertEquals("h must be > 0 but was: Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NumericalGradient.gradient(F, new double[0]));
        assertEquals("x.length must be > 0 but was: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NumericalGradient.hessian(F, new double[] {1}, 1e-4, null));
        assertEquals("step must not be null", e.getMessage());
        ArithmeticException nan = assertThrows(ArithmeticException.class,
                () -> NumericalGradient.gradient(x -> Math.log(x[0]), new double[] {0.0}));
        assertEquals("f returned NaN at x=[-1.0E-5]", nan.getMessage());
    }
}
