package descent.data;

import descent.data.source.Cifar10Images;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Cifar10SplitsTest {
    private static final long SEED = 3L;
    private static final double TOLERANCE = 1e-4;
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    private static Cifar10Images randomImages(int n, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * 3072];
        random.nextBytes(pixels);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(10);
        }
        return new Cifar10Images(pixels, labels);
    }

    private static final Cifar10Images POOL = randomImages(30, SEED);
    private static final Cifar10Images TEST = randomImages(8, SEED + 1);

    /** 20 train, 5 validation, 4 test, 6 dev, no cap. */
    private static Cifar10.Options small() {
        return Cifar10.Options.defaults().withSizes(20, 5, 4).withDev(6, 99L)
                .withMaxTrain(Integer.MAX_VALUE);
    }

    /** Mean of images [0, n) at (row, col, channel), computed straight from the raw values. */
    private static double mean(int n, int row, int col, int ch) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += POOL.value(i, row, col, ch);
        }
        return s / n;
    }

    @Test
    void splitSizesFollowTheOptions() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small());
        assertEquals(20, s.train().size());
        assertEquals(5, s.val().size());
        assertEquals(4, s.test().size());
        assertEquals(6, s.dev().size());
        assertEquals(3073, s.train().features());
        assertEquals(NAMES, s.classNames());
        assertArrayEquals(java.util.Arrays.copyOfRange(POOL.labels(), 20, 25), s.val().y());
        assertArrayEquals(java.util.Arrays.copyOf(TEST.labels(), 4), s.test().y());
    }

    @Test
    void featuresArePixelsMinusTheTrainingMeanInRowColumnChannelOrder() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small());
        // Validation example 2 is pool image 22; feature (row * 32 + col) * 3 + channel.
        for (int[] rcc : new int[][] {{0, 0, 0}, {3, 7, 1}, {31, 31, 2}, {16, 2, 0}}) {
            int k = (rcc[0] * 32 + rcc[1]) * 3 + rcc[2];
            double expected = POOL.value(22, rcc[0], rcc[1], rcc[2]) - mean(20, rcc[0], rcc[1], rcc[2]);
            assertEquals(expected, s.val().get(2, k), TOLERANCE);
            assertEquals(mean(20, rcc[0], rcc[1], rcc[2]), s.meanImage()[k], TOLERANCE);
            assertEquals(TEST.value(3, rcc[0], rcc[1], rcc[2]) - mean(20, rcc[0], rcc[1], rcc[2]),
                    s.test().get(3, k), TOLERANCE);
        }
    }

    @Test
    void meanSubtractionMakesTrainingColumnMeansZeroAndTheBiasColumnIsOnes() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small());
        for (int j = 0; j < 3072; j++) {
            double sum = 0;
            for (int i = 0; i < 20; i++) {
                sum += s.train().get(i, j);
            }
            assertEquals(0.0, sum / 20, TOLERANCE, "column " + j);
        }
        for (Dataset d : List.of(s.train(), s.val(), s.test(), s.dev())) {
            for (int i = 0; i < d.size(); i++) {
                assertEquals(1.0, d.get(i, 3072), 0.0);
            }
        }
    }

    @Test
    void float32AndFloat64HoldTheSameValues() {
        Cifar10Splits f = Cifar10.split(POOL, TEST, NAMES, small());
        Cifar10Splits d = Cifar10.split(POOL, TEST, NAMES, small().withPrecision(Precision.FLOAT64));
        assertTrue(f.train().x() instanceof FMatrixRMaj);
        assertTrue(d.train().x() instanceof DMatrixRMaj);
        float[] fx = ((FMatrixRMaj) f.train().x()).data;
        double[] dx = ((DMatrixRMaj) d.train().x()).data;
        assertEquals(20 * 3073, fx.length);
        for (int i = 0; i < fx.length; i++) {
            assertEquals((float) dx[i], fx[i], 0.0f);
        }
        assertArrayEquals(d.dev().y(), f.dev().y());
    }

    @Test
    void withoutMeanSubtractionOrBiasFeaturesAreRawPixels() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small().withoutPreprocessing());
        assertEquals(3072, s.train().features());
        assertEquals(POOL.value(4, 10, 20, 1), s.train().get(4, (10 * 32 + 20) * 3 + 1), 0.0);
        assertEquals(mean(20, 10, 20, 1), s.meanImage()[(10 * 32 + 20) * 3 + 1], TOLERANCE);
    }

    @Test
    void maxTrainCapsTrainingButKeepsTheSameValidationImages() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small().withMaxTrain(10));
        assertEquals(10, s.train().size());
        assertEquals(6, s.dev().size());
        assertArrayEquals(java.util.Arrays.copyOfRange(POOL.labels(), 20, 25), s.val().y());
        // The mean is now that of the first 10 images.
        assertEquals(mean(10, 5, 6, 2), s.meanImage()[(5 * 32 + 6) * 3 + 2], TOLERANCE);
        Cifar10Splits tiny = Cifar10.split(POOL, TEST, NAMES, small().withMaxTrain(4));
        assertEquals(4, tiny.dev().size());
    }

    @Test
    void devIsASeededSubsetOfTrain() {
        Cifar10Splits s1 = Cifar10.split(POOL, TEST, NAMES, small());
        Cifar10Splits s2 = Cifar10.split(POOL, TEST, NAMES, small());
        assertArrayEquals(((FMatrixRMaj) s1.dev().x()).data, ((FMatrixRMaj) s2.dev().x()).data, 0.0f);
        for (int i = 0; i < 6; i++) {
            boolean found = false;
            for (int t = 0; t < 20 && !found; t++) {
                boolean same = true;
                for (int j = 0; j < 3073 && same; j++) {
                    same = s1.dev().get(i, j) == s1.train().get(t, j);
                }
                found = same;
            }
            assertTrue(found, "dev example " + i + " is a training example");
        }
    }

    @Test
    void imagesComeBackExactlyOnceTheMeanIsAddedBack() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small());
        int[][][] rgb = s.rgb(s.val(), 1);
        assertArrayEquals(POOL.rgb(21), rgb);
        assertEquals(POOL.image(21).getRGB(9, 4), s.image(s.val(), 1).getRGB(9, 4));
    }

    @Test
    void theWholeTestSetCanBeAsked() {
        Cifar10.Options full = Cifar10.Options.defaults().withFullTestSet();
        assertEquals(10_000, full.numTest());
        assertEquals(49_000, full.numTrain());
        assertEquals(1_000, full.numVal());
        assertEquals(500, full.numDev());
        assertEquals(3073, full.features());
    }

    @Test
    void optionsRejectImpossibleSizes() {
        Cifar10.Options d = Cifar10.Options.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withSizes(49_000, 1_001, 1_000));
        assertEquals("numVal must be in [0, 1000] (50000 - numTrain) but was: 1001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withSizes(49_000, 1_000, 10_001));
        assertEquals("numTest must be in [0, 10000] but was: 10001", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withSizes(0, 1_000, 1_000));
        assertEquals("numTrain must be in [1, 50000] but was: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withMaxTrain(0));
        assertEquals("maxTrain must be > 0 but was: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withDev(-1, 0L));
        assertEquals("numDev must be >= 0 but was: -1", e.getMessage());
    }

    @Test
    void aPoolTooSmallForTheOptionsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.split(POOL, TEST, NAMES, small().withSizes(28, 5, 4)));
        assertEquals("trainingPool must hold at least numTrain + numVal = 33 images but held: 30", e.getMessage());
    }

    @Test
    void theDataRootComesFromTheSystemPropertyFirst() {
        String old = System.getProperty(Cifar10.DATA_DIR_PROPERTY);
        try {
            System.setProperty(Cifar10.DATA_DIR_PROPERTY, "/some/where");
            assertEquals(java.nio.file.Path.of("/some/where", "cifar-10-batches-bin"), Cifar10.dir());
        } finally {
            if (old == null) {
                System.clearProperty(Cifar10.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(Cifar10.DATA_DIR_PROPERTY, old);
            }
        }
    }
    /** Population variance of images [0, n) about their mean at feature k = (row·32 + col)·3 + ch. */
    private static double variance(int n, int k) {
        int ch = k % 3;
        int col = (k / 3) % 32;
        int row = k / 96;
        double m = mean(n, row, col, ch);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = POOL.value(i, row, col, ch) - m;
            s += d * d;
        }
        return s / n;
    }

    @Test
    void globalStdScalingDividesEveryPixelFeatureByTheStdOfAllTrainingPixels() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small().withScaling(PixelScaling.GLOBAL_STD));
        double sum = 0;
        for (int k = 0; k < 3072; k++) {
            sum += variance(20, k);
        }
        double sigma = Math.sqrt(sum / 3072);
        assertEquals(PixelScaling.GLOBAL_STD, s.options().scaling());
        for (int k = 0; k < 3072; k++) {
            assertEquals(sigma, s.pixelScale()[k], 1e-9);
        }
        int k = (3 * 32 + 7) * 3 + 1;
        assertEquals((POOL.value(22, 3, 7, 1) - mean(20, 3, 7, 1)) / sigma, s.val().get(2, k), TOLERANCE);
        assertEquals((TEST.value(3, 3, 7, 1) - mean(20, 3, 7, 1)) / sigma, s.test().get(3, k), TOLERANCE);
        assertEquals(1.0, s.train().get(5, 3072), 0.0);
        double squares = 0;   // the training pixel features now have mean square 1
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 3072; j++) {
                squares += s.train().get(i, j) * s.train().get(i, j);
            }
        }
        assertEquals(1.0, squares / (20 * 3072), TOLERANCE);
    }

    @Test
    void perPixelStdScalingGivesEveryTrainingColumnVarianceOne() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small().withScaling(PixelScaling.PER_PIXEL_STD)
                .withPrecision(Precision.FLOAT64));
        for (int j : new int[] {0, 100, 1537, 3071}) {
            double squares = 0;
            for (int i = 0; i < 20; i++) {
                squares += s.train().get(i, j) * s.train().get(i, j);
            }
            assertEquals(1.0, squares / 20, 1e-12, "column " + j);
            assertEquals(Math.sqrt(variance(20, j)), s.pixelScale()[j], 1e-9);
        }
    }

    @Test
    void scalingIsUndoneWhenPixelsAreRead() {
        Cifar10Splits s = Cifar10.split(POOL, TEST, NAMES, small().withScaling(PixelScaling.PER_PIXEL_STD));
        double[] px = s.pixels(s.val(), 2);
        assertEquals(POOL.value(22, 31, 0, 2), px[(31 * 32) * 3 + 2], 1e-3);
        assertEquals(POOL.value(22, 16, 9, 0), px[(16 * 32 + 9) * 3], 1e-3);
    }

    @Test
    void withoutScalingThePixelScaleIsOneAndTheFeaturesAreUnchanged() {
        Cifar10Splits none = Cifar10.split(POOL, TEST, NAMES, small());
        Cifar10Splits explicit = Cifar10.split(POOL, TEST, NAMES, small().withScaling(PixelScaling.NONE));
        assertEquals(PixelScaling.NONE, none.options().scaling());
        assertArrayEquals(((FMatrixRMaj) none.train().x()).data, ((FMatrixRMaj) explicit.train().x()).data, 0f);
        for (double v : none.pixelScale()) {
            assertEquals(1.0, v, 0.0);
        }
    }

    @Test
    void aPixelWithTheSameValueInEveryTrainingImageCannotBeScaled() {
        byte[] pixels = POOL.pixels().clone();
        for (int i = 0; i < 30; i++) {
            pixels[i * 3072 + 5] = 7;   // channel 0, plane position 5: feature 5 * 3 = 15
        }
        Cifar10Images flat = new Cifar10Images(pixels, POOL.labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar10.split(flat, TEST, NAMES, small().withScaling(PixelScaling.PER_PIXEL_STD)));
        assertEquals("cannot scale by the standard deviation: feature 15 has the same value in all 20"
                + " training images (standard deviation 0)", e.getMessage());
        assertEquals(20, Cifar10.split(flat, TEST, NAMES, small().withScaling(PixelScaling.GLOBAL_STD))
                .train().size());
    }

    @Test
    void scalingMustBeNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small().withScaling(null));
        assertEquals("scaling must not be null", e.getMessage());
    }
}
