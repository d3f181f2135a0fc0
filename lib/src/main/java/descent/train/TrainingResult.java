package descent.train;

import org.ejml.data.DMatrixRMaj;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param w       the trained weights, C × D: the last ones, or with early stopping the ones with
 *                the best validation accuracy
 * @param history what happened, step by step
 */
public record TrainingResult(DMatrixRMaj w, History history) {
}
