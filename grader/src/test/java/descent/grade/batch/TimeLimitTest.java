package descent.grade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The time limit of a test or cell counts processor time, so a grading machine busy with other work
 * does not cost a student points; a test that only waits is stopped on the clock. (The endless-loop
 * case runs for real in {@link UpdatesGradingTest}.)
 */
class TimeLimitTest {
    private static final Limits LIMITS = new Limits(20, 300, 768);

    private static long s(double seconds) {
        return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aTestSlowedDownByABusyMachineIsNotStoppedWhileItsProcessorTimeIsUnderTheLimit() {
        // 50 s on the clock, but only 6 s of processor time: the machine was busy, not the test.
        assertNull(SubmissionGrader.overLimit(LIMITS, true, s(50), s(6)));
    }

    @Test
    void aTestOverItsProcessorTimeIsStoppedAsAnEndlessLoop() {
        assertEquals("stopped: over the time limit of one test (20 s of processor time): an endless loop, or"
                + " far more work than needed?", SubmissionGrader.overLimit(LIMITS, true, s(21), s(20.1)));
    }

    @Test
    void aTestThatComputesOnABusyMachineIsStoppedAtFiveTimesItsLimitOnTheClock() {
        // A spinning loop given a tenth of a processor by a loaded machine: still an endless loop.
        assertNull(SubmissionGrader.overLimit(LIMITS, true, s(99.9), s(9.9)));
        assertEquals("stopped: over the time limit of one test (20 s of processor time): an endless loop, or"
                + " far more work than needed?", SubmissionGrader.overLimit(LIMITS, true, s(100.1), s(10)));
    }

    @Test
    void aTestThatOnlyWaitsIsStoppedAfterFiveTimesItsLimitOnTheClock() {
        assertNull(SubmissionGrader.overLimit(LIMITS, true, s(99.9), s(0.2)));
        assertEquals("stopped after waiting 100 s while using almost no processor time (the limit of one test"
                + " is 20 s of processor time): a sleep, or waiting for input that never comes?",
                SubmissionGrader.overLimit(LIMITS, true, s(100.1), s(0.2)));
    }

    @Test
    void aCellHasThreeTimesATestsLimitAndAtLeastThirtySeconds() {
        assertNull(SubmissionGrader.overLimit(LIMITS, false, s(61), s(59)));
        assertEquals("stopped: over the time limit of one cell (60 s of processor time): an endless loop, or"
                + " far more work than needed?", SubmissionGrader.overLimit(LIMITS, false, s(61), s(60.5)));
        assertEquals(30, new Limits(5, 300, 768).cellSeconds());
    }
}
