package descent.data;

import descent.util.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * A labelled set of examples: features {@code X} (N examples × D features) and labels {@code y}.
 *
 * <p>Throughout Descent, N is the number of examples, D the number of features (3073 for CIFAR-10
 * with the bias column) and C the number of classes. {@code X} is row-major, one example a row,
 * stored as an EJML {@link DMatrixRMaj} ({@link Precision#FLOAT64}) or {@link FMatrixRMaj}
 * ({@link Precision#FLOAT32}); the losses accept either. Labels are integers in {@code [0, C)}.
 *
 * <p>A dataset never changes after construction as far as this class is concerned: methods that
 * select examples return new datasets with copied rows. The arrays handed in are not copied, so
 * callers must not modify them afterwards.
 */
public final class Dataset {
    /** What follows "X has NaN at row …, column … (of N × D)" in the message. */
    public static final String NON_FINITE_ADVICE =
            "; the data must be finite: check how it was made or normalised";

    private final Matrix x;
    private final int[] y;
    private final List<String> classNames;

    /**
     * Creates a dataset.
     *
     * @param x          N × D features; a {@link DMatrixRMaj} or an {@link FMatrixRMaj}; not copied
     * @param y          N labels, each in {@code [0, classNames.size())}; not copied
     * @param classNames the C class names, index = label
     * @throws IllegalArgumentException if the shapes disagree, a label is out of range, an entry of
     *                                  {@code x} is NaN or infinite (the message names its row and
     *                                  column), or {@code x} is of another matrix type
     */
    public Dataset(Matrix x, int[] y, List<String> classNames) {
        this(x, y, classNames, true);
    }

    /** {@code checkFinite} false only for rows copied from a dataset that was checked. */
    private Dataset(Matrix x, int[] y, List<String> classNames, boolean checkFinite) {
        Checks.noneNull("x, y, classNames", x, y, classNames);
        Checks.require(x instanceof DMatrixRMaj || x instanceof FMatrixRMaj,
                "x must be a DMatrixRMaj or an FMatrixRMaj but was: " + x.getClass().getSimpleName());
        Checks.require(y.length == x.getNumRows(), "y must have one label per row of x (" + x.getNumRows()
                + ") but had: " + y.length);
        Checks.require(!classNames.isEmpty(), "classNames must not be empty");
        int c = classNames.size();
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= c) {
                throw new IllegalArgumentException(
                        "y[" + i + "] must be in [0, " + c + ") but was: " + y[i]);
            }
        }
        if (checkFinite) {
            Checks.finite("X", x, NON_FINITE_ADVICE);
        }
        this.x = x;
        this.y = y;
        this.classNames = List.copyOf(classNames);
    }

    /** Creates a float64 dataset from row-major values; convenient for tests and toy problems. */
    public static Dataset of(double[][] rows, int[] y, int numClasses) {
        Checks.require(rows.length > 0, "rows must not be empty");
        return new Dataset(new DMatrixRMaj(rows), y, defaultClassNames(numClasses));
    }

    /** Class names {@code "0", "1", …} for problems without names. */
    public static List<String> defaultClassNames(int numClasses) {
        Checks.positive("numClasses", numClasses);
        String[] names = new String[numClasses];
        for (int i = 0; i < numClasses; i++) {
            names[i] = Integer.toString(i);
        }
        return List.of(names);
    }

    /** The features, N × D: a {@link DMatrixRMaj} or an {@link FMatrixRMaj}. Not a copy. */
    public Matrix x() {
        return x;
    }

    /** The labels, length N. Not a copy: do not modify. */
    public int[] y() {
        return y;
    }

    /** N, the number of examples. */
    public int size() {
        return y.length;
    }

    /** D, the number of features per example. */
    public int features() {
        return x.getNumCols();
    }

    /** C, the number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** The class names, index = label. */
    public List<String> classNames() {
        return classNames;
    }

    /** How the features are stored. */
    public Precision precision() {
        return x instanceof FMatrixRMaj ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    /** Bytes the feature matrix occupies. */
    public long featureBytes() {
        return (long) x.getNumRows() * x.getNumCols() * precision().bytesPerValue();
    }

    /** The float64 features if stored so, else a float64 copy. */
    public DMatrixRMaj xAsDouble() {
        if (x instanceof DMatrixRMaj d) {
            return d;
        }
        FMatrixRMaj f = (FMatrixRMaj) x;
        DMatrixRMaj d = new DMatrixRMaj(f.numRows, f.numCols);
        for (int i = 0; i < f.data.length && i < d.data.length; i++) {
            d.data[i] = f.data[i];
        }
        return d;
    }

    /** This dataset stored with the given precision (itself if already so). */
    public Dataset withPrecision(Precision precision) {
        if (precision == precision()) {
            return this;
        }
        if (precision == Precision.FLOAT64) {
            return new Dataset(xAsDouble(), y, classNames);
        }
        DMatrixRMaj d = (DMatrixRMaj) x;
        FMatrixRMaj f = new FMatrixRMaj(d.numRows, d.numCols);
        int n = d.numRows * d.numCols;
        for (int i = 0; i < n; i++) {
            f.data[i] = (float) d.data[i];
        }
        return new Dataset(f, y, classNames);
    }

    /** Feature value of example {@code i}, feature {@code j}. */
    public double get(int i, int j) {
        return x instanceof DMatrixRMaj d ? d.unsafe_get(i, j) : ((FMatrixRMaj) x).unsafe_get(i, j);
    }

    /**
     * The examples at the given indices, in that order (repeats allowed), as a new dataset.
     *
     * @param indices each in {@code [0, N)}
     */
    public Dataset rows(int... indices) {
        Checks.notNull("indices", indices);
        Checks.require(indices.length > 0, "indices must not be empty");
        int n = size();
        int d = features();
        int[] labels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= n) {
                throw new IndexOutOfBoundsException(
                        "indices[" + k + "] must be in [0, " + n + ") but was: " + indices[k]);
            }
            labels[k] = y[indices[k]];
        }
        Matrix sub;
        if (x instanceof DMatrixRMaj dx) {
            DMatrixRMaj s = new DMatrixRMaj(indices.length, d);
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(dx.data, indices[k] * d, s.data, k * d, d);
            }
            sub = s;
        } else {
            FMatrixRMaj fx = (FMatrixRMaj) x;
            FMatrixRMaj s = new FMatrixRMaj(indices.length, d);
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(fx.data, indices[k] * d, s.data, k * d, d);
            }
            sub = s;
        }
        return new Dataset(sub, labels, classNames, false);
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive) as a new dataset. */
    public Dataset slice(int from, int to) {
        Checks.require(0 <= from && from < to && to <= size(),
                "slice must satisfy 0 <= from < to <= " + size() + " but was: [" + from + ", " + to + ")");
        int[] idx = new int[to - from];
        Arrays.setAll(idx, k -> from + k);
        return rows(idx);
    }

    /** {@code count} examples drawn without replacement, reproducibly from {@code seed}. */
    public Dataset sample(int count, long seed) {
        Checks.require(count > 0 && count <= size(),
                "count must be in [1, " + size() + "] but was: " + count);
        int[] perm = permutation(size(), new Random(seed));
        return rows(Arrays.copyOf(perm, count));
    }

    /** How many examples carry each label, index = label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
    public static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return "N = " + descent.util.Readable.count(size()) + " examples, D = " + descent.util.Readable.count(features()) + " features, C = "
                + numClasses() + " classes, " + precision().name().toLowerCase(java.util.Locale.ROOT);
    }
}
