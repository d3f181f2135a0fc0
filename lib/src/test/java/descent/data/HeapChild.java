package descent.data;

import descent.data.source.Cifar10Images;
import java.util.List;

/**
 * Run by {@link Cifar10HeapTest} in a JVM with a tiny heap: splits 1,500 made-up images as
 * float64 (37 MB of features, more than the heap holds) and prints what was thrown.
 */
final class HeapChild {
    private HeapChild() {
    }

    public static void main(String[] args) {
        int n = 1_500;
        Cifar10Images pool = new Cifar10Images(new byte[n * Cifar10Images.VALUES], new int[n]);
        Cifar10Images test = new Cifar10Images(new byte[0], new int[0]);
        Cifar10.Options options = Cifar10.Options.defaults().withSizes(n, 0, 0).withDev(0, 1)
                .withPrecision(Precision.FLOAT64).withMaxTrain(n);
        try {
            Cifar10Splits s = Cifar10.split(pool, test, List.of("a", "b"), options);
            System.out.println("loaded " + s.train().size());
        } catch (Throwable t) {
            System.out.println(t.getClass().getName() + ": " + t.getMessage());
        }
    }
}
