package descent.data.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A place CIFAR-10 can be fetched from: it writes release files into a folder.
 *
 * <p>{@link Cifar10Cache} asks its sources in order until the cache holds every file with the
 * right checksum. Each source writes into a fresh download folder inside the cache
 * ({@code .download-<pid>-<random>}), which the cache empties into the cache folder afterwards
 * and then deletes; a run killed half-way leaves only that folder, which the next run removes.
 * A source writes each file atomically (see {@link Cifar10Cache#writeAtomically}) so that an
 * interrupted fetch never leaves a half-written file under a release name, and keeps any other
 * temporary files inside the folder it is given. Tests inject their own sources through this
 * interface.
 */
public interface Cifar10Source {
    /** What this source is, for messages: e.g. "official binary tarball https://…". */
    String description();

    /**
     * Writes the named release files into {@code dir}, reporting the bytes downloaded so far.
     *
     * @param dir       an empty download folder inside the cache; exists; the source may keep its
     *                  temporary files here too
     * @param fileNames the files wanted, e.g. {@code data_batch_3.bin}, {@code batches.meta.txt};
     *                  writing others too is allowed
     * @param progress  where to report bytes as they arrive ({@link FetchProgress#update})
     * @throws IOException          if the source is unreachable or its data is damaged; the
     *                              message says why
     * @throws InterruptedException if interrupted while waiting for the network or a process
     */
    void fetch(Path dir, Set<String> fileNames, FetchProgress progress) throws IOException, InterruptedException;
}
