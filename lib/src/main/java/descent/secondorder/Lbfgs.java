package descent.secondorder;

import descent.loss.LossAndGradient;
import descent.util.Checks;
import descent.util.Interrupted;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * L-BFGS: a quasi-Newton method that builds the effect of an inverse Hessian from the last m
 * steps, without ever forming a matrix (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd
 * ed., Algorithm 7.4 / 7.5).
 *
 * <p>W is handled as its flat row-major {@code data} array of n = C·D numbers. With
 * {@code s_i = x_{i+1} − x_i} and {@code y_i = ∇f_{i+1} − ∇f_i} kept for the last m iterations,
 * the direction {@code d = −H ∇f} comes from the two-loop recursion:
 * <pre>
 *   q = ∇f
 *   for i = newest … oldest:  ρ_i = 1/(y_iᵀs_i);  a_i = ρ_i s_iᵀq;  q −= a_i y_i
 *   r = γ q,   γ = s_newestᵀy_newest / y_newestᵀy_newest          (N&amp;W (7.20))
 *   for i = oldest … newest:  b = ρ_i y_iᵀr;  r += (a_i − b) s_i
 *   d = −r
 * </pre>
 * The step {@code x += α d} takes α from a line search satisfying the strong Wolfe conditions
 * (N&amp;W Algorithms 3.5/3.6, c1 = 1e-4, c2 = 0.9), trying α = 1 first. With no pair stored yet
 * (the first iteration) the direction is −∇f and the first trial is α = 1/‖∇f‖₂, a step of
 * length 1, as SciPy's L-BFGS-B does. The Wolfe curvature condition makes every
 * {@code y_iᵀs_i > 0}, so H stays positive definite; a pair that breaks this by rounding is not
 * stored.
 *
 * <p>Costs: 4m + O(1) vector operations of length n per iteration (dot products and a·x + y)
 * and usually one function evaluation; memory 2m vectors. Immutable: one instance can run many
 * minimizations.
 *
 * @param memory            m, the number of (s, y) pairs kept, {@code > 0} (3 to 20 is usual)
 * @param maxIterations     iterations at most, {@code > 0}
 * @param gradientTolerance stop when {@code ‖∇f‖∞ ≤ gradientTolerance}, finite and {@code >= 0}
 *                          (in units of the loss per unit of W)
 */
public record Lbfgs(int memory, int maxIterations, double gradientTolerance) {
    /** Checks the configuration. */
    public Lbfgs {
        Checks.positive("memory", memory);
        Checks.positive("maxIterations", maxIterations);
        Checks.nonNegative("gradientTolerance", gradientTolerance);
    }

    /**
     * Minimizes f from w0.
     *
     * <p>f is called once per function evaluation with a new matrix of w0's shape (which f may
     * keep); for a full-batch dataset loss that is one pass over the data. Stops when
     * {@code ‖∇f‖∞ ≤ gradientTolerance}, after {@code maxIterations}, or when the line search
     * cannot make progress; {@link LbfgsRun#stopReason()} says which. Checks for an interrupt
     * before each evaluation.
     *
     * @param f  the loss and its gradient at W (gradient of W's shape), e.g.
     *           {@code w -> loss.lossAndGradient(w, train)}; not null
     * @param w0 the starting W, finite; not modified
     * @return W after the last accepted step, with the loss, evaluations and time per iteration
     * @throws IllegalArgumentException if f, w0 or the loss and gradient at w0 are unusable (null,
     *                                  NaN or infinite, gradient of another shape); the message
     *                                  names the cause
     * @throws Interrupted              if the thread was interrupted; {@code e.partial()} is the
     *                                  {@link LbfgsRun} of the iterations taken (null when the
     *                                  evaluation at w0 had not finished)
     */
    public LbfgsRun minimize(Function<DMatrixRMaj, LossAndGradient> f, DMatrixRMaj w0) {
        return minimize(f, w0, null);
    }

    /**
     * What an accepted step looked like (for tests): the direction d, φ and φ' at 0 and at the
     * accepted α; the step was {@code x += alpha · direction}.
     */
    record AcceptedStep(int iteration, double[] direction, double alpha, double value0, double slope0,
                        double value, double slope) {
    }

    /** Sees each accepted step; for the tests of the Wolfe conditions. */
    interface StepObserver {
        void accepted(AcceptedStep step);
    }

    /** {@link #minimize(Function, DMatrixRMaj)} telling {@code observer} (may be null) each step. */
    LbfgsRun minimize(Function<DMatrixRMaj, LossAndGradient> f, DMatrixRMaj w0, StepObserver observer) {
        Checks.noneNull("f, w0", f, w0);
        Checks.finite("w0", w0, "; L-BFGS needs a finite starting W");
        return new Run(f, w0, observer).go();
    }

    /** One run's state: x, ∇f, the stored pairs and the history so far. */
    private final class Run {
        private final Function<DMatrixRMaj, LossAndGradient> f;
        private final int rows;
        private final int cols;
        private final int n;
        private final StepObserver observer;
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private final double[] a;
        private int stored;
        private int newest = -1;
        private double[] x;
        private double value;
        private double[] g;
        private double[] losses = new double[16];
        private int[] evaluationsAfter = new int[16];
        private double[] secondsAfter = new double[16];
        private int iterations;
        private int evaluations;
        private long startNanos;

        Run(Function<DMatrixRMaj, LossAndGradient> f, DMatrixRMaj w0, StepObserver observer) {
            this.f = f;
            this.rows = w0.numRows;
            this.cols = w0.numCols;
            this.n = rows * cols;
            this.observer = observer;
            this.s = new double[memory][];
            this.y = new double[memory][];
            this.rho = new double[memory];
            this.a = new double[memory];
            this.x = Arrays.copyOf(w0.data, n);
        }

        LbfgsRun go() {
            LossAndGradient start = evaluate(x);
            if (!Double.isFinite(start.loss())) {
                throw new IllegalArgumentException("f(w0) is " + start.loss()
                        + ": L-BFGS needs a finite loss at the start");
            }
            Checks.finite("the gradient at w0", start.gradient(),
                    "; L-BFGS needs a finite gradient at the start");
            startNanos = System.nanoTime();
            value = start.loss();
            g = Arrays.copyOf(start.gradient().data, n);
            losses[0] = value;
            evaluationsAfter[0] = evaluations;
            secondsAfter[0] = 0;
            while (true) {
                double gmax = maxAbs(g);
                if (gmax <= gradientTolerance) {
                    return run(String.format(Locale.ROOT, "gradient tolerance: ‖∇f‖∞ = %.3g ≤ %.3g",
                            gmax, gradientTolerance));
                }
                if (iterations == maxIterations) {
                    return run(String.format(Locale.ROOT,
                            "maxIterations (%d) reached with ‖∇f‖∞ = %.3g > %.3g",
                            maxIterations, gmax, gradientTolerance));
                }
                double[] d = direction();
                double slope0 = dot(g, d);
                if (!(slope0 < 0) && stored > 0) {
                    stored = 0; // rounding spoiled H: start again from steepest descent
                    newest = -1;
                    d = direction();
                    slope0 = dot(g, d);
                }
                if (!(slope0 < 0)) {
                    return run("no descent direction: ∇f·d = " + slope0);
                }
                double alpha1 = stored == 0 ? 1 / Math.sqrt(dot(d, d)) : 1;
                String failure = step(d, slope0, alpha1);
                if (failure != null) {
                    return run(String.format(Locale.ROOT,
                            "line search at iteration %d: %s (‖∇f‖∞ = %.3g)", iterations + 1, failure, gmax));
                }
            }
        }

        /** One line search along d and, when it succeeds, the step and the new pair. */
        private String step(double[] d, double slope0, double alpha1) {
            double[] x0 = x;
            WolfeLineSearch.Phi<LossAndGradient> phi = alpha -> {
                double[] xt = new double[n];
                for (int i = 0; i < n; i++) {
                    xt[i] = x0[i] + alpha * d[i];
                }
                LossAndGradient e = evaluate(xt);
                return new WolfeLineSearch.Trial<>(alpha, e.loss(), dot(e.gradient().data, d), e);
            };
            WolfeLineSearch.Result<LossAndGradient> r = WolfeLineSearch.search(phi,
                    new WolfeLineSearch.Trial<>(0, value, slope0, null), alpha1);
            if (r.accepted() == null) {
                return r.failure();
            }
            WolfeLineSearch.Trial<LossAndGradient> t = r.accepted();
            double alpha = t.alpha();
            double[] xNew = new double[n];
            double[] sNew = new double[n];
            double[] gNew = Arrays.copyOf(t.state().gradient().data, n);
            double[] yNew = new double[n];
            for (int i = 0; i < n; i++) {
                sNew[i] = alpha * d[i];
                xNew[i] = x0[i] + sNew[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 0) {
                newest = (newest + 1) % memory;
                s[newest] = sNew;
                y[newest] = yNew;
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, memory);
            }
            if (observer != null) {
                observer.accepted(new AcceptedStep(iterations + 1, d.clone(), alpha, value, slope0, t.value(),
                        t.slope()));
            }
            x = xNew;
            g = gNew;
            value = t.value();
            iterations++;
            if (iterations == losses.length) { // the history grows as the run does
                int grown = (int) Math.min((long) maxIterations + 1, 2L * losses.length);
                losses = Arrays.copyOf(losses, grown);
                evaluationsAfter = Arrays.copyOf(evaluationsAfter, grown);
                secondsAfter = Arrays.copyOf(secondsAfter, grown);
            }
            losses[iterations] = value;
            evaluationsAfter[iterations] = evaluations;
            secondsAfter[iterations] = (System.nanoTime() - startNanos) / 1e9;
            return null;
        }

        /** d = −H ∇f by the two-loop recursion (−∇f when no pair is stored). */
        private double[] direction() {
            double[] q = g.clone();
            for (int j = 0; j < stored; j++) {
                int i = Math.floorMod(newest - j, memory);
                a[i] = rho[i] * dot(s[i], q);
                axpy(-a[i], y[i], q);
            }
            if (stored > 0) {
                double gamma = 1 / (rho[newest] * dot(y[newest], y[newest]));
                for (int k = 0; k < n; k++) {
                    q[k] *= gamma;
                }
            }
            for (int j = stored - 1; j >= 0; j--) {
                int i = Math.floorMod(newest - j, memory);
                double b = rho[i] * dot(y[i], q);
                axpy(a[i] - b, s[i], q);
            }
            for (int k = 0; k < n; k++) {
                q[k] = -q[k];
            }
            return q;
        }

        /** One call of f at the flat point xt, after an interrupt check; counts the evaluation. */
        private LossAndGradient evaluate(double[] xt) {
            if (Interrupted.requested()) {
                throw interrupted();
            }
            LossAndGradient e = f.apply(DMatrixRMaj.wrap(rows, cols, xt));
            evaluations++;
            if (e == null || e.gradient() == null) {
                throw new IllegalArgumentException("f returned " + (e == null ? "null" : "a null gradient")
                        + " at evaluation " + evaluations + "; it must return the loss and its gradient");
            }
            Checks.require(e.gradient().numRows == rows && e.gradient().numCols == cols,
                    "f's gradient must have W's shape " + rows + " x " + cols + " but was: "
                            + e.gradient().numRows + " x " + e.gradient().numCols);
            return e;
        }

        private Interrupted interrupted() {
            if (evaluations == 0) {
                return Interrupted.at("L-BFGS", "iteration", 0, maxIterations,
                        "the loss at w0 had not been evaluated, so nothing is kept", null);
            }
            LbfgsRun partial = run("interrupted at iteration " + iterations + " of " + maxIterations);
            return Interrupted.at("L-BFGS", "iteration", iterations, maxIterations,
                    "W and the losses of the " + iterations + " iterations taken are kept: e.partial() "
                            + "returns them as an LbfgsRun", partial);
        }

        private LbfgsRun run(String reason) {
            int k = iterations + 1;
            return new LbfgsRun(DMatrixRMaj.wrap(rows, cols, x.clone()), Arrays.copyOf(losses, k),
                    Arrays.copyOf(evaluationsAfter, k), Arrays.copyOf(secondsAfter, k), iterations, reason);
        }
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    /** v += c·u. */
    private static void axpy(double c, double[] u, double[] v) {
        for (int i = 0; i < u.length; i++) {
            v[i] += c * u[i];
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
