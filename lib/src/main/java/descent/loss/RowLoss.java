package descent.loss;

/**
 * The per-example part of a linear classifier's loss, as the fused kernels see it.
 *
 * <p>Given the C scores {@code s = W x_i} of one example and its label, returns the example's
 * loss L_i and, when {@code dscores} is not null, writes dL_i/ds_j into {@code dscores[j]}. The
 * kernel then adds {@code dscores[j] * x_i} to row j of dW. Implementations must be stateless
 * (they are called from several threads at once).
 */
@FunctionalInterface
interface RowLoss {
    /**
     * @param row     index of the example in the batch
     * @param scores  C scores of the example; may be overwritten
     * @param label   the example's label, in {@code [0, C)}
     * @param dscores null, or C slots for dL_i/ds_j
     * @return L_i
     */
    double apply(int row, double[] scores, int label, double[] dscores);
}
