package descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.data.Dataset;
import descent.data.Precision;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * X is checked when a {@link Dataset} is built; a loss still refuses an X whose entries were made
 * NaN or infinite afterwards (in place), instead of returning a finite number.
 */
class LossRejectsNonFiniteDataTest {
    private static final List<Loss> LOSSES = List.of(new SvmLoss(1e-3), new SvmLossNaive(1e-3),
            new SvmLossVectorized(1e-3), new SoftmaxLoss(1e-3), new SoftmaxLossNaive(1e-3),
            new SoftmaxLossVectorized(1e-3));

    @Test
    void everyLossRejectsNaNPutIntoXAfterConstruction() {
        for (int n : new int[] {40, 900}) { // below and above the parallel threshold
            Dataset data = LossFixtures.gaussian(n, 6, 3, 1);
            ((DMatrixRMaj) data.x()).set(17, 4, Double.NaN);
            DMatrixRMaj w = LossFixtures.weights(3, 6, 0.01, 2);
            for (Loss loss : LOSSES) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> loss.lossAndGradient(w, data), loss + ", N = " + n);
                assertEquals("X has NaN at row 17, column 4 (of " + n + " × 6); the data must be finite: "
                        + "check how it was made or normalised", e.getMessage(), loss + ", N = " + n);
                e = assertThrows(IllegalArgumentException.class, () -> loss.loss(w, data));
                assertEquals("X has NaN at row 17, column 4 (of " + n + " × 6); the data must be finite: "
                        + "check how it was made or normalised", e.getMessage(), loss + ", N = " + n);
            }
        }
    }

    @Test
    void theFusedAndMatrixSvmLossesRejectInfinityInFloat32X() {
        Dataset data = LossFixtures.gaussian(30, 6, 3, 1).withPrecision(Precision.FLOAT32);
        ((FMatrixRMaj) data.x()).set(29, 0, Float.NEGATIVE_INFINITY);
        DMatrixRMaj w = LossFixtures.weights(3, 6, 0.01, 2);
        for (Loss loss : List.of(new SvmLoss(0), new SvmLossVectorized(0))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.lossAndGradient(w, data), loss.toString());
            assertEquals("X has -Infinity at row 29, column 0 (of 30 × 6); the data must be finite: "
                    + "check how it was made or normalised", e.getMessage(), loss.toString());
        }
    }

    @Test
    void scoresThatOverflowFromFiniteDataSayTheValuesAreTooLarge() {
        Dataset data = Dataset.of(new double[][] {{1e200, 1}, {1, 1}}, new int[] {0, 1}, 2);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1e200, 0}, {0, 1}});
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> new SvmLoss(0).loss(w, data));
        assertEquals("the scores W x of row 0 are not finite although X and W are: their values are too "
                + "large; normalise the data and start from small weights", e.getMessage());
    }

    @Test
    void predictionAcceptsScoresThatOverflowFromFiniteData() {
        Dataset data = Dataset.of(new double[][] {{1e200, 1}, {-1, 1}}, new int[] {0, 1}, 2);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1e200, 0}, {0, 1}});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 1}, LinearClassifier.predict(w, data));
    }
}
