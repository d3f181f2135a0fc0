package descent.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.schedule.ReduceLROnPlateau.Mode;
import descent.schedule.ReduceLROnPlateau.ThresholdMode;
import org.junit.jupiter.api.Test;

/**
 * Plateau scenarios worked out by hand from PyTorch's {@code ReduceLROnPlateau.step}: each test
 * feeds a sequence of metrics and checks the rate after each one.
 */
class ReduceLROnPlateauTest {
    private static final double TOLERANCE = 1e-15;

    private static double[] observeAll(ReduceLROnPlateau plateau, double... metrics) {
        double[] rates = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            plateau.observe(metrics[i]);
            rates[i] = plateau.rate();
        }
        return rates;
    }

    @Test
    void theRateIsCutOnThePatiencePlusFirstBadObservationInARow() {
        // patience 2, threshold 0 abs: 10 and 9 improve; the third 9 in a row after that is bad #3.
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MIN, 0.5, 2, 0.0, ThresholdMode.ABS, 0, 0, 0);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25},
                observeAll(plateau, 10, 9, 9, 9, 9, 9, 9, 9), TOLERANCE);
        assertEquals(9.0, plateau.best());
        assertEquals(0, plateau.badEpochs());
        assertEquals(8, plateau.observations());
    }

    @Test
    void anImprovementResetsTheCountOfBadObservations() {
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MIN, 0.5, 2, 0.0, ThresholdMode.ABS, 0, 0, 0);
        // 11, 12 are bad #1, #2; 8 improves; 9, 9 are bad #1, #2; 8 (not < 8) is bad #3: cut.
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 0.5, 0.5},
                observeAll(plateau, 10, 11, 12, 8, 9, 9, 8, 8), TOLERANCE);
        assertEquals(1, plateau.badEpochs());
    }

    @Test
    void cooldownIgnoresBadObservationsAfterACut() {
        // patience 0, cooldown 2: cut at the 2nd observation, then 2 observations ignored.
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MIN, 0.5, 0, 0.0, ThresholdMode.ABS, 2, 0, 0);
        assertArrayEquals(new double[] {1.0, 0.5}, observeAll(plateau, 5, 5), TOLERANCE);
        assertEquals(2, plateau.cooldownLeft());
        assertArrayEquals(new double[] {0.5}, observeAll(plateau, 5), TOLERANCE);
        assertEquals(1, plateau.cooldownLeft());
        assertArrayEquals(new double[] {0.5}, observeAll(plateau, 5), TOLERANCE);
        assertEquals(0, plateau.cooldownLeft());
        assertArrayEquals(new double[] {0.25}, observeAll(plateau, 5), TOLERANCE);
    }

    @Test
    void theRateNeverGoesBelowMinLr() {
        // factor 0.1, minLr 0.05: 1 → 0.1 → max(0.01, 0.05) = 0.05 → stays (the cut would be 0).
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MIN, 0.1, 0, 0.0, ThresholdMode.ABS, 0, 0.05, 1e-8);
        assertArrayEquals(new double[] {1.0, 0.1, 0.05, 0.05, 0.05}, observeAll(plateau, 3, 3, 3, 3, 3), TOLERANCE);
    }

    @Test
    void aCutSmallerThanEpsIsSkipped() {
        // 1e-7 · 0.5 = 5e-8: a change of 5e-8, not more than eps = 1e-7, so no cut.
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1e-7, Mode.MIN, 0.5, 0, 0.0, ThresholdMode.ABS, 0, 0, 1e-7);
        assertArrayEquals(new double[] {1e-7, 1e-7, 1e-7}, observeAll(plateau, 1, 1, 1), TOLERANCE);
        // With the default eps = 1e-8 the same cut happens.
        ReduceLROnPlateau defaults = new ReduceLROnPlateau(1e-7, Mode.MIN, 0.5, 0);
        assertArrayEquals(new double[] {1e-7, 5e-8}, observeAll(defaults, 1, 1), TOLERANCE);
    }

    @Test
    void aRelativeThresholdNeedsAnImprovementByAFractionOfTheBest() {
        // threshold 0.1 rel: from best 100 an improvement must be < 90. 92 is bad (cut), 89 is good,
        // then from 89 one must be < 80.1: 81 is bad (cut).
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MIN, 0.5, 0, 0.1, ThresholdMode.REL, 0, 0, 0);
        assertArrayEquals(new double[] {1, 0.5, 0.5, 0.25}, observeAll(plateau, 100, 92, 89, 81), TOLERANCE);
        assertEquals(89.0, plateau.best());
    }

    @Test
    void anAbsoluteThresholdNeedsAnImprovementByAFixedAmount() {
        // threshold 5 abs: from best 100 an improvement must be < 95. 92 is good, then < 87: 88 is bad.
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MIN, 0.5, 0, 5.0, ThresholdMode.ABS, 0, 0, 0);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5}, observeAll(plateau, 100, 92, 88, 86), TOLERANCE);
        assertEquals(86.0, plateau.best());
    }

    @Test
    void maxModeTreatsHigherAsBetter() {
        // Accuracy, patience 1, threshold 0.1 rel: from best 0.5 an improvement must be > 0.55;
        // 0.56 is one, then from 0.56 one must be > 0.616: 0.6 and 0.4 are bad #1, #2 (cut), 0.61 bad.
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(0.1, Mode.MAX, 0.1, 1, 0.1, ThresholdMode.REL, 0, 0, 0);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1},
                observeAll(plateau, 0.5, 0.56, 0.6, 0.4, 0.61), TOLERANCE);
        assertEquals(0.56, plateau.best());
        // Absolute threshold 0.01 in max mode: 0.565 > 0.56 + 0.01? no, bad; 0.58 yes.
        ReduceLROnPlateau abs = new ReduceLROnPlateau(0.1, Mode.MAX, 0.1, 0, 0.01, ThresholdMode.ABS, 0, 0, 0);
        assertArrayEquals(new double[] {0.1, 0.1 * 0.1, 0.1 * 0.1}, observeAll(abs, 0.56, 0.565, 0.58), TOLERANCE);
        assertEquals(0.58, abs.best());
    }

    @Test
    void theDefaultsAreThoseOfPyTorch() {
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(0.1);
        assertEquals("ReduceLROnPlateau[initialLr=0.1, mode=MIN, factor=0.1, patience=10, threshold=1.0E-4,"
                + " thresholdMode=REL, cooldown=0, minLr=0.0, eps=1.0E-8]", plateau.toString());
        assertEquals(Double.POSITIVE_INFINITY, plateau.best());
        // Ten bad observations after the first are tolerated, the eleventh cuts.
        double[] metrics = new double[12];
        java.util.Arrays.fill(metrics, 1.0);
        double[] rates = observeAll(plateau, metrics);
        assertEquals(0.1, rates[10], TOLERANCE);
        assertEquals(0.1 * 0.1, rates[11], TOLERANCE);
    }

    @Test
    void resetRestoresTheInitialStateAndCopyHasFreshState() {
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0, Mode.MAX, 0.5, 0, 0.0, ThresholdMode.ABS, 3, 0, 0);
        observeAll(plateau, 1, 1);
        assertEquals(0.5, plateau.rate(), TOLERANCE);
        ReduceLROnPlateau copy = plateau.copy();
        assertEquals(plateau.toString(), copy.toString());
        assertEquals(1.0, copy.rate(), TOLERANCE);
        assertEquals(Double.NEGATIVE_INFINITY, copy.best());
        assertEquals(0, copy.observations());
        plateau.reset();
        assertEquals(1.0, plateau.rate(), TOLERANCE);
        assertEquals(Double.NEGATIVE_INFINITY, plateau.best());
        assertEquals(0, plateau.cooldownLeft());
        assertEquals(0, plateau.observations());
        assertArrayEquals(new double[] {1.0, 0.5}, observeAll(plateau, 1, 1), TOLERANCE);
    }

    @Test
    void asAScheduleItsRateAtEveryStepIsTheRateAfterItsLastObservation() {
        LearningRateSchedule schedule = new ReduceLROnPlateau(1.0, Mode.MIN, 0.5, 0, 0.0, ThresholdMode.ABS, 0, 0, 0);
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, schedule.sample(3), TOLERANCE);
        schedule.observe(3);
        schedule.observe(3);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, schedule.sample(3), TOLERANCE);
        assertEquals(1.0, schedule.copy().rate(0), TOLERANCE);
        assertEquals(0.5, schedule.rate(0), TOLERANCE);
    }

    @Test
    void aNonFiniteMetricIsRefusedAndChangesNothing() {
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1.0);
        plateau.observe(2.0);
        assertEquals("metric must be finite but was: NaN",
                assertThrows(IllegalArgumentException.class, () -> plateau.observe(Double.NaN)).getMessage());
        assertEquals("metric must be finite but was: Infinity", assertThrows(IllegalArgumentException.class,
                () -> plateau.observe(Double.POSITIVE_INFINITY)).getMessage());
        assertEquals(1, plateau.observations());
        assertEquals(2.0, plateau.best());
    }
}
