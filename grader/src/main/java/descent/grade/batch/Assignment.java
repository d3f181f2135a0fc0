package descent.grade.batch;

import descent.grade.Grader;
import descent.grade.Points;
import descent.grade.TestRunner;
import descent.grade.notebook.Notebook;
import descent.grade.notebook.NotebookException;
import descent.grade.release.Release;
import descent.grade.release.ReleaseException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What grading one assignment needs: its source notebook (set-up and check cells), the tests
 * (public and hidden, with their points: the plan), the hidden tests' jar and the class path of
 * the grading JVM.
 */
public final class Assignment {
    private final String name;
    private final Notebook source;
    private final byte[] hiddenJar;
    private final String classPath;
    private final Map<String, PlannedTest> plan = new LinkedHashMap<>();

    private Assignment(String name, Notebook source, byte[] hiddenJar, String classPath, List<Class<?>> hidden) {
        this.name = name;
        this.source = source;
        this.hiddenJar = hiddenJar;
        this.classPath = classPath;
        List<Class<?>> classes = new ArrayList<>(Grader.publicTestClasses(name));
        classes.addAll(hidden);
        Set<Class<?>> hiddenSet = new LinkedHashSet<>(hidden);
        for (Class<?> c : classes) {
            for (Method m : TestRunner.testMethods(c)) {
                String id = TestRunner.id(c, m);
                plan.put(id, new PlannedTest(id, TestRunner.question(c), TestRunner.displayName(m),
                        m.getAnnotation(Points.class).value(), hiddenSet.contains(c)));
            }
        }
        List<PlannedTest> sorted = new ArrayList<>(plan.values());
        sorted.sort((a, b) -> a.question().compareTo(b.question()) != 0 ? a.question().compareTo(b.question())
                : Boolean.compare(a.hidden(), b.hidden()));
        plan.clear();
        sorted.forEach(t -> plan.put(t.id(), t));
    }

    /**
     * Loads an assignment.
     *
     * @param sourceNotebook the instructor's notebook (with solutions)
     * @param hiddenJar      the hidden tests' jar (build/grader/descent-grader-hidden.jar)
     * @param classPath      the grading JVM's class path
     */
    public static Assignment load(Path sourceNotebook, Path hiddenJar, String classPath)
            throws IOException, NotebookException, ReleaseException {
        Notebook source = Notebook.read(sourceNotebook);
        String name = Release.assignmentName(source);
        byte[] jar = Files.readAllBytes(hiddenJar);
        List<Class<?>> hidden = HiddenTests.load(jar, name, Assignment.class.getClassLoader());
        return new Assignment(name, source, jar, classPath, hidden);
    }

    /** The assignment's name ("svm"). */
    public String name() {
        return name;
    }

    /** The instructor's notebook. */
    public Notebook source() {
        return source;
    }

    /** Every test, public then hidden within each question, questions in order. */
    public List<PlannedTest> plan() {
        return List.copyOf(plan.values());
    }

    /** The planned test with this id, or null. */
    public PlannedTest planned(String id) {
        return plan.get(id);
    }

    /** The question ids, in order. */
    public List<String> questions() {
        Set<String> q = new LinkedHashSet<>();
        plan.values().forEach(t -> q.add(t.question()));
        return List.copyOf(q);
    }

    /** Points possible. */
    public double maxScore() {
        return plan.values().stream().mapToDouble(PlannedTest::points).sum();
    }

    byte[] hiddenJar() {
        return hiddenJar;
    }

    String classPath() {
        return classPath;
    }
}
