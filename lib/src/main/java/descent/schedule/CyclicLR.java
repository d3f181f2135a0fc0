package descent.schedule;

import descent.util.Checks;

/**
 * Cycles the rate between baseLr and maxLr: up linearly over stepSizeUp steps, down over
 * stepSizeDown steps, with an amplitude scaled per mode. PyTorch's formula:
 * <pre>
 *   total = stepSizeUp + stepSizeDown,   ratio = stepSizeUp / total
 *   cycle = ⌊1 + t / total⌋,             x = 1 + t / total - cycle      (position in the cycle, [0, 1))
 *   scale = x / ratio              if x &lt;= ratio   (going up)
 *           (x - 1) / (ratio - 1)  otherwise       (going down)
 *   lr(t) = baseLr + (maxLr - baseLr) · scale · f
 * </pre>
 * with the mode's amplitude factor f: {@code TRIANGULAR} f = 1; {@code TRIANGULAR2}
 * f = 1 / 2^(cycle - 1) (halved each cycle); {@code EXP_RANGE} f = gamma^t (t counts steps, not
 * cycles).
 *
 * <p>PyTorch: {@code CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, step_size_down=None,
 * mode='triangular', gamma=1.0)}. Its momentum cycling and custom scale functions are left out.
 *
 * @param baseLr       lowest rate, at the start of each cycle; finite and {@code > 0}
 * @param maxLr        highest rate (before scaling), reached after stepSizeUp steps; finite and
 *                     {@code >= baseLr}
 * @param stepSizeUp   steps from baseLr up to maxLr; {@code > 0}
 * @param stepSizeDown steps from maxLr back down to baseLr; {@code > 0}
 * @param mode         how the amplitude shrinks from cycle to cycle; not null
 * @param gamma        per-step amplitude factor for {@code EXP_RANGE} (ignored otherwise); in
 *                     {@code (0, 1]}
 */
public record CyclicLR(double baseLr, double maxLr, int stepSizeUp, int stepSizeDown, Mode mode,
                       double gamma) implements LearningRateSchedule {

    /** How the amplitude {@code maxLr - baseLr} is scaled. */
    public enum Mode {
        /** Full amplitude in every cycle. */
        TRIANGULAR,
        /** Amplitude halved each cycle: {@code 1 / 2^(cycle - 1)}. */
        TRIANGULAR2,
        /** Amplitude multiplied by gamma every step: {@code gamma^t}. */
        EXP_RANGE
    }

    /** Checks the parameters. */
    public CyclicLR {
        Checks.positive("baseLr", baseLr);
        Checks.finite("maxLr", maxLr);
        Checks.require(maxLr >= baseLr, "maxLr must be >= baseLr (" + baseLr + ") but was: " + maxLr);
        Checks.positive("stepSizeUp", stepSizeUp);
        Checks.positive("stepSizeDown", stepSizeDown);
        Checks.notNull("mode", mode);
        Checks.positive("gamma", gamma);
        Checks.inClosedRange("gamma", gamma, 0, 1);
    }

    /** A symmetric triangular cycle: up and down in stepSizeUp steps each, full amplitude. */
    public CyclicLR(double baseLr, double maxLr, int stepSizeUp) {
        this(baseLr, maxLr, stepSizeUp, stepSizeUp, Mode.TRIANGULAR, 1.0);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        double totalSize = (double) stepSizeUp + stepSizeDown;
        double stepRatio = stepSizeUp / totalSize;
        double cycle = Math.floor(1 + step / totalSize);
        double x = 1.0 + step / totalSize - cycle;
        double scale = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double baseHeight = (maxLr - baseLr) * scale;
        double amplitude = switch (mode) {
            case TRIANGULAR -> 1.0;
            case TRIANGULAR2 -> 1 / Math.pow(2.0, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, step);
        };
        return baseLr + baseHeight * amplitude;
    }
}
