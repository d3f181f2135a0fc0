package descent.util;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
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

    /**
     * Requires each of {@code values} not to be null: {@code noneNull("w, losses", w, losses)}.
     *
     * @param names  the values' names, comma-separated, in the order of {@code values}
     * @param values as many values as {@code names} names
     * @throws IllegalArgumentException naming the first null value, e.g. "losses must not be null"
     */
    public static void noneNull(String names, Object... values) {
        String[] each = names.split(",\\s*");
        if (each.length != values.length) {
            throw new IllegalArgumentException("noneNull was given " + each.length + " names (" + names
                    + ") for " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            notNull(each[i], values[i]);
        }
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

    /**
     * Where the first non-finite entry of a dense matrix is, in words, or null if every entry is
     * finite: e.g. {@code "NaN at row 17, column 2,048 (of 49,000 × 3,073)"}. One pass, row-major.
     *
     * @param m a {@link DMatrixRMaj} or an {@link FMatrixRMaj} (other types are read entry by entry)
     */
    public static String firstNonFinite(Matrix m) {
        int rows = m.getNumRows();
        int cols = m.getNumCols();
        int n = rows * cols;
        if (m instanceof DMatrixRMaj d) {
            double[] a = d.data;
            for (int k = 0; k < n; k++) {
                if (!Double.isFinite(a[k])) {
                    return describe(a[k], k / cols, k % cols, rows, cols);
                }
            }
        } else if (m instanceof FMatrixRMaj f) {
            float[] a = f.data;
            for (int k = 0; k < n; k++) {
                if (!Float.isFinite(a[k])) {
                    return describe(a[k], k / cols, k % cols, rows, cols);
                }
            }
        } else {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double v = ((org.ejml.data.DMatrix) m).get(i, j);
                    if (!Double.isFinite(v)) {
                        return describe(v, i, j, rows, cols);
                    }
                }
            }
        }
        return null;
    }

    /** {@code "NaN at row 17, column 2,048 (of 49,000 × 3,073)"}, rows and columns counted from 0. */
    public static String describe(double value, int row, int col, int rows, int cols) {
        return String.format(Locale.ROOT, "%s at row %,d, column %,d (of %,d × %,d)",
                value, row, col, rows, cols);
    }

    /**
     * Requires every entry of {@code m} to be finite; the message names the matrix, the first bad
     * entry's value, row and column and the shape, then {@code advice}: e.g. {@code "X has NaN at
     * row 17, column 2,048 (of 49,000 × 3,073); the data must be finite: check how it was made or
     * normalised"}.
     *
     * @param name   the matrix's name in the message, e.g. {@code "X"}
     * @param m      a {@link DMatrixRMaj} or an {@link FMatrixRMaj}; not modified
     * @param advice what follows the location: the cause and the fix
     */
    public static void finite(String name, Matrix m, String advice) {
        notNull(name, m);
        String where = firstNonFinite(m);
        if (where != null) {
            throw new IllegalArgumentException(name + " has " + where + advice);
        }
    }
}
