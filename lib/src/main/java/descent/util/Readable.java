package descent.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers written for a student to read: a few significant digits, and a power of ten written as
 * one. Used by the {@code toString()} of result records and by the text inside figures.
 *
 * <p>{@link #number(double)}: 4 significant digits, trailing zeros dropped; values from 0.001 up to
 * (not including) 1,000,000 in plain decimals ({@code 2.35}, {@code 0.001234}, {@code 21740}),
 * others in e-notation ({@code 1.235e-05}, {@code 3e+12}). {@link #power(double)}: the same
 * digits with the power of ten as superscripts ({@code 1.235×10⁻⁵}), for figures.
 */
public final class Readable {
    /** Significant digits of {@link #number(double)} and {@link #power(double)}. */
    public static final int DIGITS = 4;

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Readable() {
    }

    /** {@code v} with {@value #DIGITS} significant digits, e.g. 2.35, 0.001234, 1.235e-05; NaN and ±∞ as "NaN", "∞", "-∞". */
    public static String number(double v) {
        return number(v, DIGITS);
    }

    /** {@code v} with {@code digits} (1..17) significant digits, in the style of {@link #number(double)}. */
    public static String number(double v, int digits) {
        Checks.inClosedRange("digits", digits, 1, 17);
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits));
        double a = Math.abs(rounded.doubleValue());
        if (a >= 1e-3 && a < 1e6) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        int exp = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exp).stripTrailingZeros();
        return mantissa.toPlainString() + String.format(Locale.ROOT, "e%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
    }

    /** {@code v} as {@link #number(double)}, but with a power of ten in superscripts: 1.235×10⁻⁵, 10¹². */
    public static String power(double v) {
        String s = number(v);
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        String pow = "10" + superscript(exp);
        return mantissa.equals("1") ? pow : mantissa.equals("-1") ? "-" + pow : mantissa + "×" + pow;
    }

    /** {@code n} in superscript digits, with a superscript minus when negative: -12 gives ⁻¹². */
    public static String superscript(int n) {
        String digits = Integer.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : digits.toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** A count with thousands separators: 30731 gives "30,731". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
