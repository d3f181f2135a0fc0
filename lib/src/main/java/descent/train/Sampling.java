package descent.train;

/** How minibatches are drawn from the training set. */
public enum Sampling {
    /**
     * Each batch: {@code batchSize} indices drawn uniformly with replacement, like CS231n's
     * {@code np.random.choice(N, batch_size)}.
     */
    WITH_REPLACEMENT,
    /** Each epoch: a fresh permutation, cut into consecutive batches; every example once an epoch. */
    SHUFFLED_EPOCHS
}
