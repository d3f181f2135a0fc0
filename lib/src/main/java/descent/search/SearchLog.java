package descent.search;

import descent.util.Interrupted;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.ejml.data.DMatrixRMaj;

/**
 * What both searches write down as they go: the loss of each step's candidate, the best loss so
 * far after each step and how many candidates beat it; and what an interrupted run keeps.
 */
final class SearchLog {
    private final double[] losses;
    private final double[] bestSoFar;
    private double bestLoss;
    private int accepted;

    /**
     * @param steps    the steps the run will take
     * @param bestLoss the loss to beat at the start (+∞ when there is no starting point)
     */
    SearchLog(int steps, double bestLoss) {
        this.losses = new double[steps];
        this.bestSoFar = new double[steps];
        this.bestLoss = bestLoss;
    }

    /** Writes down step t's candidate loss; true when it beats the best so far, which it then is. */
    boolean record(int t, double loss) {
        losses[t] = loss;
        boolean better = loss < bestLoss;
        if (better) {
            bestLoss = loss;
            accepted++;
        }
        bestSoFar[t] = bestLoss;
        return better;
    }

    /** The best loss so far. */
    double bestLoss() {
        return bestLoss;
    }

    /** The finished run's result, {@code best} being the W of {@link #bestLoss()}. */
    SearchResult result(DMatrixRMaj best) {
        return new SearchResult(best, bestLoss, losses, bestSoFar, accepted);
    }

    /**
     * The exception for a run stopped after {@code done} steps; stores what is kept (the best W and
     * the losses of the finished steps, or null when there is no best W yet) in {@code slot}.
     *
     * @param what  the search, e.g. "random search"
     * @param unit  one step, e.g. "try"; {@code units} the plural
     */
    Interrupted stopped(String what, String unit, String units, int done, DMatrixRMaj best,
                        AtomicReference<SearchResult> slot) {
        if (best == null) {
            slot.set(null);
            return Interrupted.at(what, unit, done, losses.length, "no " + unit + " had finished, so nothing is kept",
                    null);
        }
        SearchResult partial = new SearchResult(best, bestLoss, Arrays.copyOf(losses, done),
                Arrays.copyOf(bestSoFar, done), accepted);
        slot.set(partial);
        return Interrupted.at(what, unit, done, losses.length, "the best W of the " + done + " " + units
                + " so far is kept: search.interruptedRun() returns it", partial);
    }
}
