package descent.search;

import org.ejml.data.DMatrixRMaj;

/**
 * What a search found and how it got there.
 *
 * @param bestW     the best weights found, C × D
 * @param bestLoss  their loss
 * @param losses    the loss of the candidate tried at each step (length = steps)
 * @param bestSoFar the best loss after each step (non-increasing)
 * @param accepted  how many candidates improved on the best so far
 */
public record SearchResult(DMatrixRMaj bestW, double bestLoss, double[] losses, double[] bestSoFar,
                           int accepted) {

    /** Number of steps taken. */
    public int steps() {
        return losses.length;
    }

    @Override
    public String toString() {
        return descent.util.Readable.count(steps()) + " steps, best loss " + descent.util.Readable.number(bestLoss) + ", a new best "
                + descent.util.Readable.count(accepted) + " times";
    }
}
