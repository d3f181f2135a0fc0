package descent.data.source;

import descent.util.Checks;
import java.awt.image.BufferedImage;

/**
 * Raw CIFAR-10 images exactly as the binary release stores them: N images of 32 × 32 pixels,
 * 3 channels, 8 bits a value, with their labels.
 *
 * <p>Image {@code i} occupies bytes {@code [i * 3072, (i + 1) * 3072)} of {@link #pixels()}: first
 * the 1024 red values, then the 1024 green, then the 1024 blue ("planes", channel-major), each
 * plane row-major (row {@code r}, column {@code c} at {@code r * 32 + c}). Values are unsigned
 * bytes, 0..255. This is the layout of the files; {@link descent.data.Cifar10Splits} turns it into feature rows.
 *
 * <p>The arrays handed to the constructor are not copied, and accessors return them as they are:
 * do not modify them.
 */
public final class Cifar10Images {
    /** Height and width of an image, in pixels. */
    public static final int SIDE = 32;
    /** Colour channels: red, green, blue. */
    public static final int CHANNELS = 3;
    /** Pixels of one channel plane: 32 × 32 = 1024. */
    public static final int PLANE = SIDE * SIDE;
    /** Values per image: 3 × 32 × 32 = 3072. */
    public static final int VALUES = CHANNELS * PLANE;

    private final byte[] pixels;
    private final int[] labels;

    /**
     * Wraps raw images.
     *
     * @param pixels N × 3072 bytes, layout as in the class comment; not copied
     * @param labels N labels, each in [0, 255]; not copied
     */
    public Cifar10Images(byte[] pixels, int[] labels) {
        Checks.noneNull("pixels, labels", pixels, labels);
        Checks.require((long) labels.length * VALUES == pixels.length,
                "pixels must hold 3072 bytes per label (" + labels.length + " labels) but had: " + pixels.length);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, 255] but was: " + labels[i]);
            }
        }
        this.pixels = pixels;
        this.labels = labels;
    }

    /** N, the number of images. */
    public int size() {
        return labels.length;
    }

    /** The raw bytes, N × 3072, channel planes per image. Not a copy: do not modify. */
    public byte[] pixels() {
        return pixels;
    }

    /** The labels, length N. Not a copy: do not modify. */
    public int[] labels() {
        return labels;
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        checkIndex(i);
        return labels[i];
    }

    /**
     * One value of one image.
     *
     * @param i       image, in [0, N)
     * @param row     pixel row, in [0, 32), top first
     * @param col     pixel column, in [0, 32), left first
     * @param channel 0 red, 1 green, 2 blue
     * @return the value, 0..255
     */
    public int value(int i, int row, int col, int channel) {
        checkIndex(i);
        Checks.require(row >= 0 && row < SIDE, "row must be in [0, 32) but was: " + row);
        Checks.require(col >= 0 && col < SIDE, "col must be in [0, 32) but was: " + col);
        Checks.require(channel >= 0 && channel < CHANNELS, "channel must be in [0, 3) but was: " + channel);
        return pixels[i * VALUES + channel * PLANE + row * SIDE + col] & 0xFF;
    }

    /** Image {@code i} as {@code [row][col][channel]} values 0..255 (32 × 32 × 3, like numpy's HWC). */
    public int[][][] rgb(int i) {
        checkIndex(i);
        int[][][] out = new int[SIDE][SIDE][CHANNELS];
        int base = i * VALUES;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                for (int ch = 0; ch < CHANNELS; ch++) {
                    out[r][c][ch] = pixels[base + ch * PLANE + r * SIDE + c] & 0xFF;
                }
            }
        }
        return out;
    }

    /** Image {@code i} as a 32 × 32 {@link BufferedImage#TYPE_INT_RGB} picture. */
    public BufferedImage image(int i) {
        checkIndex(i);
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        int base = i * VALUES;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int p = r * SIDE + c;
                int red = pixels[base + p] & 0xFF;
                int green = pixels[base + PLANE + p] & 0xFF;
                int blue = pixels[base + 2 * PLANE + p] & 0xFF;
                img.setRGB(c, r, (red << 16) | (green << 8) | blue);
            }
        }
        return img;
    }

    /** How many images carry each label in [0, numClasses); index = label. */
    public int[] classCounts(int numClasses) {
        Checks.positive("numClasses", numClasses);
        int[] counts = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            Checks.require(labels[i] < numClasses,
                    "labels[" + i + "] must be < numClasses (" + numClasses + ") but was: " + labels[i]);
            counts[labels[i]]++;
        }
        return counts;
    }

    /**
     * Turns a feature row back into a picture: {@code hwc} holds 3072 values in the feature order of
     * {@link descent.data.Cifar10Splits} (index {@code (row * 32 + col) * 3 + channel}); extra trailing values
     * (a bias column) are ignored.
     *
     * @param hwc     at least 3072 finite values
     * @param rescale false: values are 0..255 pixel values, rounded and clamped; true: the smallest
     *                value maps to 0 and the largest to 255 (for showing learned weights as templates)
     * @return a 32 × 32 {@link BufferedImage#TYPE_INT_RGB} picture
     */
    public static BufferedImage toImage(double[] hwc, boolean rescale) {
        Checks.notNull("hwc", hwc);
        Checks.require(hwc.length >= VALUES, "hwc must hold at least 3072 values but had: " + hwc.length);
        Checks.allFinite("hwc", hwc, VALUES);
        double lo = 0;
        double scale = 1;
        if (rescale) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < VALUES; k++) {
                min = Math.min(min, hwc[k]);
                max = Math.max(max, hwc[k]);
            }
            lo = min;
            scale = max > min ? 255.0 / (max - min) : 0;
        }
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                int k = (r * SIDE + c) * CHANNELS;
                int rgb = 0;
                for (int ch = 0; ch < CHANNELS; ch++) {
                    long v = Math.round((hwc[k + ch] - lo) * scale);
                    rgb = (rgb << 8) | (int) Math.max(0, Math.min(255, v));
                }
                img.setRGB(c, r, rgb);
            }
        }
        return img;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= labels.length) {
            throw new IndexOutOfBoundsException("i must be in [0, " + labels.length + ") but was: " + i);
        }
    }

    @Override
    public String toString() {
        return "Cifar10Images[N=" + size() + ", 32x32x3 uint8]";
    }
}
