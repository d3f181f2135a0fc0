package descent.grade;

/**
 * What one test of one question did.
 *
 * @param question    the question id ({@link Question})
 * @param name        a readable name: the test's {@code @DisplayName}, else its method name
 * @param id          a stable id, {@code <TestClass>.<method>}, for matching runs and reruns
 * @param points      what the test is worth ({@link Points})
 * @param hidden      true for a hidden test (runs only when graded)
 * @param status      passed, failed, or not run (and why)
 * @param message     for a failure, what the student should read; empty when passed
 */
public record TestOutcome(String question, String name, String id, double points, boolean hidden,
                          Status status, String message) {

    /** How a test ended. */
    public enum Status {
        /** Ran and passed: full points. */
        PASSED,
        /** Ran and failed an assertion, or the student's code threw: no points. */
        FAILED,
        /** Did not finish: time limit, the JVM ended, out of memory. No points. */
        ERROR
    }

    /** The points earned: {@link #points} when passed, else 0. */
    public double score() {
        return status == Status.PASSED ? points : 0;
    }

    /** True when passed. */
    public boolean passed() {
        return status == Status.PASSED;
    }
}
