package descent.secondorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Cifar10;
import descent.data.Dataset;
import descent.data.Precision;
import descent.data.source.Cifar10Cache;
import descent.data.source.Cifar10Images;
import descent.loss.LinearClassifier;
import descent.loss.SoftmaxLoss;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The Java half of the cross-check against SciPy: runs {@link Lbfgs} on a softmax problem of
 * CIFAR-10's shape and writes the problem and the result to {@code target/lbfgs-scipy/}, where
 * {@code environment/test_lbfgs_scipy.py} (run by {@code environment/test.sh} after the library
 * tests) solves the same problem with SciPy's L-BFGS-B and a NumPy loss, and compares.
 *
 * <p>The problem: the first {@value #N} CIFAR-10 training images when {@link Cifar10#dir()} holds
 * the release (nothing is fetched), else {@value #N} synthetic images made here (seed
 * {@value #SEED}: a brightness per image, a template per class and noise, as bytes), both through
 * the course's preprocessing ({@link Cifar10#split}: mean image subtracted, bias column, float64);
 * softmax with reg {@value #REG}; W0 = {@code LinearClassifier.randomWeights(10, 3073, 1e-4, 0)}.
 * The run must stop by its gradient tolerance {@value #GRADIENT_TOLERANCE}: 1e-7 is out of reach
 * on the real images (the line search finds no Wolfe step at ‖∇f‖∞ ≈ 2.5e-7, where rounding in f
 * and ∇f hides the decrease; measured).
 *
 * <p>Files (little-endian): {@code X.f64} (N × D), {@code y.i32} (N), {@code w0.f64} and
 * {@code w_java.f64} (C × D, row-major), and {@code problem.json} with the sizes, the settings and
 * the Java run's loss, iterations, evaluations and stop reason.
 */
class LbfgsScipyProblemTest {
    static final int N = 500;
    static final long SEED = 14;
    static final double REG = 1e3;
    static final int MEMORY = 10;
    static final int MAX_ITERATIONS = 3_000;
    static final double GRADIENT_TOLERANCE = 1e-6;
    /** Where the files go, relative to the module (Surefire runs in lib/). */
    static final Path OUT = Path.of("target", "lbfgs-scipy");

    @Test
    void lbfgsConvergesOnTheCrossCheckProblemAndWritesItForScipy() throws IOException {
        boolean real = hasCifar10();
        Cifar10Images images = real ? Cifar10.trainingImages(N) : syntheticImages();
        Cifar10.Options options = Cifar10.Options.defaults().withSizes(N, 0, 0)
                .withDev(0, 231).withPrecision(Precision.FLOAT64).withMaxTrain(N);
        Dataset train = Cifar10.split(images, new Cifar10Images(new byte[0], new int[0]),
                Dataset.defaultClassNames(10), options).train();
        SoftmaxLoss loss = new SoftmaxLoss(REG);
        DMatrixRMaj w0 = LinearClassifier.randomWeights(10, train.features(), 1e-4, 0);
        LbfgsRun run = new Lbfgs(MEMORY, MAX_ITERATIONS, GRADIENT_TOLERANCE)
                .minimize(w -> loss.lossAndGradient(w, train), w0);
        System.out.println("cross-check problem (" + (real ? "CIFAR-10" : "synthetic") + "): " + run);
        assertTrue(run.stopReason().startsWith("gradient tolerance: "), run.toString());
        assertEquals(loss.loss(run.w(), train), run.finalLoss(), 0.0, "the loss reported is the loss at w");

        Files.createDirectories(OUT);
        DMatrixRMaj x = train.xAsDouble();
        write(OUT.resolve("X.f64"), x.data, x.numRows * x.numCols);
        ByteBuffer labels = ByteBuffer.allocate(N * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int label : train.y()) {
            labels.putInt(label);
        }
        Files.write(OUT.resolve("y.i32"), labels.array());
        write(OUT.resolve("w0.f64"), w0.data, w0.data.length);
        write(OUT.resolve("w_java.f64"), run.w().data, run.w().data.length);
        String data = real ? "the first " + N + " CIFAR-10 training images"
                : N + " synthetic CIFAR-shaped images (seed " + SEED + ")";
        String json = "{\n"
                + "  \"data\": \"" + data + ", mean subtracted, bias column\",\n"
                + "  \"n\": " + N + ", \"d\": " + train.features() + ", \"c\": 10,\n"
                + "  \"reg\": " + REG + ", \"memory\": " + MEMORY + ", \"maxIterations\": " + MAX_ITERATIONS + ",\n"
                + "  \"gradientTolerance\": " + GRADIENT_TOLERANCE + ",\n"
                + "  \"java\": {\"loss\": " + run.finalLoss() + ", \"iterations\": " + run.iterations()
                + ", \"evaluations\": " + run.totalEvaluations() + ", \"seconds\": " + run.seconds()[run.iterations()]
                + ",\n           \"stopReason\": \"" + run.stopReason() + "\"}\n"
                + "}\n";
        Files.writeString(OUT.resolve("problem.json"), json);
    }

    /** Whether the release is already in {@link Cifar10#dir()} (this test never fetches it). */
    private static boolean hasCifar10() {
        Path dir = Cifar10.dir();
        if (!Files.isRegularFile(dir.resolve(Cifar10Cache.META_FILE))) {
            return false;
        }
        return Cifar10Cache.OFFICIAL_FILES.keySet().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /**
     * N images of 3072 bytes: a brightness per image (0–127, shared by its pixels, as in photos,
     * whose pixels are strongly correlated), a random template per class (0–63) and uniform noise
     * (0–63); labels uniform. The shared brightness makes the problem ill-conditioned like the real
     * images.
     */
    private static Cifar10Images syntheticImages() {
        Random r = new Random(SEED);
        int[][] templates = new int[10][Cifar10Images.VALUES];
        for (int[] t : templates) {
            for (int k = 0; k < t.length; k++) {
                t[k] = r.nextInt(64);
            }
        }
        byte[] pixels = new byte[N * Cifar10Images.VALUES];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = r.nextInt(10);
            int brightness = r.nextInt(128);
            for (int k = 0; k < Cifar10Images.VALUES; k++) {
                pixels[i * Cifar10Images.VALUES + k] =
                        (byte) (brightness + templates[labels[i]][k] + r.nextInt(64));
            }
        }
        return new Cifar10Images(pixels, labels);
    }

    private static void write(Path file, double[] values, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(count * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < count; k++) {
            b.putDouble(values[k]);
        }
        Files.write(file, b.array());
    }
}
