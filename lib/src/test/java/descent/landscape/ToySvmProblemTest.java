package descent.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ToySvmProblemTest {
    private static final double TOL = 1e-12;

    /** Rows w0 = (1, 0), w1 = (0, 1), w2 = (-1, 0): slope and bias per class. */
    private static DMatrixRMaj w() {
        return new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {-1, 0}});
    }

    @Test
    void datasetIsThreePointsWithTheBiasColumn() {
        Dataset d = ToySvmProblem.dataset();
        assertEquals(3, d.size());
        assertEquals(2, d.features());
        assertEquals(3, d.numClasses());
        assertArrayEquals(new double[] {-1, 1, 0.5, 1, 2, 1}, d.xAsDouble().data, 0);
        assertArrayEquals(new int[] {0, 1, 2}, d.y());
    }

    @Test
    void termsAtAChosenWeightMatchHandComputation() {
        // scores s_j(x) = w_j0 x + w_j1.
        // x0=-1 (y=0): s=(-1, 1, 1)   -> max(0,1+1+1)=3, max(0,1+1+1)=3
        // x1=0.5 (y=1): s=(0.5, 1, -0.5) -> max(0,0.5-1+1)=0.5, max(0,-0.5-1+1)=0
        // x2=2 (y=2): s=(2, 1, -2)     -> max(0,2+2+1)=5, max(0,1+2+1)=4
        assertArrayEquals(new double[] {3, 3, 0.5, 0, 5, 4}, ToySvmProblem.terms(w()), TOL);
        assertEquals(15.5 / 3, ToySvmProblem.dataLoss(w()), TOL);
    }

    @Test
    void termNamesFollowTheNotesOrder() {
        assertEquals("max(0, w1·x0 - w0·x0 + 1)", ToySvmProblem.termNames().get(0));
        assertEquals("max(0, w2·x1 - w1·x1 + 1)", ToySvmProblem.termNames().get(3));
        assertEquals("max(0, w1·x2 - w2·x2 + 1)", ToySvmProblem.termNames().get(5));
        assertArrayEquals(new int[] {2, 1}, ToySvmProblem.term(5));
    }

    @Test
    void termsAlongTheSlopeOfW0AreClampedLines() {
        // Moving w0's slope by a: terms 3+a, 3+a, 0.5+0.5a, -0.5, 5+2a, 4, each clamped at 0.
        DMatrixRMaj dir = LossLandscape.basisDirection(3, 2, 0, 0);
        double[] alphas = {-4, -1, 0, 1};
        HingeBreakdown b = ToySvmProblem.alongRay(w(), dir, alphas);
        double[][] expected = {
            {0, 2, 3, 4},
            {0, 2, 3, 4},
            {0, 0, 0.5, 1},
            {0, 0, 0, 0},
            {0, 3, 5, 7},
            {4, 4, 4, 4},
        };
        for (int t = 0; t < 6; t++) {
            assertArrayEquals(expected[t], b.term(t), TOL, "term " + t);
        }
        assertArrayEquals(new double[] {4, 11, 15.5, 20}, b.sum(), TOL);
        assertArrayEquals(new double[] {4.0 / 3, 11.0 / 3, 15.5 / 3, 20.0 / 3}, b.loss(), TOL);
        LossSlice1D s = LossLandscape.slice1d(ToySvmProblem.lossFunction(), w(), dir, alphas);
        assertArrayEquals(new double[] {4.0 / 3, 11.0 / 3, 15.5 / 3, 20.0 / 3}, s.values(), TOL);
    }

    @Test
    void lossAlongARandomRayIsConvex() {
        java.util.Random random = new java.util.Random(3);
        DMatrixRMaj w0 = LossLandscape.randomDirection(3, 2, random);
        DMatrixRMaj dir = LossLandscape.randomDirection(3, 2, random);
        double[] loss = ToySvmProblem.alongRay(w0, dir, LossLandscape.linspace(-3, 3, 61)).loss();
        for (int k = 1; k + 1 < loss.length; k++) {
            assertEquals(true, loss[k] <= 0.5 * (loss[k - 1] + loss[k + 1]) + TOL, "midpoint convexity at " + k);
        }
    }

    @Test
    void wrongShapeIsRejectedWithBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToySvmProblem.terms(new DMatrixRMaj(2, 2)));
        assertEquals("W must be 3 x 2 but was: 2 x 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ToySvmProblem.alongRay(w(), new DMatrixRMaj(3, 3), new double[] {0}));
        assertEquals("direction must be 3 x 2 but was: 3 x 3", e.getMessage());
        DMatrixRMaj nan = w();
        nan.set(2, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> ToySvmProblem.dataLoss(nan));
        assertEquals("W must be finite everywhere but entry 5 was: NaN", e.getMessage());
    }
}
