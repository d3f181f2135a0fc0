/**
 * Training loops: full-batch, minibatch and stochastic gradient descent driven by an optimizer
 * and a learning-rate schedule, with a per-step {@link descent.train.History}, periodic accuracy,
 * early stopping and divergence detection.
 */
package descent.train;
