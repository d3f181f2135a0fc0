package descent.schedule;

import descent.util.Checks;

/**
 * Decays the rate by gamma every {@code stepSize} steps:
 * {@code lr(t) = baseLr · gamma^⌊t / stepSize⌋}.
 *
 * <p>PyTorch: {@code StepLR(optimizer, step_size, gamma=0.1)}.
 *
 * @param baseLr   the rate for steps {@code 0 .. stepSize-1}; finite and {@code > 0}
 * @param stepSize number of steps between decays; {@code > 0}
 * @param gamma    multiplicative factor per decay; finite and {@code > 0}
 */
public record StepLR(double baseLr, int stepSize, double gamma) implements LearningRateSchedule {

    /** PyTorch's default gamma. */
    public static final double DEFAULT_GAMMA = 0.1;

    /** Checks the parameters. */
    public StepLR {
        Checks.positive("baseLr", baseLr);
        Checks.positive("stepSize", stepSize);
        Checks.positive("gamma", gamma);
    }

    /** StepLR with PyTorch's default gamma = 0.1. */
    public StepLR(double baseLr, int stepSize) {
        this(baseLr, stepSize, DEFAULT_GAMMA);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        return baseLr * Math.pow(gamma, step / stepSize);
    }
}
