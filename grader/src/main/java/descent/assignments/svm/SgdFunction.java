package descent.assignments.svm;

import descent.data.Dataset;
import descent.loss.Loss;
import org.ejml.data.DMatrixRMaj;

/**
 * The answer to q4: minibatch stochastic gradient descent, as in CS231n's
 * {@code LinearClassifier.train}.
 *
 * <p>One {@code new java.util.Random(seed)}; at each of {@code iterations} steps: draw
 * {@code batchSize} example indices uniformly from {@code [0, N)} with replacement, take those
 * rows ({@code train.rows(indices)}), evaluate {@code loss.lossAndGradient(W, batch)} at the
 * current W and step {@code W ← W − learningRate · dW}.
 */
@FunctionalInterface
public interface SgdFunction {

    /**
     * Trains from W0.
     *
     * @param loss         the loss (for example {@code new SvmLoss(2.5e4)}); its gradient is C × D
     * @param train        N examples of D features with labels in {@code [0, C)}
     * @param W0           the starting weights, C × D; not modified
     * @param learningRate the step size, &gt; 0
     * @param iterations   the number of steps, ≥ 1
     * @param batchSize    examples per step, ≥ 1
     * @param seed         the seed of the one {@code java.util.Random} that draws the batches
     * @return the trained weights, a new C × D matrix
     */
    DMatrixRMaj train(Loss loss, Dataset train, DMatrixRMaj W0, double learningRate, int iterations,
                      int batchSize, long seed);
}
