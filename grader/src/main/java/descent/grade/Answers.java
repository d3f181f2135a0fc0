package descent.grade;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The student's answers, by question id, as the tests see them.
 *
 * <p>{@link Grader#check} records an answer here before it runs that question's tests; in the
 * grading JVM the source notebook's check cells record them the same way. Tests read them with
 * {@link #get}, which turns a missing answer or one of the wrong type into a message a student
 * can act on instead of a {@code NullPointerException} or {@code ClassCastException}.
 */
public final class Answers {
    private static final Map<String, Object> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, String> PROBLEMS = new ConcurrentHashMap<>();

    private Answers() {
    }

    /** Records {@code answer} (not null) as the answer to {@code question}. */
    public static void record(String question, Object answer) {
        if (answer == null) {
            throw new IllegalArgumentException("the answer to " + question + " is null:"
                    + " run its answer cell before the check");
        }
        ANSWERS.put(question, answer);
        PROBLEMS.remove(question);
    }

    /**
     * Records why {@code question} has no answer (its cell did not compile, was missing, ...),
     * so that every test of the question fails with that message.
     */
    public static void recordProblem(String question, String message) {
        ANSWERS.remove(question);
        PROBLEMS.put(question, message);
    }

    /**
     * The answer to {@code question} as a {@code type}.
     *
     * @throws AssertionError naming the question and what is wrong, when there is no answer or it
     *                        is not a {@code type}; JUnit then reports the test as failed with it
     */
    public static <T> T get(String question, Class<T> type) {
        Object answer = ANSWERS.get(question);
        if (answer == null) {
            String problem = PROBLEMS.get(question);
            throw new AssertionError(problem != null ? problem
                    : question + " has no answer yet: run its answer cell, then its check cell");
        }
        if (!type.isInstance(answer)) {
            throw new AssertionError(question + ": expected your answer to be a "
                    + type.getSimpleName() + " but it is a " + describe(answer.getClass()));
        }
        return type.cast(answer);
    }

    /** Forgets every answer and problem (a new submission in the same JVM, or a test). */
    public static void clear() {
        ANSWERS.clear();
        PROBLEMS.clear();
    }

    private static String describe(Class<?> c) {
        if (c.isSynthetic() || c.getSimpleName().contains("$$Lambda")) {
            Class<?>[] interfaces = c.getInterfaces();
            return interfaces.length > 0 ? "lambda implementing " + interfaces[0].getSimpleName() : "lambda";
        }
        return c.getSimpleName();
    }
}
