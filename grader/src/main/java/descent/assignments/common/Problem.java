package descent.assignments.common;

import descent.data.Dataset;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A small classification problem for the tests: weights W (C × D), examples X (N × D) and labels
 * y (N), all drawn from a fixed seed.
 *
 * @param w       C × D weights
 * @param x       N × D examples, one a row
 * @param y       N labels in {@code [0, classes)}
 * @param classes C
 */
public record Problem(DMatrixRMaj w, DMatrixRMaj x, int[] y, int classes) {

    /**
     * W with entries {@code wScale · N(0, 1)}, X with entries N(0, 1), uniform labels.
     *
     * @param seed   the seed of everything drawn
     * @param n      N, ≥ 1
     * @param d      D, ≥ 1
     * @param c      C, ≥ 2
     * @param wScale the standard deviation of W's entries
     */
    public static Problem random(long seed, int n, int d, int c, double wScale) {
        Random random = new Random(seed);
        DMatrixRMaj w = new DMatrixRMaj(c, d);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = wScale * random.nextGaussian();
        }
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = random.nextGaussian();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(c);
        }
        return new Problem(w, x, y, c);
    }

    /**
     * As {@link #random}, but feature 0 of example i is i itself, so that a test can tell which
     * examples a minibatch holds.
     */
    public static Problem indexed(long seed, int n, int d, int c, double wScale) {
        Problem p = random(seed, n, d, c, wScale);
        for (int i = 0; i < n; i++) {
            p.x().set(i, 0, i);
        }
        return p;
    }

    /** N. */
    public int n() {
        return x.numRows;
    }

    /** D. */
    public int d() {
        return x.numCols;
    }

    /** X and y as a float64 {@link Dataset} with C classes (not a copy). */
    public Dataset dataset() {
        return new Dataset(x, y, Dataset.defaultClassNames(classes));
    }

    /** A deep copy: the tests hand copies to the student's code and compare afterwards. */
    public Problem copy() {
        return new Problem(w.copy(), x.copy(), y.clone(), classes);
    }

    /** The same X and y with other weights. */
    public Problem withW(DMatrixRMaj newW) {
        return new Problem(newW, x, y, classes);
    }
}
