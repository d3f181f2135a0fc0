package descent.assignments.common;

import descent.data.Dataset;
import descent.loss.Loss;
import descent.loss.LossAndGradient;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss for testing a training loop: it remembers every call (which examples the batch held, the
 * W it was evaluated at) and returns a gradient the test chooses, so the expected W is known.
 *
 * <p>The training set must come from {@link Problem#indexed}: feature 0 of each row names the
 * example. Rows that are not rows of the training set are remembered as problems.
 */
public final class RecordingLoss implements Loss {

    /** The gradient to return at a step. */
    @FunctionalInterface
    public interface Gradient {
        /**
         * @param step the number of earlier calls
         * @param w    the W the loss was called with (a copy)
         * @return dW, W's shape
         */
        DMatrixRMaj at(int step, DMatrixRMaj w);
    }

    private final Dataset train;
    private final Gradient gradient;
    private final List<int[]> batches = new ArrayList<>();
    private final List<DMatrixRMaj> points = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param train    the training set the loop is given (from {@link Problem#indexed})
     * @param gradient what to return as dW
     */
    public RecordingLoss(Dataset train, Gradient gradient) {
        this.train = train;
        this.gradient = gradient;
    }

    @Override
    public LossAndGradient lossAndGradient(DMatrixRMaj w, Dataset batch) {
        int step = batches.size();
        int[] ids = new int[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            ids[k] = (int) Math.round(batch.get(k, 0));
            if (problems.isEmpty() && !isTrainingRow(batch, k, ids[k])) {
                problems.add("row " + k + " of the batch at step " + step + " is not an example of the"
                        + " training set");
            }
        }
        batches.add(ids);
        points.add(w.copy());
        return new LossAndGradient(0, 0, 0, gradient.at(step, w.copy()).copy());
    }

    private boolean isTrainingRow(Dataset batch, int k, int id) {
        if (id < 0 || id >= train.size() || batch.features() != train.features()
                || batch.y()[k] != train.y()[id]) {
            return false;
        }
        for (int j = 0; j < train.features(); j++) {
            if (batch.get(k, j) != train.get(id, j)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double reg() {
        return 0;
    }

    /** How many times the loss was called. */
    public int calls() {
        return batches.size();
    }

    /** The examples of each call's batch, in order. */
    public List<int[]> batches() {
        return batches;
    }

    /** The W of each call, copied. */
    public List<DMatrixRMaj> points() {
        return points;
    }

    /** The first batch row that was not a training example, or null. */
    public String problem() {
        return problems.isEmpty() ? null : problems.get(0);
    }
}
