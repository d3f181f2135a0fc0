package descent.grade.batch;

import static descent.grade.batch.Fixtures.cellSource;
import static descent.grade.batch.Fixtures.withAnswer;
import static descent.grade.batch.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.grade.TestOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route a machine without bubblewrap takes (this one has it): submissions run as plain child
 * JVMs, and the time limit, System.exit and the grade of a correct notebook work the same.
 */
class PlainJvmGradingTest {
    private static final String NB = "a3-update-rules.ipynb";

    @TempDir
    Path tmp;

    @Test
    void withoutBubblewrapEachSubmissionStillRunsInItsOwnLimitedJvm() throws Exception {
        Assignment assignment = Fixtures.assignment(NB, Fixtures.hiddenJar(Files.createDirectories(tmp.resolve("jar"))));
        Sandbox plain = Sandbox.detect(TestClassPath.get(), Fixtures.dataRoot(), false);
        assertFalse(plain.isolated());
        assertTrue(plain.describe().startsWith("sandbox: NONE beyond a separate JVM with time, heap and output"
                + " limits"), plain.describe());
        Path submissions = tmp.resolve("submissions");
        ObjectNode solution = Fixtures.source(NB);
        write(submissions, "solution", NB, solution);
        write(submissions, "exits", NB, withAnswer(solution.deepCopy(), "q4",
                cellSource(solution, "answer", "q4").replace("if (t >= totalSteps) {",
                        "if (t >= 0) System.exit(4);\n    if (t >= totalSteps) {")));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, SubmissionResult> r = new BatchGrader(assignment, plain, new Limits(8, 240, 512), 2,
                new PrintStream(log, true, StandardCharsets.UTF_8))
                .gradeAll(submissions, tmp.resolve("grades"), NB).stream()
                .collect(Collectors.toMap(SubmissionResult::student, Function.identity()));
        assertEquals(28, r.get("solution").score(), log.toString(StandardCharsets.UTF_8));
        assertEquals(22, r.get("exits").score());
        assertEquals(List.of("your code ended the grading JVM (exit status 4): a call to System.exit? The grader"
                + " went on in a fresh JVM"), r.get("exits").outcomes().stream()
                .filter(o -> o.question().equals("q4")).map(TestOutcome::message).distinct().toList());
    }
}
