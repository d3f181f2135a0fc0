package descent.schedule;

import descent.util.Checks;

/**
 * Cosine annealing that restarts at baseLr, each period tMult times longer than the last (SGDR):
 * <pre>
 *   lr(t) = etaMin + (baseLr - etaMin) · (1 + cos(π · T_cur / T_i)) / 2
 * </pre>
 * where the periods are {@code T_0, T_0·tMult, T_0·tMult², ...}, {@code T_i} is the length of the
 * period step t falls in and {@code T_cur} is the number of steps since that period began. In
 * closed form, for {@code tMult > 1} and {@code t >= T_0}: {@code n = ⌊log_tMult(t/T_0·(tMult-1)
 * + 1)⌋}, {@code T_cur = t - T_0·(tMult^n - 1)/(tMult - 1)}, {@code T_i = T_0·tMult^n}; for
 * {@code tMult = 1}, {@code T_cur = t mod T_0}.
 *
 * <p>PyTorch: {@code CosineAnnealingWarmRestarts(optimizer, T_0, T_mult=1, eta_min=0)} stepped
 * with {@code step(epoch)}. This class finds the period by adding period lengths in integers,
 * which is the same n as the closed form without the rounding of a floating-point logarithm
 * (PyTorch's {@code math.log(243, 3)} is 4.999…, so with T_0 = 1, tMult = 3 its
 * {@code step(121)} gives etaMin where the period restarts; its plain {@code step()} and this
 * class give baseLr).
 * Example, T_0 = 10, tMult = 2: restarts at steps 10, 30, 70; rate(9) is near etaMin, rate(10)
 * and rate(30) are baseLr.
 *
 * @param baseLr the rate at step 0 and after each restart; finite and {@code > 0}
 * @param t0     length of the first period, in steps; {@code > 0}
 * @param tMult  factor by which each period is longer than the one before; {@code >= 1}
 * @param etaMin the lowest rate; finite, {@code >= 0} and {@code <= baseLr}
 */
public record CosineAnnealingWarmRestarts(double baseLr, int t0, int tMult, double etaMin)
        implements LearningRateSchedule {

    /** Checks the parameters. */
    public CosineAnnealingWarmRestarts {
        Checks.positive("baseLr", baseLr);
        Checks.positive("t0", t0);
        Checks.positive("tMult", tMult);
        Checks.nonNegative("etaMin", etaMin);
        Checks.require(etaMin <= baseLr, "etaMin must be <= baseLr (" + baseLr + ") but was: " + etaMin);
    }

    /** Restarts every t0 steps (PyTorch's defaults tMult = 1, etaMin = 0). */
    public CosineAnnealingWarmRestarts(double baseLr, int t0) {
        this(baseLr, t0, 1, 0.0);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        long periodStart = 0;
        long period = t0;
        while (step >= periodStart + period) {
            periodStart += period;
            period *= tMult;
        }
        double tCur = step - periodStart;
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / period)) / 2;
    }
}
