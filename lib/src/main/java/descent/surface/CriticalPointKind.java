package descent.surface;

/**
 * What the Hessian says about a critical point (a point where the gradient is zero).
 *
 * <p>With eigenvalues λ of the Hessian and a tolerance τ: all λ &gt; τ is a minimum, all λ &lt; -τ
 * a maximum, some λ &gt; τ and some λ &lt; -τ a saddle, anything else (some |λ| ≤ τ and no sign
 * change) degenerate: second derivatives alone cannot tell.
 */
public enum CriticalPointKind {
    /** Every eigenvalue positive: curving up in every direction. */
    MINIMUM,
    /** Every eigenvalue negative: curving down in every direction. */
    MAXIMUM,
    /** Positive and negative eigenvalues: up in some directions, down in others. */
    SADDLE,
    /** A (near-)zero eigenvalue and no sign change: the Hessian cannot decide. */
    DEGENERATE
}
