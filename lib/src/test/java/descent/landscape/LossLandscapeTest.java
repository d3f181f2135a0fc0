package descent.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossLandscapeTest {
    private static final double TOL = 1e-12;

    /** f(W) = sum of squares of W's entries. */
    private static final ToDoubleFunction<DMatrixRMaj> SUM_OF_SQUARES = w -> {
        double s = 0;
        for (int k = 0; k < w.numRows * w.numCols; k++) {
            s += w.data[k] * w.data[k];
        }
        return s;
    };

    private static DMatrixRMaj w() {
        return new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void linspaceIncludesBothEndsEvenlySpaced() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, Grids.linspace(-1, 1, 5), TOL);
        assertArrayEquals(new double[] {3}, Grids.linspace(3, 7, 1), TOL);
        assertArrayEquals(new double[] {2, 1, 0}, Grids.linspace(2, 0, 3), TOL);
    }

    @Test
    void sliceOfAQuadraticIsTheParabolaComputedByHand() {
        // (1+a)^2 + 2^2 + 3^2 + (4-a)^2 = 2a^2 - 6a + 30
        DMatrixRMaj d = new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}});
        LossSlice1D s = LossLandscape.slice1d(SUM_OF_SQUARES, w(), d, new double[] {-1, 0, 0.5, 2});
        assertArrayEquals(new double[] {38, 30, 27.5, 26}, s.values(), TOL);
        assertArrayEquals(new double[] {-1, 0, 0.5, 2}, s.alphas(), TOL);
        assertEquals(26, s.min(), TOL);
        assertEquals(3, s.argmin());
        assertEquals(2, s.argminAlpha(), TOL);
    }

    @Test
    void secondDifferencesOfAParabolaAreTwiceTheSquaredStepAndOfAHingeSitAtTheKink() {
        // a^2 at a = -1, 0, 1, 2: 1, 0, 1, 4 -> second differences 2, 2 (= 2 h^2 with h = 1)
        assertArrayEquals(new double[] {2, 2}, LossLandscape.secondDifferences(new double[] {1, 0, 1, 4}), TOL);
        // max(0, a) at a = -2 .. 2: one kink at 0, jump in slope 1 -> 0, 1, 0
        assertArrayEquals(new double[] {0, 1, 0}, LossLandscape.secondDifferences(new double[] {0, 0, 0, 1, 2}), TOL);
    }

    @Test
    void sliceSecondDifferencesGiveTheirSmallestAndLargest() {
        // 2a^2 - 6a + 30 at a = -1, 0, 1, 2, then a kink: values 38, 30, 26, 26, 40
        LossSlice1D s = new LossSlice1D(new double[] {-1, 0, 1, 2, 3}, new double[] {38, 30, 26, 26, 40});
        assertArrayEquals(new double[] {4, 4, 14}, s.secondDifferences(), TOL);
        assertEquals(4, s.minSecondDifference(), TOL);
        assertEquals(14, s.maxSecondDifference(), TOL);
        assertEquals(40, s.max(), TOL);
    }

    @Test
    void planeSmallestSecondDifferenceLooksAlongRowsAndColumns() {
        // rows (b varies) are straight lines; column 2 (a varies) is 0, 3, 0: second difference -6
        double[] steps = {0, 1, 2};
        double[][] values = {{0, 0, 0}, {1, 2, 3}, {0, 0, 0}};
        SurfaceGrid s = new SurfaceGrid("plane", steps, steps, values);
        assertEquals(-6, s.minSecondDifference(), TOL);
        SurfaceGrid bowl = new SurfaceGrid("plane", steps, steps,
                new double[][] {{2, 1, 2}, {1, 0, 1}, {2, 1, 2}});
        assertEquals(2, bowl.minSecondDifference(), TOL);
    }

    @Test
    void secondDifferencesNeedThreeFiniteValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.secondDifferences(new double[] {1, 2}));
        assertEquals("values must have at least 3 entries but had: 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.secondDifferences(new double[] {1, Double.POSITIVE_INFINITY, 2}));
        assertEquals("values must be finite everywhere but entry 1 was: Infinity", e.getMessage());
    }

    @Test
    void slicingDoesNotModifyWeightsOrDirections() {
        DMatrixRMaj w = w();
        DMatrixRMaj d = new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}});
        LossLandscape.slice2d(m -> {
            m.data[0] = 99;
            return SUM_OF_SQUARES.applyAsDouble(m);
        }, w, d, d, new double[] {1, 2}, new double[] {3});
        assertArrayEquals(new double[] {1, 2, 3, 4}, w.data, 0);
        assertArrayEquals(new double[] {1, 0, 0, -1}, d.data, 0);
    }

    @Test
    void planeGridHasOneRowPerAlphaAndOneColumnPerBeta() {
        // (1+a)^2 + 4 + 9 + (4+b)^2
        DMatrixRMaj d1 = new DMatrixRMaj(new double[][] {{1, 0}, {0, 0}});
        DMatrixRMaj d2 = new DMatrixRMaj(new double[][] {{0, 0}, {0, 1}});
        double[] alphas = {-1, 0, 1};
        double[] betas = {-4, 0};
        SurfaceGrid s = LossLandscape.slice2d(SUM_OF_SQUARES, w(), d1, d2, alphas, betas);
        double[][] expected = {{13, 29}, {14, 30}, {17, 33}};
        double[][] values = s.values();
        assertEquals(3, values.length);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], values[i], TOL);
        }
        assertEquals(13, s.min(), TOL);
        assertEquals(LossLandscape.PLANE, s.name());
        assertArrayEquals(alphas, s.xs(), 0);
        assertArrayEquals(betas, s.ys(), 0);
        assertArrayEquals(new double[] {-1, -4}, s.argminPoint(), 0);
        assertEquals("L(W + a W1 + b W2): 3 × 2 grid, lowest 13 at (x, y) = (-1, -4)", s.toString());
        assertArrayEquals(new int[] {0, 0}, s.argmin());
        double[][] plot = s.valuesForPlot();
        assertEquals(2, plot.length);
        assertArrayEquals(new double[] {29, 30, 33}, plot[1], TOL);
    }

    @Test
    void parallelPlaneEqualsSequentialPlane() {
        Random random = new Random(7);
        DMatrixRMaj w = LossLandscape.randomDirection(3, 4, random);
        DMatrixRMaj d1 = LossLandscape.randomDirection(3, 4, random);
        DMatrixRMaj d2 = LossLandscape.randomDirection(3, 4, random);
        double[] grid = Grids.linspace(-2, 2, 21);
        SurfaceGrid seq = LossLandscape.slice2d(SUM_OF_SQUARES, w, d1, d2, grid, grid, Execution.SEQUENTIAL);
        SurfaceGrid par = LossLandscape.slice2d(SUM_OF_SQUARES, w, d1, d2, grid, grid, Execution.PARALLEL);
        for (int i = 0; i < grid.length; i++) {
            assertArrayEquals(seq.values()[i], par.values()[i], 0);
        }
    }

    @Test
    void unnormalizedRandomDirectionIsTheSeededGaussianSequence() {
        DMatrixRMaj d = LossLandscape.randomDirection(w(), new Random(42), DirectionNorm.NONE);
        Random expected = new Random(42);
        for (int k = 0; k < 4; k++) {
            assertEquals(expected.nextGaussian(), d.data[k], 0);
        }
    }

    @Test
    void directionNormsScaleAsDocumented() {
        DMatrixRMaj w = w();
        DMatrixRMaj unit = LossLandscape.randomDirection(w, new Random(1), DirectionNorm.UNIT);
        assertEquals(1.0, norm(unit.data, 0, 4), TOL);
        DMatrixRMaj match = LossLandscape.randomDirection(w, new Random(1), DirectionNorm.MATCH_W);
        assertEquals(Math.sqrt(30), norm(match.data, 0, 4), TOL);
        DMatrixRMaj perRow = LossLandscape.randomDirection(w, new Random(1), DirectionNorm.PER_ROW);
        assertEquals(Math.sqrt(5), norm(perRow.data, 0, 2), TOL);
        assertEquals(5, norm(perRow.data, 2, 4), TOL);
        // same seed, same direction up to scale
        assertEquals(unit.data[0] / unit.data[1], match.data[0] / match.data[1], TOL);
    }

    @Test
    void basisDirectionHasASingleOne() {
        DMatrixRMaj d = LossLandscape.basisDirection(3, 2, 2, 1);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 1}, d.data, 0);
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.slice1d(SUM_OF_SQUARES, w(), new DMatrixRMaj(3, 2), new double[] {0}));
        assertEquals("W and direction must have the same shape but were: 2 x 2 and 3 x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossLandscape.slice2d(SUM_OF_SQUARES, w(),
                new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 3), new double[] {0}, new double[] {0}));
        assertEquals("W and direction2 must have the same shape but were: 2 x 2 and 2 x 3", e.getMessage());
    }

    @Test
    void nonFiniteInputsAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossLandscape.slice1d(
                SUM_OF_SQUARES, w(), new DMatrixRMaj(2, 2), new double[] {0, Double.NaN}));
        assertEquals("alphas must be finite everywhere but entry 1 was: NaN", e.getMessage());
        DMatrixRMaj bad = w();
        bad.set(1, 0, Double.POSITIVE_INFINITY);
        e = assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.slice1d(SUM_OF_SQUARES, bad, new DMatrixRMaj(2, 2), new double[] {0}));
        assertEquals("W must be finite everywhere but entry 2 was: Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Grids.linspace(0, Double.NaN, 3));
        assertEquals("hi must be finite but was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Grids.linspace(0, 1, 0));
        assertEquals("n must be > 0 but was: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.slice1d(SUM_OF_SQUARES, w(), new DMatrixRMaj(2, 2), new double[0]));
        assertEquals("alphas.length must be > 0 but was: 0", e.getMessage());
    }

    @Test
    void nanFromTheLossNamesTheGridPoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LossLandscape.slice1d(
                m -> m.get(0, 0) > 1.5 ? Double.NaN : 0.0, w(), w(), new double[] {0, 0.25, 1}));
        assertEquals("f returned NaN at a=1.0 (alphas[2])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LossLandscape.slice2d(m -> Double.NaN, w(), w(), w(),
                new double[] {0.5}, new double[] {-1}));
        assertEquals("f returned NaN at (a, b)=(0.5, -1.0) (alphas[0], betas[0])", e.getMessage());
    }

    @Test
    void matchingAnAllZeroWeightIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LossLandscape.randomDirection(new DMatrixRMaj(2, 2), new Random(0), DirectionNorm.MATCH_W));
        assertEquals("W must not be all zero for DirectionNorm.MATCH_W but its norm was: 0.0", e.getMessage());
    }

    private static double norm(double[] v, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += v[k] * v[k];
        }
        return Math.sqrt(s);
    }
}
