package descent.schedule;

import descent.util.Checks;

/**
 * Half a cosine from baseLr down to etaMin over tMax steps:
 * {@code lr(t) = etaMin + (baseLr - etaMin) · (1 + cos(π · t / tMax)) / 2}.
 *
 * <p>PyTorch: {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)}, its closed form. At
 * {@code t = tMax} the rate is etaMin; past tMax the formula keeps going, so the rate climbs back
 * to baseLr at {@code 2·tMax} (a period of 2·tMax), as PyTorch's does. For restarts, see
 * {@link CosineAnnealingWarmRestarts}.
 *
 * @param baseLr the rate at step 0; finite and {@code > 0}
 * @param tMax   number of steps from baseLr down to etaMin; {@code > 0}
 * @param etaMin the lowest rate; finite, {@code >= 0} and {@code <= baseLr}
 */
public record CosineAnnealingLR(double baseLr, int tMax, double etaMin) implements LearningRateSchedule {

    /** Checks the parameters. */
    public CosineAnnealingLR {
        Checks.positive("baseLr", baseLr);
        Checks.positive("tMax", tMax);
        Checks.nonNegative("etaMin", etaMin);
        Checks.require(etaMin <= baseLr, "etaMin must be <= baseLr (" + baseLr + ") but was: " + etaMin);
    }

    /** CosineAnnealingLR down to PyTorch's default etaMin = 0. */
    public CosineAnnealingLR(double baseLr, int tMax) {
        this(baseLr, tMax, 0.0);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * step / tMax)) / 2;
    }
}
