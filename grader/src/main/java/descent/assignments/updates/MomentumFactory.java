package descent.assignments.updates;

/**
 * q1: makes SGD-with-momentum rules, in PyTorch's form. At each step, with v starting at 0:
 * <pre>
 *   v ← μ · v + dW        (so the first v is dW)
 *   W ← W − lr · v
 * </pre>
 * PyTorch: {@code torch.optim.SGD(params, lr, momentum=μ)} (dampening 0). The CS231n notes write
 * {@code v = μ·v − lr·dW; W += v}: the same steps while lr is constant, different once it changes.
 *
 * <p>In the notebook: {@code grader.check("q1", (MomentumFactory) MomentumUpdate::new);}
 */
@FunctionalInterface
public interface MomentumFactory {

    /**
     * A new rule with fresh state (v = 0).
     *
     * @param momentum μ, the fraction of the velocity kept each step, in {@code [0, 1)}
     */
    UpdateRule create(double momentum);
}
