package descent.curvature;

import descent.landscape.Grids;
import descent.surface.CriticalPointKind;
import descent.surface.Quadratic;
import descent.surface.Rosenbrock;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurvatureTest {
    private static final double TOL = 1e-12;

    @Test
    void eigenvaluesOfKnownMatricesAscend() {
        assertArrayEquals(new double[] {1, 3},
                Curvature.eigenvalues(new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}})), TOL);
        // tridiagonal Toeplitz (4; 1): 4 + 2 cos(k pi / 4), k = 3, 2, 1
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{4, 1, 0}, {1, 4, 1}, {0, 1, 4}});
        assertArrayEquals(new double[] {4 - Math.sqrt(2), 4, 4 + Math.sqrt(2)}, Curvature.eigenvalues(t), TOL);
    }

    @Test
    void analyzeGivesUnitEigenvectorsAndConditionNumber() {
        CurvatureReport r = Curvature.analyze(new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}}), 1e-9);
        double[] v = r.eigenvectors()[0]; // eigenvalue 1: (1, -1) / sqrt 2 up to sign
        assertEquals(1 / Math.sqrt(2), Math.abs(v[0]), TOL);
        assertEquals(-v[0], v[1], TOL);
        assertEquals(3, r.conditionNumber(), TOL);
        assertEquals(CriticalPointKind.MINIMUM, r.kind());
        assertEquals(1, r.minEigenvalue(), TOL);
        assertEquals(3, r.maxEigenvalue(), TOL);
    }

    @Test
    void classifiesBySignsOfEigenvalues() {
        assertEquals(CriticalPointKind.MINIMUM, Curvature.classify(diag(2, 0.5), 1e-9));
        assertEquals(CriticalPointKind.MAXIMUM, Curvature.classify(diag(-2, -0.5), 1e-9));
        assertEquals(CriticalPointKind.SADDLE, Curvature.classify(diag(2, -2), 1e-9));
        assertEquals(CriticalPointKind.SADDLE, Curvature.classify(new DMatrixRMaj(new double[][] {{0, 1}, {1, 0}}), 1e-9));
        assertEquals(CriticalPointKind.DEGENERATE, Curvature.classify(diag(1, 1e-12), 1e-9));
        assertEquals(CriticalPointKind.MINIMUM, Curvature.classify(diag(1, 1e-12), 0));
        assertEquals(CriticalPointKind.DEGENERATE, Curvature.classify(diag(0, 0), 1e-9));
    }

    @Test
    void conditionNumberIsRatioOfExtremeAbsoluteEigenvalues() {
        assertEquals(100, Curvature.conditionNumber(diag(2, 0.02)), 1e-10);
        assertEquals(4, Curvature.conditionNumber(diag(-8, 2)), TOL);
        assertEquals(Double.POSITIVE_INFINITY, Curvature.conditionNumber(diag(1, 0)), 0);
    }

    @Test
    void convexBowlPassesEveryGridPoint() {
        double[] grid = Grids.linspace(-2, 2, 5);
        ConvexityReport r = Curvature.convexity(Quadratic.bowl(1, 3), grid, grid, 0);
        assertTrue(r.convex());
        assertEquals(25, r.pointsChecked());
        assertNull(r.firstFailure());
        assertEquals(1, r.smallestEigenvalue(), TOL);
    }

    @Test
    void rosenbrockFailsFirstAtZeroOne() {
        // x-major over {-1, 0, 1}^2. Hessian [[2 - 400 y + 1200 x^2, -400 x], [-400 x, 200]]:
        // (-1, -1), (-1, 0), (-1, 1): determinants 160400, 80400, 400 with positive trace: PSD;
        // (0, -1), (0, 0): diagonal 402 and 2: PSD; (0, 1): diagonal -398 -> not PSD.
        double[] grid = {-1, 0, 1};
        ConvexityReport r = Curvature.convexity(Rosenbrock.classic(), grid, grid, 1e-9);
        assertFalse(r.convex());
        assertEquals(6, r.pointsChecked());
        assertArrayEquals(new double[] {0, 1}, r.firstFailure(), 0);
        assertEquals(-398, r.smallestEigenvalue(), 1e-10);
    }

    @Test
    void finiteDifferenceConvexityFindsTheSaddle() {
        List<double[]> points = List.of(new double[] {1, 1}, new double[] {0.5, -2});
        ConvexityReport convex = Curvature.convexity(p -> p[0] * p[0] * p[0] * p[0] + p[1] * p[1], points, 1e-4, 1e-6);
        assertTrue(convex.convex());
        // smallest eigenvalue over the points: 12 x^2 at x = 0.5 is 3, vs 2 for y^2: so 2
        assertEquals(2, convex.smallestEigenvalue(), 1e-5);
        ConvexityReport saddle = Curvature.convexity(p -> p[0] * p[0] - p[1] * p[1], points, 1e-4, 1e-6);
        assertFalse(saddle.convex());
        assertEquals(1, saddle.pointsChecked());
        assertEquals(-2, saddle.smallestEigenvalue(), 1e-5);
    }

    @Test
    void classifyingANonCriticalPointIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Curvature.classify(Quadratic.saddle(), 1, 0, 1e-6, 1e-9));
        assertEquals("(1.0, 0.0) is not a critical point of Quadratic(lambda1=2.0, lambda2=-2.0, angle=0.0, "
                + "center=(0.0, 0.0)): gradient norm 2.0 > gradientTolerance 1.0E-6", e.getMessage());
    }

    @Test
    void badHessiansAreRejectedWithTheirEntries() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Curvature.eigenvalues(new DMatrixRMaj(new double[][] {{1, 1}, {2, 1}})));
        assertEquals("hessian must be symmetric but entry (1, 0) was 2.0 and entry (0, 1) was 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Curvature.eigenvalues(new DMatrixRMaj(2, 3)));
        assertEquals("hessian must be square but was: 2 x 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Curvature.eigenvalues(new DMatrixRMaj(new double[][] {{Double.NaN, 0}, {0, 1}})));
        assertEquals("hessian must be finite everywhere but entry 0 was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Curvature.classify(diag(1, 1), Double.NaN));
        assertEquals("tolerance must be >= 0 but was: NaN", e.getMessage());
    }

    private static DMatrixRMaj diag(double a, double b) {
        return new DMatrixRMaj(new double[][] {{a, 0}, {0, b}});
    }

    @Test
    void inputGramEigenvaluesAreThoseOfXtXOverNForTheLeadingRows() {
        // rows (3, 0), (0, 1), (3, 1), and a 4th row that must be ignored: G = [[6, 1], [1, 2/3]].
        descent.data.Dataset data = descent.data.Dataset.of(
                new double[][] {{3, 0}, {0, 1}, {3, 1}, {100, 100}}, new int[] {0, 1, 0, 1}, 2);
        double[] values = Curvature.inputGramEigenvalues(data, 3);
        double tr = 6 + 2.0 / 3, det = 6 * 2.0 / 3 - 1;
        double root = Math.sqrt(tr * tr / 4 - det);
        assertArrayEquals(new double[] {tr / 2 - root, tr / 2 + root}, values, 1e-6);
    }

    @Test
    void inputGramEigenvaluesRejectsMoreExamplesThanRows() {
        descent.data.Dataset data = descent.data.Dataset.of(new double[][] {{1, 0}}, new int[] {0}, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Curvature.inputGramEigenvalues(data, 2));
        assertEquals("examples must be in [1, 1] (rows of the data) but was: 2", e.getMessage());
    }

    @Test
    void inputGramEigenvaluesWithFewerRowsThanFeaturesPadsExactZeros() {
        // rows (1, 1, 0) and (0, 0, 2): XXᵀ/2 = diag(1, 2); G = XᵀX/2 has eigenvalues 0, 1, 2.
        descent.data.Dataset data = descent.data.Dataset.of(
                new double[][] {{1, 1, 0}, {0, 0, 2}}, new int[] {0, 1}, 2);
        assertArrayEquals(new double[] {0, 1, 2}, Curvature.inputGramEigenvalues(data, 2), 1e-9);
    }
}
