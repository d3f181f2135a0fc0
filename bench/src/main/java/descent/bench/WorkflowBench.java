package descent.bench;

import descent.check.Difference;
import descent.check.NumericalGradient;
import descent.data.Dataset;
import descent.loss.Loss;
import descent.loss.LossAndGradient;
import descent.optim.Sgd;
import descent.search.RandomSearch;
import descent.search.SearchResult;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The course's three waits, with the vectorized SVM loss: a full numerical gradient (centered,
 * every one of the 30,730 entries of W, so 61,460 loss evaluations) at N = 100; random search
 * (K trials of {@code loss(W)}) at N = 49,000; one minibatch SGD step (sample 200 rows, loss and
 * gradient, {@code W -= lr dW}) from N = 49,000.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Xms2g"})
public class WorkflowBench {

    /** State of the numerical-gradient benchmark: 100 examples. */
    @State(Scope.Benchmark)
    public static class Small {
        @Param({"float64", "float32"})
        public String precision;

        Dataset data;
        DMatrixRMaj w;
        Loss loss;

        @Setup
        public void setUp() {
            data = BenchData.images(100, BenchData.precision(precision), 1);
            w = BenchData.weights(2);
            loss = BenchData.loss("svm", "vectorized");
        }
    }

    /** State of the search and SGD benchmarks: 49,000 examples. */
    @State(Scope.Benchmark)
    public static class Full {
        @Param({"float64", "float32"})
        public String precision;

        /** Trials of random search; bench/run.sh lowers it in quick mode. */
        @Param({"1000"})
        public int trials;

        Dataset data;
        DMatrixRMaj w;
        Loss loss;
        Random random;
        Sgd sgd;

        @Setup(Level.Trial)
        public void setUp() {
            data = BenchData.images(49_000, BenchData.precision(precision), 1);
            w = BenchData.weights(2);
            loss = BenchData.loss("svm", "vectorized");
            random = new Random(3);
            sgd = new Sgd();
        }
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 1)
    public DMatrixRMaj numericalGradient(Small s) {
        return NumericalGradient.gradient(w -> s.loss.loss(w, s.data), s.w, 1e-5, Difference.CENTERED);
    }

    /** One search in a fresh JVM, no warm-up: the JIT's first seconds are part of what a student waits. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public SearchResult randomSearch(Full s) {
        return new RandomSearch(s.trials, 1e-4, 4).run(s.loss, s.data);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public DMatrixRMaj sgdStep(Full s) {
        int[] rows = new int[200];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = s.random.nextInt(s.data.size());
        }
        Dataset batch = s.data.rows(rows);
        LossAndGradient lg = s.loss.lossAndGradient(s.w, batch);
        s.sgd.updateInPlace(s.w, lg.gradient(), 1e-7);
        return s.w;
    }
}
