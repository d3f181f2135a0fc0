package descent.secondorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WolfeLineSearchTest {
    /** Rounding allowed on the cubic interpolation's closed form. */
    private static final double TOL = 1e-12;

    /** φ(α) = (α − 3)² − 9: φ(0) = 0, φ'(0) = −6, minimum at α = 3. */
    private static WolfeLineSearch.Trial<Void> parabola(double alpha) {
        return new WolfeLineSearch.Trial<>(alpha, (alpha - 3) * (alpha - 3) - 9, 2 * (alpha - 3), null);
    }

    @Test
    void aStepInsideTheWolfeRegionIsAcceptedAtOnce() {
        // α = 1: φ = −5 ≤ −6e-4, |φ'| = 4 ≤ 0.9·6 = 5.4
        WolfeLineSearch.Result<Void> r = WolfeLineSearch.search(WolfeLineSearchTest::parabola, parabola(0), 1);
        assertEquals(1.0, r.accepted().alpha(), 0.0);
        assertEquals(1, r.evaluations());
        assertNull(r.failure());
    }

    @Test
    void aShortFirstStepIsDoubledUntilTheSlopeFlattens() {
        // α = 0.25 (φ' = −5.5, too steep), then 0.5 (φ' = −5, accepted)
        WolfeLineSearch.Result<Void> r = WolfeLineSearch.search(WolfeLineSearchTest::parabola, parabola(0), 0.25);
        assertEquals(0.5, r.accepted().alpha(), 0.0);
        assertEquals(2, r.evaluations());
    }

    @Test
    void aStepTooFarIsZoomedToTheCubicMinimizerWhichOnAParabolaIsExact() {
        // α = 10: φ = 40 > 0 fails sufficient decrease; the cubic through α = 0 and 10 is the
        // parabola itself, so zoom tries its minimizer α = 3 (φ' = 0) and accepts it
        WolfeLineSearch.Result<Void> r = WolfeLineSearch.search(WolfeLineSearchTest::parabola, parabola(0), 10);
        assertEquals(3.0, r.accepted().alpha(), TOL);
        assertEquals(2, r.evaluations());
    }

    @Test
    void aNonFiniteTrialCountsAsTooFarAndIsBisected() {
        WolfeLineSearch.Phi<Void> phi = alpha -> alpha > 4 ? new WolfeLineSearch.Trial<>(alpha, Double.NaN,
                Double.NaN, null) : parabola(alpha);
        // α = 8 is NaN, so zoom bisects [0, 8] to α = 4 (φ = −8, φ' = 2: accepted)
        WolfeLineSearch.Result<Void> r = WolfeLineSearch.search(phi, parabola(0), 8);
        assertEquals(4.0, r.accepted().alpha(), 0.0);
        assertEquals(2, r.evaluations());
    }

    @Test
    void theCubicMinimizerOfACubicIsItsLocalMinimum() {
        // φ(α) = α³ − 3α: minimum at α = 1
        WolfeLineSearch.Trial<Void> p = new WolfeLineSearch.Trial<>(0, 0, -3, null);
        WolfeLineSearch.Trial<Void> q = new WolfeLineSearch.Trial<>(2, 2, 9, null);
        assertEquals(1.0, WolfeLineSearch.cubicMinimizer(p, q), TOL);
        assertEquals(1.0, WolfeLineSearch.cubicMinimizer(q, p), TOL);
    }

    @Test
    void anAscentDirectionIsRefused() {
        assertEquals("the direction must descend: φ'(0) must be < 0 but was: 6.0",
                assertThrows(IllegalArgumentException.class, () -> WolfeLineSearch.search(
                        WolfeLineSearchTest::parabola, new WolfeLineSearch.Trial<Void>(0, 0, 6, null), 1))
                        .getMessage());
        assertTrue(WolfeLineSearch.C1 < WolfeLineSearch.C2);
    }
}
