package descent.train;

import descent.data.Dataset;
import descent.loss.LinearClassifier;
import descent.loss.Loss;
import descent.loss.LossAndGradient;
import descent.optim.Optimizer;
import descent.schedule.Constant;
import descent.schedule.LearningRateSchedule;
import descent.util.Checks;
import descent.util.Interrupted;
import descent.util.StepListener;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Trains a linear classifier: full-batch gradient descent, minibatch gradient descent, or SGD
 * (a batch of one), with a learning-rate schedule, periodic accuracy, early stopping and
 * divergence detection.
 *
 * <p>Each step t: take the learning rate of step t from the schedule, draw a batch, compute the
 * loss and dW at W, let the optimizer update W, record loss, rate, ‖dW‖ and time. Every
 * {@code evaluateEvery} steps (and after the last) it measures accuracy on a fixed sample of the
 * training set and, if given, accuracy and loss on the validation set, and tells the schedule the
 * watched metric ({@link LearningRateSchedule#observe}: the validation loss if there is a
 * validation set, else the mean training loss since the last evaluation; only
 * {@link descent.schedule.ReduceLROnPlateau} listens). A NaN, infinite or exploding loss (more than
 * {@code divergenceFactor} times the first one) ends the run with a message naming the step and
 * the learning rate: by default as a {@link TrainingDivergedException}, or, with
 * {@code stopOnDivergence()}, as a result whose history says {@link History.StopReason#DIVERGED}.
 *
 * <p>Checked before step 0: the data and the starting W must be finite (a NaN there is named by
 * row and column, and the learning rate is not blamed), and a schedule of fixed length (such as
 * {@link descent.schedule.OneCycleLR}) must cover every step ({@link Builder#build} refuses it).
 *
 * <p>Each step first checks whether its thread was interrupted (the notebook's stop button); if so
 * the run ends with {@link Interrupted}, whose {@link Interrupted#partial()} is a
 * {@link TrainingResult} with W after the steps taken and their history (stop reason
 * {@link History.StopReason#INTERRUPTED}); {@link #interruptedRun()} returns the same.
 *
 * <p>W is C × D; the data N × D. A trainer is immutable apart from {@link #interruptedRun()}: every
 * {@link #fit} starts from fresh copies of the optimizer and of the schedule, and from the
 * trainer's seed, so two fits give the same result.
 */
public final class Trainer {
    /** Pass as batch size for full-batch gradient descent. */
    public static final int FULL_BATCH = 0;

    private final Loss loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final int batchSize;
    private final Sampling sampling;
    private final int iterations;
    private final int evaluateEvery;
    private final int trainAccuracySample;
    private final int earlyStoppingPatience;
    private final double divergenceFactor;
    private final boolean throwOnDivergence;
    private final long seed;
    private final StepListener listener;
    private final AtomicReference<TrainingResult> interrupted = new AtomicReference<>();

    private Trainer(Builder b) {
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.batchSize = b.batchSize;
        this.sampling = b.sampling;
        this.iterations = b.iterations;
        this.evaluateEvery = b.evaluateEvery;
        this.trainAccuracySample = b.trainAccuracySample;
        this.earlyStoppingPatience = b.earlyStoppingPatience;
        this.divergenceFactor = b.divergenceFactor;
        this.throwOnDivergence = b.throwOnDivergence;
        this.seed = b.seed;
        this.listener = b.listener;
    }

    /** Starts a trainer for a loss and an update rule; everything else has defaults. */
    public static Builder builder(Loss loss, Optimizer optimizer) {
        return new Builder(loss, optimizer);
    }

    /** Trains from {@code w0} (C × D, not modified) on {@code train}, without validation. */
    public TrainingResult fit(DMatrixRMaj w0, Dataset train) {
        return fit(w0, train, null);
    }

    /**
     * Trains from {@code w0} (C × D, not modified) on {@code train}, measuring {@code validation}
     * (may be null) at each evaluation.
     */
    public TrainingResult fit(DMatrixRMaj w0, Dataset train, Dataset validation) {
        checkInputs(w0, train, validation);
        return new Run(w0, train, validation).steps();
    }

    private void checkInputs(DMatrixRMaj w0, Dataset train, Dataset validation) {
        Checks.notNull("train", train);
        Checks.require(train.size() > 0, "train must not be empty");
        Checks.shape("w0", w0, train.numClasses(), train.features());
        Checks.finite("W", w0, " at the start of training; the learning rate is not the cause: "
                + "start from finite weights, e.g. 0.001 times Gaussian noise");
        // Datasets are checked when built; this one pass a fit catches entries changed in place since.
        Checks.finite("X", train.x(), Dataset.NON_FINITE_ADVICE);
        if (validation != null) {
            Checks.require(validation.features() == train.features(), "validation must have "
                    + train.features() + " features like train but had: " + validation.features());
            Checks.finite("validation X", validation.x(), Dataset.NON_FINITE_ADVICE);
        }
        Checks.require(earlyStoppingPatience == 0 || validation != null,
                "early stopping needs a validation set");
    }

    /**
     * One fit: its own W, copies of the optimizer and the schedule, random numbers from the seed,
     * and the history so far. {@link #steps} is the notes' loop.
     */
    private final class Run {
        private final Dataset train;
        private final Dataset validation;
        private final Optimizer optimizer = Trainer.this.optimizer.copy();
        private final LearningRateSchedule schedule = Trainer.this.schedule.copy();
        private final DMatrixRMaj w;
        private final Dataset accuracySample;
        private final Batches batches;
        private final Recorder rec = new Recorder(iterations);
        private final long start = System.nanoTime();
        private double firstLoss = Double.NaN;
        private double lossSinceEval;
        private int stepsSinceEval;
        private DMatrixRMaj bestW;
        private double bestAccuracy = Double.NEGATIVE_INFINITY;
        private int evaluationsWithoutImprovement;

        Run(DMatrixRMaj w0, Dataset train, Dataset validation) {
            this.train = train;
            this.validation = validation;
            this.w = w0.copy();
            Random random = new Random(seed);
            this.accuracySample = train.size() <= trainAccuracySample ? train
                    : train.sample(trainAccuracySample, random.nextLong());
            this.batches = new Batches(train, batchSize, sampling, random);
        }

        /** For t = 0, 1, ...: sample a batch, evaluate the loss and dW, update W, evaluate now and then. */
        TrainingResult steps() {
            try {
                for (int t = 0; t < iterations; t++) {
                    stopIfInterrupted(t);
                    double lr = schedule.rate(t);
                    Dataset batch = batches.next();
                    LossAndGradient lg = lossAndGradient(t, batch, lr);
                    update(t, lg, lr);
                    if ((t + 1) % evaluateEvery == 0 || t == iterations - 1) {
                        evaluate(t);
                    }
                }
            } catch (Stop stop) {
                return stop.result;
            }
            DMatrixRMaj result = earlyStoppingPatience > 0 && bestW != null ? bestW : w;
            return new TrainingResult(result, rec.freeze(History.StopReason.COMPLETED,
                    "completed " + iterations + " iterations"));
        }

        /** Ends the run with {@link Interrupted} if the notebook's stop button was pressed. */
        private void stopIfInterrupted(int t) {
            if (Interrupted.requested()) {
                String kept = "W and the history of the " + t + " steps taken are kept: "
                        + "trainer.interruptedRun() returns them";
                String message = "training interrupted at step " + t + " of " + iterations + "; " + kept;
                TrainingResult partial = new TrainingResult(w, rec.freeze(History.StopReason.INTERRUPTED, message));
                interrupted.set(partial);
                throw Interrupted.at("training", "step", t, iterations, kept, partial);
            }
        }

        /** The loss and dW at W on the batch; a non-finite or exploding one ends the run as diverged. */
        private LossAndGradient lossAndGradient(int t, Dataset batch, double lr) {
            String problem = nonFinite(w);
            LossAndGradient lg = null;
            if (problem == null) {
                try {
                    lg = loss.lossAndGradient(w, batch);
                } catch (ArithmeticException overflow) {
                    if (t == 0) {
                        throw overflow; // the data or the starting W, not the learning rate
                    }
                    problem = "the scores W x overflowed";
                }
            }
            if (problem == null && !Double.isFinite(lg.loss())) {
                problem = "the loss became " + lg.loss();
            } else if (problem == null && nonFinite(lg.gradient()) != null) {
                problem = "the gradient became non-finite";
            } else if (problem == null && t > 0 && lg.loss() > divergenceFactor * Math.max(firstLoss, 1e-12)) {
                problem = String.format("the loss exploded from %.4g to %.4g", firstLoss, lg.loss());
            }
            if (problem != null) {
                throw diverged(t, problem, lr);
            }
            if (t == 0) {
                firstLoss = lg.loss();
            }
            return lg;
        }

        /** W ← the optimizer's update with rate lr; records the step and tells the listener. */
        private void update(int t, LossAndGradient lg, double lr) {
            optimizer.updateInPlace(w, lg.gradient(), lr);
            rec.step(lg.loss(), lr, NormOps_DDRM.normF(lg.gradient()), (System.nanoTime() - start) / 1e6);
            lossSinceEval += lg.loss();
            stepsSinceEval++;
            listener.onStep(t, iterations, lg.loss());
            String after = nonFinite(w);
            if (after != null) { // before an evaluation predicts with it
                throw diverged(t, after + " after the update", lr);
            }
        }

        /**
         * Measures accuracy (and the validation loss), tells the schedule the watched metric (the
         * validation loss, else the mean training loss since the last evaluation), and stops early
         * when validation accuracy has not improved for {@code earlyStoppingPatience} evaluations.
         */
        private void evaluate(int t) {
            double trainAcc = LinearClassifier.accuracy(w, accuracySample);
            double valAcc = Double.NaN;
            double valLoss = Double.NaN;
            if (validation != null) {
                valAcc = LinearClassifier.accuracy(w, validation);
                valLoss = validationLoss(w, validation);
            }
            rec.evaluation(t, trainAcc, valAcc, valLoss);
            schedule.observe(validation != null ? valLoss : lossSinceEval / stepsSinceEval);
            lossSinceEval = 0;
            stepsSinceEval = 0;
            if (earlyStoppingPatience > 0) {
                earlyStopping(t, valAcc);
            }
        }

        private void earlyStopping(int t, double valAcc) {
            if (valAcc > bestAccuracy) {
                bestAccuracy = valAcc;
                bestW = w.copy();
                evaluationsWithoutImprovement = 0;
            } else if (++evaluationsWithoutImprovement >= earlyStoppingPatience && t != iterations - 1) {
                String message = String.format("stopped early after step %d: validation accuracy "
                        + "did not improve on %.4f for %d evaluations", t, bestAccuracy, earlyStoppingPatience);
                throw new Stop(new TrainingResult(bestW, rec.freeze(History.StopReason.EARLY_STOPPED, message)));
            }
        }

        /** Ends a run that diverged at step {@code t}: throws, or stops with the history so far. */
        private Stop diverged(int t, String problem, double lr) {
            String message = String.format("training diverged at step %d: %s with learning rate %s "
                    + "(%s); lower the learning rate, e.g. to %s", t, problem, lr, optimizer.name(), lr / 10);
            History h = rec.freeze(History.StopReason.DIVERGED, message);
            if (throwOnDivergence) {
                throw new TrainingDivergedException(message, h);
            }
            return new Stop(new TrainingResult(w, h));
        }
    }

    /** Ends a {@link Run} before its last step with the result to return (early stop, divergence). */
    private static final class Stop extends RuntimeException {
        private final transient TrainingResult result;

        Stop(TrainingResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** Draws the batches of a run: the whole set, with replacement, or shuffled epochs. */
    private static final class Batches {
        private final Dataset train;
        private final int size;
        private final Sampling sampling;
        private final Random random;
        private int[] epochOrder;
        private int epochPos;

        Batches(Dataset train, int batchSize, Sampling sampling, Random random) {
            this.train = train;
            this.size = batchSize == FULL_BATCH || batchSize >= train.size() ? train.size() : batchSize;
            this.sampling = sampling;
            this.random = random;
        }

        Dataset next() {
            if (size == train.size()) {
                return train;
            }
            if (sampling == Sampling.WITH_REPLACEMENT) {
                int[] idx = new int[size];
                for (int k = 0; k < size; k++) {
                    idx[k] = random.nextInt(train.size());
                }
                return train.rows(idx);
            }
            if (epochOrder == null || epochPos + size > epochOrder.length) {
                epochOrder = Dataset.permutation(train.size(), random);
                epochPos = 0;
            }
            epochPos += size;
            return train.rows(Arrays.copyOfRange(epochOrder, epochPos - size, epochPos));
        }
    }

    /**
     * W after the steps taken and their history (stop reason
     * {@link History.StopReason#INTERRUPTED}) of the last {@link #fit} of this trainer that was
     * interrupted, or null if none was; e.g. after pressing stop, in the next cell.
     */
    public TrainingResult interruptedRun() {
        return interrupted.get();
    }

    /** The loss on the validation set; +∞ if its scores overflow (the next step reports divergence). */
    private double validationLoss(DMatrixRMaj w, Dataset validation) {
        try {
            return loss.loss(w, validation);
        } catch (ArithmeticException overflow) {
            return Double.POSITIVE_INFINITY;
        }
    }

    private static String nonFinite(DMatrixRMaj m) {
        for (int k = 0; k < m.getNumElements(); k++) {
            if (!Double.isFinite(m.data[k])) {
                return "W became non-finite (entry " + k + " is " + m.data[k] + ")";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "trainer: " + loss + ", optimizer " + optimizer + ", schedule " + schedule + ", "
                + (batchSize == FULL_BATCH ? "full batch" : "batches of " + batchSize + " ("
                + sampling.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")") + ", "
                + descent.util.Readable.count(iterations) + " iterations, evaluated every " + descent.util.Readable.count(evaluateEvery)
                + ", early-stopping patience " + earlyStoppingPatience + ", divergence factor "
                + descent.util.Readable.number(divergenceFactor) + ", seed " + seed;
    }

    /** Collects the history in growable arrays. */
    private static final class Recorder {
        private double[] loss;
        private double[] lr;
        private double[] norm;
        private double[] millis;
        private int steps;
        private int[] evalSteps = new int[8];
        private double[] trainAcc = new double[8];
        private double[] valAcc = new double[8];
        private double[] valLoss = new double[8];
        private int evals;

        Recorder(int capacity) {
            loss = new double[capacity];
            lr = new double[capacity];
            norm = new double[capacity];
            millis = new double[capacity];
        }

        void step(double l, double rate, double gradNorm, double ms) {
            loss[steps] = l;
            lr[steps] = rate;
            norm[steps] = gradNorm;
            millis[steps] = ms;
            steps++;
        }

        void evaluation(int step, double train, double val, double vLoss) {
            if (evals == evalSteps.length) {
                evalSteps = Arrays.copyOf(evalSteps, evals * 2);
                trainAcc = Arrays.copyOf(trainAcc, evals * 2);
                valAcc = Arrays.copyOf(valAcc, evals * 2);
                valLoss = Arrays.copyOf(valLoss, evals * 2);
            }
            evalSteps[evals] = step;
            trainAcc[evals] = train;
            valAcc[evals] = val;
            valLoss[evals] = vLoss;
            evals++;
        }

        History freeze(History.StopReason reason, String message) {
            return new History(Arrays.copyOf(loss, steps), Arrays.copyOf(lr, steps), Arrays.copyOf(norm, steps),
                    Arrays.copyOf(millis, steps), Arrays.copyOf(evalSteps, evals), Arrays.copyOf(trainAcc, evals),
                    Arrays.copyOf(valAcc, evals), Arrays.copyOf(valLoss, evals), reason, message);
        }
    }

    /** Settings of a {@link Trainer}, each with a named default. */
    public static final class Builder {
        private final Loss loss;
        private final Optimizer optimizer;
        private LearningRateSchedule schedule = new Constant(1e-3);
        private String rateSetBy;
        private int batchSize = 200;
        private Sampling sampling = Sampling.WITH_REPLACEMENT;
        private int iterations = 100;
        private int evaluateEvery = 100;
        private int trainAccuracySample = 1000;
        private int earlyStoppingPatience;
        private double divergenceFactor = 1e3;
        private boolean throwOnDivergence = true;
        private long seed = 0;
        private StepListener listener = StepListener.NONE;

        private Builder(Loss loss, Optimizer optimizer) {
            this.loss = Checks.notNull("loss", loss);
            this.optimizer = Checks.notNull("optimizer", optimizer);
        }

        /**
         * A constant learning rate (default 1e-3): {@code schedule(new Constant(learningRate))}.
         *
         * @param learningRate finite and &gt; 0 (checked by {@link Constant})
         * @throws IllegalArgumentException if the rate is already set (by this or {@link #schedule})
         */
        public Builder learningRate(double learningRate) {
            return setRate("learningRate(" + learningRate + ")", new Constant(learningRate));
        }

        /**
         * The learning rate of each step, e.g. a {@link descent.schedule.CosineAnnealingLR} or a
         * {@link descent.schedule.ReduceLROnPlateau}; the schedule holds its own base rate. Each fit
         * works on a {@link LearningRateSchedule#copy()}.
         *
         * @throws IllegalArgumentException if the rate is already set (by this or {@link #learningRate})
         */
        public Builder schedule(LearningRateSchedule schedule) {
            Checks.notNull("schedule", schedule);
            return setRate("schedule(" + schedule + ")", schedule);
        }

        /** The one place the rate is set: a second setting would drop the first, so it is refused. */
        private Builder setRate(String call, LearningRateSchedule schedule) {
            Checks.require(rateSetBy == null, "the learning rate is set twice: by " + rateSetBy
                    + " and by " + call + "; a trainer has one schedule: keep one of the two");
            this.rateSetBy = call;
            this.schedule = schedule;
            return this;
        }

        /** Examples a step (default 200); {@link #FULL_BATCH} (0) or ≥ N for full-batch descent; 1 for SGD. */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.nonNegative("batchSize", batchSize);
            return this;
        }

        /** How batches are drawn (default {@link Sampling#WITH_REPLACEMENT}). */
        public Builder sampling(Sampling sampling) {
            this.sampling = Checks.notNull("sampling", sampling);
            return this;
        }

        /** Steps to take (default 100), &gt; 0. */
        public Builder iterations(int iterations) {
            this.iterations = Checks.positive("iterations", iterations);
            return this;
        }

        /** Steps between evaluations (default 100), &gt; 0; one also follows the last step. */
        public Builder evaluateEvery(int evaluateEvery) {
            this.evaluateEvery = Checks.positive("evaluateEvery", evaluateEvery);
            return this;
        }

        /** Training examples (a fixed random sample) on which accuracy is measured (default 1000). */
        public Builder trainAccuracySample(int size) {
            this.trainAccuracySample = Checks.positive("trainAccuracySample", size);
            return this;
        }

        /**
         * Stop when validation accuracy has not improved for {@code patience} evaluations (&gt; 0),
         * and return the weights with the best validation accuracy. Needs a validation set.
         *
         * <p>Improving means strictly beating the best accuracy so far: an evaluation that ties it
         * counts as one without improvement, as in Keras's and PyTorch Lightning's
         * {@code EarlyStopping} with {@code min_delta = 0}. So the run may stop at an evaluation
         * whose accuracy equals the best, and the weights returned are those of the first
         * evaluation that reached the best; their accuracy is ≥ that of the last evaluation. No
         * stop is made at the last step: the run then completes, still returning the best weights.
         */
        public Builder earlyStopping(int patience) {
            this.earlyStoppingPatience = Checks.positive("patience", patience);
            return this;
        }

        /** A loss above {@code factor} × the first step's loss counts as diverged (default 1000), &gt; 1. */
        public Builder divergenceFactor(double factor) {
            Checks.require(factor > 1 && Double.isFinite(factor),
                    "divergenceFactor must be > 1 but was: " + factor);
            this.divergenceFactor = factor;
            return this;
        }

        /** On divergence, return the history instead of throwing {@link TrainingDivergedException}. */
        public Builder stopOnDivergence() {
            this.throwOnDivergence = false;
            return this;
        }

        /** Seed for batch sampling and the training-accuracy sample (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Told the loss after every step, e.g. to show progress. */
        public Builder listener(StepListener listener) {
            this.listener = Checks.notNull("listener", listener);
            return this;
        }

        /**
         * The trainer.
         *
         * @throws IllegalArgumentException if the schedule has a fixed length (such as
         *                                  {@link descent.schedule.OneCycleLR}) shorter than the
         *                                  iterations: the message names both and the fix
         */
        public Trainer build() {
            if (schedule.length().isPresent() && schedule.length().getAsInt() < iterations) {
                int covered = schedule.length().getAsInt();
                String field = schedule instanceof descent.schedule.OneCycleLR ? " (totalSteps = " + iterations + ")"
                        : "";
                throw new IllegalArgumentException("the schedule " + schedule + " covers " + covered
                        + " steps but this run takes " + iterations + " (iterations = " + iterations
                        + "); build it for " + iterations + " steps" + field + " or train for " + covered
                        + " iterations");
            }
            return new Trainer(this);
        }
    }
}
