package descent.data.source;

import descent.util.Checks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIFAR-10 binary release format: reading and writing batch files and the class-name file.
 *
 * <p>A batch file ({@code data_batch_1.bin} … {@code data_batch_5.bin}, {@code test_batch.bin}) is a
 * sequence of 3073-byte records: one label byte (0..9), then 3072 pixel bytes laid out as in
 * {@link Cifar10Images}. The release has 10,000 records per file. {@code batches.meta.txt} holds
 * the class names, one a line, index = label.
 */
public final class Cifar10Format {
    /** Bytes of one record: 1 label byte + 3072 pixel bytes. */
    public static final int RECORD_BYTES = 1 + Cifar10Images.VALUES;
    /** Records in each file of the official release. */
    public static final int RECORDS_PER_FILE = 10_000;
    /** The largest label the format allows (10 classes). */
    public static final int MAX_LABEL = 9;

    private Cifar10Format() {
    }

    /**
     * Reads a whole batch file, checking that it is well formed.
     *
     * @param file a CIFAR-10 binary batch file
     * @return its images and labels
     * @throws IOException naming the file and the problem if it is empty, its size is not a
     *                     multiple of 3073 bytes, or a label is above 9
     */
    public static Cifar10Images read(Path file) throws IOException {
        return read(file, -1);
    }

    /**
     * Reads a whole batch file, checking that it is well formed and holds {@code expectedRecords}.
     *
     * @param file            a CIFAR-10 binary batch file
     * @param expectedRecords how many records it must hold; negative for "any positive number"
     * @throws IOException naming the file and the problem (size, count or label), or, if the file
     *                     may not be read, the owner, the mode and the fix
     */
    public static Cifar10Images read(Path file, int expectedRecords) throws IOException {
        Checks.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IOException("CIFAR-10 file " + file + " does not exist or is not a file");
        }
        long size = Files.size(file);
        if (size == 0 || size % RECORD_BYTES != 0) {
            throw new IOException("CIFAR-10 file " + file + " is corrupt: its size " + size
                    + " bytes is not a positive multiple of " + RECORD_BYTES + " (1 label byte + 3072 pixel bytes)");
        }
        long count = size / RECORD_BYTES;
        if (expectedRecords >= 0 && count != expectedRecords) {
            throw new IOException("CIFAR-10 file " + file + " is corrupt: it holds " + count
                    + " records but should hold " + expectedRecords);
        }
        if ((long) count * Cifar10Images.VALUES > Integer.MAX_VALUE - 8) {
            throw new IOException("CIFAR-10 file " + file + " is too large to read: " + count + " records");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException denied) {
            throw FileAccess.cannotRead(file, denied);
        }
        if (bytes.length != size) {
            throw new IOException("CIFAR-10 file " + file + " changed while being read");
        }
        int n = (int) count;
        byte[] pixels = new byte[n * Cifar10Images.VALUES];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int at = i * RECORD_BYTES;
            int label = bytes[at] & 0xFF;
            if (label > MAX_LABEL) {
                throw new IOException("CIFAR-10 file " + file + " is corrupt: record " + i + " (byte offset " + at
                        + ") has label " + label + ", but labels must be in [0, " + MAX_LABEL + "]");
            }
            labels[i] = label;
            System.arraycopy(bytes, at + 1, pixels, i * Cifar10Images.VALUES, Cifar10Images.VALUES);
        }
        return new Cifar10Images(pixels, labels);
    }

    /**
     * Writes images in the binary format: per image its label byte, then its 3072 pixel bytes.
     *
     * @param images what to write; every label must be in [0, 9]
     * @param out    where to write; not closed
     */
    public static void write(Cifar10Images images, OutputStream out) throws IOException {
        Checks.noneNull("images, out", images, out);
        byte[] record = new byte[RECORD_BYTES];
        for (int i = 0; i < images.size(); i++) {
            int label = images.labels()[i];
            Checks.require(label <= MAX_LABEL, "labels[" + i + "] must be in [0, 9] but was: " + label);
            record[0] = (byte) label;
            System.arraycopy(images.pixels(), i * Cifar10Images.VALUES, record, 1, Cifar10Images.VALUES);
            out.write(record);
        }
    }

    /**
     * Reads the class names: one a line, blank lines (the release ends with some) skipped.
     *
     * @throws IOException naming the file if it is missing or holds no names
     */
    public static List<String> readClassNames(Path file) throws IOException {
        Checks.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IOException("CIFAR-10 class-name file " + file + " does not exist or is not a file");
        }
        List<String> names = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException denied) {
            throw FileAccess.cannotRead(file, denied);
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IOException("CIFAR-10 class-name file " + file + " is corrupt: it holds no class names");
        }
        return List.copyOf(names);
    }
}
