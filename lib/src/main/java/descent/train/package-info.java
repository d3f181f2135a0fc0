/**
 * Training loops: full-batch, minibatch and stochastic gradient descent driven by one optimizer
 * and one learning-rate schedule (a constant rate is a {@link descent.schedule.Constant}; a
 * plateau schedule is told the validation loss at each evaluation), with a per-step
 * {@link descent.train.History}, periodic accuracy, early stopping and divergence detection.
 *
 * <p>{@link descent.train.Trainer#fit} is the notes' loop: for each step, the rate of the step,
 * a batch, the loss and dW at W, the optimizer's update, and now and then an evaluation.
 */
package descent.train;
