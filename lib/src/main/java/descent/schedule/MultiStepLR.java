package descent.schedule;

import descent.util.Checks;
import java.util.Arrays;

/**
 * Decays the rate by gamma at each milestone:
 * {@code lr(t) = baseLr · gamma^(number of milestones m with m <= t)}.
 *
 * <p>PyTorch: {@code MultiStepLR(optimizer, milestones, gamma=0.1)} (its closed form counts the
 * milestones with {@code bisect_right}). The array is copied in and out, so the record stays
 * immutable.
 *
 * @param baseLr     the rate before the first milestone; finite and {@code > 0}
 * @param milestones steps at which the rate is multiplied by gamma; strictly increasing, each
 *                   {@code >= 0}; may be empty
 * @param gamma      multiplicative factor per milestone; finite and {@code > 0}
 */
public record MultiStepLR(double baseLr, int[] milestones, double gamma) implements LearningRateSchedule {

    /** PyTorch's default gamma. */
    public static final double DEFAULT_GAMMA = 0.1;

    /** Checks the parameters and copies the milestones. */
    public MultiStepLR {
        Checks.positive("baseLr", baseLr);
        Checks.notNull("milestones", milestones);
        milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            Checks.nonNegative("milestones[" + i + "]", milestones[i]);
            Checks.require(i == 0 || milestones[i] > milestones[i - 1],
                    "milestones must be strictly increasing but were: " + Arrays.toString(milestones));
        }
        Checks.positive("gamma", gamma);
    }

    /** MultiStepLR with PyTorch's default gamma = 0.1. */
    public MultiStepLR(double baseLr, int... milestones) {
        this(baseLr, milestones, DEFAULT_GAMMA);
    }

    /** A copy of the milestones. */
    @Override
    public int[] milestones() {
        return milestones.clone();
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        int passed = 0;
        while (passed < milestones.length && milestones[passed] <= step) {
            passed++;
        }
        return baseLr * Math.pow(gamma, passed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultiStepLR that && baseLr == that.baseLr && gamma == that.gamma
                && Arrays.equals(milestones, that.milestones);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(baseLr) + Arrays.hashCode(milestones)) + Double.hashCode(gamma);
    }

    @Override
    public String toString() {
        return "MultiStepLR[baseLr=" + baseLr + ", milestones=" + Arrays.toString(milestones)
                + ", gamma=" + gamma + "]";
    }
}
