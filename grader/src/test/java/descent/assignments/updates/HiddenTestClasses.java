package descent.assignments.updates;

import descent.grade.Answers;
import descent.grade.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads an assignment's hidden test classes for the grader's own tests.
 *
 * <p>The pom compiles {@code src/hidden/java} into {@code hidden-classes}, next to the main
 * {@code classes} folder in the same build directory, and keeps it off the test class path (as it
 * is off the kernel's). This finds that folder from where {@link Answers} was loaded
 * ({@code <build>/grader/classes}, so it follows {@code -Ddescent.buildDir}), and loads the
 * classes with a {@link URLClassLoader} over it whose parent is the test class loader: the hidden
 * classes then see the very same {@code Answers}, answer types and JUnit as the public ones, as
 * in the grading JVM.
 */
final class HiddenTestClasses {
    private HiddenTestClasses() {
    }

    /** The folder the hidden tests were compiled to. */
    static Path folder() {
        try {
            Path classes = Path.of(Answers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolveSibling("hidden-classes");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hidden test classes (annotated {@link Question}) of {@code assignment}, sorted by name. */
    static List<Class<?>> of(String assignment) {
        Path root = folder();
        Path dir = root.resolve("descent/assignments/" + assignment);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no hidden tests compiled at " + dir
                    + ": build with mvn (process-classes compiles src/hidden/java)");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                    HiddenTestClasses.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName("descent.assignments." + assignment + "."
                            + name.substring(0, name.length() - ".class".length()), false, loader);
                    if (c.isAnnotationPresent(Question.class)) {
                        found.add(c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }
}
