package descent.assignments.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import descent.grade.Grader;
import descent.grade.TestRunner;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The source notebook {@code notebooks/assignments/source/a3-update-rules.ipynb} agrees with the
 * tests: each question's heading says "(N points)" with N the sum of {@code @Points} over its
 * public and hidden tests, and the cells carry the roles the grader runs (setup, then an answer
 * and a check cell per question, in order).
 *
 * <p>The notebook is found from the working directory: Surefire runs in the grader module, so
 * {@code ../notebooks/...}; from the repository root, {@code notebooks/...}.
 */
class UpdatesNotebookTest {
    private static final Pattern HEADING = Pattern.compile("^## (q\\d+) · .*\\((\\d+) points\\)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern CHECK = Pattern.compile("^grader\\.check\\(\"(q\\d+)\", .+\\);$");

    private final JsonNode notebook = read();

    @Test
    void headingPointsEqualTheTestsPoints() {
        Map<String, Integer> stated = new TreeMap<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("markdown")) {
                Matcher m = HEADING.matcher(source(cell));
                while (m.find()) {
                    stated.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            }
        }
        Map<String, Integer> tested = new TreeMap<>();
        List<Class<?>> classes = new ArrayList<>(Grader.publicTestClasses("updates"));
        classes.addAll(HiddenTestClasses.of("updates"));
        for (Class<?> c : classes) {
            for (Method m : TestRunner.testMethods(c)) {
                tested.merge(TestRunner.question(c), (int) TestRunner.points(m), Integer::sum);
            }
        }
        assertEquals(tested, stated);
        assertEquals(28, tested.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void cellsCarryTheRolesTheGraderRuns() {
        List<String> roles = new ArrayList<>();
        for (JsonNode cell : notebook.get("cells")) {
            JsonNode d = cell.path("metadata").path("descent");
            if (d.isMissingNode()) {
                continue;
            }
            assertEquals("code", cell.get("cell_type").asText());
            String role = d.get("role").asText();
            String question = d.path("question").asText("");
            roles.add(role + (question.isEmpty() ? "" : " " + question));
            if (role.equals("setup")) {
                assertTrue(source(cell).contains("var grader = Grader.assignment(\"updates\");"));
            } else if (role.equals("check")) {
                Matcher m = CHECK.matcher(source(cell).strip());
                assertTrue(m.matches(), "a check cell is one line grader.check(...): " + source(cell));
                assertEquals(question, m.group(1));
            } else {
                String s = source(cell);
                assertTrue(s.contains("// BEGIN SOLUTION") && s.contains("// END SOLUTION"), question);
            }
        }
        assertEquals(List.of("setup", "answer q1", "check q1", "answer q2", "check q2", "answer q3",
                "check q3", "answer q4", "check q4", "answer q5", "check q5"), roles);
        JsonNode kernel = notebook.path("metadata").path("kernelspec");
        assertEquals("descent-java", kernel.get("name").asText());
        assertEquals("Java (Descent)", kernel.get("display_name").asText());
    }

    private static String source(JsonNode cell) {
        JsonNode s = cell.get("source");
        if (s.isTextual()) {
            return s.asText();
        }
        StringBuilder b = new StringBuilder();
        s.forEach(line -> b.append(line.asText()));
        return b.toString();
    }

    private static JsonNode read() {
        Path name = Path.of("notebooks", "assignments", "source", "a3-update-rules.ipynb");
        Path here = Path.of(System.getProperty("user.dir"));
        Path file = Files.exists(here.resolve("..").resolve(name)) ? here.resolve("..").resolve(name)
                : here.resolve(name);
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
