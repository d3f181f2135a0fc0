package descent.data.source;

import descent.util.Checks;
import descent.util.Interrupted;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A folder holding the CIFAR-10 binary release, filled on demand from a list of sources.
 *
 * <p>{@link #ensure()} checks every expected file by size and SHA-1. Files already right are left
 * alone; missing, partial or damaged ones are fetched from the sources in order until all are
 * right. Verified checksums are remembered in a marker file ({@value #MARKER_FILE}) keyed by size
 * and modification time, so a second {@code ensure()} costs a few {@code stat} calls rather than
 * hashing 180 MB. Every write is atomic: a temporary file in the same folder, renamed over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}. Sources download into a folder
 * {@value #DOWNLOAD_PREFIX}{@code <pid>-<random>} inside the cache, emptied into the cache and
 * deleted when the fetch ends; what a killed run leaves behind is removed by the next one. A file
 * lock ({@value #LOCK_FILE}) keeps two processes from fetching into the same folder at once; a
 * folder whose files are all right is used without it, so a read-only shared folder works.
 * Progress of a fetch is shown while it runs (see {@link FetchProgress}).
 *
 * <p>{@code descent.data.Cifar10.cache()} is the cache the course uses; tests build their own with a small
 * {@code expected} map and fake sources.
 */
public final class Cifar10Cache {
    /** System property naming the data root; wins over the environment variable. */
    public static final String DATA_DIR_PROPERTY = "descent.dataDir";
    /** Environment variable naming the data root. */
    public static final String DATA_DIR_ENV = "DESCENT_DATA_DIR";
    /** The folder under the data root that holds the release files. */
    public static final String FOLDER = "cifar-10-batches-bin";
    /** The class-name file; it has no official checksum, it must only hold names. */
    public static final String META_FILE = "batches.meta.txt";
    /** Where verified checksums are remembered. */
    public static final String MARKER_FILE = ".verified";
    /** Held while fetching, remembering checksums or removing leftovers of killed runs. */
    public static final String LOCK_FILE = ".lock";
    /** Start of the name of each download folder inside the cache: {@code .download-<pid>-<random>}. */
    public static final String DOWNLOAD_PREFIX = ".download-";
    /** Size of each batch file of the release: 10,000 records of 3073 bytes. */
    public static final long BATCH_BYTES = (long) Cifar10Format.RECORDS_PER_FILE * Cifar10Format.RECORD_BYTES;

    /** Size and SHA-1 (40 lower-case hex digits) a file must have. */
    public record Expected(long bytes, String sha1) {
        /** Checks the values. */
        public Expected {
            Checks.require(bytes > 0, "bytes must be > 0 but was: " + bytes);
            Checks.require(sha1 != null && sha1.matches("[0-9a-f]{40}"),
                    "sha1 must be 40 lower-case hex digits but was: " + sha1);
        }
    }

    /** The six batch files of the official release with their official SHA-1 values. */
    public static final Map<String, Expected> OFFICIAL_FILES = officialFiles();

    private static final Object IN_PROCESS_LOCK = new Object();

    private final Path dir;
    private final List<Cifar10Source> sources;
    private final Map<String, Expected> expected;
    private final FetchProgress.Factory progress;
    private final Predicate<Path> writable;

    /**
     * @param dir      the folder; created when needed
     * @param sources  where to fetch from, in order; may be empty (then files must be placed by hand)
     * @param expected file name → size and SHA-1, for every batch file that must be present;
     *                 {@value #META_FILE} is always required too
     */
    public Cifar10Cache(Path dir, List<Cifar10Source> sources, Map<String, Expected> expected) {
        this(dir, sources, expected, FetchProgress::start, Files::isWritable);
    }

    /**
     * Tests: {@code progress} makes the progress display of each fetch; {@code writable} says
     * whether the user may write a folder (tests run as root, who may write anywhere).
     */
    Cifar10Cache(Path dir, List<Cifar10Source> sources, Map<String, Expected> expected,
                 FetchProgress.Factory progress, Predicate<Path> writable) {
        this.dir = Checks.notNull("dir", dir).toAbsolutePath();
        this.sources = List.copyOf(Checks.notNull("sources", sources));
        Checks.notNull("expected", expected);
        Checks.require(!expected.isEmpty(), "expected must name at least one file");
        this.expected = new LinkedHashMap<>(expected);
        this.progress = Checks.notNull("progress", progress);
        this.writable = Checks.notNull("writable", writable);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** The sources, in the order they are tried. */
    public List<Cifar10Source> sources() {
        return sources;
    }

    /**
     * Makes sure the folder holds every expected file with the right size and SHA-1, and the
     * class-name file; fetches what is missing or damaged.
     *
     * <p>The files are checked first without a lock and without writing anything, so a folder the
     * user may not write (an instructor's class-wide data folder, a grading sandbox) works as long
     * as its files are right. Only to fetch, to remember new checksums or to remove what a killed
     * run left behind does it take the lock; download folders ({@value #DOWNLOAD_PREFIX}…) and
     * temporary {@code .part} files found while holding it belong to runs that died, since every
     * live run holds the lock while it has them.
     *
     * @return the folder
     * @throws IOException if some file is still missing or wrong after every source was tried (the
     *                     message lists each source with its error and says how to place the files
     *                     by hand); if files are missing and the folder is read-only for the user;
     *                     if a file may not be read. Each message names the cause and the fix.
     */
    public Path ensure() throws IOException {
        synchronized (IN_PROCESS_LOCK) {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir);
                } catch (AccessDeniedException e) {
                    throw FileAccess.cannotCreate(dir, e);
                }
            }
            if (!FileAccess.canOpen(dir)) {
                throw FileAccess.cannotOpenFolder(dir);
            }
            Map<String, String> marker = readMarker();
            Check first = check(marker);
            if (first.needed().isEmpty() && !first.markerChanged() && leftovers().isEmpty()) {
                return dir;
            }
            if (!writable.test(dir)) {
                if (first.needed().isEmpty()) {
                    return dir; // right, but the checksums cannot be remembered: the next call hashes again
                }
                throw readOnly(first);
            }
            Path lockFile = dir.resolve(LOCK_FILE);
            FileChannel lockChannel;
            try {
                lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (AccessDeniedException e) {
                if (first.needed().isEmpty()) {
                    return dir;
                }
                throw lockedOut(lockFile, first);
            }
            try (lockChannel; FileLock lock = lockChannel.lock()) {
                return ensureLocked(marker, first.markerChanged());
            }
        }
    }

    /** Files are missing or wrong and the user may not write the folder. */
    private IOException readOnly(Check check) {
        return new IOException("CIFAR-10 in " + dir + " is incomplete (" + String.join("; ", check.problems())
                + "), and the folder is read-only for you (" + FileAccess.ownerAndMode(dir) + "), so nothing can be"
                + " fetched into it. Fix: ask the folder's owner (" + FileAccess.owner(dir) + ", e.g. your instructor)"
                + " to complete it, or " + FileAccess.OWN_FOLDER + ".");
    }

    /** Files are missing or wrong and the user may not open the lock file, which someone else made. */
    private IOException lockedOut(Path lockFile, Check check) {
        return new IOException("CIFAR-10 in " + dir + " is incomplete (" + String.join("; ", check.problems())
                + "), and its lock file " + lockFile + " is read-only for you (" + FileAccess.ownerAndMode(lockFile)
                + "), so nothing can be fetched into it. Fix: ask the owner of " + LOCK_FILE + " ("
                + FileAccess.owner(lockFile) + ") to delete it, or " + FileAccess.OWN_FOLDER + ".");
    }

    /** {@code unsaved}: {@code marker} holds checksums verified before the lock was taken. */
    private Path ensureLocked(Map<String, String> marker, boolean unsaved) throws IOException {
        removeLeftovers();
        Check check = check(marker);
        saveMarker(marker, unsaved || check.markerChanged());
        Set<String> needed = check.needed();
        if (needed.isEmpty()) {
            return dir;
        }
        List<String> failures = new ArrayList<>();
        for (Cifar10Source source : sources) {
            FetchProgress shown = progress.start("CIFAR-10 from " + source.description());
            Path download = Files.createTempDirectory(dir, DOWNLOAD_PREFIX + ProcessHandle.current().pid() + "-");
            boolean ok = false;
            String stopped = null;
            try {
                try {
                    source.fetch(download, Set.copyOf(needed), shown);
                } finally {
                    moveIn(download); // whole files, also from a fetch that failed half-way
                }
                check = check(marker);
                saveMarker(marker, check.markerChanged());
                needed = check.needed();
                if (needed.isEmpty()) {
                    ok = true;
                    return dir;
                }
                stopped = "fetched, but " + String.join("; ", check.problems());
                failures.add(source.description() + ": " + stopped);
            } catch (IOException | RuntimeException e) {
                stopped = describe(e);
                failures.add(source.description() + ": " + stopped);
                check = check(marker);
                saveMarker(marker, check.markerChanged());
                needed = check.needed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = "interrupted";
                int missing = needed.size();
                throw Interrupted.at("fetching CIFAR-10 from " + source.description(), "file",
                        0, missing, "whole files already fetched stay in " + dir
                                + "; run the cell again to fetch the rest", null);
            } finally {
                deleteTree(download);
                shown.finish(ok, stopped);
            }
        }
        throw new IOException(noSourceMessage(needed, failures));
    }

    /** Moves the release files a source wrote into its download folder to the cache folder. */
    private void moveIn(Path download) throws IOException {
        Set<String> names = new LinkedHashSet<>(expected.keySet());
        names.add(META_FILE);
        for (String name : names) {
            Path file = download.resolve(name);
            if (Files.isRegularFile(file)) {
                Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * What earlier runs left in the folder: download folders ({@value #DOWNLOAD_PREFIX}…) and
     * temporary files of atomic writes ({@code .<name>.<random>.part}), in name order.
     */
    List<Path> leftovers() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(DOWNLOAD_PREFIX) || (name.startsWith(".") && name.endsWith(".part"))) {
                    found.add(p);
                }
            }
        }
        Collections.sort(found);
        return found;
    }

    /** Deletes the leftovers of dead runs; call only while holding the lock. */
    private void removeLeftovers() throws IOException {
        for (Path p : leftovers()) {
            deleteTree(p);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Already gone, or not ours to delete: the next run tries again.
        }
    }

    /** The files missing or wrong (in a stable order) with a description of each problem. */
    private record Check(Set<String> needed, List<String> problems, boolean markerChanged) {
    }

    /**
     * Checks the files; verified checksums are added to {@code marker} (not saved).
     *
     * @throws IOException if a file exists but may not be read (no source can fix that)
     */
    private Check check(Map<String, String> marker) throws IOException {
        Set<String> needed = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        boolean markerChanged = false;
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            String name = e.getKey();
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                needed.add(name);
                problems.add(name + " is missing");
                continue;
            }
            long size = Files.size(file);
            if (size != e.getValue().bytes()) {
                needed.add(name);
                problems.add(name + " has " + size + " bytes but should have " + e.getValue().bytes());
                continue;
            }
            String key = name + " " + size + " " + Files.getLastModifiedTime(file).toMillis();
            if (e.getValue().sha1().equals(marker.get(key))) {
                continue;
            }
            String actual;
            try {
                actual = sha1(file);
            } catch (AccessDeniedException denied) {
                throw FileAccess.cannotRead(file, denied);
            }
            if (actual.equals(e.getValue().sha1())) {
                marker.keySet().removeIf(k -> k.startsWith(name + " "));
                marker.put(key, actual);
                markerChanged = true;
            } else {
                needed.add(name);
                problems.add(name + " has SHA-1 " + actual + " but should have " + e.getValue().sha1());
            }
        }
        try {
            Cifar10Format.readClassNames(dir.resolve(META_FILE));
        } catch (FileAccess.Denied denied) {
            throw denied; // no source can make it readable
        } catch (IOException e) {
            needed.add(META_FILE);
            problems.add(e.getMessage());
        }
        return new Check(needed, problems, markerChanged);
    }

    /** Remembers new checksums if there are any; a marker that cannot be written only costs a re-hash. */
    private void saveMarker(Map<String, String> marker, boolean changed) {
        if (changed) {
            try {
                writeMarker(marker);
            } catch (IOException e) {
                // e.g. a .verified owned by someone else in a sticky folder: hash again next time.
            }
        }
    }

    private String noSourceMessage(Set<String> needed, List<String> failures) {
        StringBuilder m = new StringBuilder();
        m.append("CIFAR-10 is not complete in ").append(dir).append(" and could not be fetched.\n");
        m.append("Missing or damaged: ").append(String.join(", ", needed)).append(".\n");
        if (failures.isEmpty()) {
            m.append("No sources were configured.\n");
        } else {
            m.append("Tried, in order:\n");
            for (int i = 0; i < failures.size(); i++) {
                m.append("  ").append(i + 1).append(". ").append(failures.get(i)).append('\n');
            }
        }
        m.append("To place the files by hand: download cifar-10-binary.tar.gz (the \"CIFAR-10 binary version\", MD5 ")
                .append(OfficialTarballSource.OFFICIAL_MD5).append(") from https://www.cs.toronto.edu/~kriz/cifar.html"
                        + " and unpack it so that\n  ")
                .append(dir).append('\n')
                .append("holds data_batch_1.bin … data_batch_5.bin, test_batch.bin and batches.meta.txt")
                .append(" (a tar of the folder cifar-10-batches-bin: unpack it in ").append(dir.getParent())
                .append("). To use another folder, set the system property ").append(DATA_DIR_PROPERTY)
                .append(" or the environment variable ").append(DATA_DIR_ENV)
                .append(" to a folder whose cifar-10-batches-bin subfolder holds the files.");
        return m.toString();
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        String previous = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            String part = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            if (!part.equals(previous)) {
                s.append(previous == null ? "" : " <- caused by ").append(part);
            }
            previous = part;
        }
        return s.toString();
    }

    private Map<String, String> readMarker() {
        Map<String, String> marker = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(MARKER_FILE), StandardCharsets.UTF_8)) {
                int last = line.lastIndexOf(' ');
                if (last > 0) {
                    marker.put(line.substring(0, last), line.substring(last + 1));
                }
            }
        } catch (NoSuchFileException e) {
            // No checksums remembered yet.
        } catch (IOException e) {
            marker.clear(); // An unreadable marker only costs a re-hash.
        }
        return marker;
    }

    private void writeMarker(Map<String, String> marker) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : marker.entrySet()) {
            s.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        writeAtomically(dir.resolve(MARKER_FILE), out -> out.write(s.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-1 of a file as 40 lower-case hex digits. */
    public static String sha1(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes the content of a file to a stream; see {@link #writeAtomically}. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the whole content to {@code out} (do not close it). */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically: into a temporary file in the same folder, then renamed over
     * {@code target} with {@link StandardCopyOption#ATOMIC_MOVE}. Readers see the old file or the
     * whole new one, never a part; if writing fails, the temporary file is deleted.
     */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        Checks.noneNull("target, writer", target, writer);
        Path folder = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".part");
        boolean done = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                // createTempFile makes owner-only files; a data cache may be shared, so rw-r--r--.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static Map<String, Expected> officialFiles() {
        Map<String, Expected> m = new LinkedHashMap<>();
        m.put("data_batch_1.bin", new Expected(BATCH_BYTES, "aadd24acce27caa71bf4b10992e9e7b2d74c2540"));
        m.put("data_batch_2.bin", new Expected(BATCH_BYTES, "c0ba65cce70568cd57b4e03e9ac8d2a5367c1795"));
        m.put("data_batch_3.bin", new Expected(BATCH_BYTES, "1dd00a74ab1d17a6e7d73e185b69dbf31242f295"));
        m.put("data_batch_4.bin", new Expected(BATCH_BYTES, "aab85764eb3584312d3c7f65fd2fd016e36a258e"));
        m.put("data_batch_5.bin", new Expected(BATCH_BYTES, "26e2849e66a845b7f1e4614ae70f4889ae604628"));
        m.put("test_batch.bin", new Expected(BATCH_BYTES, "67eb016db431130d61cd03c7ad570b013799c88c"));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "Cifar10Cache[dir=" + dir + ", sources=" + sources + ", files=" + expected.keySet() + "]";
    }
}
