package descent.grade.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.grade.TestOutcome;
import descent.grade.notebook.Cell;
import descent.grade.notebook.Notebook;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Grades one student's notebook: picks the cells to run (the source's set-up and check cells,
 * the student's answer cells), runs them and every test in a grading JVM, and turns whatever
 * happens into a {@link SubmissionResult} with a line per planned test.
 *
 * <p>When the grading JVM ends early (System.exit, a crash, the time limit, out of memory), the
 * cell or test it was running is charged with what happened and a fresh JVM goes on from the next
 * one, so a student's exit in q2 does not cost q3's points. A submission always gets a result.
 */
public final class SubmissionGrader {
    private static final int STDERR_CAP = 8 * 1024;
    private static final int LINE_CAP = 1 << 20;

    private final Assignment assignment;
    private final Sandbox sandbox;
    private final Limits limits;

    /** A grader for submissions of {@code assignment}. */
    public SubmissionGrader(Assignment assignment, Sandbox sandbox, Limits limits) {
        this.assignment = assignment;
        this.sandbox = sandbox;
        this.limits = limits;
    }

    /** Grades the notebook {@code nb} of {@code student}; {@code notes} start the result's notes. */
    public SubmissionResult grade(String student, String file, Notebook nb, List<String> notes) {
        long start = System.nanoTime();
        List<String> allNotes = new ArrayList<>(notes);
        List<JobCell> cells = cellsToRun(nb, allNotes);
        Map<String, TestOutcome> done = new LinkedHashMap<>();
        Map<Integer, List<String>> cellProblems = new LinkedHashMap<>();
        long deadline = start + TimeUnit.SECONDS.toNanos(limits.submissionSeconds());
        int attempts = 0;
        boolean finished = false;
        while (!finished && attempts <= assignment.plan().size() + cells.size() + 1) {
            attempts++;
            if (System.nanoTime() > deadline) {
                allNotes.add("grading stopped after " + limits.submissionSeconds() + " s (the time limit of a"
                        + " whole submission); the tests not run yet score 0");
                break;
            }
            Run run = runOnce(cells, done, cellProblems, deadline);
            finished = run.finished;
            if (run.fatal != null) {
                allNotes.add(run.fatal);
                break;
            }
        }
        for (JobCell c : cells) {
            if (c.cell.role().equals("answer")) {
                allNotes.addAll(cellProblems.getOrDefault(c.cell.index(), List.of()));
            }
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        for (PlannedTest t : assignment.plan()) {
            TestOutcome o = done.get(t.id());
            outcomes.add(o != null ? o : new TestOutcome(t.question(), t.name(), t.id(), t.points(), t.hidden(),
                    TestOutcome.Status.ERROR, "not run: grading of this submission stopped before this test"));
        }
        return new SubmissionResult(student, file, outcomes, allNotes, (System.nanoTime() - start) / 1e9);
    }

    /** A result for a submission that could not be graded at all (no notebook, unreadable file). */
    public SubmissionResult failed(String student, String file, String why) {
        List<TestOutcome> outcomes = new ArrayList<>();
        for (PlannedTest t : assignment.plan()) {
            outcomes.add(new TestOutcome(t.question(), t.name(), t.id(), t.points(), t.hidden(),
                    TestOutcome.Status.ERROR, "not run: " + why));
        }
        return new SubmissionResult(student, file, outcomes, List.of(why), 0);
    }

    // One cell for the grading JVM; skip is set once the cell has cost a JVM its life.
    private static final class JobCell {
        final Cell cell;
        String skip = "";
        int losses;

        JobCell(Cell cell) {
            this.cell = cell;
        }
    }

    private List<JobCell> cellsToRun(Notebook nb, List<String> notes) {
        List<JobCell> cells = new ArrayList<>();
        for (Cell c : assignment.source().cellsWithRole("setup")) {
            cells.add(new JobCell(c));
        }
        Map<String, Cell> answers = new LinkedHashMap<>();
        for (Cell c : nb.cellsWithRole("answer")) {
            if (answers.containsKey(c.question())) {
                notes.add(c.question() + ": your notebook has more than one answer cell for it ("
                        + answers.get(c.question()).describe() + " and " + c.describe() + "); the last one was graded,"
                        + " as a run from top to bottom would leave it");
            }
            answers.put(c.question(), c);
        }
        for (Cell check : assignment.source().cellsWithRole("check")) {
            String q = check.question();
            Cell answer = answers.remove(q);
            if (answer == null) {
                notes.add(q + ": no answer cell found in your notebook (its cell metadata names the question;"
                        + " was the cell deleted, or your code pasted into a new cell?)");
            } else {
                cells.add(new JobCell(new Cell(answer.index(), "code", answer.source(), "answer", q)));
            }
            cells.add(new JobCell(check));
        }
        for (String extra : answers.keySet()) {
            notes.add("your notebook has an answer cell for '" + extra + "', which this assignment does not have;"
                    + " it was not graded");
        }
        return cells;
    }

    private static final class Run {
        boolean finished;
        String fatal;
    }

    private Run runOnce(List<JobCell> cells, Map<String, TestOutcome> done, Map<Integer, List<String>> cellProblems,
                        long submissionDeadline) {
        Run run = new Run();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ObjectNode job = Protocol.JSON.createObjectNode();
        job.put("key", Base64.getEncoder().encodeToString(key));
        job.put("assignment", assignment.name());
        job.put("hidden", Base64.getEncoder().encodeToString(assignment.hiddenJar()));
        job.put("classPath", assignment.classPath());
        ArrayNode jc = job.putArray("cells");
        for (JobCell c : cells) {
            jc.addObject().put("index", c.cell.index()).put("role", c.cell.role()).put("question", c.cell.question())
                    .put("source", c.cell.source()).put("skip", c.skip);
        }
        ArrayNode skipTests = job.putArray("skipTests");
        done.keySet().forEach(skipTests::add);

        ProcessBuilder pb = new ProcessBuilder(sandbox.command(limits));
        sandbox.environment(pb.environment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            run.fatal = "the grading JVM could not start: " + e.getMessage();
            return run;
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), stderr);
        Events events = new Events(key);
        Thread outReader = new Thread(() -> events.read(p.getInputStream()), "grader-stdout");
        outReader.setDaemon(true);
        outReader.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(Protocol.JSON.writeValueAsBytes(job));
        } catch (IOException e) {
            // the JVM died before reading its job; handled below like any early end
        }

        String timedOut = null;
        Events.Current seen = null;
        long cpuAtStart = 0;
        try {
            while (true) {
                if (p.waitFor(100, TimeUnit.MILLISECONDS)) {
                    break;
                }
                long now = System.nanoTime();
                Events.Current cur = events.current();
                if (cur != seen) {
                    seen = cur;
                    cpuAtStart = cpuNanos(p);
                }
                if (cur != null) {
                    timedOut = overLimit(limits, cur.isTest, now - cur.startedNanos, cpuNanos(p) - cpuAtStart);
                    if (timedOut != null) {
                        break;
                    }
                }
                if (now > submissionDeadline) {
                    timedOut = "stopped: the whole submission reached its time limit of "
                            + limits.submissionSeconds() + " s";
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = "stopped: the grader was interrupted";
        }
        if (timedOut != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        join(outReader);
        join(errReader);

        for (JsonNode e : events.ended()) {
            if (e.get("event").asText().equals("test-end")) {
                PlannedTest t = assignment.planned(e.get("id").asText());
                if (t == null) {
                    continue;
                }
                String message = e.path("message").asText("");
                String output = e.path("output").asText("");
                if (!output.isBlank() && !e.path("status").asText().equals("PASSED")) {
                    message += "\nyour code printed:\n" + indent(output);
                }
                done.put(t.id(), new TestOutcome(t.question(), t.name(), t.id(), t.points(), t.hidden(),
                        TestOutcome.Status.valueOf(e.get("status").asText()), message));
            } else if (e.get("event").asText().equals("cell-end")) {
                List<String> problems = new ArrayList<>();
                e.path("problems").forEach(n -> problems.add(n.asText()));
                cellProblems.put(e.get("index").asInt(), problems);
            }
        }
        // Cells run again in every JVM (they define the answers); only one that ended a JVM is skipped.
        if (events.isDone()) {
            run.finished = true;
            return run;
        }
        String why = timedOut != null ? timedOut : events.crash != null ? events.crash
                : endReason(p.exitValue(), stderr.toString(StandardCharsets.UTF_8));
        Events.Current cur = events.current();
        if (cur == null) {
            String err = stderr.toString(StandardCharsets.UTF_8).strip();
            run.fatal = "the grading JVM ended before it ran anything: " + why
                    + (err.isEmpty() ? "" : "; it said: " + err.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse(""));
            return run;
        }
        if (cur.isTest) {
            PlannedTest t = assignment.planned(cur.id);
            if (t != null) {
                done.put(t.id(), new TestOutcome(t.question(), t.name(), t.id(), t.points(), t.hidden(),
                        TestOutcome.Status.ERROR, why));
            }
        } else {
            for (JobCell c : cells) {
                if (c.cell.index() != Integer.parseInt(cur.id)) {
                    continue;
                }
                if (c.cell.role().equals("answer")) {
                    c.skip = c.cell.describe() + ": " + why;
                } else if (++c.losses >= 2) {
                    // The instructor's own set-up or check cell: tried twice, then the submission stops.
                    run.fatal = "the assignment's " + c.cell.describe() + " did not finish twice (" + why
                            + "); tell your instructor";
                }
            }
        }
        return run;
    }

    private static String endReason(int exit, String stderr) {
        if (stderr.contains("OutOfMemoryError")) {
            return "the grading JVM ran out of memory (heap limit reached): is a large matrix made on every step of a loop?";
        }
        if (exit > 128) {
            return "the grading JVM was killed by signal " + (exit - 128);
        }
        return "your code ended the grading JVM (exit status " + exit + "): a call to System.exit? The grader"
                + " went on in a fresh JVM";
    }

    private static String indent(String s) {
        return "    " + s.strip().replace("\n", "\n    ");
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream keep) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream s = in) {
                int n;
                while ((n = s.read(buf)) > 0) {
                    synchronized (keep) {
                        int room = Math.max(0, Math.min(n, STDERR_CAP - keep.size()));
                        keep.write(buf, 0, room);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "grader-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Why the running test or cell must stop, or null. The limit counts processor time (of the
     * grading JVM and everything it started), so a machine busy with other work does not cost a
     * student points. On the clock a test may take {@link Limits#WALL_FACTOR} times its limit; past
     * that it is stopped as waiting (a sleep, a blocked read) when it used under a twentieth of the
     * time on a processor, else as computing too long.
     */
    static String overLimit(Limits limits, boolean isTest, long wallNanos, long cpuNanos) {
        int limit = isTest ? limits.testSeconds() : limits.cellSeconds();
        String what = isTest ? "test" : "cell";
        long wallLimit = TimeUnit.SECONDS.toNanos((long) Limits.WALL_FACTOR * limit);
        if (wallNanos > wallLimit && cpuNanos < wallNanos / 20) {
            return "stopped after waiting " + Limits.WALL_FACTOR * limit + " s while using almost no processor"
                    + " time (the limit of one " + what + " is " + limit + " s of processor time): a sleep,"
                    + " or waiting for input that never comes?";
        }
        if (cpuNanos > TimeUnit.SECONDS.toNanos(limit) || wallNanos > wallLimit) {
            return "stopped: over the time limit of one " + what + " (" + limit + " s of processor time): an"
                    + " endless loop, or far more work than needed?";
        }
        return null;
    }

    /** Processor time used so far by the process and its descendants (the sandbox starts the JVM). */
    private static long cpuNanos(Process p) {
        long total = cpu(p.toHandle());
        for (ProcessHandle h : (Iterable<ProcessHandle>) p.descendants()::iterator) {
            total += cpu(h);
        }
        return total;
    }

    private static long cpu(ProcessHandle h) {
        return h.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The signed events of one grading JVM, as they arrive. */
    private static final class Events {
        record Current(String id, boolean isTest, long startedNanos) {
        }

        private final byte[] key;
        private final List<JsonNode> ended = new ArrayList<>();
        private volatile Current current;
        private volatile boolean done;
        private volatile String crash;

        Events(byte[] key) {
            this.key = key;
        }

        Current current() {
            return current;
        }

        boolean isDone() {
            return done;
        }

        synchronized List<JsonNode> ended() {
            return new ArrayList<>(ended);
        }

        void read(InputStream raw) {
            try (InputStream in = new BufferedInputStream(raw)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                boolean tooLong = false;
                while ((b = in.read()) >= 0) {
                    if (b == '\n') {
                        if (!tooLong) {
                            handle(line.toString(StandardCharsets.UTF_8));
                        }
                        line.reset();
                        tooLong = false;
                    } else if (line.size() < LINE_CAP) {
                        line.write(b);
                    } else {
                        tooLong = true;
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        private void handle(String line) {
            JsonNode e = Protocol.verify(key, line);
            if (e == null) {
                return; // the student's own printing, or a forged event
            }
            String type = e.path("event").asText();
            switch (type) {
                case "cell-start" -> current = new Current(e.path("index").asText(), false, System.nanoTime());
                case "test-start" -> current = new Current(e.path("id").asText(), true, System.nanoTime());
                case "cell-end", "test-end" -> {
                    synchronized (this) {
                        ended.add(e);
                    }
                    current = null;
                }
                case "done" -> done = true;
                case "crash" -> crash = e.path("message").asText("");
                default -> {
                }
            }
        }
    }
}
