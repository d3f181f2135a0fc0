package descent.schedule;

import descent.util.Checks;

/**
 * Decays the rate by gamma every step: {@code lr(t) = baseLr · gamma^t}.
 *
 * <p>PyTorch: {@code ExponentialLR(optimizer, gamma)}.
 *
 * @param baseLr the rate at step 0; finite and {@code > 0}
 * @param gamma  multiplicative factor per step; finite and {@code > 0} (below 1 to decay)
 */
public record ExponentialLR(double baseLr, double gamma) implements LearningRateSchedule {

    /** Checks the parameters. */
    public ExponentialLR {
        Checks.positive("baseLr", baseLr);
        Checks.positive("gamma", gamma);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        return baseLr * Math.pow(gamma, step);
    }
}
