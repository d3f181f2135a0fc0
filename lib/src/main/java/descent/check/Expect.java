package descent.check;

import java.util.Locale;

/**
 * The notebooks' self-check: one line that states a fact the lesson teaches, prints it when it
 * holds, and stops the cell with the same line when it does not.
 *
 * <p>Modelled on a bare {@code assert cond, "why"} and on otter-grader's {@code grader.check}: the
 * claim is written once, with the measured values in it, so a passing check reads as a sentence of
 * the lesson and a failing one says what came back:
 *
 * <pre>{@code
 * Expect.that(local > random + 0.03,
 *         "local search beats random search by > 3 points: %.1f%% vs %.1f%%", 100 * local, 100 * random);
 * // prints: check ok: local search beats random search by > 3 points: 21.3% vs 15.6%
 * Expect.between("loss at W ~ 0", loss, 2.2, 2.4);
 * // prints: check ok: loss at W ~ 0 = 2.303, in [2.2, 2.4]
 * }</pre>
 *
 * <p>A failing check throws {@link AssertionError} whose message is {@code "check failed: "} and
 * the same text, so the run of a notebook in the test command stops at the first false claim.
 * Numbers are formatted with {@link Locale#ROOT} (a decimal point on every machine).
 */
public final class Expect {
    private Expect() {
    }

    /**
     * Checks that {@code holds} is true.
     *
     * @param holds  the fact, already evaluated
     * @param claim  what the fact says, a {@link String#format} pattern with the measured values
     * @param values the values the pattern shows
     * @throws AssertionError "check failed: " + the formatted claim, when {@code holds} is false
     */
    public static void that(boolean holds, String claim, Object... values) {
        report(holds, String.format(Locale.ROOT, claim, values));
    }

    /**
     * Checks {@code lo ≤ value ≤ hi} (NaN fails).
     *
     * @param what  the quantity, in words (and its unit)
     * @param value the measured value
     * @param lo    the lower bound, included
     * @param hi    the upper bound, included
     * @throws AssertionError "check failed: what = value, not in [lo, hi]"
     */
    public static void between(String what, double value, double lo, double hi) {
        boolean holds = value >= lo && value <= hi;
        report(holds, what + " = " + number(value) + (holds ? ", in [" : ", not in [") + number(lo) + ", "
                + number(hi) + "]");
    }

    /**
     * Checks {@code |value − expected| ≤ tolerance} (NaN fails).
     *
     * @param what      the quantity, in words (and its unit)
     * @param value     the measured value
     * @param expected  what the lesson says it is
     * @param tolerance the largest allowed absolute difference, ≥ 0
     * @throws AssertionError "check failed: what = value, expected expected ± tolerance"
     */
    public static void near(String what, double value, double expected, double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0 but was: " + tolerance);
        }
        boolean holds = Math.abs(value - expected) <= tolerance;
        report(holds, what + " = " + number(value) + ", expected " + number(expected) + " ± " + number(tolerance));
    }

    /** Prints "check ok: text" or throws "check failed: text". */
    private static void report(boolean holds, String text) {
        if (!holds) {
            throw new AssertionError("check failed: " + text);
        }
        System.out.println("check ok: " + text);
    }

    /**
     * A number as a student reads it: 4 significant digits, plain between 1e-3 and 1e6
     * ({@code 0.3470}, {@code 2.303}, {@code 21735}), powers of ten outside it ({@code 1.000e-07}).
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            if (v == Math.rint(v)) {
                return String.format(Locale.ROOT, "%.0f", v);
            }
            return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
