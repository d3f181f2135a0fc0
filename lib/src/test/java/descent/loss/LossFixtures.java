package descent.loss;

import descent.data.Dataset;
import descent.data.Precision;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Small random problems shared by the loss tests: Gaussian features with a bias column. */
final class LossFixtures {
    private LossFixtures() {
    }

    /** N examples, D features (the last one a bias of 1), C classes, labels uniform. */
    static Dataset gaussian(int n, int d, int c, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d - 1; k++) {
                rows[i][k] = r.nextGaussian();
            }
            rows[i][d - 1] = 1;
            y[i] = r.nextInt(c);
        }
        return Dataset.of(rows, y, c);
    }

    /** The same values rounded to float, stored both ways, so the two precisions see equal inputs. */
    static Dataset roundedToFloat(Dataset data, Precision precision) {
        Dataset f = data.withPrecision(Precision.FLOAT32);
        return f.withPrecision(precision);
    }

    /** C × D Gaussian weights times {@code scale}. */
    static DMatrixRMaj weights(int c, int d, double scale, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj w = new DMatrixRMaj(c, d);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = scale * r.nextGaussian();
        }
        return w;
    }
}
