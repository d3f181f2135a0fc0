package descent.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Cifar10HeapTest {
    /** What {@code -Xmx1400m} gives (Runtime.maxMemory() in the course kernel) and what a fresh kernel has free. */
    private static final long KERNEL_MAX = 1_468_006_400L;
    private static final long KERNEL_AVAILABLE = 1_380_000_000L;

    /** A heap of fixed size; counts the garbage collections asked for. */
    private static final class FakeHeap implements Cifar10.Heap {
        final long max;
        final long available;
        int collections;

        FakeHeap(long max, long available) {
            this.max = max;
            this.available = available;
        }

        @Override
        public long maxBytes() {
            return max;
        }

        @Override
        public long availableBytes() {
            return available;
        }

        @Override
        public void collect() {
            collections++;
        }
    }

    private static Cifar10.Options cs231n(Precision precision) {
        return new Cifar10.Options(49_000, 1_000, 1_000, 500, 231L, true, true, precision, Integer.MAX_VALUE);
    }

    @Test
    void bytesNeededCountFeaturesLabelsAndTheRawImagesWhileReading() {
        // float64: 51,500 rows × 3,073 × 8 + 51,500 × 4 labels; raw (pixels and label) of 50,000 training
        // and 10,000 test images
        assertEquals(51_500L * 3_073 * 8 + 51_500L * 4 + 50_000L * 3_076 + 10_000L * 3_076,
                Cifar10.bytesNeeded(cs231n(Precision.FLOAT64)));
        assertEquals(1_450_842_000L, Cifar10.bytesNeeded(cs231n(Precision.FLOAT64)));
        assertEquals(817_804_000L, Cifar10.bytesNeeded(cs231n(Precision.FLOAT32)));
        // no test split: reading one file (2 × 30,730,000 bytes) outweighs 1,000 float32 rows
        Cifar10.Options small = cs231n(Precision.FLOAT32).withSizes(1_000, 0, 0).withDev(0, 1);
        assertEquals(1_000L * 3_076 + 2 * 30_730_000L, Cifar10.bytesNeeded(small));
    }

    @Test
    void theFullTrainingSetAsFloat64IsRefusedInTheKernelHeapWithTheSizeAndTheThreeWaysOut() {
        FakeHeap heap = new FakeHeap(KERNEL_MAX, KERNEL_AVAILABLE);
        NotEnoughHeapException e = assertThrows(NotEnoughHeapException.class,
                () -> Cifar10.load(cs231n(Precision.FLOAT64), heap)); // refused before any file is fetched or read
        assertEquals("Loading CIFAR-10 needs 1.45 GB of heap plus 64 MB to spare (1.51 GB) but only 1.38 GB is"
                + " available (maximum heap 1.47 GB): 1.27 GB for 51,500 × 3,073 float64 values (train 49,000,"
                + " val 1,000, test 1,000, dev 500) and"
                + " 185 MB for the raw images and file buffers while reading. What earlier cells still hold counts"
                + " too (restarting the kernel frees it). Ways out, any one of:\n"
                + "  1. float32, half the memory for the features (818 MB in all): add"
                + " .withPrecision(Precision.FLOAT32) to the options\n"
                + "  2. a smaller training set (1.30 GB): add .withMaxTrain(43_000) to the options, or set"
                + " DESCENT_CIFAR10_MAX_TRAIN=43000 before starting the kernel\n"
                + "  3. a bigger heap: DESCENT_KERNEL_HEAP=-Xmx3g bash environment/install.sh, then restart the"
                + " kernel (a plain JVM: java -Xmx3g)", e.getMessage());
        assertEquals(1_450_842_000L, e.neededBytes());
        assertEquals(KERNEL_AVAILABLE, e.availableBytes());
        assertEquals(1, heap.collections); // garbage was collected before refusing
    }

    @Test
    void float32WhenNothingSmallerFitsOffersOnlyTheBiggerHeap() {
        FakeHeap heap = new FakeHeap(KERNEL_MAX, 200_000_000L); // 1,000 training examples need 228 MB
        NotEnoughHeapException e = assertThrows(NotEnoughHeapException.class,
                () -> Cifar10.load(cs231n(Precision.FLOAT32), heap));
        assertTrue(e.getMessage().startsWith("Loading CIFAR-10 needs 818 MB of heap plus 64 MB to spare (882 MB) but"
                + " only 200 MB is available (maximum heap 1.47 GB): 633 MB for 51,500 × 3,073 float32 values"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" Ways out, any one of:\n  1. a bigger heap: DESCENT_KERNEL_HEAP=-Xmx3g"
                + " bash environment/install.sh, then restart the kernel (a plain JVM: java -Xmx3g)"), e.getMessage());
    }

    @Test
    void theKernelHeapFitsTheDefaultsInFloat32() {
        Cifar10.requireHeap(cs231n(Precision.FLOAT32), new FakeHeap(KERNEL_MAX, KERNEL_AVAILABLE));
        FakeHeap tight = new FakeHeap(KERNEL_MAX, 817_804_000L + Cifar10.HEAP_MARGIN_BYTES);
        Cifar10.requireHeap(cs231n(Precision.FLOAT32), tight);
        assertEquals(0, tight.collections);
        FakeHeap oneShort = new FakeHeap(KERNEL_MAX, 817_804_000L + Cifar10.HEAP_MARGIN_BYTES - 1);
        assertThrows(NotEnoughHeapException.class, () -> Cifar10.requireHeap(cs231n(Precision.FLOAT32), oneShort));
    }

    @Test
    void runningOutOfHeapWhileSplittingGivesTheSameMessageInsteadOfJavaHeapSpace() throws Exception {
        Process child = ChildJvm.start(HeapChild.class, List.of("-Xmx24m", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        String out;
        try {
            out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        } finally {
            child.destroyForcibly();
        }
        // 1,500 × 3,073 float64 values = 37 MB: more than the child's 24 MB heap holds; float32 needs as much
        // (two 30.7 MB file buffers while reading), so the bigger heap is the one way out
        assertTrue(out.matches("descent\\.data\\.NotEnoughHeapException: ran out of Java heap space while"
                + " loading\\. Loading CIFAR-10 needs 66 MB of heap plus 64 MB to spare \\(130 MB\\) but only"
                + " \\d+ MB is available \\(maximum heap \\d+ MB\\): 37 MB for 1,500 × 3,073 float64 values"
                + " \\(train 1,500, val 0, test 0, dev 0\\) and"
                + " 29 MB for the raw images and file buffers while reading\\. What earlier cells still hold"
                + " counts too \\(restarting the kernel frees it\\)\\. Ways out, any one of:\n"
                + "  1\\. a bigger heap: DESCENT_KERNEL_HEAP=-Xmx3g bash environment/install\\.sh, then restart the"
                + " kernel \\(a plain JVM: java -Xmx3g\\)"), out);
    }
}
