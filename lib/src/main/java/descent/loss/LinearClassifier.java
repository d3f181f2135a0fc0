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
     * @param w    C × D; not modified
     * @param data N × D examples (labels are ignored)
     * @return N predicted labels
     */
    public static int[] predict(DMatrixRMaj w, Dataset data) {
        Checks.notNull("W", w);
        Checks.notNull("data", data);
        if (w.numCols != data.features()) {
            throw new IllegalArgumentException("W must have " + data.features()
                    + " columns (features of the data) but was: " + w.numRows + " x " + w.numCols);
        }
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
        }, null);
        return predicted;
    }

    /**
     * The fraction of examples whose predicted class equals their label, in [0, 1].
     *
     * @param w    C × D; not modified
     * @param data N × D examples with labels; N &gt; 0
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

    /** Which kernel runs the products: "vector-api" (SIMD) or "scalar". */
    public static String kernelImplementation() {
        return LinearKernels.implementation();
    }
}
