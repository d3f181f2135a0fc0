package descent.grade.batch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How a grading JVM is started: inside bubblewrap where it works (no network, no view of the
 * submissions, the hidden tests, the grader's output or the home folder; the system, the JDK, the
 * class path and the data folder read-only; a private /tmp; an unprivileged user), else as a plain
 * child process (time, heap and output limits only). {@link #describe()} says which.
 */
public final class Sandbox {
    private final String bwrap;
    private final String java;
    private final String classPath;
    private final Path dataDir;
    private final Path classArchive;
    private final boolean dumpArchive;

    private Sandbox(String bwrap, String java, String classPath, Path dataDir) {
        this(bwrap, java, classPath, dataDir, null, false);
    }

    private Sandbox(String bwrap, String java, String classPath, Path dataDir, Path classArchive,
                    boolean dumpArchive) {
        this.bwrap = bwrap;
        this.java = java;
        this.classPath = classPath;
        this.dataDir = dataDir;
        this.classArchive = classArchive;
        this.dumpArchive = dumpArchive;
    }

    /**
     * A plain JVM (no bubblewrap) that writes the classes it loaded into {@code archive} when it
     * ends (JDK class-data sharing). For the instructor's own reference solution only: trusted code.
     */
    Sandbox archivingTo(Path archive) {
        // The JDK archives classes from jar files only; a folder on the class path (a build's
        // classes/) makes the JVM refuse to start with this option.
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !entry.endsWith(".jar")) {
                return this;
            }
        }
        return new Sandbox(null, java, classPath, dataDir, archive.toAbsolutePath(), true);
    }

    /** This sandbox, starting its JVMs from the class archive written by {@link #archivingTo}. */
    Sandbox sharing(Path archive) {
        return new Sandbox(bwrap, java, classPath, dataDir, archive.toAbsolutePath(), false);
    }

    /**
     * The sandbox for this machine.
     *
     * @param classPath the grading JVM's class path (library, grader and their dependencies)
     * @param dataDir   the CIFAR-10 folder the hidden tests may read, or null
     * @param useBwrap  false to never use bubblewrap (tests of the fallback)
     */
    public static Sandbox detect(String classPath, Path dataDir, boolean useBwrap) {
        String java = ProcessHandle.current().info().command().orElse(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        Sandbox plain = new Sandbox(null, java, classPath, dataDir);
        if (!useBwrap) {
            return plain;
        }
        String bwrap = findOnPath("bwrap");
        if (bwrap == null) {
            return plain;
        }
        Sandbox sandboxed = new Sandbox(bwrap, java, classPath, dataDir);
        try {
            List<String> probe = sandboxed.wrap(List.of(java, "-version"));
            Process p = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return sandboxed;
            }
            p.destroyForcibly();
        } catch (IOException e) {
            // bubblewrap present but not usable here (no user namespaces): fall back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return plain;
    }

    /** True when submissions run inside bubblewrap. */
    public boolean isolated() {
        return bwrap != null;
    }

    /** One line for the terminal and the README: what protects a submission here. */
    public String describe() {
        return isolated()
                ? "sandbox: bubblewrap (no network; no access to other submissions, the hidden tests or"
                  + " the grader's output; read-only system; private /tmp; user nobody) + time, heap and output limits"
                : "sandbox: NONE beyond a separate JVM with time, heap and output limits (bubblewrap not"
                  + " found or not usable here: install it, e.g. apt-get install bubblewrap)";
    }

    /** The command that starts the grading JVM. */
    List<String> command(Limits limits) {
        List<String> jvm = new ArrayList<>(List.of(java,
                "-Xmx" + limits.heapMegabytes() + "m", "-Xss4m",
                "--add-modules=jdk.incubator.vector",
                "-XX:+DisableAttachMechanism", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dslf4j.internal.verbosity=ERROR",
                "-Djava.io.tmpdir=/tmp", "-Dfile.encoding=UTF-8"));
        if (classArchive != null) {
            // Class-data sharing: the grading JVMs map the classes the reference run loaded
            // (javac, JShell, JUnit, the library) instead of loading them again. -Xshare:auto
            // falls back to loading them when the archive does not fit this JVM.
            jvm.add((dumpArchive ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + classArchive);
            jvm.add("-Xlog:cds=off");
            jvm.add("-Xlog:cds+dynamic=off");
        }
        String extra = System.getenv("DESCENT_GRADE_JVM_OPTIONS"); // for an instructor's own tuning
        if (extra != null && !extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        jvm.addAll(List.of("-cp", classPath, SubmissionRunner.class.getName()));
        return wrap(jvm);
    }

    /** The environment the grading JVM sees (nothing else of the grader's). */
    void environment(Map<String, String> env) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C.UTF-8");
        env.put("HOME", "/tmp");
        if (dataDir != null) {
            env.put("DESCENT_DATA_DIR", dataDir.toString());
        }
        String trace = System.getenv("DESCENT_GRADE_TRACE");
        if (trace != null && bwrap == null) {
            env.put("DESCENT_GRADE_TRACE", trace);
        }
    }

    private List<String> wrap(List<String> command) {
        if (bwrap == null) {
            return command;
        }
        List<String> w = new ArrayList<>(List.of(bwrap, "--unshare-all", "--die-with-parent", "--new-session",
                "--uid", "65534", "--gid", "65534"));
        // A private /tmp first: binds below it (a class path under /tmp) are then made inside it.
        w.addAll(List.of("--tmpfs", "/tmp"));
        Set<Path> binds = new LinkedHashSet<>();
        binds.add(Paths.get("/usr"));
        binds.add(Paths.get("/etc"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib64", "/lib32")) {
            Path p = Paths.get(top);
            if (Files.isSymbolicLink(p)) {
                try {
                    w.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } catch (IOException e) {
                    // unreadable link: leave it out
                }
            } else if (Files.isDirectory(p)) {
                binds.add(p);
            }
        }
        binds.add(javaHome());
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path p = Paths.get(entry).toAbsolutePath();
                binds.add(Files.isDirectory(p) ? p : p.getParent());
            }
        }
        if (dataDir != null && Files.isDirectory(dataDir)) {
            binds.add(dataDir.toAbsolutePath());
        }
        if (classArchive != null && Files.isRegularFile(classArchive)) {
            binds.add(classArchive);
        }
        for (Path p : binds) {
            if (!covered(p, binds)) {
                w.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        w.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--chdir", "/tmp"));
        w.addAll(command);
        return w;
    }

    // True when another bind already contains p (binding both would be redundant).
    private static boolean covered(Path p, Set<Path> binds) {
        for (Path other : binds) {
            if (!other.equals(p) && p.startsWith(other)) {
                return true;
            }
        }
        return false;
    }

    private Path javaHome() {
        Path bin = Paths.get(java).toAbsolutePath().getParent();
        try {
            bin = bin.toRealPath();
        } catch (IOException e) {
            // keep the path as given
        }
        return bin.getParent();
    }

    private static String findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Paths.get(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
