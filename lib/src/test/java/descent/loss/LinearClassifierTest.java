package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import descent.data.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LinearClassifierTest {

    @Test
    void accuracyRejectsAWWithTooFewClassesNamingBothShapes() {
        Dataset data = LossFixtures.gaussian(50, 7, 10, 1);
        DMatrixRMaj w = LossFixtures.weights(3, 7, 0.01, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.accuracy(w, data));
        assertEquals("W must be 10 x 7 (classes x features of the data) but was: 3 x 7; "
                + "the data is 50 x 7 with 10 classes", e.getMessage());
    }

    @Test
    void predictRejectsAWWithWrongFeatureCountNamingBothShapes() {
        Dataset data = LossFixtures.gaussian(20, 7, 4, 1);
        DMatrixRMaj w = LossFixtures.weights(4, 6, 0.01, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.predict(w, data));
        assertEquals("W must be 4 x 7 (classes x features of the data) but was: 4 x 6; "
                + "the data is 20 x 7 with 4 classes", e.getMessage());
    }

    @Test
    void accuracyRejectsANaNWNamingRowAndColumn() {
        Dataset data = LossFixtures.gaussian(50, 7, 10, 1);
        DMatrixRMaj w = LossFixtures.weights(10, 7, 0.01, 2);
        w.set(3, 5, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.accuracy(w, data));
        assertEquals("W has NaN at row 3, column 5 (of 10 × 7); predictions need finite weights: "
                + "check how W was made or trained", e.getMessage());
    }

    @Test
    void predictRejectsXChangedToInfinityAfterTheDatasetWasBuilt() {
        Dataset data = LossFixtures.gaussian(600, 7, 4, 1);
        ((DMatrixRMaj) data.x()).set(517, 2, Double.POSITIVE_INFINITY);
        DMatrixRMaj w = LossFixtures.weights(4, 7, 0.01, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.predict(w, data));
        assertEquals("X has Infinity at row 517, column 2 (of 600 × 7); the data must be finite: "
                + "check how it was made or normalised", e.getMessage());
    }

    @Test
    void predictPicksTheHighestScore() {
        Dataset data = Dataset.of(new double[][] {{1, 0}, {0, 1}, {-1, 0}}, new int[3], 2);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}});
        assertArrayEquals(new int[] {0, 1, 1}, LinearClassifier.predict(w, data));
    }

    @Test
    void randomWeightsAreScaledGaussiansInRowMajorOrderOfTheSeed() {
        DMatrixRMaj w = LinearClassifier.randomWeights(10, 3073, 1e-4, 7);
        java.util.Random rng = new java.util.Random(7);
        assertEquals(10, w.numRows);
        assertEquals(3073, w.numCols);
        for (int k = 0; k < w.data.length; k++) {
            assertEquals(1e-4 * rng.nextGaussian(), w.data[k], 0.0);
        }
    }

    @Test
    void randomWeightsRejectsANonPositiveScale() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.randomWeights(10, 5, 0, 1));
        assertEquals("scale must be > 0 but was: 0.0", e.getMessage());
    }
}
