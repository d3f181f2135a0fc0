package descent.grade.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.grade.notebook.Cell;
import org.junit.jupiter.api.Test;

class ReleaseTest {
    private static Cell answer(String source) {
        return new Cell(3, "code", source, "answer", "q2");
    }

    @Test
    void aRegionBecomesTheDefaultStubAtItsIndentation() throws ReleaseException {
        String source = "Fn f = (a, b) -> {\n    int c = 0;\n    // BEGIN SOLUTION\n    c = a + b;\n    return c;\n"
                + "    // END SOLUTION\n};";
        assertEquals("Fn f = (a, b) -> {\n    int c = 0;\n    // YOUR CODE HERE\n"
                + "    throw new NotImplementedYet(\"q2\");\n};", Release.stripSolutions(answer(source), "q2"));
    }

    @Test
    void studentLinesReplaceTheRegionWithTheirPrefixRemoved() throws ReleaseException {
        String source = "int f() {\n  // BEGIN SOLUTION\n  // STUDENT: // Hint: add them.\n"
                + "  // STUDENT: return 0;\n  return 42;\n  // END SOLUTION\n}";
        assertEquals("int f() {\n  // Hint: add them.\n  return 0;\n}", Release.stripSolutions(answer(source), "q2"));
    }

    @Test
    void everyRegionOfACellIsReplaced() throws ReleaseException {
        String source = "class A {\n  int f() {\n    // BEGIN SOLUTION\n    return 1;\n    // END SOLUTION\n  }\n"
                + "  int g() {\n    // BEGIN SOLUTION\n    return 2;\n    // END SOLUTION\n  }\n}";
        assertEquals("class A {\n  int f() {\n    // YOUR CODE HERE\n    throw new NotImplementedYet(\"q2\");\n  }\n"
                + "  int g() {\n    // YOUR CODE HERE\n    throw new NotImplementedYet(\"q2\");\n  }\n}",
                Release.stripSolutions(answer(source), "q2"));
    }

    @Test
    void unpairedMarkersNameTheCellAndLine() {
        assertEquals("cell 4 (q2 answer), line 2: // BEGIN SOLUTION has no // END SOLUTION",
                assertThrows(ReleaseException.class, () -> Release.stripSolutions(
                        answer("int f() {\n  // BEGIN SOLUTION\n  return 1;\n}"), "q2")).getMessage());
        assertEquals("cell 4 (q2 answer), line 2: // END SOLUTION without // BEGIN SOLUTION",
                assertThrows(ReleaseException.class, () -> Release.stripSolutions(
                        answer("int f() {\n  // END SOLUTION\n}"), "q2")).getMessage());
        assertEquals("cell 4 (q2 answer), line 3: a solution region starts inside another (missing // END SOLUTION?)",
                assertThrows(ReleaseException.class, () -> Release.stripSolutions(
                        answer("{\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n}"), "q2")).getMessage());
    }
}
