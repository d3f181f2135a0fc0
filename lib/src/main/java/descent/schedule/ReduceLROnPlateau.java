package descent.schedule;

import descent.util.Checks;

/**
 * Cuts the rate by a factor when a watched metric (usually the validation loss) stops improving.
 *
 * <p>The one stateful {@link LearningRateSchedule}: its rate depends on what it has observed, not on
 * the step. Call {@link #observe} once per evaluation (typically per epoch); {@link #rate()} (and
 * {@code rate(step)}, for any step) is then the rate for the steps that follow. A
 * {@link descent.train.Trainer} does both and works on a {@link #copy()}. PyTorch's logic,
 * {@code ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4,
 * threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)}, for each observed metric m:
 * <pre>
 *   if m is better than best:  best = m; bad = 0      else: bad = bad + 1
 *   if cooling down:            cooldownLeft = cooldownLeft - 1; bad = 0
 *   if bad &gt; patience:          new = max(rate · factor, minLr)
 *                               if rate - new &gt; eps: rate = new
 *                               cooldownLeft = cooldown; bad = 0
 * </pre>
 * where "better" is, by mode and threshold mode: MIN/REL {@code m < best·(1 - threshold)},
 * MIN/ABS {@code m < best - threshold}, MAX/REL {@code m > best·(1 + threshold)}, MAX/ABS
 * {@code m > best + threshold}; best starts at +∞ (MIN) or -∞ (MAX), and "cooling down" means
 * {@code cooldownLeft > 0}. So with patience p the rate is cut on the (p+1)-th bad observation in
 * a row. Unlike PyTorch, a NaN or infinite metric is refused instead of counted as bad.
 */
public final class ReduceLROnPlateau implements LearningRateSchedule {

    /** Whether a lower or a higher metric is better. */
    public enum Mode {
        /** Lower is better (a loss). */
        MIN,
        /** Higher is better (an accuracy). */
        MAX
    }

    /** How far past the best a metric must be to count as an improvement. */
    public enum ThresholdMode {
        /** By a fraction of the best: {@code best·(1 ∓ threshold)}. */
        REL,
        /** By an absolute amount: {@code best ∓ threshold}. */
        ABS
    }

    private final double initialLr;
    private final Mode mode;
    private final double factor;
    private final int patience;
    private final double threshold;
    private final ThresholdMode thresholdMode;
    private final int cooldown;
    private final double minLr;
    private final double eps;

    private double rate;
    private double best;
    private int badEpochs;
    private int cooldownLeft;
    private int observations;

    /**
     * @param initialLr     the rate before any cut; finite and {@code > 0}
     * @param mode          MIN for a loss, MAX for an accuracy; not null
     * @param factor        the rate is multiplied by this on a cut; in {@code (0, 1)}
     * @param patience      bad observations in a row tolerated before a cut; {@code >= 0}
     * @param threshold     the margin for an improvement; finite, {@code >= 0}, and {@code < 1}
     *                      for REL
     * @param thresholdMode REL (margin as a fraction of best) or ABS; not null
     * @param cooldown      observations after a cut during which bad ones are not counted;
     *                      {@code >= 0}
     * @param minLr         the rate is never cut below this; finite and {@code >= 0}
     * @param eps           a cut smaller than this is skipped; finite and {@code >= 0}
     */
    public ReduceLROnPlateau(double initialLr, Mode mode, double factor, int patience, double threshold,
                             ThresholdMode thresholdMode, int cooldown, double minLr, double eps) {
        this.initialLr = Checks.positive("initialLr", initialLr);
        this.mode = Checks.notNull("mode", mode);
        Checks.positive("factor", factor);
        this.factor = Checks.inHalfOpenRange("factor", factor, 0, 1);
        this.patience = Checks.nonNegative("patience", patience);
        this.thresholdMode = Checks.notNull("thresholdMode", thresholdMode);
        this.threshold = thresholdMode == ThresholdMode.REL
                ? Checks.inHalfOpenRange("threshold", threshold, 0, 1)
                : Checks.nonNegative("threshold", threshold);
        this.cooldown = Checks.nonNegative("cooldown", cooldown);
        this.minLr = Checks.nonNegative("minLr", minLr);
        this.eps = Checks.nonNegative("eps", eps);
        reset();
    }

    /** PyTorch's defaults: MIN, factor 0.1, patience 10, threshold 1e-4 REL, cooldown 0, minLr 0, eps 1e-8. */
    public ReduceLROnPlateau(double initialLr) {
        this(initialLr, Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8);
    }

    /** PyTorch's defaults for the rest: threshold 1e-4 REL, cooldown 0, minLr 0, eps 1e-8. */
    public ReduceLROnPlateau(double initialLr, Mode mode, double factor, int patience) {
        this(initialLr, mode, factor, patience, 1e-4, ThresholdMode.REL, 0, 0.0, 1e-8);
    }

    /**
     * Records one value of the watched metric; {@link #rate()} is then the rate to use from now on
     * (cut if the plateau has lasted long enough).
     *
     * @param metric the metric (e.g. validation loss); finite
     */
    @Override
    public void observe(double metric) {
        Checks.finite("metric", metric);
        observations++;
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double reduced = Math.max(rate * factor, minLr);
            if (rate - reduced > eps) {
                rate = reduced;
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    private boolean isBetter(double metric) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL
                    ? metric < best * (1 - threshold) : metric < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL
                    ? metric > best * (threshold + 1) : metric > best + threshold;
        };
    }

    /** The current rate: the initial one, cut at each plateau observed so far. */
    public double rate() {
        return rate;
    }

    /**
     * The current rate, whatever the step: this schedule moves only when it observes a metric.
     *
     * @param step 0 for the first step; {@code >= 0}
     */
    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        return rate;
    }

    /** The best metric seen so far (+∞ for MIN, -∞ for MAX before any observation). */
    public double best() {
        return best;
    }

    /** Bad observations in a row since the last improvement, cut or cooldown. */
    public int badEpochs() {
        return badEpochs;
    }

    /** Observations left in the current cooldown (0 when not cooling down). */
    public int cooldownLeft() {
        return cooldownLeft;
    }

    /** Number of metrics observed since construction or the last reset. */
    public int observations() {
        return observations;
    }

    /** Back to the initial rate, with no metric seen. */
    public void reset() {
        rate = initialLr;
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        badEpochs = 0;
        cooldownLeft = 0;
        observations = 0;
    }

    /** A new instance with the same settings and fresh state. */
    @Override
    public ReduceLROnPlateau copy() {
        return new ReduceLROnPlateau(initialLr, mode, factor, patience, threshold, thresholdMode,
                cooldown, minLr, eps);
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau[initialLr=" + initialLr + ", mode=" + mode + ", factor=" + factor
                + ", patience=" + patience + ", threshold=" + threshold + ", thresholdMode="
                + thresholdMode + ", cooldown=" + cooldown + ", minLr=" + minLr + ", eps=" + eps + "]";
    }
}
