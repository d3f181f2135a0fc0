package descent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.check.GradientCheckResult.Verdict;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    /** Absolute tolerance for hand-computed numbers (rounding only). */
    private static final double TOL = 1e-9;

    /** f(W) = sum of w^3: the gradient is 3 w^2 entrywise, a centered difference is off by h^2. */
    private static final ToDoubleFunction<DMatrixRMaj> CUBES = w -> {
        double s = 0;
        for (double v : w.data) {
            s += v * v * v;
        }
        return s;
    };

    private static DMatrixRMaj w() {
        return new DMatrixRMaj(new double[][] {{1, 2, 3}, {-1, 0.5, 2}});
    }

    private static DMatrixRMaj threeWSquared(DMatrixRMaj w) {
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        for (int k = 0; k < w.data.length; k++) {
            g.data[k] = 3 * w.data[k] * w.data[k];
        }
        return g;
    }

    @Test
    void relativeErrorIsTheDifferenceOverTheLargerSizeAndZeroForTwoZeros() {
        assertEquals(0.1 / 1.1, GradientCheck.relativeError(1, 1.1), TOL);
        assertEquals(2, GradientCheck.relativeError(-1, 1), 0);
        assertEquals(0, GradientCheck.relativeError(0, 0), 0);
        assertEquals(1, GradientCheck.relativeError(0, 1e-300), 0);
        assertEquals(Double.NaN, GradientCheck.relativeError(Double.NaN, 1), 0);
    }

    @Test
    void aRightGradientCheckedInFullIsCorrectAndWIsRestored() {
        DMatrixRMaj w = w();
        GradientCheckResult r = GradientCheck.full(CUBES, w, threeWSquared(w), 1e-5, Difference.CENTERED);
        assertEquals(6, r.size());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, r.rows());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, r.cols());
        assertArrayEquals(new double[] {3, 12, 27, 3, 0.75, 12}, r.analytic(), 0);
        assertArrayEquals(new double[] {3, 12, 27, 3, 0.75, 12}, r.numerical(), 1e-8);
        assertEquals(Verdict.CORRECT, r.verdict());
        assertArrayEquals(w().data, w.data, 0);
    }

    @Test
    void forwardDifferencesWithALargeStepReadAsWrong() {
        // forward: 3 w^2 + 3 w h + h^2; at w = 1, h = 0.1 that is 3.31, relative error 0.31 / 3.31
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1}});
        GradientCheckResult r = GradientCheck.full(CUBES, w, threeWSquared(w), 0.1, Difference.FORWARD);
        assertEquals(3.31, r.numerical()[0], TOL);
        assertEquals(0.31 / 3.31, r.maxRelativeError(), TOL);
        assertEquals(Verdict.WRONG, r.verdict());
    }

    @Test
    void aWrongGradientIsCaughtAtItsCoordinate() {
        DMatrixRMaj w = w();
        DMatrixRMaj wrong = threeWSquared(w);
        wrong.set(1, 2, 6); // 2 w instead of 3 w^2 at w = 2
        GradientCheckResult r = GradientCheck.full(CUBES, w, wrong, 1e-5, Difference.CENTERED);
        assertEquals(0.5, r.relativeErrors()[5], 1e-8); // |6 - 12| / 12
        assertEquals(0.5, r.maxRelativeError(), 1e-8);
        assertEquals(Verdict.WRONG, r.verdict());
    }

    @Test
    void sampledDrawsItsCoordinatesFromTheSeedWithReplacement() {
        DMatrixRMaj w = w();
        GradientCheckResult r = GradientCheck.sampled(CUBES, w, threeWSquared(w), 10, 1e-5, 42);
        Random random = new Random(42);
        for (int i = 0; i < 10; i++) {
            int k = random.nextInt(6);
            assertEquals(k / 3, r.rows()[i]);
            assertEquals(k % 3, r.cols()[i]);
        }
        assertEquals(Verdict.CORRECT, r.verdict());
    }

    @Test
    void verdictThresholdsAreTheNotesOnes() {
        assertEquals(Verdict.CORRECT, GradientCheckResult.verdictOf(0));
        assertEquals(Verdict.CORRECT, GradientCheckResult.verdictOf(1e-7));
        assertEquals(Verdict.OK_WITH_KINKS, GradientCheckResult.verdictOf(1.0000001e-7));
        assertEquals(Verdict.OK_WITH_KINKS, GradientCheckResult.verdictOf(1e-4));
        assertEquals(Verdict.SUSPICIOUS, GradientCheckResult.verdictOf(1.0000001e-4));
        assertEquals(Verdict.SUSPICIOUS, GradientCheckResult.verdictOf(1e-2));
        assertEquals(Verdict.WRONG, GradientCheckResult.verdictOf(1.0000001e-2));
        assertEquals(Verdict.WRONG, GradientCheckResult.verdictOf(Double.NaN));
        assertEquals(Verdict.WRONG, GradientCheckResult.verdictOf(Double.POSITIVE_INFINITY));
    }

    @Test
    void resultSummariesMaxMedianReportAndToString() {
        GradientCheckResult r = new GradientCheckResult(new int[] {0, 1}, new int[] {2, 0},
                new double[] {1, 2}, new double[] {1.1, 2}, new double[] {1e-3, 1e-9});
        assertEquals(1e-3, r.maxRelativeError(), 0);
        assertEquals((1e-3 + 1e-9) / 2, r.medianRelativeError(), 0);
        assertEquals(Verdict.SUSPICIOUS, r.verdict());
        assertEquals(String.format("W[0,2]  numerical: +1.100000e+00  analytic: +1.000000e+00  relative error: "
                        + "1.000e-03%nW[1,0]  numerical: +2.000000e+00  analytic: +2.000000e+00  relative error: "
                        + "1.000e-09%nmax relative error 1.000e-03 -> SUSPICIOUS"), r.report());
        assertEquals("2 entries checked, max relative error 0.001: SUSPICIOUS",
                r.toString());
        GradientCheckResult odd = new GradientCheckResult(new int[3], new int[3], new double[3], new double[3],
                new double[] {3e-5, 1e-6, Double.NaN});
        assertEquals(Double.NaN, odd.maxRelativeError(), 0);
        assertEquals(Verdict.WRONG, odd.verdict());
        assertEquals(0, new GradientCheckResult(new int[0], new int[0], new double[0], new double[0],
                new double[0]).medianRelativeError(), 0);
    }

    @Test
    void matrixComparisonsTakeTheWorstEntry() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 0}, {4, -2}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{1, 0}, {5, -2.5}});
        assertEquals(0.2, GradientCheck.maxRelativeError(a, b), TOL);
        assertEquals(1, GradientCheck.maxAbsoluteDifference(a, b), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.maxRelativeError(a, new DMatrixRMaj(2, 3)));
        assertEquals("a and b must have the same shape but were: 2 x 2 and 2 x 3", e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedByName() {
        DMatrixRMaj w = w();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.full(CUBES, w, new DMatrixRMaj(3, 2), 1e-5, Difference.CENTERED));
        assertEquals("W and analytic must have the same shape but were: 2 x 3 and 3 x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.sampled(CUBES, w, threeWSquared(w), 0, 1e-5, 1));
        assertEquals("count must be > 0 but was: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.at(CUBES, w, threeWSquared(w), new int[] {0}, Double.NaN, Difference.FORWARD));
        assertEquals("h must be > 0 but was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.at(null, w, threeWSquared(w), new int[] {0}, 1e-5, Difference.FORWARD));
        assertEquals("f must not be null", e.getMessage());
    }
}
