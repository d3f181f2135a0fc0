package descent.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A place CIFAR-10 can be fetched from: it writes release files into a folder.
 *
 * <p>{@link Cifar10Cache} asks its sources in order until the folder holds every file with the
 * right checksum. A source writes each file atomically (see {@link Cifar10Cache#writeAtomically})
 * so that an interrupted fetch never leaves a half-written file under a release name. Tests
 * inject their own sources through this interface.
 */
public interface Cifar10Source {
    /** What this source is, for messages: e.g. "official binary tarball https://…". */
    String description();

    /**
     * Writes the named release files into {@code dir}.
     *
     * @param dir       the cache folder; exists
     * @param fileNames the files wanted, e.g. {@code data_batch_3.bin}, {@code batches.meta.txt};
     *                  writing others too is allowed
     * @throws IOException          if the source is unreachable or its data is damaged; the
     *                              message says why
     * @throws InterruptedException if interrupted while waiting for the network or a process
     */
    void fetch(Path dir, Set<String> fileNames) throws IOException, InterruptedException;
}
