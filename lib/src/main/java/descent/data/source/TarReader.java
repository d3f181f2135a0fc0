package descent.data.source;

import descent.util.Checks;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small streaming reader of tar archives (POSIX ustar, with GNU long names and pax
 * {@code path} records), enough to unpack a dataset tarball without holding it in memory.
 *
 * <p>A tar archive is a sequence of 512-byte blocks. Each entry is one header block (name at
 * bytes 0..99, size in octal at 124..135, header checksum at 148..155, type at 156, ustar name
 * prefix at 345..499) followed by its content, padded with zeros to a whole block. Two zero
 * blocks (or the end of the stream) end the archive. Use: call {@link #next()} until it returns
 * null; after each call, {@link #content()} reads that entry's bytes (unread bytes are skipped by
 * the next call).
 */
final class TarReader {
    private static final int BLOCK = 512;

    /** One archive entry: its path inside the archive, its size in bytes and its type flag. */
    record Entry(String name, long size, char type) {
        /** True for a regular file (type '0' or the old NUL flag). */
        boolean isFile() {
            return type == '0' || type == '\0';
        }
    }

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private boolean finished;

    /** Reads the archive from {@code in} (already decompressed); the caller closes {@code in}. */
    TarReader(InputStream in) {
        this.in = Checks.notNull("in", in);
    }

    /**
     * Moves to the next file or directory entry, skipping what is left of the current one.
     *
     * @return the entry, or null at the end of the archive
     * @throws IOException if a header is damaged or the stream ends inside an entry
     */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            skipFully(remaining + padding);
            remaining = 0;
            padding = 0;
            if (finished || !readHeader()) {
                finished = true;
                return null;
            }
            long size = parseSize();
            char type = (char) (header[156] & 0xFF);
            String name = longName != null ? longName : headerName();
            longName = null;
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            if (type == 'L') {
                longName = cString(readContent(size), 0, (int) size);
            } else if (type == 'x') {
                longName = paxPath(new String(readContent(size), StandardCharsets.UTF_8));
            } else if (type == 'g' || type == 'K') {
                readContent(size);
            } else {
                return new Entry(name, size, type);
            }
        }
    }

    /** The content of the entry last returned by {@link #next()}; closing it does nothing. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("tar archive ends inside an entry (" + remaining + " bytes missing)");
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** Reads a header block; false at the end of the archive (a zero block or end of stream). */
    private boolean readHeader() throws IOException {
        int n = in.readNBytes(header, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("tar archive ends inside a header block (" + n + " of 512 bytes)");
        }
        boolean allZero = true;
        for (byte b : header) {
            if (b != 0) {
                allZero = false;
                break;
            }
        }
        if (allZero) {
            return false;
        }
        long stored = parseOctal(148, 8, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
        }
        if (sum != stored) {
            throw new IOException("tar header is damaged: checksum " + stored + " but the header sums to " + sum);
        }
        return true;
    }

    private String headerName() {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private long parseSize() throws IOException {
        if ((header[124] & 0x80) != 0) {
            long v = header[124] & 0x7F;
            for (int i = 125; i < 136; i++) {
                v = (v << 8) | (header[i] & 0xFF);
            }
            return v;
        }
        return parseOctal(124, 12, "size");
    }

    private long parseOctal(int off, int len, String field) throws IOException {
        long v = 0;
        int i = off;
        while (i < off + len && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < off + len && header[i] != 0 && header[i] != ' '; i++) {
            int d = header[i] - '0';
            if (d < 0 || d > 7) {
                throw new IOException("tar header is damaged: " + field + " field is not octal");
            }
            v = v * 8 + d;
        }
        return v;
    }

    private byte[] readContent(long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("tar header record is implausibly large: " + size + " bytes");
        }
        byte[] b = content().readNBytes((int) size);
        if (b.length != size) {
            throw new EOFException("tar archive ends inside a header record");
        }
        return b;
    }

    /** The value of the {@code path} key of a pax record set ("LEN key=value\n" lines), or null. */
    private static String paxPath(String records) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (space > 0 && eq > space && line.substring(space + 1, eq).equals("path")) {
                return line.substring(eq + 1);
            }
        }
        return null;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private void skipFully(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("tar archive ends inside an entry (" + n + " bytes missing)");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }
}
