package descent.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void rescaleMapsMinTo0AndMaxTo255() {
        // by hand: min -2, max 2, range 4; -1 -> 255 * 1/4 = 63.75 -> 64
        assertArrayEquals(new int[] {0, 64, 255}, Images.rescaleTo255(new double[] {-2, -1, 2}));
        assertArrayEquals(new int[] {0, 0}, Images.rescaleTo255(new double[] {3, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Images.rescaleTo255(new double[] {1, Double.NaN}));
        assertEquals("values must be finite everywhere but entry 1 was: NaN", e.getMessage());
    }

    @Test
    void channelsFirstAndChannelsLastPlaceTheSameColour() {
        double[] planar = new double[12]; // 2 x 2 image
        double[] interleaved = new double[12];
        for (int p = 0; p < 4; p++) {
            planar[p] = 10;
            planar[4 + p] = 20;
            planar[8 + p] = 30;
            interleaved[3 * p] = 10;
            interleaved[3 * p + 1] = 20;
            interleaved[3 * p + 2] = 30;
        }
        BufferedImage a = Images.fromRow(planar, 2, 2, PixelLayout.CHANNELS_FIRST);
        BufferedImage b = Images.fromRow(interleaved, 2, 2, PixelLayout.CHANNELS_LAST);
        for (int p = 0; p < 4; p++) {
            assertEquals(0x0a141e, a.getRGB(p % 2, p / 2) & 0xffffff);
            assertEquals(0x0a141e, b.getRGB(p % 2, p / 2) & 0xffffff);
        }
    }

    @Test
    void rawValuesAreClampedAndRounded() {
        double[] row = {-5, 300, 127.6};
        // 1 x 1 image, channels first: R=-5 -> 0, G=300 -> 255, B=127.6 -> 128
        assertEquals(0x00ff80, Images.fromRow(row, 1, 1, PixelLayout.CHANNELS_FIRST).getRGB(0, 0) & 0xffffff);
    }

    @Test
    void weightRowsBecomeRescaled32x32ImagesAndTheBiasIsDropped() {
        double[] w = new double[Images.CIFAR_VALUES + 1];
        for (int i = 0; i < Images.CIFAR_VALUES; i++) {
            w[i] = i;
        }
        w[Images.CIFAR_VALUES] = 1e6; // the bias: would dominate the scale if it were kept
        BufferedImage img = Images.weightImages(new double[][] {w}, PixelLayout.CHANNELS_FIRST).get(0);
        assertEquals(32, img.getWidth());
        assertEquals(32, img.getHeight());
        // pixel (0, 0): R = index 0 -> 0; G = index 1024 -> round(255 * 1024 / 3071) = 85; B = index 2048 -> 170
        assertEquals((0 << 16) | (85 << 8) | 170, img.getRGB(0, 0) & 0xffffff);
        // last pixel: R = 1023 -> round(84.94) = 85, G = 2047 -> round(169.97) = 170, B = 3071 -> 255
        assertEquals((85 << 16) | (170 << 8) | 255, img.getRGB(31, 31) & 0xffffff);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Images.weightImages(new double[][] {new double[100]}, PixelLayout.CHANNELS_FIRST));
        assertEquals("weights rows must have 3072 or 3073 columns (3 x 32 x 32 pixels, then an optional bias)"
                + " but row 0 had: 100", e.getMessage());
    }

    @Test
    void theImageGridHoldsValidPngDataUris() throws Exception {
        int[] rgb = new int[32 * 32];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i * 7) & 0xffffff;
        }
        BufferedImage img = Images.fromRgb(rgb, 32, 32);
        String html = Plots.images(List.of(img, img), List.of("cat", "<dog>")).columns(2).html();
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int found = 0;
        while (m.find()) {
            byte[] png = Base64.getDecoder().decode(m.group(1));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                    java.util.Arrays.copyOf(png, 8));
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(32, back.getWidth());
            for (int i = 0; i < rgb.length; i++) {
                assertEquals(rgb[i], back.getRGB(i % 32, i / 32) & 0xffffff, "pixel " + i);
            }
            found++;
        }
        assertEquals(2, found);
        assertTrue(html.contains("<figcaption>&lt;dog&gt;</figcaption>"), html);
        assertTrue(html.contains("grid-template-columns:repeat(2, max-content)"), html);
        assertTrue(html.contains("width=\"96\" height=\"96\""), "default scale 3");
    }

    @Test
    void gridArgumentsAreChecked() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(List.of(img), List.of("a", "b")));
        assertEquals("images and labels must have the same size but were: 1 and 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(List.of(), List.of()));
        assertEquals("images must not be empty", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Images.fromRgb(new int[3], 2, 2));
        assertEquals("rgb must have width * height = 4 pixels but had: 3", e.getMessage());
        assertEquals("ImageGrid[images=1, title=, columns=10, scale=3]", ImageGrid.of(List.of(img), List.of("a")).toString());
    }
}
