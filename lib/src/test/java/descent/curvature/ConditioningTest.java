package descent.curvature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.check.NumericalGradient;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ConditioningTest {
    /** Relative tolerance; expected numbers come from numpy (np.linalg.cond, np.corrcoef). */
    private static final double TOL = 1e-9;

    @Test
    void notesTableGivesAHugeConditionNumber() {
        ConditioningReport r = Conditioning.notesExample();
        // numpy: X.T @ X / 3 and np.linalg.cond of it
        assertArrayEquals(new double[] {1001738.1133333334, 1006439.8533333334, 1006439.8533333334, 1011168.27},
                r.rawHessian().data, 1011168.27 * TOL);
        assertEquals(877640.9710765417, r.rawCondition(), 877640.9710765417 * 1e-6);
    }

    @Test
    void normalizingBringsTheConditionNumberNearOne() {
        ConditioningReport r = Conditioning.notesExample();
        // standardized: the correlation matrix [[1, r], [r, 1]], r = np.corrcoef = 0.42509101154559825,
        // condition (1 + r) / (1 - r)
        double corr = 0.42509101154559825;
        assertArrayEquals(new double[] {1, corr, corr, 1}, r.normalizedHessian().data, TOL);
        assertEquals(2.478811499150231, r.normalizedCondition(), 2.478811499150231 * TOL);
        assertEquals(877640.9710765417 / 2.478811499150231, r.improvement(), 354056 * 1e-6);
        assertEquals("condition number 8.78e+05 -> 2.48", r.toString());
    }

    @Test
    void finiteDifferenceHessianOfTheSquaredLossIsXtXOverN() {
        DMatrixRMaj x = Conditioning.notesInputs();
        DMatrixRMaj numeric = NumericalGradient.hessian(Conditioning.leastSquaresLoss(x, Conditioning.notesTargets()),
                new double[] {0.001, 0.002});
        DMatrixRMaj exact = Conditioning.leastSquaresHessian(x);
        for (int k = 0; k < 4; k++) {
            assertEquals(exact.data[k], numeric.data[k], Math.abs(exact.data[k]) * 1e-6);
        }
    }

    @Test
    void squaredLossAtAPointMatchesHandComputation() {
        // X = [[1, 0], [0, 2]], t = [1, 1], w = (3, 1): residuals 2 and 1 -> (4 + 1) / (2 * 2) = 1.25
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 2}});
        assertEquals(1.25, Conditioning.leastSquaresLoss(x, new double[] {1, 1}).applyAsDouble(new double[] {3, 1}),
                TOL);
    }

    @Test
    void standardizedColumnsHaveMeanZeroAndUnitVariance() {
        DMatrixRMaj z = Conditioning.standardize(Conditioning.notesInputs());
        for (int j = 0; j < 2; j++) {
            double mean = (z.get(0, j) + z.get(1, j) + z.get(2, j)) / 3;
            double var = (z.get(0, j) * z.get(0, j) + z.get(1, j) * z.get(1, j) + z.get(2, j) * z.get(2, j)) / 3;
            assertEquals(0, mean, TOL);
            assertEquals(1, var, TOL);
        }
    }

    @Test
    void badInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Conditioning.standardize(new DMatrixRMaj(new double[][] {{1, 5}, {2, 5}})));
        assertEquals("X column 1 is constant (5.0): it cannot be standardized", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conditioning.leastSquaresLoss(Conditioning.notesInputs(), new double[] {1, 2}));
        assertEquals("t must have length 3 (one per row of X) but had: 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Conditioning.leastSquaresHessian(new DMatrixRMaj(new double[][] {{1, Double.NaN}})));
        assertEquals("X must be finite everywhere but entry 1 was: NaN", e.getMessage());
    }
}
