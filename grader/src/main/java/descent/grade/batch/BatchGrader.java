package descent.grade.batch;

import descent.grade.Format;
import descent.grade.notebook.Notebook;
import descent.grade.notebook.NotebookException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades a folder of submissions, {@code jobs} at a time, each in its own grading JVM, and
 * writes {@code <out>/<student>/feedback.md}, {@code <out>/<student>/results.json} and
 * {@code <out>/gradebook.csv}, printing a line per submission as it finishes. Every submission
 * found gets a result, whatever its notebook or its code does.
 */
public final class BatchGrader {
    private final Assignment assignment;
    private final Sandbox sandbox;
    private final Limits limits;
    private final SubmissionGrader grader;
    private final int jobs;
    private final PrintStream progress;

    /**
     * @param assignment the assignment
     * @param sandbox    how grading JVMs start
     * @param limits     what one submission may use
     * @param jobs       submissions graded at once (the machine's cores is a good value)
     * @param progress   where progress lines go
     */
    public BatchGrader(Assignment assignment, Sandbox sandbox, Limits limits, int jobs, PrintStream progress) {
        if (jobs <= 0) {
            throw new IllegalArgumentException("jobs must be > 0 but was: " + jobs);
        }
        this.assignment = assignment;
        this.sandbox = sandbox;
        this.limits = limits;
        this.grader = new SubmissionGrader(assignment, sandbox, limits);
        this.jobs = jobs;
        this.progress = progress;
    }

    /** Grades every submission under {@code submissions} into {@code out}; returns the results by student. */
    public List<SubmissionResult> gradeAll(Path submissions, Path out, String releasedName)
            throws IOException, InterruptedException {
        List<Submissions.Found> found = Submissions.find(submissions);
        Files.createDirectories(out);
        SubmissionGrader graderForAll = checkReference(out);
        int total = found.size();
        AtomicInteger finished = new AtomicInteger();
        List<Future<SubmissionResult>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            for (Submissions.Found f : found) {
                futures.add(pool.submit(() -> {
                    SubmissionResult r;
                    try {
                        r = gradeOne(graderForAll, f, submissions, releasedName);
                    } catch (RuntimeException e) {
                        // A fault of the grader itself: this submission still gets a result.
                        r = graderForAll.failed(f.student(), "", "the grader failed on this submission ("
                                + e + "); tell your instructor");
                    }
                    try {
                        Reports.write(r, assignment.name(), out.resolve(r.student()));
                    } catch (IOException e) {
                        synchronized (progress) {
                            progress.println("WARNING: could not write the feedback of " + r.student() + ": " + e);
                        }
                    }
                    synchronized (progress) {
                        progress.printf(Locale.ROOT, "[%" + digits(total) + "d/%d] %-24s %6s / %s points  %5.1f s%s%n",
                                finished.incrementAndGet(), total, r.student(), Format.points(r.score()),
                                Format.points(r.maxScore()), r.seconds(),
                                r.notes().isEmpty() ? "" : "  (" + r.notes().size() + " note"
                                        + (r.notes().size() == 1 ? ")" : "s)"));
                    }
                    return r;
                }));
            }
            List<SubmissionResult> results = new ArrayList<>();
            for (Future<SubmissionResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("grading failed: " + e.getCause(), e.getCause());
                }
            }
            Files.writeString(out.resolve("gradebook.csv"), Reports.gradebook(results, assignment.questions()),
                    StandardCharsets.UTF_8);
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Grades the instructor's own notebook first, outside the sandbox (trusted code): it must get
     * full marks, or the tests and the solution disagree and the instructor is told. That JVM also
     * records the classes it loaded in a class-data-sharing archive, which every grading JVM then
     * starts from (about a second less each). Returns the grader to use for the class.
     */
    private SubmissionGrader checkReference(Path out) throws IOException {
        Path cache = Files.createDirectories(out.resolve(".grader-cache"));
        Path archive = cache.resolve("classes.jsa");
        Files.deleteIfExists(archive);
        SubmissionResult ref = new SubmissionGrader(assignment, sandbox.archivingTo(archive), limits)
                .grade("(reference solution)", "", assignment.source(), List.of());
        synchronized (progress) {
            progress.printf(Locale.ROOT, "reference solution: %s / %s points (%.1f s)%n", Format.points(ref.score()),
                    Format.points(ref.maxScore()), ref.seconds());
            if (ref.score() < ref.maxScore()) {
                progress.println("WARNING: the source notebook's own solution does not pass every test:");
                ref.outcomes().stream().filter(o -> !o.passed()).forEach(o ->
                        progress.println("  " + o.question() + " " + o.name() + ": " + o.message()));
                ref.notes().forEach(n -> progress.println("  " + n));
            }
        }
        return Files.isRegularFile(archive) ? new SubmissionGrader(assignment, sandbox.sharing(archive), limits)
                : grader;
    }

    /** Grades one submission found in the folder; never throws for a bad submission. */
    public SubmissionResult gradeOne(Submissions.Found f, Path submissions, String releasedName) {
        return gradeOne(grader, f, submissions, releasedName);
    }

    private static SubmissionResult gradeOne(SubmissionGrader grader, Submissions.Found f, Path submissions,
                                             String releasedName) {
        List<String> notes = new ArrayList<>();
        Path chosen;
        try {
            chosen = Submissions.choose(f, releasedName, notes);
        } catch (IOException e) {
            return grader.failed(f.student(), "", "cannot read the submission: " + e.getMessage());
        }
        if (chosen == null) {
            return grader.failed(f.student(), "", f.others().isEmpty()
                    ? "the submission is empty: no notebook (.ipynb) was handed in"
                    : "no notebook (.ipynb) in the submission; found: " + String.join(", ", f.others()));
        }
        String file = submissions.relativize(chosen).toString();
        try {
            Notebook nb = Notebook.read(chosen);
            return grader.grade(f.student(), file, nb, notes);
        } catch (NotebookException e) {
            return grader.failed(f.student(), file, e.getMessage());
        }
    }

    private static int digits(int n) {
        return Integer.toString(Math.max(1, n)).length();
    }
}
