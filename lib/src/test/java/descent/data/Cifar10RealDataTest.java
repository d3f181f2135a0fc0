package descent.data;

import descent.data.source.Cifar10Cache;
import descent.data.source.Cifar10Images;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real CIFAR-10, fetched through the real code path into {@link Cifar10#dir()} (the default
 * cache unless {@code -Ddescent.dataDir=…} or {@code DESCENT_DATA_DIR} says otherwise). The first
 * run downloads and converts the data; later runs find it verified in the cache.
 */
@Tag("cifar10")
class Cifar10RealDataTest {
    private static final double TOLERANCE = 1e-3;

    /** The official SHA-1 values of the binary release, as published with the dataset. */
    private static final Map<String, String> OFFICIAL_SHA1 = Map.of(
            "data_batch_1.bin", "aadd24acce27caa71bf4b10992e9e7b2d74c2540",
            "data_batch_2.bin", "c0ba65cce70568cd57b4e03e9ac8d2a5367c1795",
            "data_batch_3.bin", "1dd00a74ab1d17a6e7d73e185b69dbf31242f295",
            "data_batch_4.bin", "aab85764eb3584312d3c7f65fd2fd016e36a258e",
            "data_batch_5.bin", "26e2849e66a845b7f1e4614ae70f4889ae604628",
            "test_batch.bin", "67eb016db431130d61cd03c7ad570b013799c88c");

    private static Path dir;

    @BeforeAll
    static void fetch() {
        long t0 = System.nanoTime();
        dir = Cifar10.ensureFiles();
        long t1 = System.nanoTime();
        Cifar10.ensureFiles();
        long t2 = System.nanoTime();
        System.out.printf("CIFAR-10 in %s: ensureFiles %.1f s (first call), %.3f s (second call)%n",
                dir, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    @Test
    void everyFileHasTheOfficialSha1() throws Exception {
        for (Map.Entry<String, String> e : OFFICIAL_SHA1.entrySet()) {
            assertEquals(e.getValue(), Cifar10Cache.sha1(dir.resolve(e.getKey())), e.getKey());
        }
    }

    @Test
    void trainingAndTestImagesHaveTheReleaseShapes() {
        Cifar10Images train = Cifar10.trainingImages();
        Cifar10Images test = Cifar10.testImages();
        assertEquals(50_000, train.size());
        assertEquals(50_000L * 3072, train.pixels().length);
        assertEquals(10_000, test.size());
        assertEquals(10_000L * 3072, test.pixels().length);
        assertEquals(List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
                Cifar10.classNames());
    }

    @Test
    void testBatchHasExactlyOneThousandImagesOfEachClass() {
        int[] expected = new int[10];
        java.util.Arrays.fill(expected, 1_000);
        assertArrayEquals(expected, Cifar10.testImages().classCounts(10));
    }

    @Test
    void defaultLoadGivesTheCs231nSplits() {
        long t0 = System.nanoTime();
        Cifar10Splits data = Cifar10.load();
        System.out.printf("Cifar10.load() from the cache: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(49_000, data.train().size());
        assertEquals(3073, data.train().features());
        assertTrue(data.train().x() instanceof FMatrixRMaj);
        assertEquals(1_000, data.val().size());
        assertEquals(1_000, data.test().size());
        assertEquals(500, data.dev().size());
        // The first training image, put back together, is the first record of data_batch_1.bin.
        Cifar10Images first = Cifar10.trainingImages(1);
        int[][][] rgb = data.rgb(data.train(), 0);
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    assertEquals(first.value(0, r, c, ch), rgb[r][c][ch], "pixel " + r + "," + c + "," + ch);
                }
            }
        }
        // Mean subtraction: the training columns average to 0; the bias column is all ones.
        FMatrixRMaj x = (FMatrixRMaj) data.train().x();
        double[] colSums = new double[3073];
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < 3073; j++) {
                colSums[j] += x.data[i * 3073 + j];
            }
        }
        for (int j = 0; j < 3072; j++) {
            assertEquals(0.0, colSums[j] / x.numRows, TOLERANCE, "column " + j);
        }
        assertEquals(49_000.0, colSums[3072], 0.0);
    }
}
