package descent.grade.release;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.grade.Grader;
import descent.grade.batch.CellRunner;
import descent.grade.notebook.Cell;
import descent.grade.notebook.Notebook;
import descent.grade.notebook.NotebookException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an assignment's source notebook (reference solutions inside {@code // BEGIN SOLUTION} …
 * {@code // END SOLUTION}) into the student's notebook.
 *
 * <p>Each solution region becomes its {@code // STUDENT: } lines, or "// YOUR CODE HERE" and
 * {@code throw new NotImplementedYet("q1");}. Outputs and execution counts are cleared; set-up
 * and check cells are marked read-only. The source is validated first (every answer cell has a
 * check cell, every question has tests, no marker is left unpaired) and every released answer cell
 * is compiled in JShell, so a stub that does not compile stops the release with the cell's name.
 * Hidden tests never enter a notebook: they are Java classes that only the grading JVM loads.
 */
public final class Release {
    /** First line of a solution region. */
    public static final String BEGIN = "// BEGIN SOLUTION";
    /** Last line of a solution region. */
    public static final String END = "// END SOLUTION";
    /** Prefix of a line that replaces the region in the student's copy. */
    public static final String STUDENT = "// STUDENT: ";

    private static final Pattern ASSIGNMENT = Pattern.compile("Grader\\.assignment\\(\\s*\"([A-Za-z0-9_]+)\"\\s*\\)");

    private Release() {
    }

    /** The result: the student's notebook JSON and the assignment's name. */
    public record Released(String assignment, ObjectNode notebook) {
        /** The notebook as Jupyter writes it. */
        public String text() {
            return Notebook.format(notebook);
        }
    }

    /**
     * Releases {@code source}.
     *
     * @param classPath the class path the answer cells compile against (lib + grader)
     * @throws ReleaseException naming the cell and the problem
     */
    public static Released release(Notebook source, String classPath) throws ReleaseException {
        String assignment = assignmentName(source);
        Set<String> tested = Grader.assignment(assignment).questions();
        validate(source, tested);
        ObjectNode json = source.copyJson();
        ArrayNode cells = (ArrayNode) json.get("cells");
        List<Cell> released = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            ObjectNode cell = (ObjectNode) cells.get(i);
            Cell c = source.cells().get(i);
            String text = c.source();
            if (c.isCode()) {
                cell.set("outputs", Notebook.object().arrayNode());
                cell.putNull("execution_count");
                if (c.role().equals("answer")) {
                    text = stripSolutions(c, c.question());
                    cell.set("source", Notebook.splitSource(text));
                }
                if (c.role().equals("setup") || c.role().equals("check")) {
                    ObjectNode meta = (ObjectNode) cell.get("metadata");
                    meta.put("editable", false);
                    meta.put("deletable", false);
                }
            }
            released.add(new Cell(c.index(), c.type(), text, c.role(), c.question()));
        }
        compile(released, classPath);
        return new Released(assignment, json);
    }

    /** The assignment a notebook belongs to: the name in its set-up cell's {@code Grader.assignment("…")}. */
    public static String assignmentName(Notebook nb) throws ReleaseException {
        for (Cell c : nb.cellsWithRole("setup")) {
            Matcher m = ASSIGNMENT.matcher(c.source());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new ReleaseException("no set-up cell (metadata descent.role = \"setup\") calls"
                + " Grader.assignment(\"<name>\")");
    }

    /** Replaces each solution region of an answer cell's source. */
    static String stripSolutions(Cell cell, String question) throws ReleaseException {
        String[] lines = cell.source().split("\n", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.strip().equals(BEGIN)) {
                String indent = line.substring(0, line.indexOf('/'));
                int end = i + 1;
                List<String> student = new ArrayList<>();
                while (end < lines.length && !lines[end].strip().equals(END)) {
                    if (lines[end].strip().startsWith(BEGIN)) {
                        throw new ReleaseException(cell.describe() + ", line " + (end + 1)
                                + ": a solution region starts inside another (missing " + END + "?)");
                    }
                    String s = lines[end].strip();
                    if (s.startsWith(STUDENT.strip())) {
                        student.add(indent + s.substring(Math.min(s.length(), STUDENT.length())));
                    }
                    end++;
                }
                if (end == lines.length) {
                    throw new ReleaseException(cell.describe() + ", line " + (i + 1) + ": " + BEGIN
                            + " has no " + END);
                }
                if (student.isEmpty()) {
                    student.add(indent + "// YOUR CODE HERE");
                    student.add(indent + "throw new NotImplementedYet(\"" + question + "\");");
                }
                for (String s : student) {
                    out.append(s).append('\n');
                }
                i = end + 1;
            } else if (line.strip().equals(END)) {
                throw new ReleaseException(cell.describe() + ", line " + (i + 1) + ": " + END
                        + " without " + BEGIN);
            } else {
                out.append(line);
                if (i + 1 < lines.length) {
                    out.append('\n');
                }
                i++;
            }
        }
        return out.toString();
    }

    private static void validate(Notebook source, Set<String> tested) throws ReleaseException {
        Set<String> answers = new LinkedHashSet<>();
        Set<String> checks = new LinkedHashSet<>();
        for (Cell c : source.cells()) {
            if (!c.isCode()) {
                if (c.source().contains(BEGIN) || c.source().contains(END)) {
                    throw new ReleaseException(c.describe() + " is not a code cell but holds a solution marker");
                }
                continue;
            }
            boolean marked = c.source().contains(BEGIN) || c.source().contains(END);
            switch (c.role()) {
                case "answer" -> {
                    if (c.question().isEmpty()) {
                        throw new ReleaseException(c.describe() + " is an answer cell without a question id");
                    }
                    if (!answers.add(c.question())) {
                        throw new ReleaseException("two answer cells for " + c.question());
                    }
                    if (!marked) {
                        throw new ReleaseException(c.describe() + " has no " + BEGIN + " region: the student"
                                + " copy would hold the solution");
                    }
                }
                case "check" -> {
                    if (!checks.add(c.question())) {
                        throw new ReleaseException("two check cells for " + c.question());
                    }
                    if (marked) {
                        throw new ReleaseException(c.describe() + " holds a solution marker; only answer cells may");
                    }
                }
                default -> {
                    if (marked) {
                        throw new ReleaseException(c.describe() + " holds a solution marker but is not an"
                                + " answer cell (metadata descent.role = \"answer\")");
                    }
                }
            }
        }
        for (String q : answers) {
            if (!checks.contains(q)) {
                throw new ReleaseException(q + " has an answer cell but no check cell");
            }
            if (!tested.contains(q)) {
                throw new ReleaseException(q + " has no public tests (@Question(\"" + q + "\"))");
            }
        }
        for (String q : checks) {
            if (!answers.contains(q)) {
                throw new ReleaseException(q + " has a check cell but no answer cell");
            }
        }
    }

    // Compiles set-up and released answer cells in JShell: the stubs must compile.
    private static void compile(List<Cell> cells, String classPath) throws ReleaseException {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        PrintStream out = System.out;
        System.setOut(sink); // JShell's local engine prints to this JVM's System.out
        try (CellRunner runner = new CellRunner(classPath, sink)) {
            for (Cell c : cells) {
                if (c.isCode() && (c.role().equals("setup") || c.role().equals("answer"))) {
                    problems.addAll(runner.run(c));
                }
            }
        } finally {
            System.setOut(out);
        }
        if (!problems.isEmpty()) {
            throw new ReleaseException("the student notebook would not compile:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Reads, releases and returns; a wrapper for the command line. */
    public static Released release(java.nio.file.Path source, String classPath) throws ReleaseException {
        try {
            return release(Notebook.read(source), classPath);
        } catch (NotebookException e) {
            throw new ReleaseException(e.getMessage());
        }
    }
}
