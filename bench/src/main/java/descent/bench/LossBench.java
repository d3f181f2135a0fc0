package descent.bench;

import descent.data.Dataset;
import descent.loss.LossAndGradient;
import descent.loss.Loss;
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
 * Loss and gradient of W (10 × 3,073) on N examples: SVM and softmax, naive and vectorized,
 * float64 and float32 features. One call = forward ({@code W x_i} for every i) and backward
 * ({@code dW}), about 4·N·D·C floating-point operations.
 *
 * <p>bench/run.sh runs the vectorized losses only, at every N below, twice: with the fork's JVM
 * started with {@code -XX:ActiveProcessorCount=1} and {@code =2} (the kernel pool sizes itself from
 * {@code availableProcessors}). The naive twins are explicit loops, seconds per call at 49,000; run
 * them by hand ({@code -p impl=naive -p n=256}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Xms2g"})
public class LossBench {
    @Param({"svm", "softmax"})
    public String loss;

    @Param({"vectorized", "naive"})
    public String impl;

    @Param({"float64", "float32"})
    public String precision;

    @Param({"64", "128", "200", "256", "500", "1000", "10000", "49000"})
    public int n;

    private Loss f;
    private Dataset data;
    private DMatrixRMaj w;

    @Setup
    public void setUp() {
        f = BenchData.loss(loss, impl);
        data = BenchData.images(n, BenchData.precision(precision), 1);
        w = BenchData.weights(2);
    }

    @Benchmark
    public LossAndGradient lossAndGradient() {
        return f.lossAndGradient(w, data);
    }
}
