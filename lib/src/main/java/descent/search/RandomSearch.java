package descent.search;

import descent.data.Dataset;
import descent.loss.Loss;
import descent.util.Checks;
import descent.util.Interrupted;
import descent.util.StepListener;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;

/**
 * Strategy #1 of the notes, random search: try K random weight matrices, keep the best.
 *
 * <p>Each candidate is {@code W = scale · N(0, 1)}, C × D, drawn from one {@link Random} seeded by
 * the caller, so a run is reproducible. The notes use {@code scale = 0.0001} and K = 1000 on
 * CIFAR-10 and reach about 15.5% test accuracy (chance is 10%).
 *
 * <p>Each try first checks whether its thread was interrupted (the notebook's stop button); if so
 * the search ends with {@link Interrupted}, and {@link #interruptedRun()} (also the exception's
 * {@code partial()}) holds the best W of the tries that finished.
 */
public final class RandomSearch {
    private final int trials;
    private final double scale;
    private final long seed;
    private final AtomicReference<SearchResult> interrupted = new AtomicReference<>();

    /**
     * @param trials K, the number of random W to try, &gt; 0
     * @param scale  standard deviation of each entry of W, &gt; 0
     * @param seed   seed of the random numbers
     */
    public RandomSearch(int trials, double scale, long seed) {
        this.trials = Checks.positive("trials", trials);
        this.scale = Checks.positive("scale", scale);
        this.seed = seed;
    }

    /** Runs the search on {@code data} (N × D, C classes): W is {@code data.numClasses() × data.features()}. */
    public SearchResult run(Loss loss, Dataset data) {
        return run(loss, data, StepListener.NONE);
    }

    /** As {@link #run(Loss, Dataset)}, telling {@code listener} the candidate's loss after each trial. */
    public SearchResult run(Loss loss, Dataset data, StepListener listener) {
        Checks.noneNull("loss, data, listener", loss, data, listener);
        Random random = new Random(seed);
        int c = data.numClasses();
        int d = data.features();
        SearchLog log = new SearchLog(trials, Double.POSITIVE_INFINITY);
        DMatrixRMaj best = null;
        for (int t = 0; t < trials; t++) {
            if (Interrupted.requested()) {
                throw log.stopped("random search", "try", "tries", t, best, interrupted);
            }
            DMatrixRMaj w = gaussian(c, d, scale, random);
            double l = loss.loss(w, data);
            if (log.record(t, l)) {   // the best W so far
                best = w;
            }
            listener.onStep(t, trials, l);
        }
        return log.result(best);
    }

    /**
     * The best W and the losses of the tries that finished in the last {@link #run} of this search
     * that was interrupted, or null if none was (or none had finished a try).
     */
    public SearchResult interruptedRun() {
        return interrupted.get();
    }

    /** A rows × cols matrix of independent {@code scale · N(0, 1)} entries. */
    static DMatrixRMaj gaussian(int rows, int cols, double scale, Random random) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = scale * random.nextGaussian();
        }
        return w;
    }

    @Override
    public String toString() {
        return "random search: " + descent.util.Readable.count(trials) + " random W, scale " + descent.util.Readable.number(scale)
                + ", seed " + seed;
    }
}
