/**
 * Optimizers: one update rule each, turning weights and their gradient into new weights.
 *
 * <p>Shapes: W is C classes × D features and dW (the gradient dL/dW) has the same shape. Every
 * optimizer implements {@link descent.optim.Optimizer}: {@code updateInPlace(W, dW, lr)} modifies
 * W, {@code step(W, dW, lr)} returns a new W and leaves the argument alone. The learning rate is
 * passed on every call, so a schedule from {@code descent.schedule} can drive it.
 *
 * <p>The rules and their defaults follow PyTorch's {@code torch.optim} (dampening 0, no weight
 * decay), so a first step can be checked against it number for number:
 * <ul>
 *   <li>{@link descent.optim.Sgd}: {@code W -= lr·dW}</li>
 *   <li>{@link descent.optim.Momentum}: {@code v = μ·v + dW; W -= lr·v}</li>
 *   <li>{@link descent.optim.Nesterov}: {@code v = μ·v + dW; W -= lr·(dW + μ·v)}</li>
 *   <li>{@link descent.optim.AdaGrad}: {@code s += dW²; W -= lr·dW / (√s + ε)}</li>
 *   <li>{@link descent.optim.RmsProp}: {@code s = α·s + (1-α)·dW²; W -= lr·dW / (√s + ε)}</li>
 *   <li>{@link descent.optim.Adam}: moments with bias correction, exactly as PyTorch</li>
 * </ul>
 * Squares, roots and divisions are element-wise.
 */
package descent.optim;
