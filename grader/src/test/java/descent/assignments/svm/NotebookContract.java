package descent.assignments.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of grader/AUTHORING.md that a source notebook must follow, checked on its JSON: one
 * cheap set-up cell first, then per question one answer cell and, after it, a one-line check cell;
 * solution regions that release can replace; lines of at most 100 characters.
 */
public final class NotebookContract {
    private NotebookContract() {
    }

    /** Fails with what is wrong unless the notebook follows the contract. */
    public static void check(JsonNode nb, String assignment, List<String> questions) {
        assertEquals("descent-java", nb.path("metadata").path("kernelspec").path("name").asText());
        assertEquals(4, nb.path("nbformat").asInt());
        List<String> order = new ArrayList<>();
        int index = 0;
        for (JsonNode cell : nb.get("cells")) {
            String where = "cell " + index++;
            String role = AssignmentHarness.role(cell);
            String source = AssignmentHarness.source(cell);
            if ("code".equals(cell.get("cell_type").asText())) {
                for (String line : source.split("\n")) {
                    assertTrue(line.length() <= 100, where + ": a line of " + line.length()
                            + " characters: " + line);
                }
            }
            if (role == null) {
                continue;
            }
            assertEquals("code", cell.get("cell_type").asText(), where + " has a role but is not code");
            String q = AssignmentHarness.question(cell);
            switch (role) {
                case "setup" -> {
                    assertTrue(order.isEmpty(), where + ": the set-up cell must come first");
                    assertTrue(source.contains("Grader.assignment(\"" + assignment + "\")"), where);
                    assertTrue(!source.contains("Cifar10"), where + ": set-up must not load data");
                    order.add("setup");
                }
                case "answer" -> {
                    assertTrue(questions.contains(q), where + ": unknown question " + q);
                    assertTrue(!source.contains("Cifar10"), where + ": an answer cell must not load data");
                    solutionRegions(where, source, q);
                    order.add("answer " + q);
                }
                case "check" -> {
                    assertTrue(source.strip().matches("grader\\.check\\(\"" + q + "\", \\w+\\);"),
                            where + ": a check cell is one line, grader.check(\"" + q + "\", answer);"
                                    + " but was: " + source);
                    order.add("check " + q);
                }
                default -> throw new AssertionError(where + ": unknown role " + role);
            }
        }
        List<String> expected = new ArrayList<>();
        expected.add("setup");
        for (String q : questions) {
            expected.add("answer " + q);
            expected.add("check " + q);
        }
        assertEquals(expected, order, "the graded cells, in notebook order");
    }

    /**
     * Each region: BEGIN, then STUDENT lines that end with the stub's throw, then the solution, then
     * END, and the next line closes the block (so the released stub's throw is its last statement).
     */
    private static void solutionRegions(String where, String source, String q) {
        String[] lines = source.split("\n");
        int regions = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals("// BEGIN SOLUTION")) {
                continue;
            }
            regions++;
            int end = i + 1;
            String lastStudent = null;
            while (end < lines.length && !lines[end].strip().equals("// END SOLUTION")) {
                assertTrue(!lines[end].strip().equals("// BEGIN SOLUTION"), where + ": nested regions");
                if (lines[end].strip().startsWith("// STUDENT: ")) {
                    lastStudent = lines[end].strip().substring("// STUDENT: ".length());
                }
                end++;
            }
            assertTrue(end < lines.length, where + ": BEGIN SOLUTION without END SOLUTION");
            assertEquals("throw new NotImplementedYet(\"" + q + "\");", lastStudent,
                    where + ": the last STUDENT line of a region is the stub's throw");
            assertTrue(end + 1 < lines.length && lines[end + 1].strip().startsWith("}"),
                    where + ": the line after END SOLUTION must close the block");
            i = end;
        }
        assertTrue(regions > 0, where + ": an answer cell without a solution region");
    }
}
