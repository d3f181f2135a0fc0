package descent.loss;

import descent.data.Dataset;
import descent.util.Checks;
import org.ejml.data.DMatrixRMaj;

/**
 * What a linear classifier with weights W predicts: scores {@code s = W x}, class = argmax s.
 *
 * <p>W is C classes × D features; data holds N examples of D features. Uses the same fused,
 * multi-core kernel as the vectorized losses.
 */
public final class LinearClassifier {
    private LinearClassifier() {
    }

    /**
     * The predicted class of every example: {@code argmax_j (W x_i)_j}; ties go to the lower j.
     *
     * @param w    C × D, finite; not modified
     * @param data N × D examples of C classes (labels are ignored)
     * @return N predicted labels
     * @throws IllegalArgumentException if W is not C × D (the message names both shapes), W has a
     *                                  NaN or infinite entry, or so has X (row and column named)
     */
    public static int[] predict(DMatrixRMaj w, Dataset data) {
        Checks.notNull("W", w);
        Checks.notNull("data", data);
        if (w.numRows != data.numClasses() || w.numCols != data.features()) {
            throw new IllegalArgumentException("W must be " + data.numClasses() + " x " + data.features()
                    + " (classes x features of the data) but was: " + w.numRows + " x " + w.numCols
                    + "; the data is " + data.size() + " x " + data.features() + " with " + data.numClasses()
                    + " classes");
        }
        Checks.finite("W", w, "; predictions need finite weights: check how W was made or trained");
        int[] predicted = new int[data.size()];
        if (data.size() == 0) {
            return predicted;
        }
        int[] ignoredLabels = new int[data.size()];
        LinearKernels.run(w, data.x(), ignoredLabels, (row, s, label, g) -> {
            int best = 0;
            for (int j = 1; j < s.length; j++) {
                if (s[j] > s[best]) {
                    best = j;
                }
            }
            predicted[row] = best;
            return 0;
        }, null, false);
        return predicted;
    }

    /**
     * The fraction of examples whose predicted class equals their label, in [0, 1].
     *
     * @param w    C × D, finite; not modified
     * @param data N × D examples of C classes, with labels; N &gt; 0
     * @throws IllegalArgumentException as {@link #predict}
     */
    public static double accuracy(DMatrixRMaj w, Dataset data) {
        Checks.require(data != null && data.size() > 0, "data must not be empty");
        int[] predicted = predict(w, data);
        int[] y = data.y();
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if (predicted[i] == y[i]) {
                correct++;
            }
        }
        return (double) correct / y.length;
    }

    /**
     * A small random W to start training from, as CS231n does: every entry
     * {@code scale · N(0, 1)}, drawn from {@code new java.util.Random(seed)} in row-major order.
     * The same seed gives the same W on every machine and JDK.
     *
     * @param classes  C, the number of rows, &gt; 0
     * @param features D, the number of columns (3,073 for CIFAR-10 with its bias column), &gt; 0
     * @param scale    the standard deviation of the entries, finite and &gt; 0 (the course uses 1e-4)
     * @param seed     the seed of the random generator
     * @return a new C × D matrix
     */
    public static DMatrixRMaj randomWeights(int classes, int features, double scale, long seed) {
        Checks.require(classes > 0, "classes must be > 0 but was: " + classes);
        Checks.require(features > 0, "features must be > 0 but was: " + features);
        Checks.positive("scale", scale);
        java.util.Random rng = new java.util.Random(seed);
        DMatrixRMaj w = new DMatrixRMaj(classes, features);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = scale * rng.nextGaussian();
        }
        return w;
    }

    /** Which kernel runs the products: "vector-api" (SIMD) or "scalar". */
    public static String kernelImplementation() {
        return LinearKernels.implementation();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Compiles the hot loss kernels ahead of the first real call, on one background daemon thread,
     * and returns at once. The first call of a vectorized loss in a fresh JVM otherwise waits
     * ~0.3–0.6 s for the JIT (4–6 × a steady call on 49,000 × 3,073); the notebook kernel calls
     * this at start-up, while the student reads the first cell. Runs the SVM and softmax losses,
     * with and without gradient, in float64 and float32, on a synthetic 10-class problem of
     * 3,073 features shaped like CIFAR-10's, 2,049 examples and a minibatch of 203 of them (about
     * 2.5 s of one core). Idempotent: later calls do nothing.
     */
    public static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(LinearClassifier::warmUp, "descent-kernel-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void warmUp() {
        // Data and weights shaped like the course's, so that the JIT's profile matches a real call
        // and the first one does not deoptimize: pixels -127.5..127.5 and a bias column, W of scale
        // 1e-4 (hinge margins of both signs), a regularization term, and row counts that leave rows
        // after the kernel's 4-row tiles in every part (2,049 rows: eight parts of 257 on 2 cores;
        // a minibatch of 203).
        int n = 2049;
        int d = 3073;
        int c = 10;
        java.util.Random random = new java.util.Random(0);
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = k % d == d - 1 ? 1 : random.nextInt(256) - 127.5;
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(c);
        }
        DMatrixRMaj w = randomWeights(c, d, 1e-4, 0);
        Dataset data64 = new Dataset(x, y, Dataset.defaultClassNames(c));
        Dataset data32 = data64.withPrecision(descent.data.Precision.FLOAT32);
        Loss[] losses = {new SvmLoss(2.5e4), new SoftmaxLoss(2.5e4)};
        Dataset small64 = data64.slice(0, 203);
        Dataset small32 = data32.slice(0, 203);
        for (int round = 0; round < 12; round++) {
            for (Dataset data : new Dataset[] {data64, data32, small64, small32}) {
                for (Loss loss : losses) {
                    loss.lossAndGradient(w, data);
                    loss.loss(w, data);
                }
                predict(w, data);
            }
        }
    }
}
