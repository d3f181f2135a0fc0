package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.SvmLoss;
import descent.optim.Momentum;
import descent.util.Interrupted;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainerInterruptTest {

    private static Dataset data() {
        Random r = new Random(5);
        double[][] rows = new double[60][4];
        int[] y = new int[60];
        for (int i = 0; i < rows.length; i++) {
            y[i] = i % 3;
            for (int k = 0; k < 3; k++) {
                rows[i][k] = r.nextGaussian() + (k == y[i] ? 2 : 0);
            }
            rows[i][3] = 1;
        }
        return Dataset.of(rows, y, 3);
    }

    private static Trainer.Builder builder() {
        return Trainer.builder(new SvmLoss(1e-3), new Momentum(0.9)).learningRate(1e-2).batchSize(8)
                .iterations(50).evaluateEvery(5).seed(3);
    }

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void anInterruptBeforeFitStopsAtStepZeroAndKeepsTheFlag() {
        Trainer trainer = builder().build();
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class, () -> trainer.fit(new DMatrixRMaj(3, 4), data()));
        assertEquals("training interrupted at step 0 of 50; W and the history of the 0 steps taken are kept: "
                + "trainer.interruptedRun() returns them", e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
        TrainingResult partial = e.partial();
        assertSame(partial, trainer.interruptedRun());
        assertEquals(0, partial.history().steps());
        assertEquals(History.StopReason.INTERRUPTED, partial.history().stopReason());
        assertArrayEquals(new double[12], partial.w().data, "W is the starting W");
        assertEquals("training", e.what());
        assertEquals(0, e.done());
        assertEquals(50, e.total());
    }

    @Test
    void anInterruptDuringFitStopsBeforeTheNextStepKeepingWAndTheHistorySoFar() {
        Trainer trainer = builder().listener((step, total, loss) -> {
            if (step == 11) {
                Thread.currentThread().interrupt();
            }
        }).build();
        Interrupted e = assertThrows(Interrupted.class, () -> trainer.fit(new DMatrixRMaj(3, 4), data()));
        Thread.interrupted();
        assertEquals("training interrupted at step 12 of 50; W and the history of the 12 steps taken are kept: "
                + "trainer.interruptedRun() returns them", e.getMessage());
        TrainingResult partial = trainer.interruptedRun();
        TrainingResult twelveSteps = builder().iterations(12).build().fit(new DMatrixRMaj(3, 4), data());
        assertArrayEquals(twelveSteps.w().data, partial.w().data, 0.0, "W after the 12 steps that ran");
        assertArrayEquals(twelveSteps.history().loss(), partial.history().loss(), 0.0);
        assertArrayEquals(new int[] {4, 9}, partial.history().evalSteps());
        assertEquals(e.getMessage(), partial.history().message());
    }

    @Test
    void aWorkerThreadInterruptedFromOutsideStopsItsRun() throws Exception {
        Trainer trainer = builder().iterations(1_000_000).evaluateEvery(1_000_000).build();
        Interrupted[] caught = new Interrupted[1];
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Trainer watched = builder().iterations(1_000_000).evaluateEvery(1_000_000)
                .listener((step, total, loss) -> started.countDown()).build();
        Thread worker = new Thread(() -> {
            try {
                watched.fit(new DMatrixRMaj(3, 4), data());
            } catch (Interrupted e) {
                caught[0] = e;
            }
        });
        worker.start();
        started.await();
        worker.interrupt();
        worker.join();
        assertTrue(caught[0].getMessage().startsWith("training interrupted at step "), caught[0].getMessage());
        assertTrue(caught[0].done() >= 1 && caught[0].done() < 1_000_000);
        assertEquals(caught[0].done(), watched.interruptedRun().history().steps());
        assertEquals(null, trainer.interruptedRun(), "another trainer keeps nothing");
    }
}
