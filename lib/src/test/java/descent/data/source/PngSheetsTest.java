package descent.data.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngSheetsTest {
    private static final long SEED = 7L;

    /** Three binary records (label byte, R, G, B planes) with seeded random content. */
    private static byte[] records(int[] labels) {
        Random random = new Random(SEED);
        byte[] b = new byte[labels.length * 3073];
        random.nextBytes(b);
        for (int i = 0; i < labels.length; i++) {
            b[i * 3073] = (byte) labels[i];
        }
        return b;
    }

    /** The sheet for those records, built pixel by pixel: row i, column k = image i, pixel (k / 32, k % 32). */
    private static byte[] pngSheet(byte[] records, int n) throws IOException {
        BufferedImage sheet = new BufferedImage(1024, n, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 1024; k++) {
                int row = k / 32;
                int col = k % 32;
                int at = i * 3073 + 1 + row * 32 + col;
                int r = records[at] & 0xFF;
                int g = records[at + 1024] & 0xFF;
                int b = records[at + 2048] & 0xFF;
                sheet.setRGB(k, i, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(sheet, "png", png);
        return png.toByteArray();
    }

    @Test
    void aPngSheetDecodesToIdenticalBinaryRecords() throws IOException {
        int[] labels = {3, 9, 0};
        byte[] expected = records(labels);
        BufferedImage sheet = PngSheets.readPng(new ByteArrayInputStream(pngSheet(expected, 3)), "sheet.png");
        Cifar10Images images = PngSheets.decode(sheet, labels, "sheet.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cifar10Format.write(images, out);
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void aSheetOfTheWrongHeightIsRejected() throws IOException {
        byte[] recs = records(new int[] {1, 2});
        BufferedImage sheet = PngSheets.readPng(new ByteArrayInputStream(pngSheet(recs, 2)), "s.png");
        IOException e = assertThrows(IOException.class, () -> PngSheets.decode(sheet, new int[] {1, 2, 3}, "s.png"));
        assertEquals("s.png must be 1024 x 3 (one image a row, one row a label) but was: 1024 x 2", e.getMessage());
    }

    @Test
    void aLabelAboveNineIsRejected() throws IOException {
        byte[] recs = records(new int[] {1, 2});
        BufferedImage sheet = PngSheets.readPng(new ByteArrayInputStream(pngSheet(recs, 2)), "s.png");
        IOException e = assertThrows(IOException.class, () -> PngSheets.decode(sheet, new int[] {1, 10}, "s.png"));
        assertEquals("s.png: label 1 must be in [0, 9] but was: 10", e.getMessage());
    }

    @Test
    void labelsParseFromAJsonArray() throws IOException {
        assertArrayEquals(new int[] {3, 8, 8, 0}, PngSheets.parseLabels(" [3,8, 8,0]\n", 4, "l.json"));
    }

    @Test
    void aLabelFileOfTheWrongLengthIsRejected() {
        IOException e = assertThrows(IOException.class, () -> PngSheets.parseLabels("[1,2]", 3, "test_lables.json"));
        assertEquals("test_lables.json must hold 3 labels but held: 2", e.getMessage());
    }

    @Test
    void somethingThatIsNotAPngIsRejected() {
        IOException e = assertThrows(IOException.class,
                () -> PngSheets.readPng(new ByteArrayInputStream(new byte[] {1, 2, 3}), "junk.png"));
        assertEquals("junk.png is not a readable PNG image", e.getMessage());
    }
}
