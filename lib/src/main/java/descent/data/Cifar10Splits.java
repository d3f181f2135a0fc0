package descent.data;

import descent.data.source.Cifar10Images;
import descent.util.Checks;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * CIFAR-10 split and preprocessed for the course: train, validation, test and dev datasets, and
 * the mean image of the training split. Made by {@link Cifar10#load(Cifar10.Options)}.
 *
 * <p>Every dataset has X: N × D and y: N, with D = 3072 (or 3073 with the bias column, a last
 * column of ones). Feature {@code (row * 32 + col) * 3 + channel} of an example is that pixel's
 * value 0..255, minus the mean image's when {@code options.subtractMean()}, then divided by
 * {@code pixelScale()[k]} (1 unless {@code options.scaling()} asks for a standard deviation).
 *
 * @param train     the training split, {@code options.trainSize()} examples
 * @param val       the validation split, {@code options.numVal()} examples
 * @param test      the test split, {@code options.numTest()} examples
 * @param dev       {@code options.devSize()} examples drawn from train
 * @param meanImage 3072 values: the per-feature mean of the training split's pixels (0..255),
 *                  feature order; computed whether or not it was subtracted
 * @param pixelScale 3072 values &gt; 0, feature order: what each pixel feature was divided by (all
 *                  1 for {@link PixelScaling#NONE}, else standard deviations on the 0..255 scale)
 * @param options   how the splits were made
 */
public record Cifar10Splits(Dataset train, Dataset val, Dataset test, Dataset dev, double[] meanImage,
                            double[] pixelScale, Cifar10.Options options) {
    /** Checks that the parts agree. */
    public Cifar10Splits {
        Checks.noneNull("train, val, test, dev, meanImage, options", train, val, test, dev, meanImage, options);
        Checks.require(meanImage.length == Cifar10.PIXELS,
                "meanImage must hold 3072 values but held: " + meanImage.length);
        for (Dataset d : List.of(train, val, test, dev)) {
            Checks.require(d.features() == options.features(), "every split must have " + options.features()
                    + " features but one had: " + d.features());
        }
        Checks.notNull("pixelScale", pixelScale);
        Checks.require(pixelScale.length == Cifar10.PIXELS,
                "pixelScale must hold 3072 values but held: " + pixelScale.length);
        for (int k = 0; k < pixelScale.length; k++) {
            Checks.require(pixelScale[k] > 0 && Double.isFinite(pixelScale[k]),
                    "pixelScale must be finite and > 0 but entry " + k + " was: " + pixelScale[k]);
        }
        meanImage = meanImage.clone();
        pixelScale = pixelScale.clone();
    }

    /** Splits whose features were not scaled: {@code pixelScale} all 1. */
    public Cifar10Splits(Dataset train, Dataset val, Dataset test, Dataset dev, double[] meanImage,
                         Cifar10.Options options) {
        this(train, val, test, dev, meanImage, ones(), options);
    }

    private static double[] ones() {
        double[] ones = new double[Cifar10.PIXELS];
        java.util.Arrays.fill(ones, 1.0);
        return ones;
    }

    /** The class names, index = label. */
    public List<String> classNames() {
        return train.classNames();
    }

    /**
     * The pixel values of example {@code i} of {@code split}, scaling undone and mean image added
     * back if it was subtracted: 3072 values 0..255 in feature order (the bias column dropped).
     *
     * @param split one of this object's datasets (or any dataset with the same features)
     * @param i     example, in [0, N)
     */
    public double[] pixels(Dataset split, int i) {
        Checks.notNull("split", split);
        Checks.require(split.features() == options.features(),
                "split must have " + options.features() + " features but had: " + split.features());
        if (i < 0 || i >= split.size()) {
            throw new IndexOutOfBoundsException("i must be in [0, " + split.size() + ") but was: " + i);
        }
        double[] values = new double[Cifar10.PIXELS];
        for (int k = 0; k < Cifar10.PIXELS; k++) {
            values[k] = split.get(i, k) * pixelScale[k] + (options.subtractMean() ? meanImage[k] : 0);
        }
        return values;
    }

    /** Example {@code i} of {@code split} as {@code [row][col][channel]} integers 0..255 (32 × 32 × 3). */
    public int[][][] rgb(Dataset split, int i) {
        double[] values = pixels(split, i);
        int[][][] out = new int[Cifar10Images.SIDE][Cifar10Images.SIDE][Cifar10Images.CHANNELS];
        for (int r = 0; r < Cifar10Images.SIDE; r++) {
            for (int c = 0; c < Cifar10Images.SIDE; c++) {
                for (int ch = 0; ch < Cifar10Images.CHANNELS; ch++) {
                    long v = Math.round(values[(r * Cifar10Images.SIDE + c) * Cifar10Images.CHANNELS + ch]);
                    out[r][c][ch] = (int) Math.max(0, Math.min(255, v));
                }
            }
        }
        return out;
    }

    /** Example {@code i} of {@code split} as a 32 × 32 picture, mean image added back. */
    public BufferedImage image(Dataset split, int i) {
        return Cifar10Images.toImage(pixels(split, i), false);
    }

    /** The mean image as a 32 × 32 picture. */
    public BufferedImage meanPicture() {
        return Cifar10Images.toImage(meanImage, false);
    }

    /** Bytes the four feature matrices occupy together. */
    public long featureBytes() {
        return train.featureBytes() + val.featureBytes() + test.featureBytes() + dev.featureBytes();
    }

    @Override
    public String toString() {
        return "Cifar10Splits[train=" + train + ", val=" + val + ", test=" + test + ", dev=" + dev
                + ", options=" + options + "]";
    }
}
