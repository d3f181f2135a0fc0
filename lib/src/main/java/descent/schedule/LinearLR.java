package descent.schedule;

import descent.util.Checks;

/**
 * Linear warm-up (or cool-down) of the rate's factor from startFactor to endFactor over totalIters
 * steps, then constant:
 * {@code lr(t) = baseLr · (startFactor + (endFactor - startFactor) · min(t, totalIters) / totalIters)}.
 *
 * <p>PyTorch: {@code LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)}, its
 * closed form, with PyTorch's ranges for the factors.
 *
 * @param baseLr      the rate the factors multiply; finite and {@code > 0}
 * @param startFactor factor at step 0; in {@code (0, 1]}
 * @param endFactor   factor from step totalIters on; in {@code [0, 1]}
 * @param totalIters  number of steps the change takes; {@code > 0}
 */
public record LinearLR(double baseLr, double startFactor, double endFactor, int totalIters)
        implements LearningRateSchedule {

    /** Checks the parameters. */
    public LinearLR {
        Checks.positive("baseLr", baseLr);
        Checks.positive("startFactor", startFactor);
        Checks.inClosedRange("startFactor", startFactor, 0, 1);
        Checks.inClosedRange("endFactor", endFactor, 0, 1);
        Checks.positive("totalIters", totalIters);
    }

    /** Warm-up with PyTorch's defaults: from baseLr/3 to baseLr over 5 steps. */
    public LinearLR(double baseLr) {
        this(baseLr, 1.0 / 3, 1.0, 5);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        return baseLr * (startFactor
                + (endFactor - startFactor) * Math.min(totalIters, step) / totalIters);
    }
}
