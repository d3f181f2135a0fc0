package descent.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.SvmLoss;
import descent.util.Interrupted;
import descent.util.StepListener;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchInterruptTest {

    private static Dataset data() {
        Random r = new Random(2);
        double[][] rows = new double[40][3];
        int[] y = new int[40];
        for (int i = 0; i < rows.length; i++) {
            y[i] = i % 2;
            rows[i][0] = r.nextGaussian() + 2 * y[i];
            rows[i][1] = r.nextGaussian();
            rows[i][2] = 1;
        }
        return Dataset.of(rows, y, 2);
    }

    /** Interrupts the current thread after the step with this index has finished. */
    private static StepListener interruptAfter(int step) {
        return (t, total, loss) -> {
            if (t == step) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void randomSearchStopsAtTheNextTryKeepingTheBestWOfTheTriesThatRan() {
        RandomSearch search = new RandomSearch(100, 0.1, 7);
        Interrupted e = assertThrows(Interrupted.class, () -> search.run(new SvmLoss(0), data(), interruptAfter(9)));
        assertTrue(Thread.interrupted(), "the interrupt flag stays set");
        assertEquals("random search interrupted at try 10 of 100; the best W of the 10 tries so far is kept: "
                + "search.interruptedRun() returns it", e.getMessage());
        SearchResult kept = search.interruptedRun();
        assertSame(kept, e.partial());
        SearchResult tenTries = new RandomSearch(10, 0.1, 7).run(new SvmLoss(0), data());
        assertArrayEquals(tenTries.losses(), kept.losses(), 0.0);
        assertArrayEquals(tenTries.bestW().data, kept.bestW().data, 0.0);
        assertEquals(tenTries.accepted(), kept.accepted());
    }

    @Test
    void randomSearchInterruptedBeforeItsFirstTryKeepsNothing() {
        RandomSearch search = new RandomSearch(100, 0.1, 7);
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class, () -> search.run(new SvmLoss(0), data()));
        assertEquals("random search interrupted at try 0 of 100; no try had finished, so nothing is kept",
                e.getMessage());
        assertNull(search.interruptedRun());
        assertNull(e.partial());
    }

    @Test
    void randomLocalSearchStopsAtTheNextStepKeepingTheBestWSoFar() {
        RandomLocalSearch search = new RandomLocalSearch(100, 0.01, 3);
        Interrupted e = assertThrows(Interrupted.class,
                () -> search.run(new SvmLoss(0), data(), 0.001, interruptAfter(24)));
        Thread.interrupted();
        assertEquals("random local search interrupted at step 25 of 100; the best W of the 25 steps so far is "
                + "kept: search.interruptedRun() returns it", e.getMessage());
        SearchResult kept = search.interruptedRun();
        SearchResult steps25 = new RandomLocalSearch(25, 0.01, 3).run(new SvmLoss(0), data(), 0.001);
        assertArrayEquals(steps25.bestSoFar(), kept.bestSoFar(), 0.0);
        assertArrayEquals(steps25.bestW().data, kept.bestW().data, 0.0);
        assertEquals(25, e.done());
        assertEquals(100, e.total());
    }
}
