package descent.grade.batch;

import descent.grade.TestOutcome;
import java.util.List;

/**
 * The grade of one submission.
 *
 * @param student  the student (the submission's folder name)
 * @param file     the notebook graded, relative to the submissions folder, or "" when none
 * @param outcomes one per planned test, in plan order; tests that could not run are ERROR
 * @param notes    what the student should know beyond the tests (compile errors, the file chosen)
 * @param seconds  wall-clock time spent grading it
 */
public record SubmissionResult(String student, String file, List<TestOutcome> outcomes, List<String> notes,
                               double seconds) {

    /** Copies the lists. */
    public SubmissionResult {
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
    }

    /** Points earned. */
    public double score() {
        return outcomes.stream().mapToDouble(TestOutcome::score).sum();
    }

    /** Points possible. */
    public double maxScore() {
        return outcomes.stream().mapToDouble(TestOutcome::points).sum();
    }

    /** Points earned on one question. */
    public double score(String question) {
        return outcomes.stream().filter(o -> o.question().equals(question)).mapToDouble(TestOutcome::score).sum();
    }
}
