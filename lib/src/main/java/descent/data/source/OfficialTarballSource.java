package descent.data.source;

import descent.util.Checks;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Fetches CIFAR-10 from the official binary tarball ({@code cifar-10-binary.tar.gz}, 162 MB) over
 * HTTP, unpacking it while it streams in: nothing but the wanted files touches the disk.
 *
 * <p>The connection attempt is bounded by a short timeout so that an unreachable host fails in
 * seconds and the next source gets its turn; every read is bounded by the response timeout, so a
 * download that stalls half-way fails too instead of hanging the cell. The tarball's MD5 is checked
 * once it has been read. The bytes received so far (of the response's Content-Length) are reported
 * to the {@link FetchProgress} as they arrive.
 */
public final class OfficialTarballSource implements Cifar10Source {
    /** The official tarball of the binary release. */
    public static final URI OFFICIAL_URI = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** Its MD5, as published on the dataset's home page. */
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** The folder inside the tarball that holds the release files. */
    public static final String FOLDER = "cifar-10-batches-bin";

    private static final int MAX_REDIRECTS = 5;

    private final URI uri;
    private final String md5;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    /** The official tarball, 5 s to connect, at most 30 s without data once connected. */
    public OfficialTarballSource() {
        this(OFFICIAL_URI, OFFICIAL_MD5, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /**
     * A tarball of the same layout somewhere else (a mirror, or a local server in tests).
     *
     * @param uri             http(s) address of a {@code .tar.gz} holding {@code cifar-10-batches-bin/…}
     * @param md5             its MD5 as 32 hex digits, or null to skip the check
     * @param connectTimeout  how long to wait for the connection; positive
     * @param responseTimeout how long to wait for any data (headers or the next bytes of the body);
     *                        positive
     */
    public OfficialTarballSource(URI uri, String md5, Duration connectTimeout, Duration responseTimeout) {
        this.uri = Checks.notNull("uri", uri);
        Checks.require(md5 == null || md5.matches("[0-9a-f]{32}"), "md5 must be 32 lower-case hex digits but was: " + md5);
        this.md5 = md5;
        Checks.require(connectTimeout != null && !connectTimeout.isNegative() && !connectTimeout.isZero(),
                "connectTimeout must be > 0 but was: " + connectTimeout);
        Checks.require(responseTimeout != null && !responseTimeout.isNegative() && !responseTimeout.isZero(),
                "responseTimeout must be > 0 but was: " + responseTimeout);
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public String description() {
        return "official binary tarball " + uri;
    }

    @Override
    public void fetch(Path dir, Set<String> fileNames, FetchProgress progress) throws IOException {
        Checks.notNull("progress", progress);
        HttpURLConnection connection = open(uri, MAX_REDIRECTS);
        long total = connection.getContentLengthLong();
        try (InputStream body = new Counting(connection.getInputStream(), n -> progress.update(n, total))) {
            unpack(body, dir, fileNames);
        } catch (SocketTimeoutException e) {
            throw new IOException("the download from " + uri + " stalled: no data for "
                    + BigDecimal.valueOf(responseTimeout.toMillis(), 3).stripTrailingZeros().toPlainString()
                    + " s", e);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Connects and reads the status line, following up to {@code redirects} redirects, also from
     * http to https (which HttpURLConnection does not follow by itself).
     */
    private HttpURLConnection open(URI address, int redirects) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
        connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        connection.setReadTimeout(Math.toIntExact(responseTimeout.toMillis()));
        connection.setInstanceFollowRedirects(false);
        int status = connection.getResponseCode();
        String location = connection.getHeaderField("Location");
        if (status / 100 == 3 && location != null && redirects > 0) {
            connection.disconnect();
            return open(address.resolve(location), redirects - 1);
        }
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IOException("HTTP status " + status + " for " + address);
        }
        return connection;
    }

    private void unpack(InputStream body, Path dir, Set<String> fileNames) throws IOException {
        MessageDigest digest = md5Digest();
        DigestInputStream hashed = new DigestInputStream(body, digest);
        GZIPInputStream gz = new GZIPInputStream(hashed, 1 << 16);
        TarReader tar = new TarReader(gz);
        for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
            String name = e.name().startsWith(FOLDER + "/") ? e.name().substring(FOLDER.length() + 1) : null;
            if (e.isFile() && name != null && fileNames.contains(name)) {
                InputStream content = tar.content();
                Cifar10Cache.writeAtomically(dir.resolve(name), out -> content.transferTo(out));
            }
        }
        hashed.transferTo(OutputStream.nullOutputStream());
        String actual = HexFormat.of().formatHex(digest.digest());
        if (md5 != null && !md5.equals(actual)) {
            throw new IOException("the tarball from " + uri + " has MD5 " + actual + " but should have " + md5);
        }
    }

    /** Reports the bytes read so far after every read. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer report;
        private long count;

        Counting(InputStream in, LongConsumer report) {
            super(in);
            this.report = report;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                report.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                report.accept(count);
            }
            return n;
        }
    }

    private static MessageDigest md5Digest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }

    @Override
    public String toString() {
        return "OfficialTarballSource[uri=" + uri + ", md5=" + md5 + ", connectTimeout=" + connectTimeout
                + ", responseTimeout=" + responseTimeout + "]";
    }
}
