package descent.loss;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss of a linear classifier: scores {@code s = W x} for each example, compared with its label.
 *
 * <p>Shapes: W is C classes × D features; the batch holds N examples of D features (X: N × D) and
 * N labels in {@code [0, C)}. Implementations check the shapes at the door and never modify W or
 * the batch.
 */
public interface Loss {

    /**
     * The loss at W over the batch, and its gradient.
     *
     * @param w     weights, C × D; not modified
     * @param batch N examples with D features and labels in {@code [0, C)}
     * @return loss, its parts and dL/dW (C × D)
     * @throws IllegalArgumentException on a shape mismatch, an empty batch, a non-finite W, or a
     *                                  non-finite entry of X met in a row (named by row and column)
     * @throws ArithmeticException      if the scores W x overflow although X and W are finite
     */
    LossAndGradient lossAndGradient(DMatrixRMaj w, Dataset batch);

    /**
     * The loss alone; may be cheaper than {@link #lossAndGradient}.
     *
     * @param w     weights, C × D; not modified
     * @param batch N examples with D features
     */
    default double loss(DMatrixRMaj w, Dataset batch) {
        return lossAndGradient(w, batch).loss();
    }

    /** The regularization strength λ in {@code λ · sum(W²)}. */
    double reg();
}
