package descent.plot;

import descent.util.Checks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Turns rows of numbers into RGB images: CIFAR-10 pixels, or the rows of a weight matrix
 * rescaled so that each row's smallest value is black and its largest is white.
 */
public final class Images {
    /** Side of a CIFAR-10 image in pixels. */
    public static final int CIFAR_SIDE = 32;
    /** Values per CIFAR-10 image: 3 x 32 x 32. */
    public static final int CIFAR_VALUES = 3 * CIFAR_SIDE * CIFAR_SIDE;

    private Images() {
    }

    /**
     * An image from packed pixels {@code 0xRRGGBB} (higher bits ignored), row by row.
     *
     * @param rgb width x height packed pixels
     */
    public static BufferedImage fromRgb(int[] rgb, int width, int height) {
        Checks.notNull("rgb", rgb);
        Checks.positive("width", width);
        Checks.positive("height", height);
        Checks.require(rgb.length == width * height, "rgb must have width * height = " + width * height
                + " pixels but had: " + rgb.length);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    /**
     * An image from a row of 3 x height x width channel values in 0..255 (values outside are
     * clamped, fractions rounded), e.g. one raw CIFAR-10 example.
     *
     * @param row    3 * height * width finite values, ordered as {@code layout} says
     */
    public static BufferedImage fromRow(double[] row, int width, int height, PixelLayout layout) {
        checkRow(row, width, height, layout);
        int[] rgb = new int[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int px = 0;
                for (int ch = 0; ch < 3; ch++) {
                    double v = row[layout.index(ch, r, c, height, width)];
                    px = (px << 8) | (int) Math.round(Math.max(0, Math.min(255, v)));
                }
                rgb[r * width + c] = px;
            }
        }
        return fromRgb(rgb, width, height);
    }

    /**
     * Rescales {@code values} linearly to 0..255: the minimum becomes 0, the maximum 255,
     * {@code out[i] = round(255 * (v[i] - min) / (max - min))}. A constant row becomes all 0.
     *
     * @param values N >= 1 finite values
     */
    public static int[] rescaleTo255(double[] values) {
        Checks.notNull("values", values);
        Checks.require(values.length > 0, "values must not be empty");
        Checks.allFinite("values", values, values.length);
        double min = values[0];
        double max = values[0];
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int[] out = new int[values.length];
        double range = max - min;
        if (range > 0) {
            for (int i = 0; i < values.length; i++) {
                out[i] = (int) Math.round(255.0 * (values[i] - min) / range);
            }
        }
        return out;
    }

    /**
     * One image per row of a C x D weight matrix, each row rescaled to 0..255 on its own (see
     * {@link #rescaleTo255(double[])}) and shown as a 32 x 32 RGB image: the "templates" a linear
     * classifier learned for CIFAR-10.
     *
     * @param weights C x D, D = 3072, or D = 3073 where the last column (the bias) is dropped
     * @param layout  the pixel order the classifier's inputs had
     */
    public static List<BufferedImage> weightImages(double[][] weights, PixelLayout layout) {
        Checks.noneNull("weights, layout", weights, layout);
        Checks.require(weights.length > 0, "weights must have at least one row");
        List<BufferedImage> images = new ArrayList<>(weights.length);
        for (int k = 0; k < weights.length; k++) {
            double[] w = Checks.notNull("weights[" + k + "]", weights[k]);
            Checks.require(w.length == CIFAR_VALUES || w.length == CIFAR_VALUES + 1,
                    "weights rows must have " + CIFAR_VALUES + " or " + (CIFAR_VALUES + 1)
                            + " columns (3 x 32 x 32 pixels, then an optional bias) but row " + k
                            + " had: " + w.length);
            double[] pixels = w.length == CIFAR_VALUES ? w : java.util.Arrays.copyOf(w, CIFAR_VALUES);
            Checks.allFinite("weights[" + k + "]", pixels, pixels.length);
            int[] scaled = rescaleTo255(pixels);
            double[] asRow = new double[scaled.length];
            for (int i = 0; i < scaled.length; i++) {
                asRow[i] = scaled[i];
            }
            images.add(fromRow(asRow, CIFAR_SIDE, CIFAR_SIDE, layout));
        }
        return images;
    }

    /** The image encoded as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        Checks.notNull("image", image);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image as a {@code data:image/png;base64,...} URI, usable as an {@code img src}. */
    public static String pngDataUri(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
    }

    private static void checkRow(double[] row, int width, int height, PixelLayout layout) {
        Checks.noneNull("row, layout", row, layout);
        Checks.positive("width", width);
        Checks.positive("height", height);
        Checks.require(row.length == 3 * width * height, "row must have 3 * height * width = "
                + 3 * width * height + " values but had: " + row.length);
        Checks.allFinite("row", row, row.length);
    }
}
