package descent.assignments.updates;

/**
 * q3: makes Adam rules with bias correction, in PyTorch's form. At step t = 1, 2, ... (counted by
 * each rule itself), element-wise, with m and v starting at 0:
 * <pre>
 *   m ← β1 · m + (1 − β1) · dW
 *   v ← β2 · v + (1 − β2) · dW²
 *   m̂ = m / (1 − β1^t),   v̂ = v / (1 − β2^t)
 *   W ← W − lr · m̂ / (√v̂ + ε)
 * </pre>
 * PyTorch: {@code torch.optim.Adam(params, lr, betas=(β1, β2), eps=ε)} (no AMSGrad, no weight
 * decay). PyTorch folds the corrections into the step size; the result is the same up to
 * rounding.
 *
 * <p>In the notebook: {@code grader.check("q3", (AdamFactory) AdamUpdate::new);}
 */
@FunctionalInterface
public interface AdamFactory {

    /**
     * A new rule with fresh state (m = v = 0, no steps taken).
     *
     * @param beta1 β1, decay of the first moment (the mean of dW), in {@code [0, 1)}
     * @param beta2 β2, decay of the second moment (the mean of dW²), in {@code [0, 1)}
     * @param eps   ε, added to √v̂, finite and {@code > 0}
     */
    UpdateRule create(double beta1, double beta2, double eps);
}
