package descent.data;

import descent.util.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Fetches CIFAR-10 from the official binary tarball ({@code cifar-10-binary.tar.gz}, 162 MB) over
 * HTTP, unpacking it while it streams in: nothing but the wanted files touches the disk.
 *
 * <p>The connection attempt is bounded by a short timeout so that an unreachable host fails in
 * seconds and the next source gets its turn. The tarball's MD5 is checked once it has been read.
 */
public final class OfficialTarballSource implements Cifar10Source {
    /** The official tarball of the binary release. */
    public static final URI OFFICIAL_URI = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** Its MD5, as published on the dataset's home page. */
    public static final String OFFICIAL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** The folder inside the tarball that holds the release files. */
    public static final String FOLDER = "cifar-10-batches-bin";

    private final URI uri;
    private final String md5;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    /** The official tarball, 5 s to connect, 30 s to the first response bytes. */
    public OfficialTarballSource() {
        this(OFFICIAL_URI, OFFICIAL_MD5, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /**
     * A tarball of the same layout somewhere else (a mirror, or a local server in tests).
     *
     * @param uri             http(s) address of a {@code .tar.gz} holding {@code cifar-10-batches-bin/…}
     * @param md5             its MD5 as 32 hex digits, or null to skip the check
     * @param connectTimeout  how long to wait for the connection; positive
     * @param responseTimeout how long to wait for the response headers; positive
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
    public void fetch(Path dir, Set<String> fileNames) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(ProxySelector.getDefault())
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(responseTimeout).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP status " + response.statusCode() + " for " + uri);
            }
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
