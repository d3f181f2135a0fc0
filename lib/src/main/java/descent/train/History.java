package descent.train;

/**
 * What happened during a training run, step by step and evaluation by evaluation.
 *
 * <p>Per step t (length {@link #steps()}): the minibatch loss before the update, the learning
 * rate used, the Frobenius norm of dW, and the wall time since the run started. Per evaluation
 * (length {@link #evaluations()}): the step it followed, accuracy on a fixed sample of the training
 * set, and accuracy and loss on the validation set (NaN when there was none).
 *
 * @param loss               minibatch loss at each step (data loss + regularization)
 * @param learningRate       learning rate used at each step
 * @param gradientNorm       ‖dW‖ (Frobenius) at each step
 * @param elapsedMillis      wall time from the start of the run to the end of each step, in ms
 * @param evalSteps          the step after which each evaluation ran
 * @param trainAccuracy      accuracy on the training sample at each evaluation, in [0, 1]
 * @param validationAccuracy accuracy on the validation set at each evaluation, or NaN
 * @param validationLoss     loss on the validation set at each evaluation, or NaN
 * @param stopReason         why the run ended
 * @param message            a sentence saying why the run ended
 */
public record History(double[] loss, double[] learningRate, double[] gradientNorm, double[] elapsedMillis,
                      int[] evalSteps, double[] trainAccuracy, double[] validationAccuracy,
                      double[] validationLoss, StopReason stopReason, String message) {

    /** Why a run ended. */
    public enum StopReason {
        /** All planned iterations ran. */
        COMPLETED,
        /** Validation accuracy stopped improving for {@code patience} evaluations. */
        EARLY_STOPPED,
        /** The loss became NaN or infinite, or exploded; see {@link #message()}. */
        DIVERGED,
        /** The thread was interrupted (the notebook's stop button) before the next step. */
        INTERRUPTED
    }

    /** Number of steps taken. */
    public int steps() {
        return loss.length;
    }

    /** Number of evaluations made. */
    public int evaluations() {
        return evalSteps.length;
    }

    /** The loss at the last step (NaN if no step was taken). */
    public double finalLoss() {
        return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
    }

    /** The mean loss over the last {@code window} steps (fewer if the run was shorter). */
    public double finalLoss(int window) {
        int n = Math.min(window, loss.length);
        double sum = 0;
        for (int t = loss.length - n; t < loss.length; t++) {
            sum += loss[t];
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The validation accuracy at the last evaluation, in [0, 1]: where the run ended, not the best
     * it saw (NaN without validation or without any evaluation).
     */
    public double finalValidationAccuracy() {
        return validationAccuracy.length == 0 ? Double.NaN : validationAccuracy[validationAccuracy.length - 1];
    }

    /** The highest validation accuracy seen (NaN without validation). */
    public double bestValidationAccuracy() {
        double best = Double.NaN;
        for (double a : validationAccuracy) {
            if (!Double.isNaN(a) && (Double.isNaN(best) || a > best)) {
                best = a;
            }
        }
        return best;
    }

    /** The step numbers 0, 1, … as doubles, for plotting against {@link #loss()}. */
    public double[] stepAxis() {
        double[] x = new double[loss.length];
        for (int t = 0; t < x.length; t++) {
            x[t] = t;
        }
        return x;
    }

    /** {@link #loss()} smoothed by a trailing moving average of {@code window} steps. */
    public double[] smoothedLoss(int window) {
        descent.util.Checks.positive("window", window);
        double[] out = new double[loss.length];
        double sum = 0;
        for (int t = 0; t < loss.length; t++) {
            sum += loss[t];
            if (t >= window) {
                sum -= loss[t - window];
            }
            out[t] = sum / Math.min(t + 1, window);
        }
        return out;
    }

    @Override
    public String toString() {
        return descent.util.Readable.count(steps()) + " steps, final loss " + descent.util.Readable.number(finalLoss()) + ", "
                + evaluations() + " evaluations, " + stopReason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
