package descent.secondorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.data.Dataset;
import descent.loss.LossAndGradient;
import descent.loss.SoftmaxLoss;
import descent.optim.Sgd;
import descent.surface.Rosenbrock;
import descent.util.Interrupted;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LbfgsTest {
    /** Distance to the known minimizer, and relative loss agreement, that the tests ask for. */
    private static final double TOL = 1e-6;

    /** Rosenbrock's f(x, y) = (1 − x)² + 100(y − x²)² as a loss of a 1 × 2 "W". */
    private static final Function<DMatrixRMaj, LossAndGradient> ROSENBROCK = w -> {
        Rosenbrock r = Rosenbrock.classic();
        double v = r.value(w.data[0], w.data[1]);
        return new LossAndGradient(v, v, 0, DMatrixRMaj.wrap(1, 2, r.gradient(w.data[0], w.data[1])));
    };

    private static DMatrixRMaj rosenbrockStart() {
        return DMatrixRMaj.wrap(1, 2, new double[] {-1.2, 1});
    }

    /** 60 Gaussian examples of 4 features plus a bias, 3 classes whose means differ. */
    private static Dataset smallSoftmaxData() {
        Random r = new Random(7);
        double[][] rows = new double[60][5];
        int[] y = new int[60];
        for (int i = 0; i < rows.length; i++) {
            y[i] = r.nextInt(3);
            for (int k = 0; k < 4; k++) {
                rows[i][k] = r.nextGaussian() + (k == y[i] ? 1 : 0);
            }
            rows[i][4] = 1;
        }
        return Dataset.of(rows, y, 3);
    }

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void onRosenbrockFromTheClassicStartItReachesOneOneInABoundedNumberOfIterations() {
        DMatrixRMaj start = rosenbrockStart();
        LbfgsRun run = new Lbfgs(10, 100, 1e-10).minimize(ROSENBROCK, start);
        assertEquals(1.0, run.w().data[0], TOL, run.toString());
        assertEquals(1.0, run.w().data[1], TOL, run.toString());
        assertTrue(run.iterations() <= 50, "iterations: " + run);
        assertTrue(run.stopReason().startsWith("gradient tolerance: "), run.stopReason());
        assertEquals(24.2, run.losses()[0], 1e-12, "f(−1.2, 1) = 4.84 + 100·0.19² = 24.2");
        assertEquals(1, run.evaluations()[0]);
        assertEquals(0.0, run.seconds()[0], 0.0);
        assertArrayEquals(new double[] {-1.2, 1}, start.data, 0.0, "w0 is not modified");
        for (int k = 1; k <= run.iterations(); k++) {
            assertTrue(run.losses()[k] < run.losses()[k - 1], "the loss falls at every iteration");
            assertTrue(run.evaluations()[k] > run.evaluations()[k - 1]);
            assertTrue(run.seconds()[k] >= run.seconds()[k - 1]);
        }
    }

    @Test
    void everyAcceptedStepSatisfiesTheStrongWolfeConditions() {
        List<Lbfgs.AcceptedStep> steps = new ArrayList<>();
        LbfgsRun rosenbrock = new Lbfgs(5, 200, 1e-10).minimize(ROSENBROCK, rosenbrockStart(), steps::add);
        Dataset data = smallSoftmaxData();
        SoftmaxLoss loss = new SoftmaxLoss(0.01);
        LbfgsRun softmax = new Lbfgs(5, 200, 1e-10).minimize(w -> loss.lossAndGradient(w, data),
                new DMatrixRMaj(3, 5), steps::add);
        assertEquals(rosenbrock.iterations() + softmax.iterations(), steps.size(), "one record a step");
        for (Lbfgs.AcceptedStep s : steps) {
            assertTrue(s.slope0() < 0, "a descent direction: " + s);
            assertTrue(s.value() <= s.value0() + WolfeLineSearch.C1 * s.alpha() * s.slope0(),
                    "sufficient decrease: " + s);
            assertTrue(Math.abs(s.slope()) <= WolfeLineSearch.C2 * Math.abs(s.slope0()), "curvature: " + s);
        }
    }

    @Test
    void onASmallSoftmaxProblemItReachesTheLossOfALongGradientDescentRun() {
        Dataset data = smallSoftmaxData();
        SoftmaxLoss loss = new SoftmaxLoss(0.01);
        DMatrixRMaj w = new DMatrixRMaj(3, 5);
        Sgd sgd = new Sgd();
        for (int t = 0; t < 20_000; t++) {
            sgd.updateInPlace(w, loss.lossAndGradient(w, data).gradient(), 0.5);
        }
        double gradientDescent = loss.loss(w, data);
        LbfgsRun run = new Lbfgs(10, 100, 1e-9).minimize(x -> loss.lossAndGradient(x, data), new DMatrixRMaj(3, 5));
        assertTrue(run.stopReason().startsWith("gradient tolerance: "), run.stopReason());
        assertEquals(gradientDescent, run.finalLoss(), TOL * gradientDescent, run.toString());
        assertTrue(run.iterations() < 100, run.toString());
        assertArrayEquals(w.data, run.w().data, 1e-6, "the same minimizer (the loss is strongly convex)");
    }

    @Test
    void eachDirectionIsMinusTheDenseLbfgsMatrixOfTheLastMPairsTimesTheGradient() {
        // f = ½ xᵀAx − bᵀx on R^6, A = MᵀM + I from a seed. The two-loop recursion must give
        // d_k = −H_k g_k with H_k built densely as N&W (7.19) says: H = γ_k I, then for each stored
        // pair, oldest first, H = VᵀHV + ρ s sᵀ with V = I − ρ y sᵀ, ρ = 1/(yᵀs), and
        // γ_k = sᵀy / yᵀy of the newest pair (7.20). m = 2, so from the fourth step on the oldest
        // pairs must have been dropped.
        int n = 6;
        Random random = new Random(3);
        double[][] mm = new double[n][n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = random.nextGaussian();
            for (int j = 0; j < n; j++) {
                mm[i][j] = random.nextGaussian();
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += mm[k][i] * mm[k][j];
                }
            }
            a[i][i] += 1;
        }
        Function<double[], double[]> gradient = x -> {
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = dot(a[i], x) - b[i];
            }
            return g;
        };
        Function<DMatrixRMaj, LossAndGradient> f = w -> {
            double[] g = gradient.apply(w.data);
            double v = 0.5 * (dot(g, w.data) - dot(b, w.data));
            return new LossAndGradient(v, v, 0, DMatrixRMaj.wrap(1, n, g));
        };
        int memory = 2;
        List<Lbfgs.AcceptedStep> steps = new ArrayList<>();
        new Lbfgs(memory, 8, 0).minimize(f, new DMatrixRMaj(1, n), steps::add);
        assertTrue(steps.size() >= 5, "steps taken: " + steps.size());
        List<double[]> xs = new ArrayList<>(List.of(new double[n]));
        List<double[]> ss = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            double[] x = xs.get(k);
            double[] g = gradient.apply(x);
            double[][] h = new double[n][n];
            if (k == 0) {
                for (int i = 0; i < n; i++) {
                    h[i][i] = 1;
                }
            } else {
                double gamma = dot(ss.get(k - 1), ys.get(k - 1)) / dot(ys.get(k - 1), ys.get(k - 1));
                for (int i = 0; i < n; i++) {
                    h[i][i] = gamma;
                }
                for (int j = Math.max(0, k - memory); j < k; j++) {
                    h = bfgsUpdate(h, ss.get(j), ys.get(j));
                }
            }
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = -dot(h[i], g);
            }
            double[] d = steps.get(k).direction();
            double scale = Math.sqrt(dot(expected, expected));
            assertArrayEquals(expected, d, 1e-10 * scale, "direction of step " + (k + 1));
            double alpha = steps.get(k).alpha();
            double[] s = new double[n];
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = alpha * d[i];
                next[i] = x[i] + alpha * d[i];
            }
            double[] y = gradient.apply(next);
            for (int i = 0; i < n; i++) {
                y[i] -= g[i];
            }
            xs.add(next);
            ss.add(s);
            ys.add(y);
        }
    }

    /** N&amp;W (7.19): {@code VᵀHV + ρ s sᵀ}, {@code V = I − ρ y sᵀ}, {@code ρ = 1/(yᵀs)}. */
    private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y) {
        int n = s.length;
        double rho = 1 / dot(y, s);
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = (i == j ? 1 : 0) - rho * y[i] * s[j];
            }
        }
        double[][] next = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = rho * s[i] * s[j];
                for (int k = 0; k < n; k++) {
                    for (int l = 0; l < n; l++) {
                        sum += v[k][i] * h[k][l] * v[l][j];
                    }
                }
                next[i][j] = sum;
            }
        }
        return next;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    @Test
    void theFirstStepIsSteepestDescentOfLengthOneWhenItIsAccepted() {
        // f = ½‖W‖² from (3, 4): ∇f = (3, 4), ‖∇f‖ = 5, so the first trial is α = 1/5 along −∇f:
        // (2.4, 3.2), where f = 8 ≤ 12.5 − 1e-4·0.2·25 and the slope is −20 against −25 (|−20| ≤ 0.9·25),
        // so both Wolfe conditions hold and it is the first step
        Function<DMatrixRMaj, LossAndGradient> half = w -> new LossAndGradient(
                0.5 * (w.data[0] * w.data[0] + w.data[1] * w.data[1]), 0, 0, w.copy());
        List<Lbfgs.AcceptedStep> steps = new ArrayList<>();
        LbfgsRun run = new Lbfgs(3, 1, 0).minimize(half, DMatrixRMaj.wrap(1, 2, new double[] {3, 4}), steps::add);
        assertEquals(0.2, steps.get(0).alpha(), 0.0);
        assertArrayEquals(new double[] {2.4, 3.2}, run.w().data, 1e-15);
        assertEquals("maxIterations (1) reached with ‖∇f‖∞ = 3.20 > 0.00", run.stopReason());
        assertEquals(2, run.totalEvaluations());
    }

    @Test
    void aRunReadsAsOneLineAndItsArraysMustMatchItsIterations() {
        LbfgsRun run = new LbfgsRun(new DMatrixRMaj(1, 2), new double[] {24.2, 3.5e-12}, new int[] {1, 4},
                new double[] {0, 0.25}, 1, "gradient tolerance: ‖∇f‖∞ = 8.1e-11 ≤ 1e-10");
        assertEquals("L-BFGS: 1 iterations, 4 evaluations, loss 24.2000 -> 3.50000e-12 in 0.25 s; stopped by "
                + "gradient tolerance: ‖∇f‖∞ = 8.1e-11 ≤ 1e-10", run.toString());
        assertEquals(3.5e-12, run.finalLoss(), 0.0);
        assertEquals(4, run.totalEvaluations());
        assertEquals("losses, evaluations and seconds must have iterations + 1 = 3 entries but had: 2, 2, 2",
                assertThrows(IllegalArgumentException.class, () -> new LbfgsRun(new DMatrixRMaj(1, 2),
                        new double[2], new int[2], new double[2], 2, "x")).getMessage());
    }

    @Test
    void configurationIsChecked() {
        assertEquals("memory must be > 0 but was: 0",
                assertThrows(IllegalArgumentException.class, () -> new Lbfgs(0, 10, 1e-5)).getMessage());
        assertEquals("maxIterations must be > 0 but was: -1",
                assertThrows(IllegalArgumentException.class, () -> new Lbfgs(5, -1, 1e-5)).getMessage());
        assertEquals("gradientTolerance must be >= 0 but was: NaN",
                assertThrows(IllegalArgumentException.class, () -> new Lbfgs(5, 10, Double.NaN)).getMessage());
        assertEquals("gradientTolerance must be >= 0 but was: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Lbfgs(5, 10, -1)).getMessage());
        assertEquals("gradientTolerance must be >= 0 but was: Infinity", assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs(5, 10, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("Lbfgs[memory=5, maxIterations=10, gradientTolerance=1.0E-5]", new Lbfgs(5, 10, 1e-5).toString());
    }

    @Test
    void badArgumentsAndABadLossAreNamed() {
        Lbfgs lbfgs = new Lbfgs(5, 10, 1e-5);
        assertEquals("f must not be null", assertThrows(IllegalArgumentException.class,
                () -> lbfgs.minimize(null, rosenbrockStart())).getMessage());
        assertEquals("w0 must not be null", assertThrows(IllegalArgumentException.class,
                () -> lbfgs.minimize(ROSENBROCK, null)).getMessage());
        assertEquals("w0 has NaN at row 0, column 1 (of 1 × 2); L-BFGS needs a finite starting W",
                assertThrows(IllegalArgumentException.class, () -> lbfgs.minimize(ROSENBROCK,
                        DMatrixRMaj.wrap(1, 2, new double[] {0, Double.NaN}))).getMessage());
        assertEquals("f(w0) is NaN: L-BFGS needs a finite loss at the start",
                assertThrows(IllegalArgumentException.class, () -> lbfgs.minimize(
                        w -> new LossAndGradient(Double.NaN, 0, 0, w.copy()), rosenbrockStart())).getMessage());
        assertEquals("the gradient at w0 has Infinity at row 0, column 0 (of 1 × 2); L-BFGS needs a finite "
                        + "gradient at the start",
                assertThrows(IllegalArgumentException.class, () -> lbfgs.minimize(
                        w -> new LossAndGradient(1, 0, 0, DMatrixRMaj.wrap(1, 2,
                                new double[] {Double.POSITIVE_INFINITY, 0})), rosenbrockStart())).getMessage());
        assertEquals("f's gradient must have W's shape 1 x 2 but was: 2 x 1",
                assertThrows(IllegalArgumentException.class, () -> lbfgs.minimize(
                        w -> new LossAndGradient(1, 0, 0, new DMatrixRMaj(2, 1)), rosenbrockStart())).getMessage());
        assertEquals("f returned null at evaluation 1; it must return the loss and its gradient",
                assertThrows(IllegalArgumentException.class, () -> lbfgs.minimize(w -> null,
                        rosenbrockStart())).getMessage());
    }

    @Test
    void aLossWithoutALowerBoundStopsTheLineSearchWithAReason() {
        // f = −x: every step lowers it, the slope never flattens, so no step meets the curvature condition
        Function<DMatrixRMaj, LossAndGradient> ramp = w -> new LossAndGradient(-w.data[0], 0, 0,
                DMatrixRMaj.wrap(1, 1, new double[] {-1}));
        LbfgsRun run = new Lbfgs(3, 10, 1e-8).minimize(ramp, new DMatrixRMaj(1, 1));
        assertEquals(0, run.iterations());
        assertEquals("line search at iteration 1: no bracket after 20 evaluations: the loss still fell with "
                + "slope -1.00 at step length 5.24e+05 (‖∇f‖∞ = 1.00)", run.stopReason());
        assertEquals(1, run.totalEvaluations(), "evaluations[] counts up to the last accepted step");
    }

    @Test
    void anInterruptBeforeTheFirstEvaluationKeepsNothing() {
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class,
                () -> new Lbfgs(5, 100, 1e-10).minimize(ROSENBROCK, rosenbrockStart()));
        assertEquals("L-BFGS interrupted at iteration 0 of 100; the loss at w0 had not been evaluated, so "
                + "nothing is kept", e.getMessage());
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
        assertNull(e.partial());
    }

    @Test
    void anInterruptDuringARunKeepsTheIterationsTaken() {
        int[] calls = {0};
        Function<DMatrixRMaj, LossAndGradient> f = w -> {
            if (++calls[0] == 12) {
                Thread.currentThread().interrupt();
            }
            return ROSENBROCK.apply(w);
        };
        Interrupted e = assertThrows(Interrupted.class, () -> new Lbfgs(5, 100, 1e-10).minimize(f, rosenbrockStart()));
        Thread.interrupted();
        LbfgsRun partial = e.partial();
        assertEquals("L-BFGS interrupted at iteration " + partial.iterations() + " of 100; W and the losses of the "
                + partial.iterations() + " iterations taken are kept: e.partial() returns them as an LbfgsRun",
                e.getMessage());
        assertEquals("L-BFGS", e.what());
        assertTrue(partial.iterations() > 0 && partial.totalEvaluations() == 12, partial.toString());
        LbfgsRun shorter = new Lbfgs(5, partial.iterations(), 1e-10).minimize(ROSENBROCK, rosenbrockStart());
        assertArrayEquals(shorter.w().data, partial.w().data, 0.0, "W after the iterations that ran");
        assertArrayEquals(shorter.losses(), partial.losses(), 0.0);
    }
}
