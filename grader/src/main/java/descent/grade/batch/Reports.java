package descent.grade.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.grade.Format;
import descent.grade.TestOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What grading writes: per student a feedback page ({@code feedback.md}) and Gradescope's
 * {@code results.json}; for the class a gradebook ({@code gradebook.csv}).
 */
public final class Reports {
    private Reports() {
    }

    /** Gradescope's results.json: score, and per test name, score, max_score, output, visibility. */
    public static ObjectNode gradescope(SubmissionResult r) {
        ObjectNode root = Protocol.JSON.createObjectNode();
        root.put("score", r.score());
        root.put("max_score", r.maxScore());
        root.put("execution_time", Math.round(r.seconds()));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        root.put("output", String.join("\n", r.notes()));
        ArrayNode tests = root.putArray("tests");
        for (TestOutcome o : r.outcomes()) {
            tests.addObject()
                    .put("name", o.question() + ": " + o.name())
                    .put("number", o.question())
                    .put("score", o.score())
                    .put("max_score", o.points())
                    .put("status", o.passed() ? "passed" : "failed")
                    .put("output", o.passed() ? "" : o.message())
                    .put("visibility", o.hidden() ? "after_published" : "visible");
        }
        return root;
    }

    /** The student's feedback page (Markdown). */
    public static String feedback(SubmissionResult r, String assignment) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(assignment).append(": feedback for ").append(r.student()).append("\n\n");
        s.append("**Score: ").append(Format.points(r.score())).append(" of ").append(Format.points(r.maxScore()))
                .append(" points**").append(r.file().isEmpty() ? "" : " (graded `" + r.file() + "`)").append("\n\n");
        if (!r.notes().isEmpty()) {
            s.append("## Notes\n\n");
            for (String n : r.notes()) {
                s.append("- ").append(n.replace("\n", "\n  ")).append('\n');
            }
            s.append('\n');
        }
        String question = null;
        for (TestOutcome o : r.outcomes()) {
            if (!o.question().equals(question)) {
                if (question != null) {
                    s.append('\n');
                }
                question = o.question();
                s.append("## ").append(question).append(": ").append(Format.points(r.score(question))).append(" of ")
                        .append(Format.points(maxOf(r.outcomes(), question))).append(" points\n\n");
            }
            s.append("- ").append(o.passed() ? "passed" : "**failed**").append(" (").append(Format.points(o.score()))
                    .append('/').append(Format.points(o.points())).append(") ").append(o.name())
                    .append(o.hidden() ? " *(hidden test)*" : "").append('\n');
            if (!o.passed()) {
                s.append("  ```\n  ").append(o.message().replace("\n", "\n  ")).append("\n  ```\n");
            }
        }
        return s.toString();
    }

    /** The gradebook: a row per student, a column per question. */
    public static String gradebook(List<SubmissionResult> results, List<String> questions) {
        StringBuilder s = new StringBuilder("student,file,score,max_score");
        for (String q : questions) {
            s.append(',').append(q);
        }
        s.append(",failed_tests,notes\n");
        for (SubmissionResult r : results) {
            s.append(csv(r.student())).append(',').append(csv(r.file())).append(',').append(Format.points(r.score()))
                    .append(',').append(Format.points(r.maxScore()));
            for (String q : questions) {
                s.append(',').append(Format.points(r.score(q)));
            }
            long failed = r.outcomes().stream().filter(o -> !o.passed()).count();
            s.append(',').append(failed).append(',').append(csv(String.join(" | ", r.notes()))).append('\n');
        }
        return s.toString();
    }

    /** Writes one student's feedback.md and results.json under {@code dir}. */
    public static void write(SubmissionResult r, String assignment, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("feedback.md"), feedback(r, assignment), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("results.json"),
                Protocol.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(gradescope(r)) + "\n",
                StandardCharsets.UTF_8);
    }

    private static double maxOf(List<TestOutcome> outcomes, String question) {
        return outcomes.stream().filter(o -> o.question().equals(question)).mapToDouble(TestOutcome::points).sum();
    }

    private static String csv(String s) {
        String flat = s.replace("\r", " ").replace("\n", " ");
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
