package descent.schedule;

import descent.util.Checks;

/**
 * The same learning rate at every step: {@code lr(t) = rate}.
 *
 * <p>Not PyTorch's {@code ConstantLR} (which multiplies by a factor for a number of steps); this
 * is the schedule used when no scheduler is attached at all.
 *
 * @param rate the learning rate; finite and {@code > 0}
 */
public record Constant(double rate) implements LearningRateSchedule {

    /** Checks the rate. */
    public Constant {
        Checks.positive("rate", rate);
    }

    @Override
    public double rate(int step) {
        Checks.nonNegative("step", step);
        return rate;
    }
}
