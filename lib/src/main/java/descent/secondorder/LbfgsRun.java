package descent.secondorder;

import descent.util.Checks;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * What an {@link Lbfgs} run found and what it cost, iteration by iteration.
 *
 * <p>Index k of each array is "after iteration k"; index 0 is at w0 (1 evaluation, 0 s).
 *
 * @param w           the last accepted W, the shape of w0 (C × D for a classifier)
 * @param losses      f after each iteration, length {@code iterations + 1}
 * @param evaluations cumulative function evaluations after each iteration (for a full-batch
 *                    dataset loss: passes over the data), length {@code iterations + 1}; the
 *                    evaluations of a last line search that found no step are not in it (the
 *                    stop reason counts them)
 * @param seconds     cumulative wall time in seconds after each iteration, counted from the end of
 *                    the evaluation at w0, length {@code iterations + 1}
 * @param iterations  iterations taken (accepted steps)
 * @param stopReason  why the run stopped, in words, e.g. {@code "gradient tolerance: ‖∇f‖∞ =
 *                    8.1e-06 ≤ 1e-05"}
 */
public record LbfgsRun(DMatrixRMaj w, double[] losses, int[] evaluations, double[] seconds,
                       int iterations, String stopReason) {

    /** Checks that the arrays have one entry per iteration plus the start. */
    public LbfgsRun {
        Checks.noneNull("w, losses, evaluations, seconds, stopReason", w, losses, evaluations, seconds, stopReason);
        Checks.nonNegative("iterations", iterations);
        Checks.require(losses.length == iterations + 1 && evaluations.length == iterations + 1
                        && seconds.length == iterations + 1,
                "losses, evaluations and seconds must have iterations + 1 = " + (iterations + 1)
                        + " entries but had: " + losses.length + ", " + evaluations.length + ", "
                        + seconds.length);
    }

    /** The loss at {@link #w()}: the last entry of {@link #losses()}. */
    public double finalLoss() {
        return losses[iterations];
    }

    /** All function evaluations of the run: the last entry of {@link #evaluations()}. */
    public int totalEvaluations() {
        return evaluations[iterations];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "L-BFGS: %d iterations, %d evaluations, loss %.6g -> %.6g in %.2f s; stopped by %s",
                iterations, totalEvaluations(), losses[0], finalLoss(), seconds[iterations], stopReason);
    }
}
