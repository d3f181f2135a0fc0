package descent.toysvm;

import descent.landscape.Grids;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HingeBreakdownTest {
    private static final double TOL = 1e-12;

    /** One example (N = 3 divides the sum), two terms: max(0, a) and max(0, -1 - a), on a = -3 .. 2. */
    private static HingeBreakdown twoHinges(double[] alphas) {
        double[][] terms = new double[2][alphas.length];
        for (int k = 0; k < alphas.length; k++) {
            terms[0][k] = Math.max(0, alphas[k]);
            terms[1][k] = Math.max(0, -1 - alphas[k]);
        }
        return new HingeBreakdown(alphas, List.of("max(0, a)", "max(0, -1 - a)"), terms);
    }

    @Test
    void piecesOfTwoHingesAreThreeWithTheKinksOnTheGrid() {
        // sum: slope -1 left of -1, 0 between -1 and 0, +1 right of 0; L = sum / 3
        HingeBreakdown b = twoHinges(Grids.linspace(-3, 2, 11));
        assertArrayEquals(new double[] {-1.0 / 3, 0, 1.0 / 3}, b.pieceSlopes(), TOL);
        assertArrayEquals(new double[] {-1, 0}, b.kinks(), TOL);
    }

    @Test
    void aKinkBetweenGridStepsShowsAsAShortPieceOfIntermediateSlope() {
        // steps -3, -2, -0.5, 1: the kinks at -1 and 0 both fall inside [-2, -0.5] and [-0.5, 1]
        HingeBreakdown b = twoHinges(new double[] {-3, -2, -0.5, 1});
        assertArrayEquals(new double[] {-1.0 / 3, -2.0 / 9, 2.0 / 9}, b.pieceSlopes(), TOL);
        assertArrayEquals(new double[] {-2, -0.5}, b.kinks(), TOL);
    }

    @Test
    void aStraightLineIsOnePieceWithoutKinks() {
        HingeBreakdown b = twoHinges(new double[] {1, 1.5, 2});
        assertArrayEquals(new double[] {1.0 / 3}, b.pieceSlopes(), TOL);
        assertEquals(0, b.kinks().length);
    }

    @Test
    void piecesNeedTwoSteps() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> twoHinges(new double[] {0}).pieceSlopes());
        assertEquals("pieces need at least 2 steps but there were: 1", e.getMessage());
    }
}
