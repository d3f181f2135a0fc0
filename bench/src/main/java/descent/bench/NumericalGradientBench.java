package descent.bench;

import descent.check.Difference;
import descent.check.NumericalGradient;
import descent.data.Dataset;
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
 * A full numerical gradient at N = 100, as the course's gradient check would take it: centered
 * differences on every one of the 30,730 entries of W (10 × 3,073), so 61,460 evaluations of the
 * vectorized loss alone (no gradient), step 1e-5. The twin in numpy is {@code eval_numerical_gradient}
 * over CS231n's vectorized loss ({@code bench/numpy_bench.py}). One warm-up, one measured call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Xms2g"})
public class NumericalGradientBench {
    @Param({"svm", "softmax"})
    public String loss;

    @Param({"float64", "float32"})
    public String precision;

    private Dataset data;
    private DMatrixRMaj w;
    private Loss f;

    @Setup
    public void setUp() {
        data = BenchData.images(100, BenchData.precision(precision), 1);
        w = BenchData.weights(2);
        f = BenchData.loss(loss, "vectorized");
    }

    @Benchmark
    public DMatrixRMaj numericalGradient() {
        return NumericalGradient.gradient(v -> f.loss(v, data), w, 1e-5, Difference.CENTERED);
    }
}
