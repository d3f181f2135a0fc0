/**
 * Losses of a linear classifier with their gradients: the multiclass SVM and softmax
 * cross-entropy, each in three forms held equal by tests: loops ({@code SvmLossNaive}), whole
 * matrices as in CS231n's "vectorized" code ({@code SvmLossVectorized}) and one fused pass over X
 * on all cores ({@code SvmLoss}); L2 regularization, and the classifier's predictions and
 * accuracy. W is always C classes × D features.
 */
package descent.loss;
