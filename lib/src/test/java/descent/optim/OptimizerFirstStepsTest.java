package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Pins the first three steps of every optimizer against numbers computed independently with numpy.
 *
 * <p>Problem: f(W) = 0.5 · Σ a ⊙ (W - c)², so dW = a ⊙ (W - c), with W 2 × 3 and learning rates
 * 0.1, 0.05, 0.025 for steps 1, 2, 3 (a changing rate checks that each step uses its own).
 * The expected rows were printed by this script (each rule written from the PyTorch docs'
 * pseudocode; Adam in the textbook form m̂ / (√v̂ + ε), algebraically equal to PyTorch's):
 * <pre>
 * import numpy as np
 * a  = np.array([[1.0, 2.0, 0.5], [4.0, 0.25, 3.0]])
 * c  = np.array([[0.5, -1.0, 2.0], [0.0, 3.0, -0.5]])
 * w0 = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.5]])
 * lrs = [0.1, 0.05, 0.025]
 * def run(update):
 *     w = w0.copy(); s = {}; out = []
 *     for t, lr in enumerate(lrs, start=1):
 *         w = update(w, a * (w - c), lr, t, s); out.append(w.copy())
 *     return out
 * sgd = lambda w, g, lr, t, s: w - lr * g
 * def momentum(mu):
 *     def u(w, g, lr, t, s): s['v'] = mu * s.get('v', 0) + g; return w - lr * s['v']
 *     return u
 * def nesterov(mu):
 *     def u(w, g, lr, t, s): s['v'] = mu * s.get('v', 0) + g; return w - lr * (g + mu * s['v'])
 *     return u
 * def adagrad(eps, init):
 *     def u(w, g, lr, t, s):
 *         s['s'] = s.get('s', init) + g * g; return w - lr * g / (np.sqrt(s['s']) + eps)
 *     return u
 * def rmsprop(alpha, eps):
 *     def u(w, g, lr, t, s):
 *         s['s'] = alpha * s.get('s', 0) + (1 - alpha) * g * g
 *         return w - lr * g / (np.sqrt(s['s']) + eps)
 *     return u
 * def adam(b1, b2, eps):
 *     def u(w, g, lr, t, s):
 *         s['m'] = b1 * s.get('m', 0) + (1 - b1) * g
 *         s['v'] = b2 * s.get('v', 0) + (1 - b2) * g * g
 *         mhat = s['m'] / (1 - b1 ** t); vhat = s['v'] / (1 - b2 ** t)
 *         return w - lr * mhat / (np.sqrt(vhat) + eps)
 *     return u
 * for w in run(adam(0.9, 0.999, 1e-8)): print([repr(float(x)) for x in w.ravel()])
 * </pre>
 */
class OptimizerFirstStepsTest {
    private static final double TOLERANCE = 1e-12;

    private static final double[] A = {1.0, 2.0, 0.5, 4.0, 0.25, 3.0};
    private static final double[] C = {0.5, -1.0, 2.0, 0.0, 3.0, -0.5};
    private static final double[] W0 = {1.0, 0.0, -1.0, 2.0, 1.0, 0.5};
    private static final double[] RATES = {0.1, 0.05, 0.025};

    /** Runs three steps from W0 and checks W after each against the expected rows. */
    private static void assertFirstSteps(Optimizer optimizer, double[][] expected) {
        DMatrixRMaj w = new DMatrixRMaj(2, 3, true, W0);
        for (int t = 0; t < 3; t++) {
            DMatrixRMaj dw = new DMatrixRMaj(2, 3);
            for (int i = 0; i < 6; i++) {
                dw.data[i] = A[i] * (w.data[i] - C[i]);
            }
            optimizer.updateInPlace(w, dw, RATES[t]);
            assertArrayEquals(expected[t], w.data, TOLERANCE, optimizer + " at step " + (t + 1));
        }
    }

    @Test
    void sgdMatchesNumpy() {
        assertFirstSteps(new Sgd(), new double[][] {
            {0.95, -0.2, -0.85, 1.2, 1.05, 0.19999999999999996},
            {0.9275, -0.28, -0.7787499999999999, 0.96, 1.074375, 0.09499999999999997},
            {0.9168125, -0.316, -0.744015625, 0.864, 1.0864101562500001, 0.050374999999999975},
        });
    }

    @Test
    void momentumMatchesNumpy() {
        assertFirstSteps(new Momentum(0.9), new double[][] {
            {0.95, -0.2, -0.85, 1.2, 1.05, 0.19999999999999996},
            {0.9049999999999999, -0.37000000000000005, -0.7112499999999999, 0.5999999999999999,
                1.096875, -0.040000000000000036},
            {0.8746249999999999, -0.4780000000000001, -0.614921875, 0.26999999999999985,
                1.12986328125, -0.18250000000000005},
        });
    }

    @Test
    void nesterovMatchesNumpy() {
        assertFirstSteps(new Nesterov(0.9), new double[][] {
            {0.905, -0.38, -0.715, 0.48, 1.095, -0.07000000000000006},
            {0.846275, -0.5788, -0.5252874999999999, -0.02640000000000009, 1.1604937499999999,
                -0.31405000000000005},
            {0.8125131875, -0.680374, -0.4104850468749999, -0.2060640000000001,
                1.2010944492187499, -0.4213453750000001},
        });
    }

    @Test
    void adaGradMatchesNumpy() {
        assertFirstSteps(new AdaGrad(), new double[][] {
            {0.90000000002, -0.099999999995, -0.9000000000066667, 1.90000000000125,
                1.09999999998, 0.4000000000033333},
            {0.8687652476462046, -0.13344823657498206, -0.8652488951659174, 1.8655625269058156,
                1.134437473070932, 0.36655176342297113},
            {0.8562885824077158, -0.146985696841857, -0.8510969624280722, 1.8515577011380477,
                1.1484422988371974, 0.3530143031559699},
        });
    }

    @Test
    void adaGradWithAnInitialAccumulatorMatchesNumpy() {
        assertFirstSteps(new AdaGrad(1e-10, 0.1), new double[][] {
            {0.9154845745414341, -0.09877295966008093, -0.9021507890483667, 1.9000780335675602,
                1.084515425458566, 0.40055096838352733},
            {0.8867484095678743, -0.13201784173063283, -0.867778700681564, 1.8656539496613471,
                1.115973368438744, 0.3671935968984166},
            {0.8749555610179198, -0.1454997186362728, -0.8537308513443941, 1.851652784621528,
                1.1291288306941518, 0.35368093187141125},
        });
    }

    @Test
    void rmsPropMatchesNumpy() {
        assertFirstSteps(new RmsProp(), new double[][] {
            {1.9999996048181146e-07, -0.9999999500000021, -6.666666252375109e-08,
                1.0000000125000004, 1.9999998000000394, -0.49999996666666746},
            {0.354440681720973, -0.9999999751259452, 0.27831509423991707, 0.7754933852461532,
                2.2245064230595593, -0.49999998341729673},
            {0.4052121790491357, -0.9999999814072719, 0.38678792114768035, 0.6929139763388197,
                2.3070858341810134, -0.49999998760484793},
        });
    }

    @Test
    void rmsPropWithAnotherAlphaMatchesNumpy() {
        assertFirstSteps(new RmsProp(0.9, 1e-8), new double[][] {
            {0.6837722539831608, -0.316227761016838, -0.6837722406498286, 1.683772235233162,
                1.3162277460168392, 0.18377223731649528},
            {0.6266518756050579, -0.408678573754892, -0.5752965144626301, 1.5788237752743557,
                1.4211762017234129, 0.0913214243100773},
            {0.606583694936905, -0.4458640281997981, -0.5302248052763646, 1.5354580428922233,
                1.4645419326118094, 0.05413596977990776},
        });
    }

    @Test
    void adamMatchesNumpy() {
        assertFirstSteps(new Adam(), new double[][] {
            {0.900000002, -0.0999999995, -0.9000000006666666, 1.900000000125, 1.099999998,
                0.4000000003333333},
            {0.8505937128653202, -0.14979388540410357, -0.8500513545443721, 1.8500832429940026,
                1.1499167541732784, 0.35020611434247223},
            {0.8261729152541312, -0.1745957044575783, -0.8251014162385344, 1.825163909704557,
                1.1748360869772723, 0.32540429524447734},
        });
    }

    @Test
    void adamWithOtherBetasMatchesNumpy() {
        assertFirstSteps(new Adam(0.5, 0.75, 1e-8), new double[][] {
            {0.900000002, -0.0999999995, -0.9000000006666666, 1.900000000125, 1.099999998,
                0.4000000003333333},
            {0.8513779019776124, -0.14942691440959477, -0.8501688583984758, 1.8502612305931259,
                1.1497387665775056, 0.35057308533761944},
            {0.8276688099871786, -0.17390657154730066, -0.825320126319794, 1.8254959021408383,
                1.1745040945468646, 0.32609342815589737},
        });
    }
}
