package descent.util;

import org.ejml.data.Matrix;

/**
 * Argument checks that fail fast with a message naming the argument and the value.
 *
 * <p>Every public entry point of the library checks its arguments through this class, so a
 * student sees {@code "learningRate must be > 0 but was: NaN"} instead of a NaN loss ten
 * thousand steps later. NaN and infinities are rejected explicitly by every numeric check.
 */
public final class Checks {
    private Checks() {
    }

    /** Requires {@code value} to be finite and strictly positive; returns it. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be > 0 but was: " + value);
        }
        return value;
    }

    /** Requires {@code value} to be finite and at least zero; returns it. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0 but was: " + value);
        }
        return value;
    }

    /** Requires {@code value} to be finite (not NaN, not infinite); returns it. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite but was: " + value);
        }
        return value;
    }

    /** Requires {@code lo <= value <= hi} (closed interval, finite); returns it. */
    public static double inClosedRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lo + ", " + hi + "] but was: " + value);
        }
        return value;
    }

    /** Requires {@code lo <= value < hi} (half-open interval, finite); returns it. */
    public static double inHalfOpenRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value < hi)) {
            throw new IllegalArgumentException(
                    name + " must be in [" + lo + ", " + hi + ") but was: " + value);
        }
        return value;
    }

    /** Requires {@code value > 0}; returns it. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 but was: " + value);
        }
        return value;
    }

    /** Requires {@code value >= 0}; returns it. */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but was: " + value);
        }
        return value;
    }

    /** Requires {@code value} not to be null; returns it. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Requires a free-form condition; {@code message} says what was expected and what was seen. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Requires {@code m} to have exactly {@code rows × cols} entries.
     *
     * @throws IllegalArgumentException naming the argument, the expected and the actual shape
     */
    public static void shape(String name, Matrix m, int rows, int cols) {
        notNull(name, m);
        if (m.getNumRows() != rows || m.getNumCols() != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + " x " + cols
                    + " but was: " + m.getNumRows() + " x " + m.getNumCols());
        }
    }

    /** Requires two matrices to have the same shape; the message names both. */
    public static void sameShape(String nameA, Matrix a, String nameB, Matrix b) {
        notNull(nameA, a);
        notNull(nameB, b);
        if (a.getNumRows() != b.getNumRows() || a.getNumCols() != b.getNumCols()) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same shape but were: "
                    + a.getNumRows() + " x " + a.getNumCols() + " and "
                    + b.getNumRows() + " x " + b.getNumCols());
        }
    }

    /** Requires every entry of {@code values} to be finite; names the first bad index. */
    public static void allFinite(String name, double[] values, int length) {
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + " must be finite everywhere but entry " + i + " was: " + values[i]);
            }
        }
    }
}
