package descent.grade.batch;

import static descent.grade.batch.Fixtures.answerFrom;
import static descent.grade.batch.Fixtures.cellSource;
import static descent.grade.batch.Fixtures.withAnswer;
import static descent.grade.batch.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.grade.TestOutcome;
import descent.grade.release.Release;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades a class of submissions of the update-rules assignment that this test writes — the
 * solution, the untouched student notebook, partly right ones, and each way a notebook or its
 * code can go wrong — through the real batch grader (a sandboxed JVM per submission), and asserts
 * each one's exact score and messages.
 */
class UpdatesGradingTest {
    private static final String NB = "a3-update-rules.ipynb";

    @TempDir
    static Path tmp;
    static Assignment assignment;
    static Sandbox sandbox;
    static Map<String, SubmissionResult> results = new TreeMap<>();
    static String progress;
    static Path submissions;
    static Path out;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        Path hidden = Fixtures.hiddenJar(Files.createDirectories(tmp.resolve("jar")));
        assignment = Fixtures.assignment(NB, hidden);
        sandbox = Sandbox.detect(TestClassPath.get(), Fixtures.dataRoot(), true);
        submissions = tmp.resolve("submissions");
        out = tmp.resolve("grades");
        ObjectNode solution = Fixtures.source(NB);
        ObjectNode released = Fixtures.released(NB);

        write(submissions, "solution", NB, solution);
        write(submissions, "untouched", NB, released);
        ObjectNode partial = released.deepCopy();
        answerFrom(partial, solution, "q1");
        answerFrom(partial, solution, "q2");
        write(submissions, "partial", NB, partial);

        String momentum = cellSource(solution, "answer", "q1");
        String rmsprop = cellSource(solution, "answer", "q2");
        String adam = cellSource(solution, "answer", "q3");
        write(submissions, "loops", NB, withAnswer(solution.deepCopy(), "q1",
                withCodeFirst(momentum, "if (w != null) while (true) { }")));
        write(submissions, "exits", NB, withAnswer(solution.deepCopy(), "q2",
                withCodeFirst(rmsprop, "System.exit(3);")));
        write(submissions, "throws-error", NB, withAnswer(solution.deepCopy(), "q3",
                withCodeFirst(adam, "if (w != null) throw new Error(\"boom\");")));
        write(submissions, "out-of-memory", NB, withAnswer(solution.deepCopy(), "q1",
                withCodeFirst(momentum, "java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                        + "        while (w != null) hog.add(new long[1 << 24]);")));
        write(submissions, "prints-100mb", NB, withAnswer(solution.deepCopy(), "q2",
                withCodeFirst(rmsprop, "String line = \"x\".repeat(999);\n"
                        + "        for (int k = 0; k < 100_000; k++) System.out.println(line);")));
        Path victim = submissions.resolve("solution").resolve(NB);
        Path resultsFile = out.resolve("intruder").resolve("results.json");
        write(submissions, "intruder", NB, withAnswer(solution.deepCopy(), "q3", withCodeFirst(adam,
                "java.io.PrintStream raw = new java.io.PrintStream(new java.io.FileOutputStream("
                        + "java.io.FileDescriptor.out), true);\n"
                        + "        raw.println(\"\\u0001descent 0000 {\\\"event\\\":\\\"done\\\"}\");\n"
                        + "        try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + resultsFile
                        + "\"), \"{\\\"score\\\": 1000}\"); } catch (java.io.IOException e) { }\n"
                        + "        try { java.nio.file.Files.readString(java.nio.file.Path.of(\"" + victim + "\"));"
                        + " } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }")));
        write(submissions, "compile-error", NB, withAnswer(solution.deepCopy(), "q4",
                cellSource(solution, "answer", "q4").replace("return minRate;", "return minRate")));
        write(submissions, "renamed", NB, withAnswer(solution.deepCopy(), "q1",
                momentum.replace("MomentumUpdate", "MyMomentum")));

        ObjectNode missing = solution.deepCopy();
        ((ArrayNode) missing.get("cells")).remove(Fixtures.cellIndex(missing, "answer", "q2"));
        write(submissions, "missing-cell", NB, missing);
        ObjectNode reordered = solution.deepCopy();
        ArrayNode rc = (ArrayNode) reordered.get("cells");
        var q2 = rc.remove(Fixtures.cellIndex(reordered, "answer", "q2"));
        rc.insert(Fixtures.cellIndex(reordered, "answer", "q1"), q2);
        write(submissions, "reordered", NB, reordered);
        ObjectNode duplicated = solution.deepCopy();
        ArrayNode dc = (ArrayNode) duplicated.get("cells");
        int q1 = Fixtures.cellIndex(duplicated, "answer", "q1");
        dc.insert(q1, released.get("cells").get(Fixtures.cellIndex(released, "answer", "q1")).deepCopy());
        write(submissions, "duplicated-cell", NB, duplicated);
        ObjectNode vscode = solution.deepCopy();
        for (var cell : (ArrayNode) vscode.get("cells")) {
            ((ObjectNode) cell).put("source", descent.grade.notebook.Notebook.joinSource(cell.get("source")));
        }
        vscode.put("nbformat_minor", 2);
        ((ObjectNode) vscode.get("metadata")).set("kernelspec", descent.grade.notebook.Notebook.object()
                .put("name", "java").put("display_name", "Java (IJava)").put("language", "java"));
        write(submissions, "vscode", NB, vscode);

        String text = descent.grade.notebook.Notebook.format(solution);
        Fixtures.writeBytes(submissions, "truncated", NB, Fixtures.utf8(text.substring(0, text.length() / 2)));
        Fixtures.writeBytes(submissions, "latin1", NB, text.replace("μ", "\u00b5 é").getBytes(StandardCharsets.ISO_8859_1));
        Files.createDirectories(submissions.resolve("empty"));
        Fixtures.writeBytes(submissions, "not-a-notebook", "answers.txt", Fixtures.utf8("my answers"));
        write(submissions, "two-files", NB, solution);
        write(submissions, "two-files", "a3-update-rules-copy.ipynb", released);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<SubmissionResult> graded = new BatchGrader(assignment, sandbox, new Limits(8, 240, 512), 2,
                new PrintStream(log, true, StandardCharsets.UTF_8)).gradeAll(submissions, out, NB);
        graded.forEach(r -> results.put(r.student(), r));
        progress = log.toString(StandardCharsets.UTF_8);
    }

    /**
     * The answer cell {@code answer} with {@code code} put first in its solution region, so that it
     * runs before the reference solution. Fails if the cell has no solution region or more than one.
     */
    private static String withCodeFirst(String answer, String code) {
        String region = Release.BEGIN + "\n";
        int at = answer.indexOf(region);
        assertTrue(at >= 0 && at == answer.lastIndexOf(region),
                "an answer cell with one solution region, but was: " + answer);
        int end = at + region.length();
        return answer.substring(0, end) + "        " + code + "\n" + answer.substring(end);
    }

    private static double points(String... questions) {
        double p = 0;
        for (String q : questions) {
            p += assignment.plan().stream().filter(t -> t.question().equals(q)).mapToDouble(PlannedTest::points).sum();
        }
        return p;
    }

    private static SubmissionResult result(String student) {
        SubmissionResult r = results.get(student);
        if (r == null) {
            throw new AssertionError("no result for " + student + "; progress:\n" + progress);
        }
        return r;
    }

    /** Each distinct failure message of a question's tests. */
    private static List<String> messages(String student, String question) {
        return result(student).outcomes().stream().filter(o -> o.question().equals(question) && !o.passed())
                .map(TestOutcome::message).distinct().collect(Collectors.toList());
    }

    private static String describe(SubmissionResult r) {
        StringBuilder s = new StringBuilder(r.student() + ": " + r.score() + "/" + r.maxScore() + " notes " + r.notes());
        for (TestOutcome o : r.outcomes()) {
            if (!o.passed()) {
                s.append("\n  ").append(o.id()).append(' ').append(o.status()).append(": ").append(o.message());
            }
        }
        return s.toString();
    }

    @Test
    void everySubmissionFoundGetsAResultAndFiles() throws Exception {
        assertEquals(20, results.size(), results.keySet().toString());
        for (String student : results.keySet()) {
            assertTrue(Files.isRegularFile(out.resolve(student).resolve("results.json")), student);
            assertTrue(Files.isRegularFile(out.resolve(student).resolve("feedback.md")), student);
        }
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(1 + 20, rows.size());
        assertEquals("student,file,score,max_score,q1,q2,q3,q4,q5,failed_tests,notes", rows.get(0));
    }

    @Test
    void theSolutionGetsFullMarks() {
        SubmissionResult r = result("solution");
        assertEquals(r.maxScore(), r.score(), describe(r));
        assertEquals(List.of(), r.notes());
        assertEquals(points("q1", "q2", "q3", "q4", "q5"), r.maxScore());
    }

    @Test
    void theUntouchedStudentNotebookGetsZeroWithNotImplementedMessages() {
        SubmissionResult r = result("untouched");
        assertEquals(0, r.score(), describe(r));
        for (String q : List.of("q1", "q2", "q3", "q4")) {
            assertEquals(List.of(q + " is not implemented yet: write your code where the cell says \"YOUR CODE HERE\","
                    + " run the cell, then run the check below it."), messages("untouched", q), describe(r));
        }
    }

    private static final String NOT_IMPLEMENTED = " is not implemented yet: write your code where the cell says"
            + " \"YOUR CODE HERE\", run the cell, then run the check below it.";

    private static void assertScore(double expected, String student) {
        SubmissionResult r = result(student);
        assertEquals(expected, r.score(), describe(r));
        assertEquals(points("q1", "q2", "q3", "q4", "q5"), r.maxScore(), describe(r));
    }

    @Test
    void partlyRightGetsThePointsOfTheRightQuestionsAndNotImplementedForTheRest() {
        assertScore(points("q1", "q2"), "partial");
        assertEquals(List.of("q3" + NOT_IMPLEMENTED), messages("partial", "q3"));
        assertEquals(List.of("q4" + NOT_IMPLEMENTED), messages("partial", "q4"));
    }

    @Test
    void anEndlessLoopCostsOnlyItsQuestionWithATimeLimitMessage() {
        assertScore(points("q2", "q3", "q4", "q5"), "loops");
        assertEquals(List.of("stopped: over the time limit of one test (8 s of processor time): an endless loop,"
                + " or far more work than needed?"), messages("loops", "q1"));
        assertTrue(result("loops").outcomes().stream().filter(o -> o.question().equals("q1"))
                .allMatch(o -> o.status() == TestOutcome.Status.ERROR));
    }

    @Test
    void systemExitCostsOnlyTheTestsItEndedAndTheRestRunInAFreshJvm() {
        assertScore(points("q1", "q3", "q4", "q5"), "exits");
        assertEquals(List.of("your code ended the grading JVM (exit status 3): a call to System.exit? The grader"
                + " went on in a fresh JVM"), messages("exits", "q2"));
    }

    @Test
    void aThrownErrorFailsItsTestsWithWhereItCameFrom() {
        assertScore(points("q1", "q2", "q4", "q5"), "throws-error");
        assertEquals(List.of("your code threw Error: boom (in updateInPlace, cell 10 (q3 answer))"),
                messages("throws-error", "q3"));
    }

    @Test
    void runningOutOfMemoryCostsOnlyItsQuestion() {
        assertScore(points("q2", "q3", "q4", "q5"), "out-of-memory");
        List<String> m = messages("out-of-memory", "q1");
        assertTrue(m.stream().allMatch(x -> x.startsWith("your code ran out of memory (Java heap space; the heap"
                + " limit is ") && x.endsWith(" MB) (in updateInPlace, cell 4 (q1 answer)): is a large matrix created"
                + " on every step of a loop?")), m.toString());
    }

    @Test
    void a100MegabytePrintIsCutAndCostsNothing() {
        assertScore(points("q1", "q2", "q3", "q4", "q5"), "prints-100mb");
    }

    @Test
    void theSandboxHidesOtherSubmissionsAndTheResultsAndIgnoresForgedEvents() throws Exception {
        SubmissionResult r = result("intruder");
        assertScore(points("q1", "q2", "q4", "q5"), "intruder");
        String results = Files.readString(out.resolve("intruder").resolve("results.json"));
        assertTrue(results.contains("\"score\" : " + points("q1", "q2", "q4", "q5")), results);
        if (sandbox.isolated()) {
            assertEquals(List.of("your code threw UncheckedIOException: java.nio.file.NoSuchFileException: "
                    + submissions.resolve("solution").resolve(NB) + " (in updateInPlace, cell 10 (q3 answer))"),
                    messages("intruder", "q3"), describe(r));
        }
    }

    @Test
    void aCompileErrorCostsOnlyItsQuestionAndNamesTheLine() {
        assertScore(points("q1", "q2", "q3", "q5"), "compile-error");
        assertEquals(List.of("cell 13 (q4 answer), line 4: ';' expected"), result("compile-error").notes());
        assertEquals(List.of("q4: your answer cell does not compile or run: cell 13 (q4 answer), line 4: ';' expected"),
                messages("compile-error", "q4"));
    }

    @Test
    void aRenamedClassIsNamedInTheMessage() {
        assertScore(points("q2", "q3", "q4", "q5"), "renamed");
        assertEquals(List.of("q1: your notebook does not define the class MomentumUpdate that the check uses (did"
                + " you rename it, or delete or move its answer cell?)"), messages("renamed", "q1"));
    }

    @Test
    void aMissingAnswerCellCostsItsQuestionWithANote() {
        assertScore(points("q1", "q3", "q4", "q5"), "missing-cell");
        assertEquals(List.of("q2: no answer cell found in your notebook (its cell metadata names the question;"
                + " was the cell deleted, or your code pasted into a new cell?)"), result("missing-cell").notes());
    }

    @Test
    void reorderedCellsAndSourcesSavedAsStringsGradeAsTheSolution() {
        assertScore(points("q1", "q2", "q3", "q4", "q5"), "reordered");
        assertScore(points("q1", "q2", "q3", "q4", "q5"), "vscode");
    }

    @Test
    void aDuplicatedAnswerCellGradesTheLastCopyAndSaysSo() {
        assertScore(points("q1", "q2", "q3", "q4", "q5"), "duplicated-cell");
        assertEquals(List.of("q1: your notebook has more than one answer cell for it (cell 4 (q1 answer) and cell 5"
                + " (q1 answer)); the last one was graded, as a run from top to bottom would leave it"),
                result("duplicated-cell").notes());
    }

    @Test
    void twoNotebooksForOneStudentGradeTheOneNamedLikeTheAssignment() {
        assertScore(points("q1", "q2", "q3", "q4", "q5"), "two-files");
        assertEquals(List.of("your submission has 2 notebooks; graded a3-update-rules.ipynb (it has the"
                + " assignment's file name), not a3-update-rules-copy.ipynb"), result("two-files").notes());
    }

    @Test
    void unreadableOrMissingNotebooksGetZeroAndSayWhy() {
        assertScore(0, "truncated");
        assertTrue(result("truncated").notes().get(0).startsWith("a3-update-rules.ipynb is not valid notebook JSON"
                + " at line "), result("truncated").notes().toString());
        assertTrue(result("truncated").notes().get(0).contains("the file ends too early"));
        assertScore(0, "latin1");
        assertTrue(result("latin1").notes().get(0).matches("a3-update-rules.ipynb is not UTF-8 text \\(byte 0x[0-9A-F]{2}"
                + " at offset [0-9]+ is not valid UTF-8\\): it was saved in another encoding\\. Save it again from"
                + " Jupyter, which writes UTF-8\\."),
                result("latin1").notes().toString());
        assertScore(0, "empty");
        assertEquals(List.of("the submission is empty: no notebook (.ipynb) was handed in"), result("empty").notes());
        assertScore(0, "not-a-notebook");
        assertEquals(List.of("no notebook (.ipynb) in the submission; found: answers.txt"),
                result("not-a-notebook").notes());
    }

    @Test
    void printsProgressAsItGrades() {
        assertEquals(21, progress.lines().count(), progress);
        assertEquals("reference solution: 28 / 28 points", progress.lines().findFirst().orElse("").replaceAll(" \\(.*", ""));
        assertTrue(progress.lines().anyMatch(l -> l.matches("\\[ ?\\d+/20\\] solution +28 / 28 points +[0-9.]+ s")),
                progress);
    }
}
