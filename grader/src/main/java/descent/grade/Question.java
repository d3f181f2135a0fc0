package descent.grade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JUnit 5 test class as the tests of one question of an assignment.
 *
 * <p>A class in package {@code descent.assignments.<assignment>} annotated {@code @Question("q1")}
 * holds tests of question q1. Public test classes live in the grader's main source tree (they ship
 * to students and run in {@code grader.check("q1", ...)}); hidden ones live in
 * {@code src/hidden/java} and run only when a submission is graded.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Question {
    /** The question's id as the notebook names it, for example {@code "q1"}. */
    String value();
}
