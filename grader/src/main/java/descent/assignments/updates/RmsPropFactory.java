package descent.assignments.updates;

/**
 * q2: makes RMSProp rules, in PyTorch's form. At each step, element-wise, with s starting at 0:
 * <pre>
 *   s ← α · s + (1 − α) · dW²
 *   W ← W − lr · dW / (√s + ε)        (ε outside the square root)
 * </pre>
 * PyTorch: {@code torch.optim.RMSprop(params, lr, alpha=α, eps=ε)} (no momentum, not centered);
 * CS231n's {@code decay_rate} is α.
 *
 * <p>In the notebook: {@code grader.check("q2", (RmsPropFactory) RmsPropUpdate::new);}
 */
@FunctionalInterface
public interface RmsPropFactory {

    /**
     * A new rule with fresh state (s = 0).
     *
     * @param alpha α, the fraction of the running average of dW² kept each step, in {@code [0, 1)}
     * @param eps   ε, added to √s, finite and {@code > 0}
     */
    UpdateRule create(double alpha, double eps);
}
