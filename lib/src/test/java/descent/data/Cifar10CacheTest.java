package descent.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        public void fetch(Path dir, Set<String> fileNames) throws IOException {
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
        public void fetch(Path dir, Set<String> fileNames) throws IOException {
            calls++;
            throw new IOException("host unreachable");
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
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")));
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
        assertThrows(IOException.class, () -> source.fetch(dir, Set.of("a.bin")));
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
            IOException e = assertThrows(IOException.class, () -> source.fetch(dir, Set.of("a.bin")));
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
                    Set.of("a.bin")));
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
