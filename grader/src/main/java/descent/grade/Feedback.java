package descent.grade;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * Assertions for assignment tests whose failure messages teach: what was expected, what came
 * back, and a hint, in the student's units and with a sensible number of digits.
 *
 * <pre>{@code
 * Feedback.matrixClose("dW", reference, yours, 1e-6,
 *         "did you add x to the correct class's row for every margin > 0?");
 * // AssertionError: dW differs from the reference at dW[3][1200]: yours 0.41, expected 0.0071
 * //   (relative error 0.98, allowed 1e-06) - hint: did you add x to ...
 * }</pre>
 * Relative errors use {@code |a − b| / max(|a|, |b|)} and are 0 when both are 0 (never NaN).
 */
public final class Feedback {
    private Feedback() {
    }

    /** Fails unless {@code condition}, with {@code message} and the hint. */
    public static void that(boolean condition, String message, String hint) {
        if (!condition) {
            throw new AssertionError(message + hint(hint));
        }
    }

    /** Fails unless {@code actual} is finite and within {@code relTol} (relative) of {@code expected}. */
    public static void close(String what, double expected, double actual, double relTol, String hint) {
        if (!Double.isFinite(actual)) {
            throw new AssertionError(what + " is " + actual + ", expected " + num(expected) + hint(hint));
        }
        double rel = relativeError(expected, actual);
        if (rel > relTol) {
            throw new AssertionError(what + ": yours " + num(actual) + ", expected " + num(expected)
                    + " (relative error " + num(rel) + ", allowed " + num(relTol) + ")" + hint(hint));
        }
    }

    /** Fails unless {@code lo <= actual <= hi} (and finite). */
    public static void between(String what, double lo, double hi, double actual, String hint) {
        if (!(actual >= lo && actual <= hi)) {
            throw new AssertionError(what + ": yours " + num(actual) + ", expected between " + num(lo)
                    + " and " + num(hi) + hint(hint));
        }
    }

    /** Fails unless {@code actual} is not null and has {@code rows × cols}. */
    public static void shape(String what, int rows, int cols, DMatrixRMaj actual, String hint) {
        if (actual == null) {
            throw new AssertionError(what + " is null, expected a " + rows + " × " + cols + " matrix" + hint(hint));
        }
        if (actual.numRows != rows || actual.numCols != cols) {
            throw new AssertionError(what + " has shape " + actual.numRows + " × " + actual.numCols
                    + ", expected " + rows + " × " + cols + hint(hint));
        }
    }

    /**
     * Fails unless {@code actual} has {@code expected}'s shape, is finite, and every entry is within
     * {@code relTol} (relative error); the message names the worst entry.
     */
    public static void matrixClose(String what, DMatrixRMaj expected, DMatrixRMaj actual, double relTol,
                                   String hint) {
        shape(what, expected.numRows, expected.numCols, actual, hint);
        int worst = -1;
        double worstRel = -1;
        for (int k = 0; k < expected.data.length; k++) {
            double a = actual.data[k];
            if (!Double.isFinite(a)) {
                throw new AssertionError(what + at(expected, k) + " is " + a + ", expected "
                        + num(expected.data[k]) + hint(hint));
            }
            double rel = relativeError(expected.data[k], a);
            if (rel > worstRel) {
                worstRel = rel;
                worst = k;
            }
        }
        if (worstRel > relTol) {
            throw new AssertionError(what + " differs from the reference at " + what + at(expected, worst)
                    + ": yours " + num(actual.data[worst]) + ", expected " + num(expected.data[worst])
                    + " (relative error " + num(worstRel) + ", allowed " + num(relTol) + ")" + hint(hint));
        }
    }

    /**
     * Fails unless {@code actual} matches {@code expected} entry by entry (within {@code relTol},
     * relative) after step {@code step} of a run; the message names the step, the worst entry and
     * what {@code reference} gives there:
     * <pre>
     * at step 1 w[0][0] is 0.6838 but PyTorch's Adam gives 0.9 (relative error 0.24, allowed 1e-09)
     *   - hint: did you apply the bias correction ...
     * </pre>
     *
     * @param what      the matrix's name in the student's code, e.g. "w"
     * @param step      the step after which the two are compared (1 for the first step)
     * @param reference who computed {@code expected}, e.g. "PyTorch's Adam" or "the formula"
     * @param expected  the reference's matrix
     * @param actual    the student's matrix, of {@code expected}'s shape
     */
    public static void stepClose(String what, long step, String reference, DMatrixRMaj expected,
                                 DMatrixRMaj actual, double relTol, String hint) {
        shape(what + " at step " + step, expected.numRows, expected.numCols, actual, hint);
        int worst = -1;
        double worstRel = -1;
        for (int k = 0; k < expected.getNumElements(); k++) {
            double a = actual.data[k];
            double rel = Double.isFinite(a) ? relativeError(expected.data[k], a) : Double.POSITIVE_INFINITY;
            if (rel > worstRel) {
                worstRel = rel;
                worst = k;
            }
        }
        if (worstRel > relTol) {
            double a = actual.data[worst];
            throw new AssertionError("at step " + step + " " + what + at(expected, worst) + " is "
                    + num(a) + " but " + reference + " gives " + num(expected.data[worst])
                    + (Double.isFinite(a) ? " (relative error " + num(worstRel) + ", allowed "
                    + num(relTol) + ")" : "") + hint(hint));
        }
    }

    /**
     * Fails unless {@code after} holds exactly the values of {@code before} (a copy taken before
     * the student's code ran); the message names the first entry that changed.
     *
     * <pre>{@code
     * Feedback.unchanged("W", wBefore, w, "compute on a copy: W.copy()");
     * // AssertionError: your code changed W: W[2][5] was 0.13 before the call and is 0.52 after
     * //   - hint: compute on a copy: W.copy()
     * }</pre>
     */
    public static void unchanged(String what, DMatrixRMaj before, DMatrixRMaj after, String hint) {
        if (after.numRows != before.numRows || after.numCols != before.numCols) {
            throw new AssertionError("your code changed " + what + ": it was " + before.numRows + " × "
                    + before.numCols + " before the call and is " + after.numRows + " × " + after.numCols
                    + " after" + hint(hint));
        }
        for (int k = 0; k < before.data.length; k++) {
            if (Double.compare(before.data[k], after.data[k]) != 0) {
                String was = num(before.data[k]);
                String is = num(after.data[k]);
                if (was.equals(is)) {
                    was = Double.toString(before.data[k]);
                    is = Double.toString(after.data[k]);
                }
                throw new AssertionError("your code changed " + what + ": " + what + at(before, k) + " was "
                        + was + " before the call and is " + is + " after" + hint(hint));
            }
        }
    }

    /** {@code |a − b| / max(|a|, |b|)}, 0 when both are 0. */
    public static double relativeError(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    /** A number with 3 significant digits, or 2 decimals for small integers' neighbours. */
    public static String num(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return Double.toString(x);
        }
        double abs = Math.abs(x);
        if (abs >= 1e-3 && abs < 1e5) {
            String s = String.format(Locale.ROOT, "%.4g", x);
            return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    private static String at(DMatrixRMaj m, int k) {
        return "[" + k / m.numCols + "][" + k % m.numCols + "]";
    }

    private static String hint(String hint) {
        return hint == null || hint.isBlank() ? "" : " - hint: " + hint;
    }
}
