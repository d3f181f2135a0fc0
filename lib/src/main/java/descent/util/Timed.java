package descent.util;

import java.util.function.Supplier;

/**
 * A value and how long the fastest of several runs took to compute it: what a notebook needs to
 * put the naive, matrix and fused forms of a loss side by side.
 *
 * <p>The fastest run, not the mean, is reported: the first calls of a fresh JVM include class
 * loading and compilation, and other programs only ever make a run slower. Timings are for
 * reading, never for a test to assert.
 *
 * @param value  what the last run returned
 * @param millis the fastest run's wall-clock time, in milliseconds
 * @param <T>    the value's type
 */
public record Timed<T>(T value, double millis) {
    /** Checks the time is a duration. */
    public Timed {
        Checks.nonNegative("millis", millis);
    }

    /**
     * Runs {@code work} {@code runs} times and keeps the fastest time.
     *
     * @param runs how many times, ≥ 1
     * @param work what to time; called {@code runs} times
     * @return the last run's value and the fastest run's time
     */
    public static <T> Timed<T> bestOf(int runs, Supplier<T> work) {
        Checks.positive("runs", runs);
        Checks.notNull("work", work);
        T value = null;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            value = work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        return new Timed<>(value, best / 1e6);
    }

    /** How many times slower this run was than {@code other}: {@code millis / other.millis}. */
    public double timesSlowerThan(Timed<?> other) {
        Checks.notNull("other", other);
        return millis / other.millis;
    }

    @Override
    public String toString() {
        return String.format("%s in %.2f ms", value, millis);
    }
}
