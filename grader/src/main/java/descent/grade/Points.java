package descent.grade;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The points a test is worth: all of them when it passes, none when it fails.
 *
 * <p>Every test method of a {@link Question} class carries one; a test without it is worth 0 and
 * the grader's own tests reject such a class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** Points for passing, &gt; 0. */
    double value();
}
