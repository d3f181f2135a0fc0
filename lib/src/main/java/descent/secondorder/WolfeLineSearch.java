package descent.secondorder;

import java.util.Locale;

/**
 * A line search for a step length α satisfying the strong Wolfe conditions (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithm 3.5 with zoom, Algorithm 3.6).
 *
 * <p>Along a descent direction d from x, with {@code φ(α) = f(x + α d)} and
 * {@code φ'(α) = ∇f(x + α d)·d}, a step α is accepted when
 * <pre>
 *   φ(α) ≤ φ(0) + c1 α φ'(0)        (sufficient decrease, (3.7a))
 *   |φ'(α)| ≤ c2 |φ'(0)|             (curvature, (3.7b))
 * </pre>
 * with c1 = 1e-4, c2 = 0.9. Bracketing doubles α until a bracket is found; zoom takes the
 * minimizer of the cubic through the two ends' values and slopes ((3.59)), or the midpoint when
 * that cubic point falls outside the middle 80% of the bracket. A trial whose value or slope is
 * not finite counts as too far. At most {@link #MAX_EVALUATIONS} evaluations per search (SciPy's
 * L-BFGS-B allows 20 too).
 */
final class WolfeLineSearch {
    /** Sufficient-decrease constant c1. */
    static final double C1 = 1e-4;
    /** Curvature constant c2 (N&amp;W's choice for quasi-Newton methods). */
    static final double C2 = 0.9;
    /** Evaluations a search may spend before it gives up. */
    static final int MAX_EVALUATIONS = 20;
    /** Largest step length tried while bracketing. */
    static final double MAX_STEP = 1e10;

    private WolfeLineSearch() {
    }

    /** φ and φ' at one α, with what the caller needs to keep (the point and its gradient). */
    record Trial<T>(double alpha, double value, double slope, T state) {
        boolean finite() {
            return Double.isFinite(value) && Double.isFinite(slope);
        }
    }

    /** Evaluates φ at a step length; counts as one function evaluation. */
    interface Phi<T> {
        Trial<T> at(double alpha);
    }

    /**
     * The outcome: the accepted trial, or null and a reason.
     *
     * @param accepted    the trial satisfying both conditions, or null
     * @param evaluations evaluations spent
     * @param failure     why no step was accepted (null when one was)
     */
    record Result<T>(Trial<T> accepted, int evaluations, String failure) {
    }

    /**
     * Searches along a descent direction.
     *
     * @param phi    φ, evaluated at most {@link #MAX_EVALUATIONS} times
     * @param start  φ and φ' at α = 0; φ'(0) must be negative
     * @param alpha1 the first step length tried, finite and {@code > 0}
     */
    static <T> Result<T> search(Phi<T> phi, Trial<T> start, double alpha1) {
        if (!(start.slope() < 0)) {
            throw new IllegalArgumentException("the direction must descend: φ'(0) must be < 0 but was: "
                    + start.slope());
        }
        double value0 = start.value();
        double slope0 = start.slope();
        Trial<T> prev = start;
        double alpha = alpha1;
        int evaluations = 0;
        while (true) {
            Trial<T> cur = phi.at(alpha);
            evaluations++;
            if (!cur.finite() || cur.value() > value0 + C1 * alpha * slope0
                    || (evaluations > 1 && cur.value() >= prev.value())) {
                return zoom(phi, start, prev, cur, evaluations);
            }
            if (Math.abs(cur.slope()) <= -C2 * slope0) {
                return new Result<>(cur, evaluations, null);
            }
            if (cur.slope() >= 0) {
                return zoom(phi, start, cur, prev, evaluations);
            }
            if (evaluations >= MAX_EVALUATIONS || alpha >= MAX_STEP) {
                return new Result<>(null, evaluations, String.format(Locale.ROOT,
                        "no bracket after %d evaluations: the loss still fell with slope %.3g at step "
                                + "length %.3g", evaluations, cur.slope(), alpha));
            }
            prev = cur;
            alpha = Math.min(2 * alpha, MAX_STEP);
        }
    }

    /** Algorithm 3.6: lo satisfies sufficient decrease and has the lower value; hi is the other end. */
    private static <T> Result<T> zoom(Phi<T> phi, Trial<T> start, Trial<T> lo, Trial<T> hi, int spent) {
        double value0 = start.value();
        double slope0 = start.slope();
        int evaluations = spent;
        while (evaluations < MAX_EVALUATIONS) {
            double a = Math.min(lo.alpha(), hi.alpha());
            double b = Math.max(lo.alpha(), hi.alpha());
            if (!(b - a > 1e-14 * b)) {
                return new Result<>(null, evaluations, String.format(Locale.ROOT,
                        "the bracket [%.17g, %.17g] shrank to rounding after %d evaluations", a, b,
                        evaluations));
            }
            double alpha = cubicMinimizer(lo, hi);
            if (!(alpha >= a + 0.1 * (b - a) && alpha <= b - 0.1 * (b - a))) {
                alpha = 0.5 * (a + b);
            }
            Trial<T> cur = phi.at(alpha);
            evaluations++;
            if (!cur.finite() || cur.value() > value0 + C1 * alpha * slope0 || cur.value() >= lo.value()) {
                hi = cur;
            } else {
                if (Math.abs(cur.slope()) <= -C2 * slope0) {
                    return new Result<>(cur, evaluations, null);
                }
                if (cur.slope() * (hi.alpha() - lo.alpha()) >= 0) {
                    hi = lo;
                }
                lo = cur;
            }
        }
        return new Result<>(null, evaluations, String.format(Locale.ROOT,
                "no step satisfying the strong Wolfe conditions in %d evaluations (best step length "
                        + "so far %.3g; near the minimum, rounding in f and ∇f can hide the decrease)",
                evaluations, lo.alpha()));
    }

    /**
     * The minimizer of the cubic through (a, φ(a), φ'(a)) and (b, φ(b), φ'(b)), N&amp;W (3.59); NaN
     * when an end is not finite or the cubic has no minimizer.
     */
    static double cubicMinimizer(Trial<?> p, Trial<?> q) {
        if (!p.finite() || !q.finite()) {
            return Double.NaN;
        }
        double a = p.alpha();
        double b = q.alpha();
        double d1 = p.slope() + q.slope() - 3 * (p.value() - q.value()) / (a - b);
        double disc = d1 * d1 - p.slope() * q.slope();
        if (!(disc >= 0)) {
            return Double.NaN;
        }
        double d2 = Math.signum(b - a) * Math.sqrt(disc);
        return b - (b - a) * (q.slope() + d2 - d1) / (q.slope() - p.slope() + 2 * d2);
    }
}
