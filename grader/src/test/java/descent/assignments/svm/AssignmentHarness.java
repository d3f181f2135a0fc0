package descent.assignments.svm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import descent.grade.Answers;
import descent.grade.Grader;
import descent.grade.Question;
import descent.grade.TestOutcome;
import descent.grade.TestRunner;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * What the verification tests of the "svm" and "softmax" assignments need: their public and hidden
 * test classes, a run of them, the points per question, and the source notebook (its "(N points)"
 * headings, and its set-up, answer and check cells run in JShell the way the grader runs them).
 *
 * <p><b>Hidden tests.</b> They are not on the test class path: Maven compiles them into
 * {@code hidden-classes} beside the main {@code classes} folder (in the {@code process-classes}
 * phase, before the tests run). {@link #hiddenClasses} finds that folder from where
 * {@link Answers} was loaded and loads the hidden classes with a child class loader of this one,
 * so they share {@link Answers} (and every main class) with the tests and the student's code.
 */
public final class AssignmentHarness {
    private static final Pattern HEADING = Pattern.compile(
            "(?m)^#+\\s*(q\\d+)\\b[^\\n]*\\((\\d+(?:\\.\\d+)?) points?\\)\\s*$");
    private static ClassLoader hiddenLoader;

    private AssignmentHarness() {
    }

    /** The public test classes of the assignment (annotated {@link Question}). */
    public static List<Class<?>> publicClasses(String assignment) {
        return Grader.publicTestClasses(assignment);
    }

    /** The folder Maven compiles {@code src/hidden/java} into. */
    public static Path hiddenClassesDir() {
        try {
            Path main = Path.of(Answers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return main.resolveSibling("hidden-classes");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hidden test classes of the assignment (annotated {@link Question}), sorted by name. */
    public static List<Class<?>> hiddenClasses(String assignment) {
        Path dir = hiddenClassesDir().resolve(Grader.packageOf(assignment).replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no hidden classes at " + dir + ": run the build's"
                    + " process-classes phase (mvn test does)");
        }
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> c = Class.forName(Grader.packageOf(assignment) + "."
                        + name.substring(0, name.length() - ".class".length()), true, hiddenLoader());
                if (c.isAnnotationPresent(Question.class)) {
                    found.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static synchronized ClassLoader hiddenLoader() {
        if (hiddenLoader == null) {
            try {
                hiddenLoader = new URLClassLoader(new URL[] {hiddenClassesDir().toUri().toURL()},
                        AssignmentHarness.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return hiddenLoader;
    }

    /** Runs the public and hidden tests of every question; one outcome per test. */
    public static List<TestOutcome> runAll(String assignment) {
        List<Class<?>> classes = new ArrayList<>(publicClasses(assignment));
        List<Class<?>> hidden = hiddenClasses(assignment);
        classes.addAll(hidden);
        return new TestRunner().run(classes, new HashSet<>(hidden), Set.of(), new TestRunner.Listener() { });
    }

    /** Runs the public and hidden tests of one question. */
    public static List<TestOutcome> run(String assignment, String question) {
        return run(assignment, question, Set.of());
    }

    /** Runs the public and hidden tests of one question but those in {@code skip} ({@code Class.method}). */
    public static List<TestOutcome> run(String assignment, String question, Set<String> skip) {
        List<Class<?>> classes = new ArrayList<>();
        Set<Class<?>> hidden = new HashSet<>();
        for (Class<?> c : publicClasses(assignment)) {
            if (c.getAnnotation(Question.class).value().equals(question)) {
                classes.add(c);
            }
        }
        for (Class<?> c : hiddenClasses(assignment)) {
            if (c.getAnnotation(Question.class).value().equals(question)) {
                classes.add(c);
                hidden.add(c);
            }
        }
        return new TestRunner().run(classes, hidden, skip, new TestRunner.Listener() { });
    }

    /** The outcomes by id ({@code Class.method}). */
    public static Map<String, TestOutcome> byId(List<TestOutcome> outcomes) {
        Map<String, TestOutcome> m = new LinkedHashMap<>();
        for (TestOutcome o : outcomes) {
            m.put(o.id(), o);
        }
        return m;
    }

    /** The points of each question: the sum of {@code @Points} over its public and hidden tests. */
    public static Map<String, Double> pointsByQuestion(String assignment) {
        Map<String, Double> points = new TreeMap<>();
        List<Class<?>> classes = new ArrayList<>(publicClasses(assignment));
        classes.addAll(hiddenClasses(assignment));
        for (Class<?> c : classes) {
            String q = c.getAnnotation(Question.class).value();
            for (Method m : TestRunner.testMethods(c)) {
                points.merge(q, TestRunner.points(m), Double::sum);
            }
        }
        return points;
    }

    /** The source notebook {@code notebooks/assignments/source/<file>}, found from the module folder. */
    public static JsonNode sourceNotebook(String file) {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        for (Path p = base; p != null; p = p.getParent()) {
            Path nb = p.resolve("notebooks/assignments/source").resolve(file);
            if (Files.isRegularFile(nb)) {
                try {
                    return new ObjectMapper().readTree(nb.toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no notebooks/assignments/source/" + file + " above " + base);
    }

    /** A cell's source as one string. */
    public static String source(JsonNode cell) {
        JsonNode s = cell.get("source");
        if (s.isTextual()) {
            return s.asText();
        }
        StringBuilder b = new StringBuilder();
        s.forEach(line -> b.append(line.asText()));
        return b.toString();
    }

    /** The cell's {@code descent} role ("setup", "answer", "check") or null. */
    public static String role(JsonNode cell) {
        JsonNode d = cell.path("metadata").path("descent");
        return d.isMissingNode() ? null : d.path("role").asText(null);
    }

    /** The cell's {@code descent} question or null. */
    public static String question(JsonNode cell) {
        JsonNode d = cell.path("metadata").path("descent");
        return d.isMissingNode() ? null : d.path("question").asText(null);
    }

    /** The points each markdown heading "## q1 · ... (12 points)" states, by question. */
    public static Map<String, Double> notebookPoints(JsonNode notebook) {
        Map<String, Double> points = new TreeMap<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (!"markdown".equals(cell.get("cell_type").asText())) {
                continue;
            }
            Matcher m = HEADING.matcher(source(cell));
            while (m.find()) {
                Double previous = points.put(m.group(1), Double.parseDouble(m.group(2)));
                if (previous != null) {
                    throw new IllegalStateException("two headings state points for " + m.group(1));
                }
            }
        }
        return points;
    }

    /**
     * Runs the notebook's set-up, answer and check cells, in order, in a JShell that executes in
     * this JVM (so its answers land in this JVM's {@link Answers}), with {@link Grader#RECORD_PROPERTY}
     * set: the check cells only record the answers. Fails naming the cell when a snippet does not
     * compile or throws.
     */
    public static void recordNotebookAnswers(JsonNode notebook) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String previous = System.getProperty(Grader.RECORD_PROPERTY);
        System.setProperty(Grader.RECORD_PROPERTY, "true");
        try (JShell shell = JShell.builder().executionEngine("local")
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(out, true, StandardCharsets.UTF_8)).build()) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            int index = 0;
            for (JsonNode cell : notebook.get("cells")) {
                String role = role(cell);
                if (role != null) {
                    evalCell(shell, "cell " + index + " (" + role
                            + (question(cell) == null ? "" : " " + question(cell)) + ")", source(cell));
                }
                index++;
            }
        } finally {
            if (previous == null) {
                System.clearProperty(Grader.RECORD_PROPERTY);
            } else {
                System.setProperty(Grader.RECORD_PROPERTY, previous);
            }
        }
    }

    /**
     * The notebook as AUTHORING.md says {@code release} makes it: in every answer cell, each region
     * from {@code // BEGIN SOLUTION} to {@code // END SOLUTION} replaced by its {@code // STUDENT: }
     * lines without that prefix (at the region's indentation). A copy; the argument is unchanged.
     */
    public static JsonNode released(JsonNode notebook) {
        JsonNode copy = notebook.deepCopy();
        for (JsonNode cell : copy.get("cells")) {
            if (!"answer".equals(role(cell))) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            boolean inRegion = false;
            for (String line : source(cell).split("\n", -1)) {
                String t = line.strip();
                if (t.equals("// BEGIN SOLUTION")) {
                    inRegion = true;
                } else if (t.equals("// END SOLUTION")) {
                    inRegion = false;
                } else if (!inRegion) {
                    out.append(line).append('\n');
                } else if (t.startsWith("// STUDENT: ")) {
                    String indent = line.substring(0, line.indexOf("//"));
                    out.append(indent).append(t.substring("// STUDENT: ".length())).append('\n');
                }
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) cell).put("source", out.toString());
        }
        return copy;
    }

    private static void evalCell(JShell shell, String name, String source) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                throw new AssertionError(name + ": incomplete source: " + remaining);
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.status() == Snippet.Status.REJECTED) {
                    StringBuilder why = new StringBuilder();
                    shell.diagnostics(e.snippet()).forEach(d ->
                            why.append("\n  ").append(d.getMessage(java.util.Locale.ROOT)));
                    throw new AssertionError(name + " does not compile: " + e.snippet().source() + why);
                }
                if (e.status() == Snippet.Status.RECOVERABLE_DEFINED
                        || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    Object missing = e.snippet() instanceof jdk.jshell.DeclarationSnippet ds
                            ? shell.unresolvedDependencies(ds).toList() : e.snippet().source();
                    throw new AssertionError(name + " refers to something undefined: " + missing);
                }
                if (e.exception() != null) {
                    throw new AssertionError(name + " threw " + e.exception(), e.exception());
                }
            }
            remaining = info.remaining();
        }
    }
}
