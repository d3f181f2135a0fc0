package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Each stateless schedule matches its PyTorch closed form at chosen steps.
 *
 * <p>Expectations are either the formula written out with literal numbers, or hard literals
 * worked out by hand or printed by a numpy/math script that reimplements PyTorch's code (quoted
 * where used).
 */
class ScheduleClosedFormTest {
    private static final double TOLERANCE = 1e-15;

    @Test
    void constantIsTheSameAtEveryStep() {
        Constant constant = new Constant(0.05);
        assertArrayEquals(new double[] {0.05, 0.05, 0.05, 0.05}, constant.sample(4));
        assertEquals(0.05, constant.rate(1_000_000));
    }

    @Test
    void stepLrDecaysEveryStepSizeSteps() {
        StepLR schedule = new StepLR(0.1, 30, 0.5);
        assertEquals(0.1, schedule.rate(0), TOLERANCE);
        assertEquals(0.1, schedule.rate(29), TOLERANCE);
        assertEquals(0.05, schedule.rate(30), TOLERANCE);
        assertEquals(0.05, schedule.rate(59), TOLERANCE);
        assertEquals(0.025, schedule.rate(60), TOLERANCE);
        assertEquals(0.1 * Math.pow(0.5, 3), schedule.rate(119), TOLERANCE);
        assertEquals(0.1 * 0.1, new StepLR(0.1, 10).rate(15), TOLERANCE);
    }

    @Test
    void multiStepLrDecaysAtEachMilestone() {
        MultiStepLR schedule = new MultiStepLR(0.1, new int[] {30, 80}, 0.1);
        assertEquals(0.1, schedule.rate(0), TOLERANCE);
        assertEquals(0.1, schedule.rate(29), TOLERANCE);
        assertEquals(0.1 * 0.1, schedule.rate(30), TOLERANCE);
        assertEquals(0.1 * 0.1, schedule.rate(79), TOLERANCE);
        assertEquals(0.1 * 0.1 * 0.1, schedule.rate(80), TOLERANCE);
        assertEquals(0.1 * 0.1 * 0.1, schedule.rate(10_000), TOLERANCE);
        assertEquals(0.5, new MultiStepLR(1.0, new int[] {0}, 0.5).rate(0), TOLERANCE);
        assertEquals(1.0, new MultiStepLR(1.0).rate(50), TOLERANCE);
    }

    @Test
    void multiStepLrCopiesItsMilestones() {
        int[] milestones = {2, 4};
        MultiStepLR schedule = new MultiStepLR(1.0, milestones);
        milestones[0] = 100;
        schedule.milestones()[1] = 100;
        assertEquals(0.1, schedule.rate(2), TOLERANCE);
        assertArrayEquals(new int[] {2, 4}, schedule.milestones());
        assertEquals(new MultiStepLR(1.0, 2, 4), schedule);
        assertEquals(new MultiStepLR(1.0, 2, 4).hashCode(), schedule.hashCode());
        assertEquals("MultiStepLR[baseLr=1.0, milestones=[2, 4], gamma=0.1]", schedule.toString());
    }

    @Test
    void exponentialLrMultipliesByGammaEachStep() {
        ExponentialLR schedule = new ExponentialLR(0.2, 0.9);
        assertEquals(0.2, schedule.rate(0), TOLERANCE);
        assertEquals(0.18, schedule.rate(1), TOLERANCE);
        assertEquals(0.162, schedule.rate(2), TOLERANCE);
        assertEquals(0.2 * Math.pow(0.9, 50), schedule.rate(50), TOLERANCE);
    }

    @Test
    void cosineAnnealingFollowsHalfACosine() {
        CosineAnnealingLR schedule = new CosineAnnealingLR(0.1, 50, 0.001);
        // math.py: [0.001 + (0.1-0.001)*(1+math.cos(math.pi*t/50))/2 for t in (0, 25, 50, 75, 100)]
        //   = 0.1, 0.0505, 0.001, 0.05049999999999999, 0.1
        assertEquals(0.1, schedule.rate(0), TOLERANCE);
        assertEquals(0.0505, schedule.rate(25), TOLERANCE);
        assertEquals(0.001, schedule.rate(50), TOLERANCE);
        assertEquals(0.0505, schedule.rate(75), TOLERANCE);
        assertEquals(0.1, schedule.rate(100), TOLERANCE);
        assertEquals(0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * 37 / 50)) / 2, schedule.rate(37),
                TOLERANCE);
        assertEquals(0.05, new CosineAnnealingLR(0.1, 10).rate(5), TOLERANCE);
    }

    @Test
    void warmRestartsRestartAtTheBoundariesOfGrowingPeriods() {
        CosineAnnealingWarmRestarts schedule = new CosineAnnealingWarmRestarts(0.1, 10, 2, 0.001);
        // Periods [0, 10), [10, 30), [30, 70): T_i = 10, 20, 40.
        assertEquals(0.1, schedule.rate(0), TOLERANCE);
        assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 9 / 10)) / 2, schedule.rate(9), TOLERANCE);
        assertEquals(0.1, schedule.rate(10), TOLERANCE);
        assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 19 / 20)) / 2, schedule.rate(29), TOLERANCE);
        assertEquals(0.1, schedule.rate(30), TOLERANCE);
        assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 39 / 40)) / 2, schedule.rate(69), TOLERANCE);
        assertEquals(0.1, schedule.rate(70), TOLERANCE);
        assertEquals(0.001 + 0.099 * (1 + Math.cos(Math.PI * 20 / 40)) / 2, schedule.rate(50), TOLERANCE);
        // PyTorch's closed form, reimplemented in Python, at steps 9, 29, 69:
        assertEquals(0.0034227024433899004, schedule.rate(9), TOLERANCE);
        assertEquals(0.001609427140540686, schedule.rate(29), TOLERANCE);
        assertEquals(0.0011525919802101658, schedule.rate(69), TOLERANCE);
    }

    @Test
    void warmRestartsWithTMultOneRepeatTheSamePeriod() {
        CosineAnnealingWarmRestarts schedule = new CosineAnnealingWarmRestarts(1.0, 4);
        assertArrayEquals(new double[] {1.0, 0.5 * (1 + Math.cos(Math.PI / 4)), 0.5,
            0.5 * (1 + Math.cos(3 * Math.PI / 4)), 1.0, 0.5 * (1 + Math.cos(Math.PI / 4))},
                schedule.sample(6), TOLERANCE);
        assertEquals(schedule.rate(2), schedule.rate(4 * 1000 + 2), TOLERANCE);
    }

    @Test
    void warmRestartsRestartExactlyWherePyTorchsLogarithmRoundsDown() {
        // T_0 = 1, T_mult = 3: periods 1, 3, 9, 27, 81 end at step 121 = 1+3+9+27+81, a restart.
        CosineAnnealingWarmRestarts schedule = new CosineAnnealingWarmRestarts(1.0, 1, 3, 0.0);
        assertEquals(1.0, schedule.rate(121), TOLERANCE);
        assertEquals((1 + Math.cos(Math.PI * 80 / 81)) / 2, schedule.rate(120), TOLERANCE);
    }

    @Test
    void cyclicTriangularGoesUpAndDownBetweenBaseAndMax() {
        CyclicLR schedule = new CyclicLR(0.001, 0.006, 4, 6, CyclicLR.Mode.TRIANGULAR, 1.0);
        // By hand: up 4 steps (+0.00125 each), down 6 steps (-0.005/6 each), cycle of 10.
        assertEquals(0.001, schedule.rate(0), TOLERANCE);
        assertEquals(0.0035, schedule.rate(2), TOLERANCE);
        assertEquals(0.006, schedule.rate(4), TOLERANCE);
        assertEquals(0.006 - 3 * 0.005 / 6, schedule.rate(7), TOLERANCE);
        assertEquals(0.001, schedule.rate(10), TOLERANCE);
        assertEquals(0.006, schedule.rate(14), TOLERANCE);
        assertEquals(schedule.rate(3), new CyclicLR(0.001, 0.006, 4, 6, CyclicLR.Mode.TRIANGULAR, 0.5)
                .rate(3), TOLERANCE);
        assertArrayEquals(new double[] {1, 2, 3, 2, 1, 2}, new CyclicLR(1, 3, 2).sample(6), TOLERANCE);
    }

    @Test
    void cyclicTriangular2HalvesTheAmplitudeEachCycle() {
        CyclicLR schedule = new CyclicLR(0.001, 0.006, 4, 6, CyclicLR.Mode.TRIANGULAR2, 1.0);
        // PyTorch's get_lr reimplemented in Python: steps 4, 14, 24 peak at 0.006, 0.0035, 0.00225.
        assertEquals(0.006, schedule.rate(4), TOLERANCE);
        assertEquals(0.0035, schedule.rate(14), TOLERANCE);
        assertEquals(0.00225, schedule.rate(24), TOLERANCE);
        assertEquals(0.001, schedule.rate(20), TOLERANCE);
        assertEquals(0.001 + 0.005 * (1 - 3.0 / 6) / 2, schedule.rate(17), TOLERANCE);
    }

    @Test
    void cyclicExpRangeScalesTheAmplitudeByGammaPerStep() {
        CyclicLR schedule = new CyclicLR(0.001, 0.006, 4, 6, CyclicLR.Mode.EXP_RANGE, 0.99);
        assertEquals(0.001, schedule.rate(0), TOLERANCE);
        assertEquals(0.001 + 0.005 * Math.pow(0.99, 4), schedule.rate(4), TOLERANCE);
        assertEquals(0.001 + 0.005 * 0.5 * Math.pow(0.99, 7), schedule.rate(7), TOLERANCE);
        // Python reimplementation of PyTorch's get_lr: 0.005802980049999999, 0.0053437290638448905
        assertEquals(0.005802980049999999, schedule.rate(4), TOLERANCE);
        assertEquals(0.0053437290638448905, schedule.rate(14), TOLERANCE);
    }

    @Test
    void linearLrWarmsUpThenStaysAtTheEndFactor() {
        LinearLR schedule = new LinearLR(0.1);
        // start 1/3, end 1, over 5 steps: factor 1/3 + (2/3)·min(t, 5)/5.
        assertEquals(0.1 / 3, schedule.rate(0), TOLERANCE);
        assertEquals(0.1 * (1.0 / 3 + 2.0 / 3 / 5), schedule.rate(1), TOLERANCE);
        assertEquals(0.1 * (1.0 / 3 + 2.0 / 3 * 4 / 5), schedule.rate(4), TOLERANCE);
        assertEquals(0.1, schedule.rate(5), TOLERANCE);
        assertEquals(0.1, schedule.rate(500), TOLERANCE);
        LinearLR coolDown = new LinearLR(1.0, 1.0, 0.0, 4);
        assertArrayEquals(new double[] {1.0, 0.75, 0.5, 0.25, 0.0, 0.0}, coolDown.sample(6), TOLERANCE);
    }

    @Test
    void oneCycleStartsLowPeaksAndEndsFarBelowTheStart() {
        OneCycleLR schedule = new OneCycleLR(0.1, 100);
        // initialLr = 0.1/25 = 0.004, peak at step 0.3·100 - 1 = 29, minLr = 0.004/1e4 = 4e-7.
        assertEquals(0.004, schedule.rate(0), TOLERANCE);
        assertEquals(0.1, schedule.rate(29), TOLERANCE);
        assertEquals(4e-7, schedule.rate(99), TOLERANCE);
        assertEquals(0.004, schedule.initialLr(), TOLERANCE);
        assertEquals(4e-7, schedule.minLr(), TOLERANCE);
        assertEquals(0.1 + (0.004 - 0.1) / 2 * (Math.cos(Math.PI * 15 / 29) + 1), schedule.rate(15),
                TOLERANCE);
        assertEquals(4e-7 + (0.1 - 4e-7) / 2 * (Math.cos(Math.PI * 21 / 70) + 1), schedule.rate(50),
                TOLERANCE);
        // Python reimplementation of PyTorch's get_lr at steps 15 and 50:
        assertEquals(0.05459866761210004, schedule.rate(15), TOLERANCE);
        assertEquals(0.0793893450575732, schedule.rate(50), TOLERANCE);
    }

    @Test
    void oneCycleThreePhaseLinearComesBackToTheStartBeforeAnnealing() {
        OneCycleLR schedule = new OneCycleLR(0.1, 100, 0.3, OneCycleLR.Anneal.LINEAR, 25, 1e4, true);
        // Phases end at 29, 58, 99: 0.004 → 0.1 → 0.004 → 4e-7, straight lines.
        assertEquals(0.004, schedule.rate(0), TOLERANCE);
        assertEquals(0.1, schedule.rate(29), TOLERANCE);
        assertEquals(0.1 + (0.004 - 0.1) * 15 / 29, schedule.rate(44), TOLERANCE);
        assertEquals(0.004, schedule.rate(58), TOLERANCE);
        assertEquals(0.004 + (4e-7 - 0.004) * 22 / 41, schedule.rate(80), TOLERANCE);
        assertEquals(4e-7, schedule.rate(99), TOLERANCE);
    }

    @Test
    void oneCycleWithAFractionalPeakStepFollowsPyTorch() {
        // pctStart·totalSteps - 1 = 1.5: the peak falls between steps 1 and 2.
        OneCycleLR schedule = new OneCycleLR(1.0, 10, 0.25, OneCycleLR.Anneal.COS, 25, 1e4, false);
        // Python reimplementation of PyTorch's get_lr: 0.04, 0.76, 0.9890738440717014, 4e-06
        assertArrayEquals(new double[] {0.04, 0.76, 0.9890738440717014}, schedule.sample(3), TOLERANCE);
        assertEquals(4e-6, schedule.rate(9), TOLERANCE);
    }

    @Test
    void sampleReturnsTheRatesOfTheFirstNSteps() {
        assertArrayEquals(new double[] {1.0, 0.5, 0.25}, new ExponentialLR(1.0, 0.5).sample(3), TOLERANCE);
        assertEquals(0, new ExponentialLR(1.0, 0.5).sample(0).length);
        assertEquals(100, new OneCycleLR(0.1, 100).sample(100).length);
    }

    @Test
    void toStringsShowEveryParameter() {
        assertEquals("Constant[rate=0.05]", new Constant(0.05).toString());
        assertEquals("StepLR[baseLr=0.1, stepSize=30, gamma=0.1]", new StepLR(0.1, 30).toString());
        assertEquals("ExponentialLR[baseLr=0.1, gamma=0.95]", new ExponentialLR(0.1, 0.95).toString());
        assertEquals("CosineAnnealingLR[baseLr=0.1, tMax=50, etaMin=0.0]",
                new CosineAnnealingLR(0.1, 50).toString());
        assertEquals("CosineAnnealingWarmRestarts[baseLr=0.1, t0=10, tMult=2, etaMin=0.001]",
                new CosineAnnealingWarmRestarts(0.1, 10, 2, 0.001).toString());
        assertEquals("CyclicLR[baseLr=0.001, maxLr=0.006, stepSizeUp=2000, stepSizeDown=2000,"
                + " mode=TRIANGULAR, gamma=1.0]", new CyclicLR(0.001, 0.006, 2000).toString());
        assertEquals("LinearLR[baseLr=0.1, startFactor=0.3333333333333333, endFactor=1.0, totalIters=5]",
                new LinearLR(0.1).toString());
        assertEquals("OneCycleLR[maxLr=0.1, totalSteps=100, pctStart=0.3, anneal=COS, divFactor=25.0,"
                + " finalDivFactor=10000.0, threePhase=false]", new OneCycleLR(0.1, 100).toString());
    }
}
