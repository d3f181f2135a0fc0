package descent.schedule;

import descent.util.Checks;
import java.util.OptionalInt;

/**
 * A learning rate as a pure function of the step number.
 *
 * <p>Steps count from 0 (PyTorch's {@code last_epoch} after construction). Implementations are
 * immutable: the same step always gives the same rate.
 */
public interface LearningRateSchedule {

    /**
     * The learning rate at a step.
     *
     * @param step 0 for the first step; {@code >= 0}
     * @return the rate, finite and {@code >= 0}
     * @throws IllegalArgumentException if step is negative (or past the end of a schedule with a
     *                                  fixed length, such as {@link OneCycleLR})
     */
    double rate(int step);

    /**
     * How many steps a schedule of fixed length covers ({@code rate(step)} fails from that step
     * on), or empty if every step {@code >= 0} has a rate. A trainer refuses, before its first step,
     * a run longer than this.
     *
     * @return the number of steps covered, {@code > 0}, or empty (the default)
     */
    default OptionalInt length() {
        return OptionalInt.empty();
    }

    /**
     * The rates at steps {@code 0 .. n-1}, for plotting or printing.
     *
     * @param n number of steps; {@code >= 0}
     * @return an array of length n whose entry t is {@code rate(t)}
     */
    default double[] sample(int n) {
        Checks.nonNegative("n", n);
        double[] rates = new double[n];
        for (int t = 0; t < n; t++) {
            rates[t] = rate(t);
        }
        return rates;
    }
}
