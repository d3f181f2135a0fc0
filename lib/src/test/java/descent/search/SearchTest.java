package descent.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.SvmLoss;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchTest {
    private static final double TOLERANCE = 1e-12;

    /** Two well-separated Gaussian blobs per class in 5 dimensions plus a bias. */
    private static Dataset blobs(long seed) {
        Random r = new Random(seed);
        int n = 300;
        int c = 3;
        double[][] rows = new double[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % c;
            for (int k = 0; k < 5; k++) {
                rows[i][k] = r.nextGaussian() + (k == y[i] ? 3 : 0);
            }
            rows[i][5] = 1;
        }
        return Dataset.of(rows, y, c);
    }

    @Test
    void randomSearchKeepsTheBestCandidateAndItsHistoryIsMonotone() {
        Dataset data = blobs(1);
        SvmLoss svm = new SvmLoss(0);
        SearchResult r = new RandomSearch(50, 1.0, 7).run(svm, data);
        assertEquals(50, r.steps());
        double min = Double.POSITIVE_INFINITY;
        for (int t = 0; t < r.steps(); t++) {
            min = Math.min(min, r.losses()[t]);
            assertEquals(min, r.bestSoFar()[t], TOLERANCE);
        }
        assertEquals(min, r.bestLoss(), TOLERANCE);
        assertEquals(svm.loss(r.bestW(), data), r.bestLoss(), TOLERANCE);
    }

    @Test
    void searchesAreReproducibleFromTheSeed() {
        Dataset data = blobs(2);
        SvmLoss svm = new SvmLoss(0);
        assertArrayEquals(new RandomSearch(20, 1.0, 3).run(svm, data).losses(),
                new RandomSearch(20, 1.0, 3).run(svm, data).losses());
        assertArrayEquals(new RandomLocalSearch(20, 0.1, 3).run(svm, data, 0.01).losses(),
                new RandomLocalSearch(20, 0.1, 3).run(svm, data, 0.01).losses());
    }

    @Test
    void localSearchOnlyEverMovesDownhillAndBeatsRandomSearchWithTheSameBudget() {
        Dataset data = blobs(4);
        SvmLoss svm = new SvmLoss(0);
        SearchResult local = new RandomLocalSearch(300, 0.05, 5).run(svm, data, 0.001);
        for (int t = 1; t < local.steps(); t++) {
            assertTrue(local.bestSoFar()[t] <= local.bestSoFar()[t - 1]);
        }
        SearchResult random = new RandomSearch(300, 0.05, 5).run(svm, data);
        assertTrue(local.bestLoss() < random.bestLoss(),
                "local " + local.bestLoss() + " vs random " + random.bestLoss());
        assertEquals(svm.loss(local.bestW(), data), local.bestLoss(), TOLERANCE);
    }

    @Test
    void listenerHearsEveryStep() {
        Dataset data = blobs(6);
        int[] calls = {0};
        new RandomSearch(12, 1.0, 1).run(new SvmLoss(0), data, (step, total, loss) -> {
            assertEquals(calls[0], step);
            assertEquals(12, total);
            calls[0]++;
        });
        assertEquals(12, calls[0]);
    }

    @Test
    void rejectsBadSettings() {
        assertEquals("trials must be > 0 but was: 0",
                assertThrows(IllegalArgumentException.class, () -> new RandomSearch(0, 1, 1)).getMessage());
        assertEquals("stepSize must be > 0 but was: NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new RandomLocalSearch(5, Double.NaN, 1)).getMessage());
    }
}
