package descent.assignments.svm;

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
 * Public tests of q4, minibatch SGD, with a {@link RecordingLoss}: a loss that remembers every
 * batch and returns a gradient the test chooses. N = 50 examples, D = 6, C = 3.
 */
@Question("q4")
class SgdPublicTest {
    private static final double TOL = 1e-9;

    private static SgdFunction answer() {
        return Answers.get("q4", SgdFunction.class);
    }

    private static DMatrixRMaj train(RecordingLoss loss, Problem p, double lr, int iterations, int batch,
                                     long seed) {
        DMatrixRMaj w = answer().train(loss, p.dataset(), p.w(), lr, iterations, batch, seed);
        Feedback.shape("the trained W", p.w().numRows, p.w().numCols, w,
                "return the trained weights, C × D like W0");
        return w;
    }

    @Test
    @Points(2)
    @DisplayName("calls the loss once per iteration, with batchSize training examples each time")
    void oneBatchPerIteration() {
        Problem p = Problem.indexed(41, 50, 6, 3, 0.1);
        RecordingLoss loss = new RecordingLoss(p.dataset(), (t, w) -> new DMatrixRMaj(3, 6));
        train(loss, p, 0.1, 20, 8, 7);
        Feedback.that(loss.calls() == 20, "the loss was called " + loss.calls() + " times in 20"
                + " iterations, expected 20", "call loss.lossAndGradient(W, batch) once per iteration");
        for (int t = 0; t < loss.calls(); t++) {
            int size = loss.batches().get(t).length;
            Feedback.that(size == 8, "the batch at step " + t + " held " + size + " examples, expected"
                    + " batchSize = 8", "draw batchSize indices and pass train.rows(indices)");
        }
        Feedback.that(loss.problem() == null, String.valueOf(loss.problem()), "the batch must be"
                + " rows of the training set: train.rows(indices), each index in [0, N)");
    }

    @Test
    @Points(2)
    @DisplayName("each step subtracts learningRate · dW: W = W0 − lr · Σ dW_t")
    void updateRule() {
        Problem p = Problem.indexed(42, 50, 6, 3, 0.1);
        RecordingLoss loss = new RecordingLoss(p.dataset(), (t, w) -> {
            DMatrixRMaj g = new DMatrixRMaj(3, 6);
            for (int k = 0; k < g.data.length; k++) {
                g.data[k] = (t + 1) * (k % 5 - 2) + 0.25;
            }
            return g;
        });
        DMatrixRMaj w = train(loss, p, 0.01, 5, 4, 3);
        DMatrixRMaj expected = p.w().copy();
        for (int t = 0; t < 5; t++) {
            for (int k = 0; k < expected.data.length; k++) {
                expected.data[k] -= 0.01 * ((t + 1) * (k % 5 - 2) + 0.25);
            }
        }
        Feedback.matrixClose("W", expected, w, TOL, "after 5 steps W should be W0 − lr · Σ dW_t; each"
                + " step is W ← W − learningRate"
                + " · dW with dW = loss.lossAndGradient(W, batch).gradient(): subtract, and scale by the"
                + " learning rate");
    }

    @Test
    @Points(1)
    @DisplayName("leaves W0 unchanged, and the same seed gives the same batches")
    void w0UnchangedAndSeeded() {
        Problem p = Problem.indexed(43, 50, 6, 3, 0.1);
        DMatrixRMaj w0 = p.w().copy();
        RecordingLoss first = new RecordingLoss(p.dataset(), (t, w) -> w);
        train(first, p, 0.1, 6, 5, 99);
        Feedback.unchanged("W0", w0, p.w(), "start from a copy: DMatrixRMaj W = W0.copy();");
        RecordingLoss second = new RecordingLoss(p.dataset(), (t, w) -> w);
        train(second, p, 0.1, 6, 5, 99);
        Feedback.that(first.calls() == 6, "the loss was called " + first.calls() + " times in 6"
                + " iterations", "call loss.lossAndGradient(W, batch) once per iteration");
        boolean same = first.calls() == second.calls();
        for (int t = 0; same && t < first.calls(); t++) {
            same = Arrays.equals(first.batches().get(t), second.batches().get(t));
        }
        Feedback.that(same, "two runs with seed 99 drew different batches", "make one"
                + " new Random(seed) inside the method and draw every index from it");
    }
}
