package descent.grade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.grade.Answers;
import descent.grade.notebook.Cell;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CellRunnerTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CellRunner runner = new CellRunner(TestClassPath.get(),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    @AfterEach
    void close() {
        runner.close();
        Answers.clear();
    }

    private static Cell answer(String source) {
        return new Cell(4, "code", source, "answer", "q1");
    }

    @Test
    void answersRecordedInACellAreSeenByTheGradersOwnCode() {
        assertEquals(List.of(), runner.run(answer("import java.util.function.IntUnaryOperator;\n"
                + "IntUnaryOperator twice = x -> 2 * x;\n"
                + "descent.grade.Answers.record(\"q1\", twice);")));
        assertEquals(14, Answers.get("q1", IntUnaryOperator.class).applyAsInt(7));
    }

    @Test
    void aCompileErrorNamesTheCellAndTheLineOfTheCell() {
        List<String> problems = runner.run(answer("// the answer\nint ok = 1;\n\nint bad = undefinedThing + 1;\n"));
        assertEquals(List.of("cell 5 (q1 answer), line 4: cannot find symbol symbol: variable undefinedThing"
                + " location: class"), problems.stream().map(p -> p.replaceAll("class .*", "class")).toList());
    }

    @Test
    void aCellThatEndsMidStatementIsReported() {
        List<String> problems = runner.run(answer("int f(int x) {\n  return x;\n"));
        assertEquals(List.of("cell 5 (q1 answer), line 1: the code ends in the middle of a statement"
                + " (a missing '}', ')' or ';'?)"), problems);
    }

    @Test
    void anExceptionThrownByTheStudentsCodeIsPlacedInItsCell() {
        List<String> problems = runner.run(answer("int crash() {\n  int[] a = new int[2];\n  return a[5];\n}\n"
                + "int x = crash();\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("cell 5 (q1 answer): running it threw ArrayIndexOutOfBoundsException"),
                problems.get(0));
    }

    @Test
    void aStackFrameOfACellIsNamedByItsCellAndLine() {
        runner.run(answer("// helper\nint crash() {\n  int[] a = new int[2];\n  return a[5];\n}\n"));
        runner.run(new Cell(6, "code", "java.util.function.IntSupplier s = () -> crash();\n"
                + "descent.grade.Answers.record(\"q1\", s);", "check", "q1"));
        try {
            Answers.get("q1", java.util.function.IntSupplier.class).getAsInt();
        } catch (ArrayIndexOutOfBoundsException e) {
            String place = null;
            for (StackTraceElement f : e.getStackTrace()) {
                place = place == null ? runner.place(f) : place;
            }
            assertEquals("in crash, cell 5 (q1 answer)", place);
            return;
        }
        throw new AssertionError("expected the student's code to throw");
    }
}
