package descent.grade;

import descent.data.Cifar10;
import descent.grade.batch.Assignment;
import descent.grade.batch.BatchGrader;
import descent.grade.batch.Limits;
import descent.grade.batch.Reports;
import descent.grade.batch.Sandbox;
import descent.grade.batch.SubmissionResult;
import descent.grade.batch.Submissions;
import descent.grade.release.Release;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grader's command line (see {@code grader/grade.sh}, which supplies the class path):
 *
 * <pre>
 *   release SOURCE.ipynb... [--out DIR]            student notebooks (default: ../release/ beside the source)
 *   grade SOURCE.ipynb SUBMISSIONS [--out DIR]      every submissions/&lt;student&gt;/*.ipynb
 *         [--jobs N] [--test-seconds S] [--submission-seconds S] [--heap MB] [--no-sandbox]
 *   grade-one SOURCE.ipynb FOLDER --results FILE     one submission (Gradescope's run_autograder)
 *   common: --hidden JAR (the hidden tests; default build/grader/descent-grader-hidden.jar)
 * </pre>
 * Exit status 0 when the command did its job (whatever the grades), 2 for a usage error, 1 for
 * anything else, with one line saying what went wrong.
 */
public final class Main {
    private Main() {
    }

    /** Runs a command; see the class comment. */
    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println("grade: " + e.getMessage());
            System.err.println("usage: grade.sh release SOURCE.ipynb... [--out DIR]");
            System.err.println("       grade.sh grade SOURCE.ipynb SUBMISSIONS_DIR [--out DIR] [--jobs N]");
            System.err.println("       grade.sh grade-one SOURCE.ipynb SUBMISSION_DIR --results FILE");
            System.exit(2);
        } catch (Exception e) {
            System.err.println("grade: " + e.getMessage());
            System.exit(1);
        }
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String m) {
            super(m);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new UsageException("no command");
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-sandbox")) {
                options.put(a, "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageException(a + " needs a value");
                }
                options.put(a, args[++i]);
            } else {
                positional.add(a);
            }
        }
        // Absolute entries: the grading JVM runs in another folder (and, sandboxed, sees only these paths).
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank()).map(e -> Paths.get(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Path hidden = Paths.get(options.getOrDefault("--hidden",
                System.getProperty("descent.grade.hidden", "build/grader/descent-grader-hidden.jar")));
        switch (args[0]) {
            case "release" -> {
                if (positional.isEmpty()) {
                    throw new UsageException("release needs at least one source notebook");
                }
                for (String s : positional) {
                    Path source = Paths.get(s);
                    Path outDir = options.containsKey("--out") ? Paths.get(options.get("--out"))
                            : source.toAbsolutePath().getParent().resolveSibling("release");
                    Release.Released r = Release.release(source, classPath);
                    Path out = outDir.resolve(source.getFileName());
                    Files.createDirectories(outDir);
                    Files.writeString(out, r.text(), StandardCharsets.UTF_8);
                    System.out.println("released " + source + " -> " + out + " (assignment '" + r.assignment() + "')");
                }
                return 0;
            }
            case "grade" -> {
                if (positional.size() != 2) {
                    throw new UsageException("grade needs SOURCE.ipynb and SUBMISSIONS_DIR");
                }
                Path source = Paths.get(positional.get(0));
                Assignment a = Assignment.load(source, hidden, classPath);
                Sandbox sandbox = sandbox(options, classPath);
                Limits limits = limits(options);
                int jobs = Integer.parseInt(options.getOrDefault("--jobs",
                        Integer.toString(Runtime.getRuntime().availableProcessors())));
                Path out = Paths.get(options.getOrDefault("--out", "build/grades/" + a.name()));
                System.out.println("grading '" + a.name() + "' (" + a.questions().size() + " questions, "
                        + a.plan().size() + " tests, " + Format.points(a.maxScore()) + " points), " + jobs
                        + " at a time; " + sandbox.describe());
                long t0 = System.nanoTime();
                List<SubmissionResult> results = new BatchGrader(a, sandbox, limits, jobs, System.out)
                        .gradeAll(Paths.get(positional.get(1)), out, source.getFileName().toString());
                System.out.printf(Locale.ROOT, "graded %d submissions in %.1f s; gradebook: %s%n", results.size(),
                        (System.nanoTime() - t0) / 1e9, out.resolve("gradebook.csv"));
                return 0;
            }
            case "grade-one" -> {
                if (positional.size() != 2 || !options.containsKey("--results")) {
                    throw new UsageException("grade-one needs SOURCE.ipynb, SUBMISSION_DIR and --results FILE");
                }
                Path source = Paths.get(positional.get(0));
                Assignment a = Assignment.load(source, hidden, classPath);
                Sandbox sandbox = sandbox(options, classPath);
                Path folder = Paths.get(positional.get(1));
                Submissions.Found found = Submissions.find(folder.getParent()).stream()
                        .filter(f -> f.student().equals(folder.getFileName().toString())).findFirst()
                        .orElse(new Submissions.Found(folder.getFileName().toString(), List.of(), List.of()));
                SubmissionResult r = new BatchGrader(a, sandbox, limits(options), 1, System.out)
                        .gradeOne(found, folder.getParent(), source.getFileName().toString());
                Path results = Paths.get(options.get("--results"));
                Reports.write(r, a.name(), results.toAbsolutePath().getParent());
                if (!results.getFileName().toString().equals("results.json")) {
                    Files.move(results.resolveSibling("results.json"), results,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                System.out.println(Reports.feedback(r, a.name()));
                return 0;
            }
            case "prepare" -> {
                System.out.println("CIFAR-10 ready in " + Cifar10.ensureFiles());
                return 0;
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        }
    }

    private static Sandbox sandbox(Map<String, String> options, String classPath) throws IOException {
        Path data = null;
        try {
            data = Cifar10.ensureFiles().getParent();
        } catch (RuntimeException e) {
            System.err.println("grade: CIFAR-10 is not available (" + e.getMessage() + "); tests that need it will fail");
        }
        return Sandbox.detect(classPath, data, !options.containsKey("--no-sandbox"));
    }

    private static Limits limits(Map<String, String> options) {
        Limits d = Limits.defaults();
        return new Limits(Integer.parseInt(options.getOrDefault("--test-seconds", "" + d.testSeconds())),
                Integer.parseInt(options.getOrDefault("--submission-seconds", "" + d.submissionSeconds())),
                Integer.parseInt(options.getOrDefault("--heap", "" + d.heapMegabytes())));
    }
}
