package descent.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Run by {@link Cifar10CacheTest} in a JVM of its own, then killed: fetches into the cache folder
 * {@code args[0]} from a source that writes 1 MB of a download and half of {@code a.bin}, prints
 * {@code "downloading <its download folder>"} and waits to be killed.
 */
final class KilledDownloadChild {
    private KilledDownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        Cifar10Source stuck = new Cifar10Source() {
            @Override
            public String description() {
                return "a source that is killed half-way";
            }

            @Override
            public void fetch(Path dir, Set<String> fileNames, FetchProgress progress) throws IOException {
                Files.write(dir.resolve("package.tgz"), new byte[1 << 20]);
                Cifar10Cache.writeAtomically(dir.resolve("a.bin"), out -> {
                    out.write(new byte[3000]);
                    out.flush();
                    System.out.println("downloading " + dir);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        };
        new Cifar10Cache(Path.of(args[0]), List.of(stuck),
                Map.of("a.bin", new Cifar10Cache.Expected(6146, "0".repeat(40)))).ensure();
    }
}
