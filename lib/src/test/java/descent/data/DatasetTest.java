package descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void constructionRejectsNaNInXNamingRowAndColumn() {
        DMatrixRMaj x = new DMatrixRMaj(4, 3);
        x.set(2, 1, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, new int[4], Dataset.defaultClassNames(2)));
        assertEquals("X has NaN at row 2, column 1 (of 4 × 3); the data must be finite: check how it was "
                + "made or normalised", e.getMessage());
    }

    @Test
    void constructionRejectsInfinityInFloat32XWithThousandsSeparators() {
        FMatrixRMaj x = new FMatrixRMaj(1200, 2100);
        x.set(1017, 2048, Float.NEGATIVE_INFINITY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, new int[1200], Dataset.defaultClassNames(10)));
        assertEquals("X has -Infinity at row 1,017, column 2,048 (of 1,200 × 2,100); the data must be finite: "
                + "check how it was made or normalised", e.getMessage());
    }

    @Test
    void ofRejectsPositiveInfinity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}, new int[2], 2));
        assertEquals("X has Infinity at row 1, column 1 (of 2 × 2); the data must be finite: check how it was "
                + "made or normalised", e.getMessage());
    }

    @Test
    void float32CopyRejectsValuesThatOverflowFloat() {
        Dataset big = Dataset.of(new double[][] {{1, 1e300}}, new int[1], 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> big.withPrecision(Precision.FLOAT32));
        assertEquals("X has Infinity at row 0, column 1 (of 1 × 2); the data must be finite: check how it was "
                + "made or normalised", e.getMessage());
    }

    @Test
    void finiteDataIsAcceptedAndRowsKeepTheirValues() {
        Dataset d = Dataset.of(new double[][] {{1, -2}, {3, 4}}, new int[] {0, 1}, 2);
        Dataset r = d.rows(1, 0);
        assertEquals(3.0, r.get(0, 0));
        assertEquals(-2.0, r.get(1, 1));
    }
}
