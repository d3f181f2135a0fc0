package descent.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Adam;
import descent.optim.Sgd;
import descent.schedule.OneCycleLR;
import descent.schedule.StepLR;
import org.junit.jupiter.api.Test;

class SurfacePathTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void gradientDescentOnABowlFollowsTheClosedForm() {
        // f = (λ1 x² + λ2 y²)/2 with λ = (1, 4): each SGD step multiplies x by (1 - lr) and y by (1 - 4 lr).
        Surface bowl = Quadratic.bowl(1, 4);
        SurfacePath path = SurfacePath.run(bowl, new Sgd(), 2, 1, 0.1, 10);
        assertEquals(11, path.size());
        assertEquals(2 * Math.pow(0.9, 10), path.xs()[10], TOLERANCE);
        assertEquals(Math.pow(0.6, 10), path.ys()[10], TOLERANCE);
        assertEquals(bowl.value(path.xs()[10], path.ys()[10]), path.finalValue(), TOLERANCE);
    }

    @Test
    void aScheduleSetsTheRateOfEachStep() {
        // StepLR(0.1, 5, 0.5): rate 0.1 for steps 0-4, 0.05 for 5-9; x shrinks by (1 - lr), y by (1 - 4 lr).
        SurfacePath path = SurfacePath.run(Quadratic.bowl(1, 4), new Sgd(), 2, 1, new StepLR(0.1, 5, 0.5), 10);
        assertEquals(2 * Math.pow(0.9, 5) * Math.pow(0.95, 5), path.xs()[10], TOLERANCE);
        assertEquals(Math.pow(0.6, 5) * Math.pow(0.8, 5), path.ys()[10], TOLERANCE);
    }

    @Test
    void theRateIsCheckedOnceByTheScheduleAndAShortScheduleIsRefused() {
        assertEquals("rate must be > 0 but was: NaN", assertThrows(IllegalArgumentException.class,
                () -> SurfacePath.run(Quadratic.bowl(1, 4), new Sgd(), 2, 1, Double.NaN, 10)).getMessage());
        OneCycleLR fiveSteps = new OneCycleLR(0.1, 5);
        assertEquals("the schedule " + fiveSteps + " covers 5 steps but this path takes 10",
                assertThrows(IllegalArgumentException.class,
                        () -> SurfacePath.run(Quadratic.bowl(1, 4), new Sgd(), 2, 1, fiveSteps, 10)).getMessage());
    }

    @Test
    void aDivergingStepSizeStopsThePathBeforeItLeavesTheNumbers() {
        SurfacePath path = SurfacePath.run(Quadratic.bowl(1, 4), new Sgd(), 2, 1, 10, 2000);
        assertTrue(path.size() < 2001, "path length " + path.size());
        assertTrue(Double.isFinite(path.finalValue()));
    }

    @Test
    void adamGetsCloserThanSgdOnAnIllConditionedRavineInTheSameSteps() {
        Surface ravine = Quadratic.ravine(100, 0);
        SurfacePath sgd = SurfacePath.run(ravine, new Sgd(), -4, 1, 0.015, 100);
        SurfacePath adam = SurfacePath.run(ravine, new Adam(), -4, 1, 0.1, 100);
        assertTrue(adam.finalValue() < sgd.finalValue(), adam.finalValue() + " vs " + sgd.finalValue());
    }
}
