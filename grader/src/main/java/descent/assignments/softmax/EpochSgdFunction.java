package descent.assignments.softmax;

import descent.data.Dataset;
import descent.loss.Loss;
import org.ejml.data.DMatrixRMaj;

/**
 * The answer to q4: minibatch SGD over shuffled epochs (sampling without replacement).
 *
 * <p>One {@code new java.util.Random(seed)}. An epoch is a fresh random order of the N examples,
 * {@code Dataset.permutation(N, random)}; its batches are consecutive runs of {@code batchSize}
 * indices from it. When fewer than {@code batchSize} indices are left, they are skipped and a new
 * epoch (a new permutation from the same Random) begins. At each of {@code iterations} steps: the
 * next batch ({@code train.rows(indices)}), {@code loss.lossAndGradient(W, batch)} at the current
 * W, and {@code W ← W − learningRate · dW}.
 */
@FunctionalInterface
public interface EpochSgdFunction {

    /**
     * Trains from W0.
     *
     * @param loss         the loss (for example {@code new SoftmaxLoss(2.5e4)}); its gradient is C × D
     * @param train        N examples of D features with labels in {@code [0, C)}
     * @param W0           the starting weights, C × D; not modified
     * @param learningRate the step size, &gt; 0
     * @param iterations   the number of steps, ≥ 1
     * @param batchSize    examples per step, in [1, N]
     * @param seed         the seed of the one {@code java.util.Random} that shuffles
     * @return the trained weights, a new C × D matrix
     */
    DMatrixRMaj train(Loss loss, Dataset train, DMatrixRMaj W0, double learningRate, int iterations,
                      int batchSize, long seed);
}
