package descent.loss;

import org.ejml.data.DMatrixRMaj;

/**
 * The value of a loss at W and its gradient there.
 *
 * @param loss       the total loss: {@code dataLoss + regLoss}
 * @param dataLoss   the average loss over the batch, without regularization
 * @param regLoss    the regularization term alone, {@code reg * sum(W * W)}
 * @param gradient   dL/dW, C × D, the same shape as W
 */
public record LossAndGradient(double loss, double dataLoss, double regLoss, DMatrixRMaj gradient) {
}
