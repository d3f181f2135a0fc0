package descent.surface;

import descent.check.NumericalGradient;
import descent.curvature.Curvature;
import descent.curvature.CurvatureReport;
import descent.landscape.SurfaceGrid;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurfaceTest {
    /** Relative error allowed between closed forms and finite differences, and for exact values. */
    private static final double TOL = 1e-6;

    private static List<Surface> all() {
        return List.of(Quadratic.bowl(1, 3), new Quadratic(2, -0.5, 0.7, 0.3, -0.2), Quadratic.ravine(50, 0.4),
                Quadratic.saddle(), Rosenbrock.classic(), new Rosenbrock(1.5, 10), new MonkeySaddle(),
                new SixHumpCamel(), new Himmelblau(), new Beale());
    }

    @Test
    void analyticGradientsMatchFiniteDifferences() {
        Random random = new Random(11);
        for (Surface s : all()) {
            for (int k = 0; k < 20; k++) {
                double[] p = {-1.5 + 3 * random.nextDouble(), -1.5 + 3 * random.nextDouble()};
                double[] numeric = NumericalGradient.gradient(s.asFunction(), p);
                double[] analytic = s.gradient(p);
                double err = Math.hypot(numeric[0] - analytic[0], numeric[1] - analytic[1])
                        / Math.max(1e-8, Math.hypot(numeric[0], numeric[1]) + Math.hypot(analytic[0], analytic[1]));
                assertTrue(err < TOL, s.name() + " gradient at (" + p[0] + ", " + p[1] + "): relative error " + err);
            }
        }
    }

    @Test
    void analyticHessiansMatchFiniteDifferences() {
        Random random = new Random(12);
        for (Surface s : all()) {
            for (int k = 0; k < 20; k++) {
                double[] p = {-1.5 + 3 * random.nextDouble(), -1.5 + 3 * random.nextDouble()};
                DMatrixRMaj numeric = NumericalGradient.hessian(s.asFunction(), p);
                DMatrixRMaj analytic = s.hessian(p);
                double diff = 0;
                double size = 0;
                for (int e = 0; e < 4; e++) {
                    diff += sq(numeric.data[e] - analytic.data[e]);
                    size += sq(numeric.data[e]) + sq(analytic.data[e]);
                }
                double err = Math.sqrt(diff) / Math.max(1e-8, Math.sqrt(size));
                assertTrue(err < TOL, s.name() + " Hessian at (" + p[0] + ", " + p[1] + "): relative error " + err);
            }
        }
    }

    @Test
    void listedCriticalPointsHaveZeroGradientTheirValueAndTheirKind() {
        for (Surface s : all()) {
            for (CriticalPoint c : s.criticalPoints()) {
                double[] g = s.gradient(c.x(), c.y());
                String where = s.name() + " at (" + c.x() + ", " + c.y() + ")";
                assertEquals(0, Math.hypot(g[0], g[1]), 1e-9, where);
                assertEquals(c.value(), s.value(c.x(), c.y()), 1e-12 * Math.max(1, Math.abs(c.value())), where);
                assertEquals(c.kind(), Curvature.classify(s.hessian(c.x(), c.y()), 1e-9), where);
            }
        }
    }

    @Test
    void rosenbrockMinimumIsAtATimesASquared() {
        Rosenbrock r = new Rosenbrock(1.5, 10);
        CriticalPoint min = r.lowestKnownMinimum().orElseThrow();
        assertEquals(1.5, min.x(), 0);
        assertEquals(2.25, min.y(), 0);
        assertEquals(0, r.value(1.5, 2.25), 0);
        assertArrayEquals(new double[] {0, 0}, r.gradient(1.5, 2.25), 0);
        // Hessian there: [[2 + 8 b a^2, -4 b a], [-4 b a, 2 b]] = [[182, -60], [-60, 20]]
        assertArrayEquals(new double[] {182, -60, -60, 20}, r.hessian(1.5, 2.25).data, 1e-12);
        assertEquals(CriticalPointKind.MINIMUM, Curvature.classify(r, 1.5, 2.25, 1e-12, 1e-9));
        // value by hand at (0, 1): (1.5)^2 + 10 * 1 = 12.25
        assertEquals(12.25, r.value(0, 1), 0);
    }

    @Test
    void quadraticsHaveTheirEigenvaluesAndKinds() {
        assertArrayEquals(new double[] {1, 3}, Curvature.eigenvalues(Quadratic.bowl(1, 3).hessian(5, -2)), 1e-12);
        assertEquals(CriticalPointKind.MINIMUM, Curvature.classify(Quadratic.bowl(1, 3).hessian(0, 0), 1e-9));
        Quadratic cap = new Quadratic(-1, -3, 0.2, 0, 0);
        assertEquals(CriticalPointKind.MAXIMUM, Curvature.classify(cap.hessian(0, 0), 1e-9));
        assertEquals(CriticalPointKind.MAXIMUM, cap.criticalPoints().get(0).kind());
        Quadratic saddle = Quadratic.saddle();
        assertEquals(3.0, saddle.value(2, 1), 1e-12); // 2^2 - 1^2
        assertEquals(CriticalPointKind.SADDLE, Curvature.classify(saddle, 0, 0, 0, 1e-9));
        assertEquals(CriticalPointKind.DEGENERATE, new Quadratic(1, 0, 0, 0, 0).criticalPoints().get(0).kind());
    }

    @Test
    void ravineConditionNumberIsKappaAndItsFloorIsRotated() {
        double angle = 0.3;
        Quadratic ravine = Quadratic.ravine(100, angle);
        assertEquals(100, Curvature.conditionNumber(ravine.hessian(1, 1)), 1e-9);
        CurvatureReport r = Curvature.analyze(ravine.hessian(0, 0), 1e-9);
        assertArrayEquals(new double[] {1, 100}, r.eigenvalues(), 1e-10);
        double[] floor = r.eigenvectors()[0];
        // the shallow direction (eigenvalue 1) is (cos 0.3, sin 0.3), up to sign
        assertEquals(1.0, Math.abs(floor[0] * Math.cos(angle) + floor[1] * Math.sin(angle)), 1e-12);
        // value along the floor: 1/2 * 1 * t^2; across it: 1/2 * 100 * t^2
        assertEquals(0.5 * 4, ravine.value(2 * Math.cos(angle), 2 * Math.sin(angle)), 1e-12);
        assertEquals(0.5 * 100 * 4, ravine.value(-2 * Math.sin(angle), 2 * Math.cos(angle)), 1e-10);
    }

    @Test
    void monkeySaddleOriginIsDegenerateAndBealeHasItsMinimumAndSaddle() {
        assertEquals(CriticalPointKind.DEGENERATE, Curvature.classify(new MonkeySaddle(), 0, 0, 0, 1e-9));
        Beale beale = new Beale();
        assertEquals(0, beale.value(3, 0.5), 1e-15);
        assertEquals(CriticalPointKind.MINIMUM, Curvature.classify(beale, 3, 0.5, 1e-12, 1e-9));
        // at (0, 1): H = [[0, 2(1.5*1 + 2.25*2 + 2.625*3)], [same, 0]] = [[0, 27.75], [27.75, 0]]
        assertArrayEquals(new double[] {0, 27.75, 27.75, 0}, beale.hessian(0, 1).data, 1e-12);
        assertEquals(CriticalPointKind.SADDLE, Curvature.classify(beale, 0, 1, 1e-12, 1e-9));
    }

    @Test
    void sixHumpCamelAndHimmelblauHaveSeveralMinima() {
        assertEquals(6, count(new SixHumpCamel(), CriticalPointKind.MINIMUM));
        assertEquals(-1.0316284534898774, new SixHumpCamel().lowestKnownMinimum().orElseThrow().value(), 1e-12);
        assertEquals(4, count(new Himmelblau(), CriticalPointKind.MINIMUM));
        assertEquals(0, new Himmelblau().value(3, 2), 0); // (9+2-11)^2 + (3+4-7)^2
    }

    @Test
    void gridSampleHoldsValuesAtXsTimesYs() {
        Surface bowl = Quadratic.bowl(1, 3); // f = (x^2 + 3 y^2) / 2
        SurfaceGrid g = bowl.sample(new double[] {-1, 0, 2}, new double[] {1, -0.5});
        double[][] v = g.values();
        assertEquals(3, v.length);
        assertArrayEquals(new double[] {2, 0.875}, v[0], 1e-12);
        assertArrayEquals(new double[] {1.5, 0.375}, v[1], 1e-12);
        assertArrayEquals(new double[] {3.5, 2.375}, v[2], 1e-12);
        assertArrayEquals(new double[] {0.875, 0.375, 2.375}, g.valuesForPlot()[1], 1e-12);
        assertEquals(0.375, g.min(), 1e-12);
        assertArrayEquals(new double[] {0, -0.5}, g.argminPoint(), 0);
    }

    @Test
    void badPointsAndParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rosenbrock.classic().value(new double[] {1, 2, 3}));
        assertEquals("p must have length 2 but had: 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Rosenbrock.classic().gradient(new double[] {Double.NaN, 0}));
        assertEquals("p must be finite everywhere but entry 0 was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(1, 0));
        assertEquals("b must be > 0 but was: 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.ravine(0.5, 0));
        assertEquals("kappa must be >= 1 but was: 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Quadratic(1, Double.NaN, 0, 0, 0));
        assertEquals("lambda2 must be finite but was: NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Quadratic.bowl(1, -1));
        assertEquals("lambda2 must be > 0 but was: -1.0", e.getMessage());
    }

    private static long count(Surface s, CriticalPointKind kind) {
        return s.criticalPoints().stream().filter(c -> c.kind() == kind).count();
    }

    private static double sq(double v) {
        return v * v;
    }
}
