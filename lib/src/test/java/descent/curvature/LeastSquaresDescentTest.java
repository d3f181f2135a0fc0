package descent.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LeastSquaresDescentTest {
    /** Absolute tolerance on iterates and gaps (closed forms are exact up to round-off). */
    private static final double TOL = 1e-9;

    @Test
    void oneDimensionalDescentStopsAtTheClosedFormStepCount() {
        // X = [[2]], t = [4]: H = 4, w* = 2. lr = 0.1 shrinks w - w* by 0.6 a step, the gap by 0.36;
        // the gap first drops below 1e-6 at k = ceil(ln 1e-6 / ln 0.36) = 14.
        LeastSquaresDescent r = Conditioning.gradientDescent(new DMatrixRMaj(new double[][] {{2}}),
                new double[] {4}, 0.1, 1e-6, 1000);
        assertTrue(r.converged());
        assertEquals(14, r.iterations());
        assertArrayEquals(new double[] {2}, r.optimum(), TOL);
        assertEquals(2 - 2 * Math.pow(0.6, 14), r.w()[0], TOL);
        assertEquals(Math.pow(0.36, 14), r.finalRelativeGap(), TOL);
    }

    @Test
    void recordsEveryEarlyStepWithTheGeometricGap() {
        LeastSquaresDescent r = Conditioning.gradientDescent(new DMatrixRMaj(new double[][] {{2}}),
                new double[] {4}, 0.1, 1e-6, 1000);
        int[] steps = r.recordedSteps();
        double[] gaps = r.relativeGaps();
        assertEquals(15, steps.length);
        for (int k = 0; k <= 14; k++) {
            assertEquals(k, steps[k]);
            assertEquals(Math.pow(0.36, k), gaps[k], TOL);
        }
    }

    @Test
    void twoDimensionalDescentMatchesTheEigenComponents() {
        // X = diag(sqrt 2, sqrt 20), N = 2: H = diag(1, 10); t = X (1, 1) so w* = (1, 1).
        // From w = 0 the gap is 1/2 (1·0.85^(2k) + 10·(-0.5)^(2k)) with lr = 0.15;
        // numpy: it first falls below 1e-8 of the start at k = 50.
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{Math.sqrt(2), 0}, {0, Math.sqrt(20)}});
        LeastSquaresDescent r = Conditioning.gradientDescent(x, new double[] {Math.sqrt(2), Math.sqrt(20)},
                0.15, 1e-8, 10_000);
        assertEquals(50, r.iterations());
        assertArrayEquals(new double[] {1, 1}, r.optimum(), TOL);
        assertArrayEquals(new double[] {1 - Math.pow(0.85, 50), 1 - Math.pow(-0.5, 50)}, r.w(), TOL);
        double expectedGap = 0.5 * (Math.pow(0.85, 100) + 10 * Math.pow(0.5, 100)) / 5.5;
        assertEquals(expectedGap, r.finalRelativeGap(), 1e-18);
    }

    @Test
    void stopsAtTheBudgetWithoutConverging() {
        LeastSquaresDescent r = Conditioning.gradientDescent(new DMatrixRMaj(new double[][] {{2}}),
                new double[] {4}, 0.1, 1e-6, 5);
        assertFalse(r.converged());
        assertEquals(5, r.iterations());
        assertEquals(5, r.recordedSteps()[r.recordedSteps().length - 1]);
        assertEquals(Math.pow(0.36, 5), r.finalRelativeGap(), TOL);
    }

    @Test
    void rejectsBadArguments() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{2}});
        double[] t = {4};
        assertEquals("learningRate must be > 0 but was: NaN", assertThrows(IllegalArgumentException.class,
                () -> Conditioning.gradientDescent(x, t, Double.NaN, 1e-6, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Conditioning.gradientDescent(x, t, 0.1, 1.0, 10));
        assertThrows(IllegalArgumentException.class, () -> Conditioning.gradientDescent(x, t, 0.1, 1e-6, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Conditioning.gradientDescent(x, new double[] {1, 2}, 0.1, 1e-6, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Conditioning.gradientDescent(x, t, 10.0, 1e-6, 10_000));
    }
}
