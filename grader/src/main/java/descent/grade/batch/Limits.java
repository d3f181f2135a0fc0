package descent.grade.batch;

/**
 * What one submission may use.
 *
 * @param testSeconds       wall-clock seconds for one cell or one test
 * @param submissionSeconds wall-clock seconds for the whole submission, restarts included
 * @param heapMegabytes     the grading JVM's heap ({@code -Xmx})
 */
public record Limits(int testSeconds, int submissionSeconds, int heapMegabytes) {
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
