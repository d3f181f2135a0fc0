package descent.toysvm;

import descent.data.Dataset;
import descent.landscape.Grids;
import descent.landscape.LossLandscape;
import descent.landscape.LossSlice1D;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToySvmProblemTest {
    private static final double TOL = 1e-12;

    /** The notes' weights are numbers: w0 = 1, w1 = 0, w2 = -1 (3 × 1, no bias). */
    private static DMatrixRMaj w() {
        return new DMatrixRMaj(new double[][] {{1}, {0}, {-1}});
    }

    @Test
    void datasetIsThreeOneDimensionalPointsWithoutABias() {
        Dataset d = ToySvmProblem.dataset();
        assertEquals(3, d.size());
        assertEquals(1, d.features());
        assertEquals(3, d.numClasses());
        assertArrayEquals(new double[] {1, 0.5, 2}, d.xAsDouble().data, 0);
        assertArrayEquals(new int[] {0, 1, 2}, d.y());
    }

    @Test
    void termsAtAChosenWeightMatchHandComputation() {
        // scores s_j(x) = w_j x.
        // x0=1 (y=0):   s=(1, 0, -1)      -> max(0,0-1+1)=0,      max(0,-1-1+1)=0
        // x1=0.5 (y=1): s=(0.5, 0, -0.5)  -> max(0,0.5-0+1)=1.5,  max(0,-0.5-0+1)=0.5
        // x2=2 (y=2):   s=(2, 0, -2)      -> max(0,2+2+1)=5,      max(0,0+2+1)=3
        assertArrayEquals(new double[] {0, 0, 1.5, 0.5, 5, 3}, ToySvmProblem.terms(w()), TOL);
        assertEquals(10.0 / 3, ToySvmProblem.dataLoss(w()), TOL);
    }

    @Test
    void termNamesFollowTheNotesOrder() {
        assertEquals("max(0, w1·x0 - w0·x0 + 1)", ToySvmProblem.termNames().get(0));
        assertEquals("max(0, w2·x1 - w1·x1 + 1)", ToySvmProblem.termNames().get(3));
        assertEquals("max(0, w1·x2 - w2·x2 + 1)", ToySvmProblem.termNames().get(5));
        assertArrayEquals(new int[] {2, 1}, ToySvmProblem.term(5));
    }

    @Test
    void alongW0FromZeroTermsAreClampedLinesThatFallAndRise() {
        // W = 0, moving w0 by a: terms 1-a, 1-a, 1+0.5a, 1, 1+2a, 1, each clamped at 0.
        DMatrixRMaj dir = LossLandscape.basisDirection(3, 1, 0, 0);
        double[] alphas = {-4, -1, -0.5, 0, 2};
        HingeBreakdown b = ToySvmProblem.alongRay(new DMatrixRMaj(3, 1), dir, alphas);
        double[][] expected = {
            {5, 2, 1.5, 1, 0},
            {5, 2, 1.5, 1, 0},
            {0, 0.5, 0.75, 1, 2},
            {1, 1, 1, 1, 1},
            {0, 0, 0, 1, 5},
            {1, 1, 1, 1, 1},
        };
        for (int t = 0; t < 6; t++) {
            assertArrayEquals(expected[t], b.term(t), TOL, "term " + t);
        }
        assertArrayEquals(new double[] {12, 6.5, 5.75, 6, 9}, b.sum(), TOL);
        assertArrayEquals(new double[] {4, 6.5 / 3, 5.75 / 3, 2, 3}, b.loss(), TOL);
        LossSlice1D s = LossLandscape.slice1d(ToySvmProblem.lossFunction(), new DMatrixRMaj(3, 1), dir, alphas);
        assertArrayEquals(new double[] {4, 6.5 / 3, 5.75 / 3, 2, 3}, s.values(), TOL);
    }

    @Test
    void alongW0FromZeroTheLossIsTheNotesBowlWithFourPiecesAndItsLowestPointAtAKink() {
        // 3L has slopes -2x0 = -2, then + x1 -> -1.5, then + x2 -> 0.5, then + 2x0 -> 2.5,
        // with kinks at -1/x1 = -2, -1/x2 = -0.5 and 1/x0 = 1 (all on the grid: step 0.05).
        double[] alphas = Grids.linspace(-3, 2, 101);
        HingeBreakdown b = ToySvmProblem.alongRay(new DMatrixRMaj(3, 1),
                LossLandscape.basisDirection(3, 1, 0, 0), alphas);
        assertArrayEquals(new double[] {-2.0 / 3, -0.5, 0.5 / 3, 2.5 / 3}, b.pieceSlopes(), 1e-9);
        assertArrayEquals(new double[] {-2, -0.5, 1}, b.kinks(), 1e-9);
        LossSlice1D s = new LossSlice1D(alphas, b.loss());
        assertEquals(-0.5, s.argminAlpha(), 1e-12);
        assertEquals(5.75 / 3, s.min(), TOL);
    }

    @Test
    void lossAlongARandomRayIsConvex() {
        java.util.Random random = new java.util.Random(3);
        DMatrixRMaj w0 = LossLandscape.randomDirection(3, 1, random);
        DMatrixRMaj dir = LossLandscape.randomDirection(3, 1, random);
        double[] loss = ToySvmProblem.alongRay(w0, dir, Grids.linspace(-3, 3, 61)).loss();
        for (int k = 1; k + 1 < loss.length; k++) {
            assertEquals(true, loss[k] <= 0.5 * (loss[k - 1] + loss[k + 1]) + TOL, "midpoint convexity at " + k);
        }
    }

    @Test
    void wrongShapeIsRejectedWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToySvmProblem.terms(new DMatrixRMaj(3, 2)));
        assertEquals("W must be 3 x 1 but was: 3 x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ToySvmProblem.alongRay(w(), new DMatrixRMaj(3, 3), new double[] {0}));
        assertEquals("direction must be 3 x 1 but was: 3 x 3", e.getMessage());
        DMatrixRMaj nan = w();
        nan.set(2, 0, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> ToySvmProblem.dataLoss(nan));
        assertEquals("W must be finite everywhere but entry 2 was: NaN", e.getMessage());
    }
}
