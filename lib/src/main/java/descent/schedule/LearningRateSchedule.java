package descent.schedule;

import descent.util.Checks;
import java.util.OptionalInt;

/**
 * The learning rate of each step: the one owner of the rate a trainer hands to its optimizer.
 *
 * <p>Steps count from 0 (PyTorch's {@code last_epoch} after construction). Most schedules are
 * immutable records, a pure function of the step: the same step always gives the same rate.
 * {@link ReduceLROnPlateau} also listens: a trainer tells every schedule the watched metric at each
 * evaluation through {@link #observe}, which the others ignore, and works on a {@link #copy()}.
 *
 * <p>The rate someone chooses (the base rate a schedule is built with) is checked once, by that
 * schedule's constructor: finite and {@code > 0}. A schedule may then reach 0 by its own formula
 * (a cosine with {@code etaMin = 0}), so {@link #rate} returns a finite rate {@code >= 0}.
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
     * Told the watched metric (a validation loss, say) at an evaluation, so that the rates of the
     * steps that follow can depend on it. Does nothing by default: only {@link ReduceLROnPlateau}
     * listens.
     *
     * @param metric the metric; finite
     */
    default void observe(double metric) {
    }

    /**
     * A schedule with the same settings and fresh state, for a new run. A stateless schedule
     * (the default) returns itself.
     */
    default LearningRateSchedule copy() {
        return this;
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
