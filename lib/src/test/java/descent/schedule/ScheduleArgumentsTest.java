package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.schedule.ReduceLROnPlateau.Mode;
import descent.schedule.ReduceLROnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Parameters and steps are checked, with messages naming the argument and the value. */
class ScheduleArgumentsTest {

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void baseRatesMustBePositiveAndFinite() {
        assertRefused("rate must be > 0 but was: 0.0", () -> new Constant(0.0));
        assertRefused("baseLr must be > 0 but was: NaN", () -> new StepLR(Double.NaN, 10));
        assertRefused("baseLr must be > 0 but was: -0.1", () -> new ExponentialLR(-0.1, 0.9));
        assertRefused("baseLr must be > 0 but was: Infinity",
                () -> new CosineAnnealingLR(Double.POSITIVE_INFINITY, 10));
        assertRefused("maxLr must be > 0 but was: 0.0", () -> new OneCycleLR(0.0, 100));
        assertRefused("initialLr must be > 0 but was: NaN", () -> new ReduceLROnPlateau(Double.NaN));
    }

    @Test
    void negativeStepsAreRefused() {
        assertRefused("step must be >= 0 but was: -1", () -> new Constant(0.1).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new StepLR(0.1, 10).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new MultiStepLR(0.1, 5).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new ExponentialLR(0.1, 0.9).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new CosineAnnealingLR(0.1, 10).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new CosineAnnealingWarmRestarts(0.1, 10).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new CyclicLR(0.1, 0.2, 10).rate(-1));
        assertRefused("step must be >= 0 but was: -1", () -> new LinearLR(0.1).rate(-1));
        assertRefused("n must be >= 0 but was: -1", () -> new LinearLR(0.1).sample(-1));
    }

    @Test
    void stepAndMultiStepNeedAPositiveSizeAndOrderedMilestones() {
        assertRefused("stepSize must be > 0 but was: 0", () -> new StepLR(0.1, 0));
        assertRefused("gamma must be > 0 but was: NaN", () -> new StepLR(0.1, 10, Double.NaN));
        assertRefused("milestones must be strictly increasing but were: [30, 10]",
                () -> new MultiStepLR(0.1, 30, 10));
        assertRefused("milestones must be strictly increasing but were: [10, 10]",
                () -> new MultiStepLR(0.1, 10, 10));
        assertRefused("milestones[1] must be >= 0 but was: -1", () -> new MultiStepLR(0.1, 5, -1));
        assertRefused("milestones must not be null", () -> new MultiStepLR(0.1, (int[]) null, 0.1));
        assertRefused("gamma must be > 0 but was: 0.0", () -> new MultiStepLR(0.1, new int[] {5}, 0.0));
        assertRefused("gamma must be > 0 but was: -0.5", () -> new ExponentialLR(0.1, -0.5));
    }

    @Test
    void cosineSchedulesNeedPositivePeriodsAndAnEtaMinBelowTheBase() {
        assertRefused("tMax must be > 0 but was: 0", () -> new CosineAnnealingLR(0.1, 0));
        assertRefused("etaMin must be >= 0 but was: -1.0", () -> new CosineAnnealingLR(0.1, 10, -1.0));
        assertRefused("etaMin must be <= baseLr (0.1) but was: 0.2", () -> new CosineAnnealingLR(0.1, 10, 0.2));
        assertRefused("t0 must be > 0 but was: 0", () -> new CosineAnnealingWarmRestarts(0.1, 0));
        assertRefused("tMult must be > 0 but was: 0", () -> new CosineAnnealingWarmRestarts(0.1, 10, 0, 0.0));
        assertRefused("etaMin must be >= 0 but was: NaN",
                () -> new CosineAnnealingWarmRestarts(0.1, 10, 2, Double.NaN));
        assertRefused("etaMin must be <= baseLr (0.1) but was: 0.5",
                () -> new CosineAnnealingWarmRestarts(0.1, 10, 2, 0.5));
    }

    @Test
    void cyclicNeedsAMaxAboveTheBaseAndAGammaUpToOne() {
        assertRefused("maxLr must be >= baseLr (0.01) but was: 0.001", () -> new CyclicLR(0.01, 0.001, 4));
        assertRefused("maxLr must be finite but was: NaN", () -> new CyclicLR(0.01, Double.NaN, 4));
        assertRefused("stepSizeUp must be > 0 but was: 0", () -> new CyclicLR(0.01, 0.1, 0));
        assertRefused("stepSizeDown must be > 0 but was: -2",
                () -> new CyclicLR(0.01, 0.1, 4, -2, CyclicLR.Mode.TRIANGULAR, 1.0));
        assertRefused("mode must not be null", () -> new CyclicLR(0.01, 0.1, 4, 4, null, 1.0));
        assertRefused("gamma must be in [0.0, 1.0] but was: 1.5",
                () -> new CyclicLR(0.01, 0.1, 4, 4, CyclicLR.Mode.EXP_RANGE, 1.5));
        assertRefused("gamma must be > 0 but was: 0.0",
                () -> new CyclicLR(0.01, 0.1, 4, 4, CyclicLR.Mode.EXP_RANGE, 0.0));
    }

    @Test
    void linearNeedsFactorsInPyTorchsRanges() {
        assertRefused("startFactor must be > 0 but was: 0.0", () -> new LinearLR(0.1, 0.0, 1.0, 5));
        assertRefused("startFactor must be in [0.0, 1.0] but was: 1.5", () -> new LinearLR(0.1, 1.5, 1.0, 5));
        assertRefused("endFactor must be in [0.0, 1.0] but was: -0.1", () -> new LinearLR(0.1, 0.5, -0.1, 5));
        assertRefused("endFactor must be in [0.0, 1.0] but was: NaN", () -> new LinearLR(0.1, 0.5, Double.NaN, 5));
        assertRefused("totalIters must be > 0 but was: 0", () -> new LinearLR(0.1, 0.5, 1.0, 0));
    }

    @Test
    void oneCycleNeedsPhasesWithStepsAndRefusesStepsPastTheEnd() {
        assertRefused("totalSteps must be > 0 but was: 0", () -> new OneCycleLR(0.1, 0));
        assertRefused("pctStart must be in [0.0, 1.0] but was: 1.5",
                () -> new OneCycleLR(0.1, 100, 1.5, OneCycleLR.Anneal.COS, 25, 1e4, false));
        assertRefused("pctStart = 0.25 and totalSteps = 4 give phases ending at steps [0.0, 3.0];"
                        + " each phase must end after the previous one, the first after step 0",
                () -> new OneCycleLR(0.1, 4, 0.25, OneCycleLR.Anneal.COS, 25, 1e4, false));
        assertRefused("pctStart = 1.0 and totalSteps = 10 give phases ending at steps [9.0, 9.0];"
                        + " each phase must end after the previous one, the first after step 0",
                () -> new OneCycleLR(0.1, 10, 1.0, OneCycleLR.Anneal.COS, 25, 1e4, false));
        assertRefused("pctStart = 0.6 and totalSteps = 10 give phases ending at steps [5.0, 10.0, 9.0];"
                        + " each phase must end after the previous one, the first after step 0",
                () -> new OneCycleLR(0.1, 10, 0.6, OneCycleLR.Anneal.COS, 25, 1e4, true));
        assertRefused("anneal must not be null", () -> new OneCycleLR(0.1, 100, 0.3, null, 25, 1e4, false));
        assertRefused("divFactor must be > 0 but was: 0.0",
                () -> new OneCycleLR(0.1, 100, 0.3, OneCycleLR.Anneal.COS, 0, 1e4, false));
        assertRefused("finalDivFactor must be > 0 but was: Infinity", () -> new OneCycleLR(0.1, 100, 0.3,
                OneCycleLR.Anneal.COS, 25, Double.POSITIVE_INFINITY, false));
        assertRefused("step must be in [0, 100) but was: 100", () -> new OneCycleLR(0.1, 100).rate(100));
        assertRefused("step must be in [0, 100) but was: -1", () -> new OneCycleLR(0.1, 100).rate(-1));
    }

    @Test
    void plateauNeedsAFactorBelowOneAndNonNegativeCounts() {
        assertRefused("factor must be in [0.0, 1.0) but was: 1.0", () -> new ReduceLROnPlateau(0.1, Mode.MIN, 1.0, 10));
        assertRefused("factor must be > 0 but was: 0.0", () -> new ReduceLROnPlateau(0.1, Mode.MIN, 0.0, 10));
        assertRefused("patience must be >= 0 but was: -1", () -> new ReduceLROnPlateau(0.1, Mode.MIN, 0.5, -1));
        assertRefused("mode must not be null", () -> new ReduceLROnPlateau(0.1, null, 0.5, 10));
        assertRefused("threshold must be in [0.0, 1.0) but was: 1.0", () -> new ReduceLROnPlateau(0.1,
                Mode.MIN, 0.5, 10, 1.0, ThresholdMode.REL, 0, 0, 0));
        assertRefused("threshold must be >= 0 but was: -1.0", () -> new ReduceLROnPlateau(0.1,
                Mode.MIN, 0.5, 10, -1.0, ThresholdMode.ABS, 0, 0, 0));
        assertRefused("thresholdMode must not be null", () -> new ReduceLROnPlateau(0.1,
                Mode.MIN, 0.5, 10, 0.1, null, 0, 0, 0));
        assertRefused("cooldown must be >= 0 but was: -1", () -> new ReduceLROnPlateau(0.1,
                Mode.MIN, 0.5, 10, 0.1, ThresholdMode.REL, -1, 0, 0));
        assertRefused("minLr must be >= 0 but was: NaN", () -> new ReduceLROnPlateau(0.1,
                Mode.MIN, 0.5, 10, 0.1, ThresholdMode.REL, 0, Double.NaN, 0));
        assertRefused("eps must be >= 0 but was: -1.0E-8", () -> new ReduceLROnPlateau(0.1,
                Mode.MIN, 0.5, 10, 0.1, ThresholdMode.REL, 0, 0, -1e-8));
    }
}
