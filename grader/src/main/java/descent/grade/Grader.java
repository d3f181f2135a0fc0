package descent.grade;

import descent.plot.Display;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The self-check of an assignment notebook: {@code grader.check("q1", svmLossNaive)} runs q1's
 * public tests on what the student just wrote, in the live kernel, and shows a pass/fail table.
 *
 * <p>In a notebook:
 * <pre>{@code
 * var grader = Grader.assignment("svm");          // set-up cell
 * ...
 * grader.check("q1", svmLossNaive);                // check cell, after q1's answer cell
 * }</pre>
 * The tests are the JUnit 5 classes of package {@code descent.assignments.<assignment>} annotated
 * {@code @Question("q1")}. A failing test never throws out of {@code check}: the cell shows which
 * tests failed and why, and the notebook runs on.
 *
 * <p>When the grading JVM evaluates the same check cells it sets the system property
 * {@value #RECORD_PROPERTY}; {@code check} then only records the answer for the grader's own
 * run of the public and hidden tests.
 */
public final class Grader {
    /** System property: when "true", {@link #check} records the answer and runs nothing. */
    public static final String RECORD_PROPERTY = "descent.grade.record";

    private final String assignment;
    private final List<Class<?>> testClasses;

    private Grader(String assignment, List<Class<?>> testClasses) {
        this.assignment = assignment;
        this.testClasses = testClasses;
    }

    /**
     * The grader of an assignment, for example {@code "svm"}.
     *
     * @throws IllegalArgumentException when no public tests exist for that name
     */
    public static Grader assignment(String name) {
        List<Class<?>> classes = publicTestClasses(name);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no assignment named '" + name + "': no test classes"
                    + " annotated @Question in package " + packageOf(name));
        }
        return new Grader(name, classes);
    }

    /** The Java package of an assignment's answer types and tests. */
    public static String packageOf(String assignment) {
        return "descent.assignments." + assignment;
    }

    /** The public test classes (annotated {@link Question}) of an assignment, sorted by name. */
    public static List<Class<?>> publicTestClasses(String assignment) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Grader.class.getClassLoader());
        try {
            List<Class<?>> found = new ArrayList<>(ReflectionSupport.findAllClassesInPackage(
                    packageOf(assignment), c -> c.isAnnotationPresent(Question.class), n -> true));
            found.sort(Comparator.comparing(Class::getName));
            return found;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The assignment's name. */
    public String name() {
        return assignment;
    }

    /** The ids of the questions that have public tests, sorted. */
    public Set<String> questions() {
        Set<String> ids = new TreeSet<>();
        for (Class<?> c : testClasses) {
            ids.add(c.getAnnotation(Question.class).value());
        }
        return ids;
    }

    /**
     * Records {@code answer} as the answer to {@code question}, runs that question's public tests
     * and shows the table (HTML in a notebook, text elsewhere). Never throws for a failing test.
     *
     * @param question a question id of this assignment, for example "q1"
     * @param answer   what the question asks for: a lambda, an object or a class (see its cell)
     * @throws IllegalArgumentException for a question id this assignment does not have
     */
    public void check(String question, Object answer) {
        List<Class<?>> classes = classesOf(question);
        if (answer == null) {
            Answers.recordProblem(question, "the answer to " + question
                    + " is null: run its answer cell before the check");
        } else {
            Answers.record(question, answer);
        }
        if (Boolean.getBoolean(RECORD_PROPERTY)) {
            return;
        }
        CheckReport report = new CheckReport(question,
                new TestRunner().run(classes, Set.of(), Set.of(), new TestRunner.Listener() { }));
        if (Display.inNotebook()) {
            Display.html(report.toHtml());   // the summary line, then a row per test
        } else {
            System.out.println(report);
        }
    }

    private List<Class<?>> classesOf(String question) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : testClasses) {
            if (c.getAnnotation(Question.class).value().equals(question)) {
                classes.add(c);
            }
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("assignment '" + assignment + "' has no question '"
                    + question + "'; its questions are " + questions());
        }
        return classes;
    }

    @Override
    public String toString() {
        return "Grader[" + assignment + ", questions " + questions() + "]";
    }
}
