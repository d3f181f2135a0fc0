package descent.grade.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.grade.batch.TestClassPath;
import descent.grade.notebook.Cell;
import descent.grade.notebook.Notebook;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The student notebooks in the repository are exactly what `release` makes of the source
 * notebooks today, and hold no solution: a change to a source notebook without a new release
 * fails here, with the command that fixes it.
 */
class ReleasedNotebooksAreCurrentTest {
    private static final Path SOURCES = Paths.get("../notebooks/assignments/source");
    private static final Path RELEASES = Paths.get("../notebooks/assignments/release");

    private static List<Path> sources() throws Exception {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(SOURCES, "*.ipynb")) {
            dir.forEach(found::add);
        }
        found.sort(null);
        return found;
    }

    @Test
    void everySourceNotebookHasItsReleaseAndTheReleaseIsCurrent() throws Exception {
        List<Path> sources = sources();
        assertEquals(3, sources.size(), "assignments: " + sources);
        for (Path source : sources) {
            String made = Release.release(source, TestClassPath.get()).text();
            Path released = RELEASES.resolve(source.getFileName());
            assertTrue(Files.isRegularFile(released), "no student notebook " + released
                    + ": run bash grader/grade.sh release " + source);
            assertEquals(made, Files.readString(released, StandardCharsets.UTF_8), released
                    + " is stale: run bash grader/grade.sh release " + SOURCES + "/*.ipynb");
        }
    }

    @Test
    void noStudentNotebookHoldsASolutionOrOutputs() throws Exception {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(RELEASES, "*.ipynb")) {
            for (Path p : dir) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                assertFalse(text.contains("BEGIN SOLUTION") || text.contains("END SOLUTION"), p.toString());
                for (Cell c : Notebook.read(p).cells()) {
                    if (c.role().equals("answer")) {
                        assertTrue(c.source().contains("NotImplementedYet") || c.source().contains("YOUR CODE"),
                                p + " " + c.describe());
                    }
                }
                assertFalse(text.contains("\"output_type\""), p + " has outputs");
            }
        }
    }
}
