package descent.grade.batch;

/**
 * A test the grader will run for every submission: known before any student code runs, so a
 * submission that crashes still gets a line (and 0 points) for each test.
 *
 * @param id       {@code TestClass.method}
 * @param question the question id
 * @param name     the readable name
 * @param points   the points it is worth
 * @param hidden   true for a hidden test
 */
public record PlannedTest(String id, String question, String name, double points, boolean hidden) {
}
