package descent.grade;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the JUnit 5 tests of questions through the JUnit Platform Launcher and turns each result
 * into a {@link TestOutcome} with a message a student can read.
 *
 * <p>Used in two places: {@link Grader#check} in the student's kernel (public tests of one
 * question) and the grading JVM (public and hidden tests of every question). The Launcher and
 * the Jupiter engine are found through the class loader that loaded this class, so it works when
 * a kernel put the grader on JShell's class path rather than the JVM's.
 */
public final class TestRunner {

    /** Told as each test starts and ends (the grading JVM streams these to its parent). */
    public interface Listener {
        /** A test is about to run. */
        default void started(String id, String question, double points) {
        }

        /** A test ended. */
        default void finished(TestOutcome outcome) {
        }
    }

    private final Function<Throwable, String> describe;

    /** A runner that explains failures with {@link Failures#describe(Throwable)}. */
    public TestRunner() {
        this(Failures::describe);
    }

    /** A runner that explains failures with {@code describe}. */
    public TestRunner(Function<Throwable, String> describe) {
        this.describe = describe;
    }

    /**
     * Runs every test method of {@code classes} (each annotated {@link Question}) except those
     * whose id is in {@code skip}.
     *
     * @param classes  test classes
     * @param hidden   the classes among them that are hidden tests
     * @param skip     ids ({@code Class.method}) not to run again
     * @param listener told as each test starts and ends
     * @return one outcome per test run, in the order they ran
     */
    public List<TestOutcome> run(Collection<Class<?>> classes, Set<Class<?>> hidden, Set<String> skip,
                                 Listener listener) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> c : classes) {
            selectors.add(DiscoverySelectors.selectClass(c));
        }
        PostDiscoveryFilter notSkipped = descriptor -> {
            Optional<Ref> m = ref(descriptor.getSource().orElse(null));
            return m.isPresent() && skip.contains(m.get().id())
                    ? FilterResult.excluded("already run") : FilterResult.included("to run");
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(notSkipped)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        List<TestOutcome> outcomes = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TestRunner.class.getClassLoader());
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionStarted(TestIdentifier test) {
                    Optional<Ref> m = ref(test.getSource().orElse(null));
                    if (test.isTest() && m.isPresent()) {
                        listener.started(m.get().id(), m.get().question(), points(m.get().method()));
                    }
                }

                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    Optional<Ref> m = ref(test.getSource().orElse(null));
                    if (!test.isTest() || m.isEmpty()) {
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
                                && test.isContainer()) {
                            containerFailed(test, result);
                        }
                        return;
                    }
                    TestOutcome o = outcome(m.get(), test.getDisplayName(),
                            hidden.contains(m.get().testClass()), result);
                    outcomes.add(o);
                    listener.finished(o);
                }

                // A class whose set-up failed (its constructor read a missing answer): every test
                // in it fails with that message.
                private void containerFailed(TestIdentifier container, TestExecutionResult result) {
                    Optional<TestSource> source = container.getSource();
                    if (source.isEmpty() || !(source.get()
                            instanceof org.junit.platform.engine.support.descriptor.ClassSource cs)) {
                        return;
                    }
                    Class<?> c = cs.getJavaClass();
                    for (Method m : testMethods(c)) {
                        Ref r = new Ref(c, m);
                        if (skip.contains(r.id())) {
                            continue;
                        }
                        TestOutcome o = outcome(r, displayName(m), hidden.contains(c), result);
                        outcomes.add(o);
                        listener.finished(o);
                    }
                }
            });
        } finally {
            thread.setContextClassLoader(previous);
        }
        return outcomes;
    }

    private TestOutcome outcome(Ref r, String displayName, boolean hidden, TestExecutionResult result) {
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        String message = passed ? "" : result.getThrowable().map(describe).orElse("failed");
        return new TestOutcome(r.question(), displayName, r.id(), points(r.method()), hidden,
                passed ? TestOutcome.Status.PASSED : TestOutcome.Status.FAILED, message);
    }

    /** A test method as run in a test class (which may inherit it from a shared base class). */
    private record Ref(Class<?> testClass, Method method) {
        String id() {
            return TestRunner.id(testClass, method);
        }

        String question() {
            return TestRunner.question(testClass);
        }
    }

    /**
     * The test methods of {@code c} (those annotated with {@link Points}), its own first in
     * declaration order, then those it inherits.
     */
    public static List<Method> testMethods(Class<?> c) {
        List<Method> methods = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Points.class) && seen.add(m.getName())) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    /** The readable name of a test method: its {@code @DisplayName}, else the method's name. */
    public static String displayName(Method m) {
        org.junit.jupiter.api.DisplayName d = m.getAnnotation(org.junit.jupiter.api.DisplayName.class);
        return d != null ? d.value() : m.getName() + "()";
    }

    /** {@code SimpleClassName.method}: a test's id in outcomes, feedback and the protocol. */
    public static String id(Class<?> testClass, Method m) {
        return testClass.getSimpleName() + "." + m.getName();
    }

    /** The points of a test method (0 without {@link Points}). */
    public static double points(Method m) {
        Points p = m.getAnnotation(Points.class);
        return p == null ? 0 : p.value();
    }

    /** The question of a test class ("?" without {@link Question}). */
    public static String question(Class<?> testClass) {
        Question q = testClass.getAnnotation(Question.class);
        return q == null ? "?" : q.value();
    }

    private static Optional<Ref> ref(TestSource source) {
        if (source instanceof MethodSource ms) {
            try {
                return Optional.of(new Ref(ms.getJavaClass(), ms.getJavaMethod()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
