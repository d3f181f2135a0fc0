package descent.schedule;

import descent.util.Checks;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The 1cycle policy: warm up from {@code maxLr / divFactor} to maxLr, then anneal far below the
 * start, over a fixed number of steps. PyTorch's phases (end steps are real numbers):
 * <pre>
 *   initialLr = maxLr / divFactor,   minLr = initialLr / finalDivFactor,   p = pctStart · totalSteps
 *   two phases:   [0, p - 1]: initialLr → maxLr;   [p - 1, totalSteps - 1]: maxLr → minLr
 *   three phases: [0, p - 1]: initialLr → maxLr;   [p - 1, 2p - 2]: maxLr → initialLr;
 *                 [2p - 2, totalSteps - 1]: initialLr → minLr
 * </pre>
 * Within a phase from step s to step e, going from rate a to rate b, with {@code q = (t - s)/(e - s)}:
 * {@code COS}: {@code b + (a - b)/2 · (1 + cos(π·q))}; {@code LINEAR}: {@code a + (b - a)·q}.
 *
 * <p>PyTorch: {@code OneCycleLR(optimizer, max_lr, total_steps, pct_start=0.3,
 * anneal_strategy='cos', div_factor=25.0, final_div_factor=1e4, three_phase=False)}; momentum
 * cycling is left out. One difference: PyTorch accepts step {@code total_steps} (one past the end,
 * where the cosine turns back up); here the steps are {@code 0 .. totalSteps-1} and rate(totalSteps)
 * is an error.
 *
 * @param maxLr          the peak rate; finite and {@code > 0}
 * @param totalSteps     number of steps in the cycle; {@code > 0}
 * @param pctStart       fraction of the steps spent warming up; in {@code [0, 1]}, and every phase
 *                       must end after the previous one (so {@code pctStart · totalSteps > 1})
 * @param anneal         the shape of each phase; not null
 * @param divFactor      {@code initialLr = maxLr / divFactor}; finite and {@code > 0}
 * @param finalDivFactor {@code minLr = initialLr / finalDivFactor}; finite and {@code > 0}
 * @param threePhase     whether to come back down to initialLr before annealing to minLr
 */
public record OneCycleLR(double maxLr, int totalSteps, double pctStart, Anneal anneal, double divFactor,
                         double finalDivFactor, boolean threePhase) implements LearningRateSchedule {

    /** The shape of the rate within a phase. */
    public enum Anneal {
        /** Half a cosine from the phase's start rate to its end rate. */
        COS,
        /** A straight line from the phase's start rate to its end rate. */
        LINEAR
    }

    /** Checks the parameters. */
    public OneCycleLR {
        Checks.positive("maxLr", maxLr);
        Checks.positive("totalSteps", totalSteps);
        Checks.inClosedRange("pctStart", pctStart, 0, 1);
        Checks.notNull("anneal", anneal);
        Checks.positive("divFactor", divFactor);
        Checks.positive("finalDivFactor", finalDivFactor);
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        boolean ordered = ends[0] > 0;
        for (int i = 1; i < ends.length; i++) {
            ordered &= ends[i] > ends[i - 1];
        }
        Checks.require(ordered, "pctStart = " + pctStart + " and totalSteps = " + totalSteps
                + " give phases ending at steps " + Arrays.toString(ends)
                + "; each phase must end after the previous one, the first after step 0");
    }

    /** 1cycle with PyTorch's defaults: pctStart 0.3, cosine, divFactor 25, finalDivFactor 1e4, two phases. */
    public OneCycleLR(double maxLr, int totalSteps) {
        this(maxLr, totalSteps, 0.3, Anneal.COS, 25.0, 1e4, false);
    }

    /** {@code totalSteps}: the cycle covers steps {@code 0 .. totalSteps-1}. */
    @Override
    public OptionalInt length() {
        return OptionalInt.of(totalSteps);
    }

    /** The rate at step 0: {@code maxLr / divFactor}. */
    public double initialLr() {
        return maxLr / divFactor;
    }

    /** The rate at the last step: {@code initialLr / finalDivFactor}. */
    public double minLr() {
        return initialLr() / finalDivFactor;
    }

    private static double[] phaseEnds(int totalSteps, double pctStart, boolean threePhase) {
        double warmUpEnd = pctStart * totalSteps - 1;
        return threePhase
                ? new double[] {warmUpEnd, 2 * pctStart * totalSteps - 2, totalSteps - 1}
                : new double[] {warmUpEnd, totalSteps - 1};
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if step is negative or {@code >= totalSteps}
     */
    @Override
    public double rate(int step) {
        Checks.require(step >= 0 && step < totalSteps,
                "step must be in [0, " + totalSteps + ") but was: " + step);
        double[] ends = phaseEnds(totalSteps, pctStart, threePhase);
        double[] from = threePhase
                ? new double[] {initialLr(), maxLr, initialLr()} : new double[] {initialLr(), maxLr};
        double[] to = threePhase
                ? new double[] {maxLr, initialLr(), minLr()} : new double[] {maxLr, minLr()};
        double start = 0;
        for (int i = 0; i < ends.length; i++) {
            if (step <= ends[i] || i == ends.length - 1) {
                double q = (step - start) / (ends[i] - start);
                return anneal == Anneal.COS
                        ? to[i] + (from[i] - to[i]) / 2 * (Math.cos(Math.PI * q) + 1)
                        : (to[i] - from[i]) * q + from[i];
            }
            start = ends[i];
        }
        throw new AssertionError("the last phase always matches");
    }
}
