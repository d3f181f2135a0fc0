package descent.assignments.softmax;

import descent.assignments.common.Problem;
import descent.assignments.common.RecordingLoss;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public tests of q4, SGD over shuffled epochs, with a {@link RecordingLoss}: a loss that
 * remembers every batch and returns a gradient the test chooses. N = 40 examples, D = 6, C = 3.
 */
@Question("q4")
class EpochSgdPublicTest {
    private static final double TOL = 1e-9;

    private static EpochSgdFunction answer() {
        return Answers.get("q4", EpochSgdFunction.class);
    }

    static DMatrixRMaj train(RecordingLoss loss, Problem p, double lr, int iterations, int batch, long seed) {
        DMatrixRMaj w = answer().train(loss, p.dataset(), p.w(), lr, iterations, batch, seed);
        Feedback.shape("the trained W", p.w().numRows, p.w().numCols, w,
                "return the trained weights, C × D like W0");
        return w;
    }

    @Test
    @Points(2)
    @DisplayName("calls the loss once per iteration, with batchSize training examples each time")
    void oneBatchPerIteration() {
        Problem p = Problem.indexed(81, 40, 6, 3, 0.1);
        RecordingLoss loss = new RecordingLoss(p.dataset(), (t, w) -> new DMatrixRMaj(3, 6));
        train(loss, p, 0.1, 12, 10, 7);
        Feedback.that(loss.calls() == 12, "the loss was called " + loss.calls() + " times in 12"
                + " iterations, expected 12", "call loss.lossAndGradient(W, batch) once per iteration");
        for (int t = 0; t < loss.calls(); t++) {
            int size = loss.batches().get(t).length;
            Feedback.that(size == 10, "the batch at step " + t + " held " + size + " examples, expected"
                    + " batchSize = 10", "take batchSize consecutive indices of the epoch's permutation");
        }
        Feedback.that(loss.problem() == null, String.valueOf(loss.problem()), "the batch must be"
                + " rows of the training set: train.rows(indices)");
    }

    @Test
    @Points(2)
    @DisplayName("each step subtracts learningRate · dW: W = W0 − lr · Σ dW_t")
    void updateRule() {
        Problem p = Problem.indexed(82, 40, 6, 3, 0.1);
        RecordingLoss loss = new RecordingLoss(p.dataset(), (t, w) -> {
            DMatrixRMaj g = new DMatrixRMaj(3, 6);
            for (int k = 0; k < g.data.length; k++) {
                g.data[k] = (t + 1) * (k % 5 - 2) + 0.25;
            }
            return g;
        });
        DMatrixRMaj w = train(loss, p, 0.01, 5, 8, 3);
        DMatrixRMaj expected = p.w().copy();
        for (int t = 0; t < 5; t++) {
            for (int k = 0; k < expected.data.length; k++) {
                expected.data[k] -= 0.01 * ((t + 1) * (k % 5 - 2) + 0.25);
            }
        }
        Feedback.matrixClose("W", expected, w, TOL, "after 5 steps W should be W0 − lr · Σ dW_t; each"
                + " step is W ← W − learningRate"
                + " · dW with dW = loss.lossAndGradient(W, batch).gradient()");
    }

    @Test
    @Points(2)
    @DisplayName("every epoch visits each example exactly once (N = 40, batches of 10)")
    void epochVisitsEachExampleOnce() {
        Problem p = Problem.indexed(83, 40, 6, 3, 0.1);
        RecordingLoss loss = new RecordingLoss(p.dataset(), (t, w) -> new DMatrixRMaj(3, 6));
        train(loss, p, 0.1, 12, 10, 11);
        Feedback.that(loss.calls() == 12, "the loss was called " + loss.calls() + " times in 12"
                + " iterations", "one batch per iteration");
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[40];
            for (int t = 4 * epoch; t < 4 * epoch + 4; t++) {
                for (int id : loss.batches().get(t)) {
                    if (id >= 0 && id < 40) {
                        seen[id]++;
                    }
                }
            }
            for (int id = 0; id < 40; id++) {
                Feedback.that(seen[id] == 1, "in epoch " + (epoch + 1) + " (steps " + 4 * epoch + " to "
                        + (4 * epoch + 3) + ") example " + id + " was drawn " + seen[id] + " times,"
                        + " expected exactly once", "draw a permutation of 0..N−1 per epoch"
                        + " (Dataset.permutation(N, random)) and cut it into consecutive batches,"
                        + " instead of drawing each index at random");
            }
        }
        Feedback.that(Arrays.stream(loss.batches().get(0)).distinct().count() == 10,
                "the first batch repeats an example", "cut the batches from a permutation");
    }
}
