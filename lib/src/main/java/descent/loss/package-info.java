/**
 * Losses of a linear classifier with their gradients: the multiclass SVM and softmax
 * cross-entropy, each as a naive loop version beside a fast vectorized twin, L2 regularization,
 * and the classifier's predictions and accuracy. W is always C classes × D features.
 */
package descent.loss;
