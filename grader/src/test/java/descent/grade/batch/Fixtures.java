package descent.grade.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.data.Cifar10;
import descent.grade.Answers;
import descent.grade.notebook.Notebook;
import descent.grade.notebook.NotebookException;
import descent.grade.release.Release;
import descent.grade.release.ReleaseException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What the grading tests need: the course's assignment notebooks, the hidden tests as a jar (made
 * from the compiled folder, since tests run before Maven packages it), and students' notebooks
 * made from the source by editing cells.
 */
final class Fixtures {
    static final Path SOURCES = Paths.get("../notebooks/assignments/source").toAbsolutePath().normalize();
    static final Path RELEASES = Paths.get("../notebooks/assignments/release").toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** The hidden tests jar, made once into {@code dir}. */
    static Path hiddenJar(Path dir) throws IOException {
        Path classes;
        try {
            classes = Path.of(Answers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolveSibling("hidden-classes");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path jar = dir.resolve("hidden.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The CIFAR-10 data root the hidden tests may read. */
    static Path dataRoot() {
        return Cifar10.ensureFiles().getParent();
    }

    /** The assignment of a source notebook. */
    static Assignment assignment(String sourceName, Path hiddenJar) throws IOException {
        try {
            return Assignment.load(SOURCES.resolve(sourceName), hiddenJar, TestClassPath.get());
        } catch (NotebookException | ReleaseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The source notebook's JSON, to edit into a student's notebook. */
    static ObjectNode source(String name) throws IOException, NotebookException {
        return Notebook.read(SOURCES.resolve(name)).copyJson();
    }

    /** The released (student) notebook's JSON, as `release` makes it now. */
    static ObjectNode released(String name) throws IOException, NotebookException, ReleaseException {
        return Release.release(Notebook.read(SOURCES.resolve(name)), TestClassPath.get()).notebook();
    }

    static ArrayNode cells(ObjectNode nb) {
        return (ArrayNode) nb.get("cells");
    }

    /** The index of the cell with {@code role} for {@code question}. */
    static int cellIndex(ObjectNode nb, String role, String question) {
        ArrayNode cells = cells(nb);
        for (int i = 0; i < cells.size(); i++) {
            var meta = cells.get(i).path("metadata").path("descent");
            if (meta.path("role").asText().equals(role) && meta.path("question").asText().equals(question)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + role + " cell for " + question);
    }

    /** The source of the cell with {@code role} for {@code question}. */
    static String cellSource(ObjectNode nb, String role, String question) {
        return Notebook.joinSource(cells(nb).get(cellIndex(nb, role, question)).get("source"));
    }

    /** Replaces the answer cell of {@code question}. */
    static ObjectNode withAnswer(ObjectNode nb, String question, String source) {
        ObjectNode cell = (ObjectNode) cells(nb).get(cellIndex(nb, "answer", question));
        cell.set("source", Notebook.splitSource(source));
        return nb;
    }

    /** Copies the answer of {@code question} from {@code other}. */
    static ObjectNode answerFrom(ObjectNode nb, ObjectNode other, String question) {
        return withAnswer(nb, question, cellSource(other, "answer", question));
    }

    /** Writes a notebook into {@code submissions/student/name}. */
    static Path write(Path submissions, String student, String name, ObjectNode nb) throws IOException {
        Path p = submissions.resolve(student).resolve(name);
        Notebook.write(nb, p);
        return p;
    }

    /** Writes raw bytes into {@code submissions/student/name}. */
    static Path writeBytes(Path submissions, String student, String name, byte[] bytes) throws IOException {
        Path p = submissions.resolve(student).resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
