package descent.data.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10FormatTest {
    private static final double TOLERANCE = 0.0;

    @TempDir
    Path dir;

    /** Two records written by hand: labels 7 and 2; image k has value (k + 3 * channel + pixel) % 256. */
    private static byte[] twoRecords() {
        byte[] b = new byte[2 * 3073];
        b[0] = 7;
        b[3073] = 2;
        for (int k = 0; k < 2; k++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < 1024; p++) {
                    b[k * 3073 + 1 + ch * 1024 + p] = (byte) ((k + 3 * ch + p) % 256);
                }
            }
        }
        return b;
    }

    @Test
    void readsLabelsAndPlanesOfAWellFormedFile() throws IOException {
        Path file = dir.resolve("two.bin");
        Files.write(file, twoRecords());
        Cifar10Images images = Cifar10Format.read(file, 2);
        assertEquals(2, images.size());
        assertArrayEquals(new int[] {7, 2}, images.labels());
        // Image 1, row 3, column 5, blue: pixel index 3 * 32 + 5 = 101, value (1 + 6 + 101) % 256.
        assertEquals(108, images.value(1, 3, 5, 2), TOLERANCE);
        assertEquals(255, images.value(0, 7, 31, 0), TOLERANCE); // (0 + 0 + 255) % 256
        assertEquals(0, images.value(1, 7, 31, 0), TOLERANCE); // (1 + 0 + 255) % 256
        int[][][] rgb = images.rgb(1);
        assertEquals(108, rgb[3][5][2]);
        assertEquals((4 + 101) % 256 << 8 | 108 | (1 + 101) << 16, images.image(1).getRGB(5, 3) & 0xFFFFFF);
    }

    @Test
    void writingWhatWasReadGivesTheSameBytes() throws IOException {
        Path file = dir.resolve("two.bin");
        Files.write(file, twoRecords());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cifar10Format.write(Cifar10Format.read(file), out);
        assertArrayEquals(twoRecords(), out.toByteArray());
    }

    @Test
    void aTruncatedFileIsReportedWithItsNameAndSize() throws IOException {
        Path file = dir.resolve("data_batch_9.bin");
        Files.write(file, Arrays.copyOf(twoRecords(), 3073 + 100));
        IOException e = assertThrows(IOException.class, () -> Cifar10Format.read(file));
        assertEquals("CIFAR-10 file " + file + " is corrupt: its size 3173 bytes is not a positive multiple of 3073"
                + " (1 label byte + 3072 pixel bytes)", e.getMessage());
    }

    @Test
    void anEmptyFileIsCorrupt() throws IOException {
        Path file = dir.resolve("empty.bin");
        Files.write(file, new byte[0]);
        IOException e = assertThrows(IOException.class, () -> Cifar10Format.read(file));
        assertEquals("CIFAR-10 file " + file + " is corrupt: its size 0 bytes is not a positive multiple of 3073"
                + " (1 label byte + 3072 pixel bytes)", e.getMessage());
    }

    @Test
    void aLabelAboveNineIsReportedWithItsRecord() throws IOException {
        Path file = dir.resolve("bad_label.bin");
        byte[] b = twoRecords();
        b[3073] = 12;
        Files.write(file, b);
        IOException e = assertThrows(IOException.class, () -> Cifar10Format.read(file));
        assertEquals("CIFAR-10 file " + file + " is corrupt: record 1 (byte offset 3073) has label 12,"
                + " but labels must be in [0, 9]", e.getMessage());
    }

    @Test
    void aWrongRecordCountIsReported() throws IOException {
        Path file = dir.resolve("two.bin");
        Files.write(file, twoRecords());
        IOException e = assertThrows(IOException.class, () -> Cifar10Format.read(file, 10_000));
        assertEquals("CIFAR-10 file " + file + " is corrupt: it holds 2 records but should hold 10000",
                e.getMessage());
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path file = dir.resolve("nothing.bin");
        IOException e = assertThrows(IOException.class, () -> Cifar10Format.read(file));
        assertEquals("CIFAR-10 file " + file + " does not exist or is not a file", e.getMessage());
    }

    @Test
    void classNamesSkipBlankLines() throws IOException {
        Path file = dir.resolve("batches.meta.txt");
        Files.writeString(file, "airplane\nautomobile\nbird\n\n\n", StandardCharsets.UTF_8);
        assertEquals(List.of("airplane", "automobile", "bird"), Cifar10Format.readClassNames(file));
    }

    @Test
    void aClassNameFileWithoutNamesIsCorrupt() throws IOException {
        Path file = dir.resolve("batches.meta.txt");
        Files.writeString(file, "\n \n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> Cifar10Format.readClassNames(file));
        assertEquals("CIFAR-10 class-name file " + file + " is corrupt: it holds no class names", e.getMessage());
    }

    @Test
    void imagesRejectPixelsThatDoNotMatchTheLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Cifar10Images(new byte[3071], new int[1]));
        assertEquals("pixels must hold 3072 bytes per label (1 labels) but had: 3071", e.getMessage());
    }

    @Test
    void aFeatureRowBecomesAPictureRoundedOrRescaled() {
        double[] hwc = new double[3073];
        hwc[(2 * 32 + 1) * 3] = 100.4;      // row 2, column 1, red
        hwc[(2 * 32 + 1) * 3 + 2] = 300.0;  // blue, clamped to 255
        hwc[5] = -10.0;                     // row 0, column 1, blue: clamped to 0
        assertEquals(100 << 16 | 255, Cifar10Images.toImage(hwc, false).getRGB(1, 2) & 0xFFFFFF);
        // Rescaled: -10 -> 0, 300 -> 255, 0 -> round(10 * 255 / 310) = 8, 100.4 -> round(110.4 * 255 / 310) = 91.
        java.awt.image.BufferedImage img = Cifar10Images.toImage(hwc, true);
        assertEquals(91 << 16 | 8 << 8 | 255, img.getRGB(1, 2) & 0xFFFFFF);
        assertEquals(8 << 16 | 8 << 8 | 0, img.getRGB(1, 0) & 0xFFFFFF);
    }
}
