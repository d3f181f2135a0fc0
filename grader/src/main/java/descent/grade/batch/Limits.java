package descent.grade.batch;

/**
 * What one submission may use.
 *
 * @param testSeconds       seconds of processor time for one test (a cell gets {@link #cellSeconds()}),
 *                          counted for the grading JVM and what it starts, so that a busy grading
 *                          machine does not cost points; on the clock a test may take
 *                          {@link #WALL_FACTOR} times as long (a test that sleeps or waits)
 * @param submissionSeconds wall-clock seconds for the whole submission, restarts included
 * @param heapMegabytes     the grading JVM's heap ({@code -Xmx})
 */
public record Limits(int testSeconds, int submissionSeconds, int heapMegabytes) {
    /** How many times its processor-time limit a test or cell may take on the clock. */
    public static final int WALL_FACTOR = 5;

    /**
     * Seconds of processor time for one cell: three times a test's, at least 30 (the first cell of a JVM
     * also starts JShell's compiler).
     */
    public int cellSeconds() {
        return Math.max(30, 3 * testSeconds);
    }

    /** 20 s a test, 300 s a submission, 768 MB of heap. */
    public static Limits defaults() {
        return new Limits(20, 300, 768);
    }

    /** Checks the limits are positive. */
    public Limits {
        if (testSeconds <= 0 || submissionSeconds <= 0 || heapMegabytes < 64) {
            throw new IllegalArgumentException("limits must be positive (heap at least 64 MB) but were: "
                    + testSeconds + " s a test, " + submissionSeconds + " s a submission, "
                    + heapMegabytes + " MB");
        }
    }
}
