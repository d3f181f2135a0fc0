package descent.train;

import descent.data.Dataset;
import descent.loss.LinearClassifier;
import descent.loss.Loss;
import descent.loss.LossAndGradient;
import descent.optim.Optimizer;
import descent.schedule.Constant;
import descent.schedule.LearningRateSchedule;
import descent.schedule.ReduceLROnPlateau;
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
 * <p>Each step t: draw a batch, compute the loss and dW at W, take the learning rate of step t,
 * let the optimizer update W, record loss, rate, ‖dW‖ and time. Every {@code evaluateEvery} steps
 * (and after the last) it measures accuracy on a fixed sample of the training set and, if given,
 * accuracy and loss on the validation set. A NaN, infinite or exploding loss (more than
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
 * {@link #fit} starts from fresh copies of the optimizer and of a plateau schedule, and from the
 * trainer's seed, so two fits give the same result.
 */
public final class Trainer {
    /** Pass as batch size for full-batch gradient descent. */
    public static final int FULL_BATCH = 0;

    private final Loss loss;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final ReduceLROnPlateau plateau;
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
        this.plateau = b.plateau;
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
        Random random = new Random(seed);
        Optimizer opt = optimizer.copy();
        ReduceLROnPlateau plat = plateau == null ? null : plateau.copy();
        DMatrixRMaj w = w0.copy();
        Dataset accuracySample = train.size() <= trainAccuracySample ? train
                : train.sample(trainAccuracySample, random.nextLong());
        Recorder rec = new Recorder(iterations);
        boolean full = batchSize == FULL_BATCH || batchSize >= train.size();
        int[] epochOrder = null;
        int epochPos = 0;

        DMatrixRMaj bestW = null;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        int evaluationsWithoutImprovement = 0;
        double firstLoss = Double.NaN;
        double lossSinceEval = 0;
        int stepsSinceEval = 0;
        long start = System.nanoTime();

        for (int t = 0; t < iterations; t++) {
            if (Interrupted.requested()) {
                String kept = "W and the history of the " + t + " steps taken are kept: "
                        + "trainer.interruptedRun() returns them";
                String message = "training interrupted at step " + t + " of " + iterations + "; " + kept;
                TrainingResult partial = new TrainingResult(w, rec.freeze(History.StopReason.INTERRUPTED, message));
                interrupted.set(partial);
                throw Interrupted.at("training", "step", t, iterations, kept, partial);
            }
            double lr = plat != null ? plat.rate() : schedule.rate(t);
            Dataset batch;
            if (full) {
                batch = train;
            } else if (sampling == Sampling.WITH_REPLACEMENT) {
                int[] idx = new int[batchSize];
                for (int k = 0; k < batchSize; k++) {
                    idx[k] = random.nextInt(train.size());
                }
                batch = train.rows(idx);
            } else {
                if (epochOrder == null || epochPos + batchSize > epochOrder.length) {
                    epochOrder = Dataset.permutation(train.size(), random);
                    epochPos = 0;
                }
                batch = train.rows(Arrays.copyOfRange(epochOrder, epochPos, epochPos + batchSize));
                epochPos += batchSize;
            }

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
                return diverged(t, problem, lr, opt, w, rec);
            }
            if (t == 0) {
                firstLoss = lg.loss();
            }
            opt.updateInPlace(w, lg.gradient(), lr);
            rec.step(lg.loss(), lr, NormOps_DDRM.normF(lg.gradient()), (System.nanoTime() - start) / 1e6);
            lossSinceEval += lg.loss();
            stepsSinceEval++;
            listener.onStep(t, iterations, lg.loss());
            String after = nonFinite(w);
            if (after != null) { // before an evaluation predicts with it
                return diverged(t, after + " after the update", lr, opt, w, rec);
            }

            boolean last = t == iterations - 1;
            if ((t + 1) % evaluateEvery == 0 || last) {
                double trainAcc = LinearClassifier.accuracy(w, accuracySample);
                double valAcc = Double.NaN;
                double valLoss = Double.NaN;
                if (validation != null) {
                    valAcc = LinearClassifier.accuracy(w, validation);
                    valLoss = validationLoss(w, validation);
                }
                rec.evaluation(t, trainAcc, valAcc, valLoss);
                if (plat != null) {
                    plat.observe(validation != null ? valLoss : lossSinceEval / stepsSinceEval);
                }
                lossSinceEval = 0;
                stepsSinceEval = 0;
                if (earlyStoppingPatience > 0) {
                    if (valAcc > bestAccuracy) {
                        bestAccuracy = valAcc;
                        bestW = w.copy();
                        evaluationsWithoutImprovement = 0;
                    } else if (++evaluationsWithoutImprovement >= earlyStoppingPatience && !last) {
                        String message = String.format("stopped early after step %d: validation accuracy "
                                + "did not improve on %.4f for %d evaluations", t, bestAccuracy,
                                earlyStoppingPatience);
                        return new TrainingResult(bestW, rec.freeze(History.StopReason.EARLY_STOPPED, message));
                    }
                }
            }
        }
        DMatrixRMaj result = earlyStoppingPatience > 0 && bestW != null ? bestW : w;
        return new TrainingResult(result, rec.freeze(History.StopReason.COMPLETED,
                "completed " + iterations + " iterations"));
    }

    /**
     * W after the steps taken and their history (stop reason
     * {@link History.StopReason#INTERRUPTED}) of the last {@link #fit} of this trainer that was
     * interrupted, or null if none was; e.g. after pressing stop, in the next cell.
     */
    public TrainingResult interruptedRun() {
        return interrupted.get();
    }

    /** Ends a run that diverged at step {@code t}: throws, or returns the history so far. */
    private TrainingResult diverged(int t, String problem, double lr, Optimizer opt, DMatrixRMaj w, Recorder rec) {
        String message = String.format("training diverged at step %d: %s with learning rate %s "
                + "(%s); lower the learning rate, e.g. to %s", t, problem, lr, opt.name(), lr / 10);
        History h = rec.freeze(History.StopReason.DIVERGED, message);
        if (throwOnDivergence) {
            throw new TrainingDivergedException(message, h);
        }
        return new TrainingResult(w, h);
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
        return "Trainer[loss=" + loss + ", optimizer=" + optimizer + ", schedule="
                + (plateau != null ? plateau : schedule) + ", batchSize="
                + (batchSize == FULL_BATCH ? "full" : batchSize) + ", sampling=" + sampling
                + ", iterations=" + iterations + ", evaluateEvery=" + evaluateEvery
                + ", earlyStoppingPatience=" + earlyStoppingPatience + ", divergenceFactor="
                + divergenceFactor + ", seed=" + seed + "]";
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
        private ReduceLROnPlateau plateau;
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

        /** A constant learning rate (default 1e-3), &gt; 0. */
        public Builder learningRate(double learningRate) {
            Checks.positive("learningRate", learningRate);
            this.schedule = new Constant(learningRate);
            this.plateau = null;
            return this;
        }

        /** A learning rate that depends on the step. */
        public Builder schedule(LearningRateSchedule schedule) {
            this.schedule = Checks.notNull("schedule", schedule);
            this.plateau = null;
            return this;
        }

        /**
         * A learning rate cut when a metric plateaus: observed at every evaluation, with the
         * validation loss if there is a validation set, else the mean training loss since the
         * last evaluation. The trainer works on a copy.
         */
        public Builder plateau(ReduceLROnPlateau plateau) {
            this.plateau = Checks.notNull("plateau", plateau);
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
            if (plateau == null && schedule.length().isPresent() && schedule.length().getAsInt() < iterations) {
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
