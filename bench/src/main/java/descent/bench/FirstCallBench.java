package descent.bench;

import descent.data.Dataset;
import descent.loss.LinearClassifier;
import descent.loss.Loss;
import descent.loss.LossAndGradient;
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
 * The first vectorized loss-and-gradient call in a fresh JVM at N = 49,000 against the same JVM's
 * steady state: what a notebook cell waits for before the JIT has compiled anything. Each fork
 * times {@value #CALLS} single calls, one an iteration, the first right after the data is built (the
 * data is built with plain loops that do not touch the loss code). bench/report.py takes a fork's
 * first iteration as its first call and the median of the last five iterations of all
 * forks as the steady state, so both come from the same JDK (bench/run.sh runs this class on
 * every JDK it finds, with JMH's {@code -jvm}).
 *
 * <p>{@code warmUp = "none"}: a bare JVM. {@code warmUp = "kernel-start"}: as in the notebook
 * kernel, whose start-up script calls {@link LinearClassifier#warmUpInBackground()} before the
 * student's first cell; here it is called before the data is built, which stands in for loading
 * CIFAR-10.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = FirstCallBench.CALLS)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx6g", "-Xms2g"})
public class FirstCallBench {
    /** Calls timed in each fork: the first call, then enough for C2 to have compiled the kernels. */
    public static final int CALLS = 12;

    @Param({"svm", "softmax"})
    public String loss;

    @Param({"float64", "float32"})
    public String precision;

    @Param({"49000"})
    public int n;

    @Param({"none", "kernel-start"})
    public String warmUp;

    private Loss f;
    private Dataset data;
    private DMatrixRMaj w;

    @Setup
    public void setUp() {
        if (warmUp.equals("kernel-start")) {
            LinearClassifier.warmUpInBackground();
        }
        data = BenchData.images(n, BenchData.precision(precision), 1);
        w = BenchData.weights(2);
        f = BenchData.loss(loss, "vectorized");
    }

    @Benchmark
    public LossAndGradient firstCall() {
        return f.lossAndGradient(w, data);
    }
}
