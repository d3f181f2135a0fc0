package descent.bench;

import descent.data.Dataset;
import descent.optim.Sgd;
import descent.train.Trainer;
import descent.train.TrainingResult;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole minibatch SGD run as notebook 06 trains its classifiers: {@link Trainer} with plain
 * {@link Sgd}, {@value #STEPS} steps of batches of {@value #BATCH} drawn with replacement from
 * N = 49,000 (sampling and copying the rows included), learning rate 1e-7, reg 2.5e4, W (10 × 3,073)
 * from 0.0001 · N(0, 1). The twin in numpy is CS231n's {@code LinearClassifier.train}
 * ({@code bench/numpy_bench.py}).
 *
 * <p>No validation set, and accuracy is measured once, after the last step (the Trainer always
 * does that; 1,000 training rows, a small fraction of the run): CS231n's {@code train} measures
 * nothing either. Each fork times {@value #RUNS} runs, one an iteration: the first in a fresh JVM
 * (the JIT's warm-up included, as in a student's first run), the others warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = TrainBench.RUNS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Xms2g"})
public class TrainBench {
    /** SGD steps of one run, as in notebook 06 and CS231n's assignment. */
    public static final int STEPS = 1500;
    /** Examples per minibatch. */
    public static final int BATCH = 200;
    /** Runs timed in each fork: the first cold, the rest warm. */
    public static final int RUNS = 3;
    /** The assignment's regularization strength for both losses. */
    private static final double REG = 2.5e4;

    @Param({"svm", "softmax"})
    public String loss;

    @Param({"float64", "float32"})
    public String precision;

    private Trainer trainer;
    private Dataset train;
    private DMatrixRMaj w0;

    @Setup
    public void setUp() {
        train = BenchData.images(49_000, BenchData.precision(precision), 1);
        w0 = BenchData.weights(2);
        trainer = Trainer.builder(BenchData.loss(loss, "vectorized", REG), new Sgd()).learningRate(1e-7)
                .batchSize(BATCH).iterations(STEPS).evaluateEvery(STEPS).seed(7).build();
    }

    @Benchmark
    public TrainingResult fit() {
        return trainer.fit(w0, train);
    }
}
