package descent.secondorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.curvature.Curvature;
import descent.surface.MonkeySaddle;
import descent.surface.Quadratic;
import descent.surface.Surface;
import org.junit.jupiter.api.Test;

class NewtonTest {
    /** Closeness allowed where rounding enters (a rotated Hessian); elsewhere the numbers are exact. */
    private static final double TOL = 1e-12;

    @Test
    void oneStepLandsOnTheMinimumOfAnAxisAlignedBowl() {
        // f = x² + 4y²: ∇f(3, −1) = (6, −8), H = diag(2, 8), H⁻¹∇f = (3, −1)
        assertArrayEquals(new double[] {0, 0}, Newton.step(Quadratic.bowl(2, 8), new double[] {3, -1}), 0.0);
    }

    @Test
    void oneStepLandsOnTheMinimumOfARotatedIllConditionedQuadratic() {
        Surface ravine = new Quadratic(1, 100, 0.7, 2, -1);
        assertArrayEquals(new double[] {2, -1}, Newton.step(ravine, new double[] {-3, 4}), TOL);
    }

    @Test
    void atTheSaddleXSquaredMinusYSquaredOneStepClimbsToTheSaddlePoint() {
        Surface saddle = Quadratic.saddle();
        double[] start = {0.5, 1};
        double[] next = Newton.step(saddle, start);
        // Newton solves ∇f = 0: it lands on the critical point (0, 0), although that is uphill
        // (f goes from −0.75 up to 0) and a saddle, not a minimum (Hessian eigenvalues 2 and −2).
        assertArrayEquals(new double[] {0, 0}, next, 0.0);
        assertEquals(-0.75, saddle.value(start), 0.0);
        assertEquals(0.0, saddle.value(next), 0.0);
        assertArrayEquals(new double[] {-2, 2}, Curvature.eigenvalues(saddle.hessian(next)), 0.0);
    }

    @Test
    void onTheMonkeySaddleEachStepHalvesTheDistanceToTheDegenerateSaddle() {
        // f = x³ − 3xy² is homogeneous of degree 3, so H(p)·p = 2∇f(p) and the step is p/2 exactly
        double[][] path = Newton.path(new MonkeySaddle(), new double[] {1, 0.5}, 3);
        assertArrayEquals(new double[] {1, 0.5}, path[0], 0.0);
        assertArrayEquals(new double[] {0.5, 0.25}, path[1], 0.0);
        assertArrayEquals(new double[] {0.25, 0.125}, path[2], 0.0);
        assertArrayEquals(new double[] {0.125, 0.0625}, path[3], 0.0);
    }

    @Test
    void pathHasStepsPlusOnePointsStartingWithACopyOfStart() {
        double[] start = {3, -1};
        double[][] path = Newton.path(Quadratic.bowl(2, 8), start, 2);
        assertEquals(3, path.length);
        assertArrayEquals(new double[] {3, -1}, path[0], 0.0);
        assertArrayEquals(new double[] {0, 0}, path[2], 0.0);
        path[0][0] = 7;
        assertEquals(3, start[0], 0.0, "start is not modified or shared");
        assertEquals(1, Newton.path(Quadratic.bowl(2, 8), start, 0).length);
    }

    @Test
    void aSingularHessianIsNamedWithThePoint() {
        Surface valley = new Quadratic(1, 0, 0, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Newton.step(valley, new double[] {1, 2}));
        assertEquals("the Hessian of " + valley.name() + " at (1.0, 2.0) is singular (det = 0.0): "
                + "the Newton step −H⁻¹∇f is not defined there", e.getMessage());
    }

    @Test
    void aSingularHessianOnThePathSaysWhichStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Newton.path(new MonkeySaddle(), new double[] {0, 0}, 4));
        assertEquals("Newton step 1 of 4: the Hessian of MonkeySaddle(x^3 - 3xy^2) at (0.0, 0.0) is "
                + "singular (det = -0.0): the Newton step −H⁻¹∇f is not defined there", e.getMessage());
    }

    @Test
    void argumentsAreChecked() {
        Surface bowl = Quadratic.bowl(1, 1);
        assertEquals("surface must not be null", assertThrows(IllegalArgumentException.class,
                () -> Newton.step(null, new double[] {0, 0})).getMessage());
        assertEquals("p must have length 2 but had: 3", assertThrows(IllegalArgumentException.class,
                () -> Newton.step(bowl, new double[] {0, 0, 0})).getMessage());
        assertEquals("p must be finite everywhere but entry 1 was: NaN", assertThrows(
                IllegalArgumentException.class, () -> Newton.step(bowl, new double[] {0, Double.NaN}))
                .getMessage());
        assertEquals("p must be finite everywhere but entry 0 was: Infinity", assertThrows(
                IllegalArgumentException.class,
                () -> Newton.path(bowl, new double[] {Double.POSITIVE_INFINITY, 0}, 1)).getMessage());
        assertEquals("steps must be >= 0 but was: -1", assertThrows(IllegalArgumentException.class,
                () -> Newton.path(bowl, new double[] {0, 0}, -1)).getMessage());
    }
}
