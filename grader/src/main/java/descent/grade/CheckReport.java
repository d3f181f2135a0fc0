package descent.grade;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of one self-check: the tests of one question and how each ended.
 *
 * @param question the question id
 * @param outcomes one per test, in the order they ran
 */
public record CheckReport(String question, List<TestOutcome> outcomes) {

    /** Copies the list. */
    public CheckReport {
        outcomes = List.copyOf(outcomes);
    }

    /** True when every test passed (and there was at least one). */
    public boolean allPassed() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(TestOutcome::passed);
    }

    /** The number of tests that passed. */
    public long passedCount() {
        return outcomes.stream().filter(TestOutcome::passed).count();
    }

    /** Points earned. */
    public double score() {
        return outcomes.stream().mapToDouble(TestOutcome::score).sum();
    }

    /** Points possible. */
    public double maxScore() {
        return outcomes.stream().mapToDouble(TestOutcome::points).sum();
    }

    /** One line: "q1: 3 of 4 tests passed (6 of 8 points)". */
    public String summary() {
        if (outcomes.isEmpty()) {
            return question + ": no tests found";
        }
        return String.format(Locale.ROOT, "%s: %d of %d tests passed (%s of %s points)%s", question,
                passedCount(), outcomes.size(), Format.points(score()), Format.points(maxScore()),
                allPassed() ? " - all passed" : "");
    }

    /** The summary, then one line per test: "  ok   name" or "  FAIL name: message". */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(summary());
        for (TestOutcome o : outcomes) {
            s.append('\n').append(o.passed() ? "  ok   " : "  FAIL ").append(o.name())
                    .append(" [").append(Format.points(o.points())).append(o.points() == 1 ? " point]" : " points]");
            if (!o.passed()) {
                s.append("\n         ").append(o.message().replace("\n", "\n         "));
            }
        }
        return s.toString();
    }

    /** A compact HTML table: a row per test, failures with their message. */
    public String toHtml() {
        String green = "#1a7f37";
        String red = "#cf222e";
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"descent-check\" style=\"font-family:sans-serif;font-size:13px\">");
        h.append("<div style=\"font-weight:600;color:").append(allPassed() ? green : red).append("\">")
                .append(Format.html(summary())).append("</div>");
        h.append("<table style=\"border-collapse:collapse;margin-top:4px\">");
        for (TestOutcome o : outcomes) {
            h.append("<tr><td style=\"padding:2px 8px;vertical-align:top;color:")
                    .append(o.passed() ? green : red).append("\">").append(o.passed() ? "&#10003;" : "&#10007;")
                    .append("</td><td style=\"padding:2px 8px;vertical-align:top;text-align:left\">")
                    .append(Format.html(o.name()));
            if (!o.passed()) {
                h.append("<div style=\"color:#57606a;white-space:pre-wrap\">").append(Format.html(o.message()))
                        .append("</div>");
            }
            h.append("</td><td style=\"padding:2px 8px;vertical-align:top;color:#57606a\">")
                    .append(Format.points(o.score())).append('/').append(Format.points(o.points()))
                    .append("</td></tr>");
        }
        h.append("</table></div>");
        return h.toString();
    }
}
