package descent.grade.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.grade.Answers;
import descent.grade.Failures;
import descent.grade.Grader;
import descent.grade.TestOutcome;
import descent.grade.TestRunner;
import descent.grade.notebook.Cell;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grading JVM: runs one submission's cells and the assignment's tests, and reports each step
 * to its parent ({@link SubmissionGrader}) as signed events on standard output.
 *
 * <p>Its job arrives on standard input as one JSON object: the signing key, the assignment, the
 * hidden tests' jar (as bytes: there is no file of them inside the sandbox), the cells to run
 * (the source's set-up and check cells around the student's answer cells), and the cells and
 * tests an earlier run of this submission already finished or lost (to skip). The student's
 * printing is captured per cell and per test, capped. It runs untrusted code: everything it
 * reports is checked by the parent, and whatever this JVM does (exit, hang, run out of memory)
 * costs only the cell or test it was running.
 */
public final class SubmissionRunner {
    /** Output kept per cell or test. */
    static final int OUTPUT_CAP = 16 * 1024;

    private SubmissionRunner() {
    }

    /** Entry point of the grading JVM; reads its job from standard input. */
    public static void main(String[] args) throws Exception {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        InputStream stdin = System.in;
        JsonNode job = Protocol.JSON.readTree(stdin.readAllBytes());
        stdin.close();
        Protocol protocol = new Protocol(Base64.getDecoder().decode(job.get("key").asText()), stdout);
        try {
            run(job, protocol);
        } catch (Throwable t) {
            // JUnit lets OutOfMemoryError (and other fatal errors) through: report it for the cell or
            // test that was running, and end; the parent goes on in a fresh JVM.
            protocol.send(Protocol.event("crash").put("message", Failures.describe(t)));
            System.exit(70);
        }
        System.exit(0); // JShell and JUnit may leave threads behind
    }

    static void trace(String what) {
        if (System.getenv("DESCENT_GRADE_TRACE") != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("DESCENT_GRADE_TRACE")),
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms " + what + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                // tracing only
            }
        }
    }

    static void run(JsonNode job, Protocol protocol) throws Exception {
        trace("job read");
        String assignment = job.get("assignment").asText();
        CappedOutput captured = new CappedOutput(OUTPUT_CAP);
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        System.setIn(InputStream.nullInputStream());
        System.setProperty(Grader.RECORD_PROPERTY, "true");

        List<Class<?>> hidden = HiddenTests.load(Base64.getDecoder().decode(job.get("hidden").asText()),
                assignment, SubmissionRunner.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>(Grader.publicTestClasses(assignment));
        classes.addAll(hidden);

        trace("tests found");
        Map<String, List<String>> answerProblems = new HashMap<>();
        Answers.clear();
        try (CellRunner cells = new CellRunner(job.get("classPath").asText(), capture)) {
            Failures.placeOfFrame(cells::place);
            for (JsonNode c : job.get("cells")) {
                Cell cell = new Cell(c.get("index").asInt(), "code", c.get("source").asText(),
                        c.get("role").asText(), c.get("question").asText(""));
                String skip = c.path("skip").asText("");
                List<String> problems;
                trace("cell " + cell.describe());
                if (!skip.isEmpty()) {
                    problems = List.of(skip);
                } else {
                    protocol.send(Protocol.event("cell-start").put("index", cell.index()));
                    problems = cells.run(cell);
                }
                ObjectNode end = Protocol.event("cell-end").put("index", cell.index())
                        .put("output", captured.take());
                ArrayNode list = end.putArray("problems");
                problems.forEach(list::add);
                protocol.send(end);
                if (cell.role().equals("answer") && !problems.isEmpty()) {
                    answerProblems.put(cell.question(), problems);
                }
                if (cell.role().equals("check") && (!problems.isEmpty() || !answered(cell.question()))) {
                    Answers.recordProblem(cell.question(), noAnswer(cell, problems,
                            answerProblems.getOrDefault(cell.question(), List.of())));
                }
            }

            trace("cells done");
            Set<String> skip = new HashSet<>();
            job.path("skipTests").forEach(n -> skip.add(n.asText()));
            new TestRunner().run(classes, new LinkedHashSet<>(hidden), skip, new TestRunner.Listener() {
                @Override
                public void started(String id, String question, double points) {
                    trace("test " + id);
                    captured.take();
                    protocol.send(Protocol.event("test-start").put("id", id));
                }

                @Override
                public void finished(TestOutcome o) {
                    protocol.send(Protocol.event("test-end").put("id", o.id())
                            .put("status", o.status().name()).put("message", o.message())
                            .put("output", captured.take()));
                }
            });
        }
        trace("tests done");
        protocol.send(Protocol.event("done"));
    }

    private static boolean answered(String question) {
        try {
            Answers.get(question, Object.class);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    // Why a question has no answer, in the student's terms.
    private static String noAnswer(Cell check, List<String> checkProblems, List<String> answerProblems) {
        if (!answerProblems.isEmpty()) {
            return check.question() + ": your answer cell does not compile or run: "
                    + String.join("; ", answerProblems);
        }
        String first = checkProblems.isEmpty() ? "" : checkProblems.get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("cannot find symbol\\s+symbol:\\s*(variable|class|method)?\\s*([\\w$]+)").matcher(first);
        if (m.find()) {
            String kind = m.group(1) == null ? "" : m.group(1) + " ";
            return check.question() + ": your notebook does not define the " + kind + m.group(2) + " that the check"
                    + " uses (did you rename it, or delete or move its answer cell?)";
        }
        if (first.contains("incompatible types")) {
            return check.question() + ": your answer has another type than the question asks for ("
                    + first.replaceAll(".*incompatible types: *", "") + "); keep the declaration the cell gave you";
        }
        return check.question() + ": " + (first.isEmpty() ? "no answer was recorded" : first);
    }
}
