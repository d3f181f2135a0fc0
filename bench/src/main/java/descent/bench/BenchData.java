package descent.bench;

import descent.data.Dataset;
import descent.data.Precision;
import descent.loss.Loss;
import descent.loss.SoftmaxLoss;
import descent.loss.SoftmaxLossNaive;
import descent.loss.SvmLoss;
import descent.loss.SvmLossNaive;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;

/**
 * The synthetic CIFAR-10-shaped problem every benchmark uses, the same distribution as
 * {@code bench/numpy_bench.py}: N examples of D = 3,073 features (3,072 pixels, uniform integers
 * 0..255 minus the mean 127.5, then a bias column of 1), C = 10 classes, uniform labels, and
 * W = 0.0001 · N(0, 1) of shape C × D (the assignment's initialization).
 */
public final class BenchData {
    /** Features per example: 32 × 32 × 3 pixels and a bias. */
    public static final int D = 3073;
    /** Classes. */
    public static final int C = 10;
    /** Regularization strength in every benchmark (the assignment's 2.5e4 would only scale W). */
    public static final double REG = 5e-6;

    private BenchData() {
    }

    /** N × D pixels-minus-mean with a bias column, labels uniform in [0, C), stored as asked. */
    public static Dataset images(int n, Precision precision, long seed) {
        Random r = new Random(seed);
        int[] y = new int[n];
        if (precision == Precision.FLOAT64) {
            DMatrixRMaj x = new DMatrixRMaj(n, D);
            for (int i = 0; i < n; i++) {
                int off = i * D;
                for (int k = 0; k < D - 1; k++) {
                    x.data[off + k] = r.nextInt(256) - 127.5;
                }
                x.data[off + D - 1] = 1;
                y[i] = r.nextInt(C);
            }
            return new Dataset(x, y, Dataset.defaultClassNames(C));
        }
        FMatrixRMaj x = new FMatrixRMaj(n, D);
        for (int i = 0; i < n; i++) {
            int off = i * D;
            for (int k = 0; k < D - 1; k++) {
                x.data[off + k] = r.nextInt(256) - 127.5f;
            }
            x.data[off + D - 1] = 1;
            y[i] = r.nextInt(C);
        }
        return new Dataset(x, y, Dataset.defaultClassNames(C));
    }

    /** C × D weights, 0.0001 · N(0, 1). */
    public static DMatrixRMaj weights(long seed) {
        Random r = new Random(seed);
        DMatrixRMaj w = new DMatrixRMaj(C, D);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = 1e-4 * r.nextGaussian();
        }
        return w;
    }

    /** The loss named by a benchmark parameter: "svm" or "softmax", "naive" or "vectorized". */
    public static Loss loss(String name, String impl) {
        return loss(name, impl, REG);
    }

    /** As {@link #loss(String, String)}, with regularization strength {@code reg} (≥ 0). */
    public static Loss loss(String name, String impl, double reg) {
        boolean naive = switch (impl) {
            case "naive" -> true;
            case "vectorized" -> false;
            default -> throw new IllegalArgumentException("impl must be naive or vectorized but was: " + impl);
        };
        return switch (name) {
            case "svm" -> naive ? new SvmLossNaive(reg) : new SvmLoss(reg);
            case "softmax" -> naive ? new SoftmaxLossNaive(reg) : new SoftmaxLoss(reg);
            default -> throw new IllegalArgumentException("loss must be svm or softmax but was: " + name);
        };
    }

    /** "float64" or "float32" as a {@link Precision}. */
    public static Precision precision(String name) {
        return switch (name) {
            case "float64" -> Precision.FLOAT64;
            case "float32" -> Precision.FLOAT32;
            default -> throw new IllegalArgumentException("precision must be float64 or float32 but was: " + name);
        };
    }
}
