package descent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.LinearClassifier;
import descent.loss.Loss;
import descent.loss.LossAndGradient;
import descent.loss.SoftmaxLoss;
import descent.loss.SvmLoss;
import descent.optim.Sgd;
import descent.schedule.OneCycleLR;
import descent.schedule.ReduceLROnPlateau;
import descent.schedule.StepLR;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final double TOLERANCE = 1e-12;

    /** Three Gaussian blobs, separable, in 4 dimensions plus a bias. */
    private static Dataset blobs(int n, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][5];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int k = 0; k < 4; k++) {
                rows[i][k] = 0.5 * r.nextGaussian() + (k == y[i] ? 2 : 0);
            }
            rows[i][4] = 1;
        }
        return Dataset.of(rows, y, 3);
    }

    @Test
    void fullBatchGradientDescentLearnsSeparableBlobs() {
        Dataset train = blobs(300, 1);
        Dataset val = blobs(90, 2);
        TrainingResult r = Trainer.builder(new SoftmaxLoss(1e-3), new Sgd())
                .learningRate(0.5).batchSize(Trainer.FULL_BATCH).iterations(200).evaluateEvery(50)
                .build().fit(new DMatrixRMaj(3, 5), train, val);
        History h = r.history();
        assertEquals(200, h.steps());
        assertEquals(4, h.evaluations());
        assertArrayEquals(new int[] {49, 99, 149, 199}, h.evalSteps());
        assertEquals(Math.log(3), h.loss()[0], TOLERANCE, "W = 0 gives uniform probabilities");
        assertTrue(h.finalLoss() < 0.2, "final loss " + h.finalLoss());
        assertTrue(h.validationAccuracy()[3] > 0.95, "validation accuracy " + h.validationAccuracy()[3]);
        assertEquals(History.StopReason.COMPLETED, h.stopReason());
        // Full batch: the loss never goes up with this small, stable step.
        for (int t = 1; t < h.steps(); t++) {
            assertTrue(h.loss()[t] <= h.loss()[t - 1] + TOLERANCE, "loss rose at step " + t);
        }
    }

    @Test
    void minibatchAndSingleExampleSgdAlsoLearnAndAreReproducible() {
        Dataset train = blobs(300, 3);
        for (int batch : new int[] {32, 1}) {
            Trainer trainer = Trainer.builder(new SvmLoss(1e-3), new Sgd()).learningRate(0.01)
                    .batchSize(batch).iterations(600).evaluateEvery(600).seed(9).build();
            TrainingResult a = trainer.fit(new DMatrixRMaj(3, 5), train);
            TrainingResult b = trainer.fit(new DMatrixRMaj(3, 5), train);
            assertArrayEquals(a.history().loss(), b.history().loss(), "batch " + batch);
            assertTrue(LinearClassifier.accuracy(a.w(), train) > 0.9, "batch " + batch);
        }
    }

    @Test
    void shuffledEpochsVisitEveryExampleOnceAnEpoch() {
        // 30 examples whose feature 4 is their index; batches of 10 for 9 steps = 3 epochs. A loss
        // that records the indices of each batch shows which examples every epoch visits.
        Dataset blobs = blobs(30, 5);
        double[][] rows = new double[30][];
        for (int i = 0; i < 30; i++) {
            rows[i] = new double[] {blobs.get(i, 0), blobs.get(i, 1), blobs.get(i, 2), blobs.get(i, 3), i};
        }
        Dataset train = Dataset.of(rows, blobs.y(), 3);
        List<Integer> visited = new ArrayList<>();
        Loss svm = new SvmLoss(0);
        Loss recording = new Loss() {
            @Override
            public LossAndGradient lossAndGradient(DMatrixRMaj w, Dataset batch) {
                for (int k = 0; k < batch.size(); k++) {
                    visited.add((int) batch.get(k, 4));
                }
                return svm.lossAndGradient(w, batch);
            }

            @Override
            public double reg() {
                return 0;
            }
        };
        TrainingResult r = Trainer.builder(recording, new Sgd()).learningRate(0.01).batchSize(10)
                .sampling(Sampling.SHUFFLED_EPOCHS).iterations(9).evaluateEvery(100).build()
                .fit(new DMatrixRMaj(3, 5), train);
        assertEquals(9, r.history().steps());
        assertEquals(90, visited.size());
        List<Integer> everyExample = IntStream.range(0, 30).boxed().toList();
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> seen = new ArrayList<>(visited.subList(30 * epoch, 30 * (epoch + 1)));
            seen.sort(null);
            assertEquals(everyExample, seen, "epoch " + epoch + " visits each of the 30 examples once");
        }
        assertNotEquals(everyExample, visited.subList(0, 30), "epochs are shuffled, not in index order");
        assertNotEquals(visited.subList(0, 30), visited.subList(30, 60), "each epoch has its own order");
    }

    @Test
    void aHugeLearningRateStopsWithAMessageNamingIt() {
        Dataset train = blobs(60, 6);
        Trainer trainer = Trainer.builder(new SvmLoss(0.1), new Sgd()).learningRate(1e6)
                .batchSize(Trainer.FULL_BATCH).iterations(50).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(new DMatrixRMaj(3, 5), train));
        assertTrue(e.getMessage().startsWith("training diverged at step "), e.getMessage());
        assertTrue(e.getMessage().contains("with learning rate 1000000.0 (Sgd)"), e.getMessage());
        assertTrue(e.history().steps() >= 1);
    }

    @Test
    void stopOnDivergenceReturnsTheHistoryInstead() {
        Dataset train = blobs(60, 7);
        TrainingResult r = Trainer.builder(new SoftmaxLoss(0.1), new Sgd()).learningRate(1e8)
                .batchSize(Trainer.FULL_BATCH).iterations(50).stopOnDivergence().build()
                .fit(new DMatrixRMaj(3, 5), train);
        assertEquals(History.StopReason.DIVERGED, r.history().stopReason());
        assertTrue(r.history().steps() < 50);
    }

    @Test
    void stepScheduleSetsTheRateOfEachStep() {
        Dataset train = blobs(30, 8);
        History h = Trainer.builder(new SvmLoss(0), new Sgd()).schedule(new StepLR(0.1, 5, 0.5))
                .batchSize(Trainer.FULL_BATCH).iterations(12).build().fit(new DMatrixRMaj(3, 5), train).history();
        assertEquals(0.1, h.learningRate()[0], TOLERANCE);
        assertEquals(0.1, h.learningRate()[4], TOLERANCE);
        assertEquals(0.05, h.learningRate()[5], TOLERANCE);
        assertEquals(0.025, h.learningRate()[11], TOLERANCE);
    }

    @Test
    void plateauCutsTheRateWhenTheLossStopsFalling() {
        Dataset train = blobs(30, 9);
        // A 50% relative threshold makes every observation after the first a bad one; patience 1
        // allows one bad observation, so the second bad one (the third evaluation, after step 5)
        // halves the rate.
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1e-3, ReduceLROnPlateau.Mode.MIN, 0.5, 1, 0.5,
                ReduceLROnPlateau.ThresholdMode.REL, 0, 0.0, 0.0);
        History h = Trainer.builder(new SvmLoss(0), new Sgd()).schedule(plateau)
                .batchSize(Trainer.FULL_BATCH).iterations(10).evaluateEvery(2).build()
                .fit(new DMatrixRMaj(3, 5), train).history();
        assertEquals(1e-3, h.learningRate()[0], TOLERANCE);
        assertEquals(1e-3, h.learningRate()[5], TOLERANCE);
        assertEquals(5e-4, h.learningRate()[6], TOLERANCE);
        assertEquals(5e-4, h.learningRate()[9], TOLERANCE);
    }

    @Test
    void settingTheRateTwiceIsRefusedNamingBothSettingsSoNeitherIsDropped() {
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1e-3);
        String plateauText = "schedule(ReduceLROnPlateau[initialLr=0.001, mode=MIN, factor=0.1, patience=10, "
                + "threshold=1.0E-4, thresholdMode=REL, cooldown=0, minLr=0.0, eps=1.0E-8])";
        assertEquals("the learning rate is set twice: by " + plateauText + " and by learningRate(0.01); "
                + "a trainer has one schedule: keep one of the two", assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(new SvmLoss(0), new Sgd()).schedule(plateau).learningRate(0.01)).getMessage());
        assertEquals("the learning rate is set twice: by learningRate(0.01) and by " + plateauText + "; "
                + "a trainer has one schedule: keep one of the two", assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(new SvmLoss(0), new Sgd()).learningRate(0.01).schedule(plateau)).getMessage());
        assertEquals("the learning rate is set twice: by schedule(StepLR[baseLr=0.1, stepSize=5, gamma=0.5]) and by "
                + plateauText + "; a trainer has one schedule: keep one of the two",
                assertThrows(IllegalArgumentException.class, () -> Trainer.builder(new SvmLoss(0), new Sgd())
                        .schedule(new StepLR(0.1, 5, 0.5)).schedule(plateau)).getMessage());
    }

    @Test
    void aPlateauScheduleObservesACopySoTwoFitsGiveTheSameRatesAndTheOriginalIsUntouched() {
        Dataset train = blobs(30, 9);
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(1e-3, ReduceLROnPlateau.Mode.MIN, 0.5, 1, 0.5,
                ReduceLROnPlateau.ThresholdMode.REL, 0, 0.0, 0.0);
        Trainer trainer = Trainer.builder(new SvmLoss(0), new Sgd()).schedule(plateau)
                .batchSize(Trainer.FULL_BATCH).iterations(10).evaluateEvery(2).build();
        double[] first = trainer.fit(new DMatrixRMaj(3, 5), train).history().learningRate();
        double[] second = trainer.fit(new DMatrixRMaj(3, 5), train).history().learningRate();
        assertArrayEquals(first, second, 0.0);
        assertEquals(5e-4, first[9], TOLERANCE);
        assertEquals(0, plateau.observations());
        assertEquals(1e-3, plateau.rate(), 0.0);
    }

    @Test
    void earlyStoppingReturnsTheBestWeights() {
        Dataset train = blobs(300, 10);
        Dataset val = blobs(60, 11);
        TrainingResult r = Trainer.builder(new SoftmaxLoss(0), new Sgd()).learningRate(0.5)
                .batchSize(Trainer.FULL_BATCH).iterations(5000).evaluateEvery(10).earlyStopping(3).build()
                .fit(new DMatrixRMaj(3, 5), train, val);
        assertEquals(History.StopReason.EARLY_STOPPED, r.history().stopReason());
        assertTrue(r.history().steps() < 5000);
        assertEquals(r.history().bestValidationAccuracy(), LinearClassifier.accuracy(r.w(), val), TOLERANCE);
    }

    @Test
    void aTieWithTheBestAccuracyCountsAsNoImprovementAndStopsTheRun() {
        Dataset train = blobs(300, 10);
        Dataset val = blobs(60, 11);
        // W0 scores class k by feature k; a rate of 1e-12 leaves every prediction unchanged, so
        // all evaluations tie the first one: three ties in a row stop the run at the 4th.
        DMatrixRMaj w0 = new DMatrixRMaj(3, 5);
        for (int k = 0; k < 3; k++) {
            w0.set(k, k, 1);
        }
        TrainingResult r = Trainer.builder(new SoftmaxLoss(0), new Sgd()).learningRate(1e-12)
                .batchSize(Trainer.FULL_BATCH).iterations(100).evaluateEvery(2).earlyStopping(3).build()
                .fit(w0, train, val);
        History h = r.history();
        double first = h.validationAccuracy()[0];
        assertEquals(History.StopReason.EARLY_STOPPED, h.stopReason());
        assertEquals(8, h.steps());
        assertArrayEquals(new int[] {1, 3, 5, 7}, h.evalSteps());
        assertArrayEquals(new double[] {first, first, first, first}, h.validationAccuracy(), 0.0);
        assertEquals(String.format("stopped early after step 7: validation accuracy "
                + "did not improve on %.4f for 3 evaluations", first), h.message());
        assertEquals(first, LinearClassifier.accuracy(r.w(), val), 0.0,
                "the returned weights reach the tied best, so they are >= the last evaluation's");
    }

    @Test
    void rejectsBadSettings() {
        // The rate is checked once, where it is held: Constant, for learningRate(x).
        assertEquals("rate must be > 0 but was: NaN", assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(new SvmLoss(0), new Sgd()).learningRate(Double.NaN)).getMessage());
        assertEquals("rate must be > 0 but was: 0.0", assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(new SvmLoss(0), new Sgd()).learningRate(1 / 1000)).getMessage());
        assertEquals("iterations must be > 0 but was: 0", assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(new SvmLoss(0), new Sgd()).iterations(0)).getMessage());
        Trainer t = Trainer.builder(new SvmLoss(0), new Sgd()).build();
        assertEquals("w0 must be 3 x 5 but was: 2 x 5", assertThrows(IllegalArgumentException.class,
                () -> t.fit(new DMatrixRMaj(2, 5), blobs(9, 1))).getMessage());
        assertEquals("early stopping needs a validation set", assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(new SvmLoss(0), new Sgd()).earlyStopping(2).build()
                        .fit(new DMatrixRMaj(3, 5), blobs(9, 1))).getMessage());
    }

    @Test
    void aNaNStartingWIsRejectedBeforeTrainingWithoutBlamingTheLearningRate() {
        DMatrixRMaj w0 = new DMatrixRMaj(3, 5);
        w0.set(1, 3, Double.NaN);
        Trainer t = Trainer.builder(new SvmLoss(0), new Sgd()).iterations(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(w0, blobs(30, 1)));
        assertEquals("W has NaN at row 1, column 3 (of 3 × 5) at the start of training; the learning rate is "
                + "not the cause: start from finite weights, e.g. 0.001 times Gaussian noise", e.getMessage());
    }

    @Test
    void anInfiniteStartingWIsRejectedLikeNaN() {
        DMatrixRMaj w0 = new DMatrixRMaj(3, 5);
        w0.set(2, 0, Double.NEGATIVE_INFINITY);
        Trainer t = Trainer.builder(new SvmLoss(0), new Sgd()).iterations(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.fit(w0, blobs(30, 1)));
        assertEquals("W has -Infinity at row 2, column 0 (of 3 × 5) at the start of training; the learning rate "
                + "is not the cause: start from finite weights, e.g. 0.001 times Gaussian noise", e.getMessage());
    }

    @Test
    void trainingDataMadeNaNAfterConstructionIsRejectedAtFit() {
        Dataset train = blobs(30, 1);
        ((DMatrixRMaj) train.x()).set(17, 2, Double.NaN);
        Trainer t = Trainer.builder(new SvmLoss(0), new Sgd()).batchSize(4).iterations(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.fit(new DMatrixRMaj(3, 5), train));
        assertEquals("X has NaN at row 17, column 2 (of 30 × 5); the data must be finite: check how it was made "
                + "or normalised", e.getMessage());
    }

    @Test
    void validationDataMadeInfiniteAfterConstructionIsRejectedAtFit() {
        Dataset val = blobs(12, 2);
        ((DMatrixRMaj) val.x()).set(11, 4, Double.POSITIVE_INFINITY);
        Trainer t = Trainer.builder(new SvmLoss(0), new Sgd()).iterations(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.fit(new DMatrixRMaj(3, 5), blobs(30, 1), val));
        assertEquals("validation X has Infinity at row 11, column 4 (of 12 × 5); the data must be finite: check "
                + "how it was made or normalised", e.getMessage());
    }

    @Test
    void aOneCycleScheduleShorterThanTheRunIsRefusedAtBuild() {
        Trainer.Builder b = Trainer.builder(new SvmLoss(0), new Sgd()).schedule(new OneCycleLR(0.1, 100))
                .iterations(200);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("the schedule OneCycleLR[maxLr=0.1, totalSteps=100, pctStart=0.3, anneal=COS, divFactor=25.0, "
                + "finalDivFactor=10000.0, threePhase=false] covers 100 steps but this run takes 200 "
                + "(iterations = 200); build it for 200 steps (totalSteps = 200) or train for 100 iterations",
                e.getMessage());
    }

    @Test
    void aOneCycleScheduleAsLongAsTheRunTrainsEveryStep() {
        History h = Trainer.builder(new SvmLoss(0), new Sgd()).schedule(new OneCycleLR(0.1, 20))
                .batchSize(Trainer.FULL_BATCH).iterations(20).build().fit(new DMatrixRMaj(3, 5), blobs(30, 1))
                .history();
        assertEquals(20, h.steps());
        assertEquals(new OneCycleLR(0.1, 20).rate(19), h.learningRate()[19], TOLERANCE);
    }

    @Test
    void scoresOverflowingAfterAHugeStepStillBlameTheLearningRate() {
        // Step 0 (W = 0): dW = [[-500, 500], [500, -500]], so W becomes lr · 500 in magnitude (finite)
        // and step 1's scores are lr · 5e5 = 5e308: past Double.MAX_VALUE.
        Dataset train = Dataset.of(new double[][] {{1000, 0}, {0, 1000}}, new int[] {0, 1}, 2);
        Trainer trainer = Trainer.builder(new SvmLoss(0), new Sgd()).learningRate(1e303)
                .batchSize(Trainer.FULL_BATCH).iterations(5).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(new DMatrixRMaj(2, 2), train));
        assertEquals("training diverged at step 1: the scores W x overflowed with learning rate 1.0E303 (Sgd); "
                + "lower the learning rate, e.g. to 1.0E302", e.getMessage());
    }

    @Test
    void aWBecomingInfiniteAtAnEvaluationStepIsReportedAsDivergence() {
        // One step from W = 0 with dW = [[-500, 500], [500, -500]] makes W = lr · 500 = 5e308: infinite,
        // right before the evaluation that follows the last step.
        Dataset train = Dataset.of(new double[][] {{1000, 0}, {0, 1000}}, new int[] {0, 1}, 2);
        Trainer trainer = Trainer.builder(new SvmLoss(0), new Sgd()).learningRate(1e306)
                .batchSize(Trainer.FULL_BATCH).iterations(1).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(new DMatrixRMaj(2, 2), train));
        assertEquals("training diverged at step 0: W became non-finite (entry 0 is Infinity) after the update with "
                + "learning rate 1.0E306 (Sgd); lower the learning rate, e.g. to 1.0E305", e.getMessage());
        assertEquals(1, e.history().steps());
    }
}
