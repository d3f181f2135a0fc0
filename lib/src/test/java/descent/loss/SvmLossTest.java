package descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.check.GradientCheck;
import descent.check.GradientCheckResult;
import descent.data.Dataset;
import descent.data.Precision;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SvmLossTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void handComputedExampleMatches() {
        // Two examples, three classes, two features (the second a bias).
        // W rows: [1, 0], [0, 1], [-1, 2].  x0 = [2, 1], y0 = 0;  x1 = [1, 1], y1 = 2.
        // scores x0: [2, 1, 0]  -> margins vs class 0: 1-2+1 = 0 (kink, no loss), 0-2+1 = -1 -> L0 = 0
        // scores x1: [1, 1, 1]  -> margins vs class 2: 1, 1 -> L1 = 2.   L = (0 + 2) / 2 = 1.
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {-1, 2}});
        Dataset data = Dataset.of(new double[][] {{2, 1}, {1, 1}}, new int[] {0, 2}, 3);
        // dW (before /N): rows 0 and 1 get +x1 = [1, 1], row 2 gets -2 x1 = [-2, -2]; then / 2.
        double[] expectedGradient = {0.5, 0.5, 0.5, 0.5, -1, -1};
        for (Loss loss : new Loss[] {new SvmLossNaive(0), new SvmLoss(0)}) {
            LossAndGradient lg = loss.lossAndGradient(w, data);
            assertEquals(1.0, lg.loss(), TOLERANCE, loss.toString());
            for (int k = 0; k < expectedGradient.length; k++) {
                assertEquals(expectedGradient[k], lg.gradient().data[k], TOLERANCE, loss + " dW[" + k + "]");
            }
        }
    }

    @Test
    void regularizationAddsRegTimesSumOfSquaresAndTwiceRegTimesW() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {-1, 2}});
        Dataset data = Dataset.of(new double[][] {{2, 1}, {1, 1}}, new int[] {0, 2}, 3);
        LossAndGradient lg = new SvmLoss(0.5).lossAndGradient(w, data);
        // sum W^2 = 1 + 1 + 1 + 4 = 7; reg loss = 3.5
        assertEquals(3.5, lg.regLoss(), TOLERANCE);
        assertEquals(4.5, lg.loss(), TOLERANCE);
        // dW[2,1] without regularization is -1; 2 * reg * W[2,1] = 2 * 0.5 * 2 = 2.
        assertEquals(1.0, lg.gradient().get(2, 1), TOLERANCE);
    }

    @Test
    void fusedKernelMatchesNaiveInFloat64() {
        Dataset data = LossFixtures.gaussian(60, 37, 10, 1);
        DMatrixRMaj w = LossFixtures.weights(10, 37, 0.1, 2);
        assertTwinsAgree(new SvmLossNaive(0.1), new SvmLoss(0.1), w, data, TOLERANCE);
    }

    @Test
    void fusedKernelMatchesNaiveOnTheMultiCorePath() {
        Dataset data = LossFixtures.gaussian(1500, 41, 10, 3);
        DMatrixRMaj w = LossFixtures.weights(10, 41, 0.1, 4);
        assertTwinsAgree(new SvmLossNaive(0.01), new SvmLoss(0.01), w, data, TOLERANCE);
    }

    /**
     * {@code max(0, s_j − s_y + Δ) = Δ max(0, (s_j − s_y)/Δ + 1)}: with margin Δ the data loss at W is Δ
     * times the Δ = 1 loss at W/Δ, and the gradient is the Δ = 1 gradient there. The naive form has
     * Δ = 1 (as CS231n's), so this is how the fused kernel's Δ is checked against it.
     */
    @Test
    void fusedKernelWithMarginTwoIsTwiceTheNaiveLossAtHalfTheWeights() {
        Dataset data = LossFixtures.gaussian(1500, 41, 10, 3);
        DMatrixRMaj w = LossFixtures.weights(10, 41, 0.1, 4);
        DMatrixRMaj half = w.copy();
        CommonOps_DDRM.scale(0.5, half);
        LossAndGradient naive = new SvmLossNaive(0).lossAndGradient(half, data);
        LossAndGradient fused = new SvmLoss(2.0, 0).lossAndGradient(w, data);
        assertTrue(naive.dataLoss() > 1, "fixture has positive margins: " + naive.dataLoss());
        assertEquals(2 * naive.dataLoss(), fused.dataLoss(), TOLERANCE * fused.dataLoss());
        assertTrue(GradientCheck.maxAbsoluteDifference(naive.gradient(), fused.gradient()) < TOLERANCE,
                "gradients differ by " + GradientCheck.maxAbsoluteDifference(naive.gradient(), fused.gradient()));
    }

    @Test
    void fusedKernelOnFloat32MatchesNaiveToFloatPrecision() {
        Dataset data64 = LossFixtures.roundedToFloat(LossFixtures.gaussian(1500, 41, 10, 5), Precision.FLOAT64);
        Dataset data32 = data64.withPrecision(Precision.FLOAT32);
        DMatrixRMaj w = LossFixtures.weights(10, 41, 0.1, 6);
        LossAndGradient naive = new SvmLossNaive(0.01).lossAndGradient(w, data64);
        LossAndGradient fast = new SvmLoss(0.01).lossAndGradient(w, data32);
        assertEquals(naive.loss(), fast.loss(), 1e-5 * Math.abs(naive.loss()));
        assertTrue(GradientCheck.maxAbsoluteDifference(naive.gradient(), fast.gradient()) < 1e-5);
    }

    @Test
    void lossAloneEqualsLossWithGradient() {
        Dataset data = LossFixtures.gaussian(700, 20, 10, 7);
        DMatrixRMaj w = LossFixtures.weights(10, 20, 0.1, 8);
        SvmLoss svm = new SvmLoss(0.3);
        assertEquals(svm.lossAndGradient(w, data).loss(), svm.loss(w, data), TOLERANCE);
    }

    @Test
    void tinyWeightsOnTenClassesGiveLossNearNine() {
        // Every margin is about 0 - 0 + 1, and there are nine of them per example.
        Dataset data = LossFixtures.gaussian(500, 3073, 10, 9);
        DMatrixRMaj w = LossFixtures.weights(10, 3073, 1e-4, 10);
        assertEquals(9.0, new SvmLoss(0).loss(w, data), 0.05);
    }

    @Test
    void analyticGradientMatchesNumericalAwayFromKinks() {
        Dataset data = LossFixtures.gaussian(40, 15, 5, 11);
        DMatrixRMaj w = LossFixtures.weights(5, 15, 0.5, 12);
        double h = 1e-5;
        // The check is valid only if no margin lies within reach of a step h: assert that first.
        assertTrue(smallestAbsoluteMargin(w, data) > 1e-3, "fixture has a margin near a kink");
        SvmLoss svm = new SvmLoss(0.05);
        DMatrixRMaj analytic = svm.lossAndGradient(w, data).gradient();
        GradientCheckResult result = GradientCheck.full(v -> svm.loss(v, data), w, analytic, h,
                descent.check.Difference.CENTERED);
        assertTrue(result.maxRelativeError() < 1e-7, result.toString());
    }

    @Test
    void rejectsWeightsOfTheWrongShape() {
        Dataset data = LossFixtures.gaussian(5, 4, 3, 13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SvmLoss(0).lossAndGradient(new DMatrixRMaj(3, 5), data));
        assertEquals("W must be 3 x 4 (classes x features of the batch) but was: 3 x 5", e.getMessage());
    }

    @Test
    void rejectsNanWeights() {
        Dataset data = LossFixtures.gaussian(5, 4, 3, 14);
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        w.set(1, 2, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SvmLoss(0).loss(w, data));
        assertEquals("W must be finite everywhere but entry 6 was: NaN", e.getMessage());
    }

    @Test
    void rejectsAnEmptyBatch() {
        Dataset empty = new Dataset(new DMatrixRMaj(0, 4), new int[0], Dataset.defaultClassNames(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SvmLossNaive(0).lossAndGradient(new DMatrixRMaj(3, 4), empty));
        assertEquals("batch must not be empty", e.getMessage());
    }

    @Test
    void rejectsBadHyperparameters() {
        assertEquals("reg must be >= 0 but was: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new SvmLoss(-1)).getMessage());
        assertEquals("delta must be > 0 but was: NaN",
                assertThrows(IllegalArgumentException.class, () -> new SvmLoss(Double.NaN, 0)).getMessage());
        assertEquals("delta must be > 0 but was: 0.0",
                assertThrows(IllegalArgumentException.class, () -> new SvmLoss(0, 1)).getMessage());
        assertEquals("reg must be >= 0 but was: Infinity",
                assertThrows(IllegalArgumentException.class,
                        () -> new SvmLossNaive(Double.POSITIVE_INFINITY)).getMessage());
    }

    static void assertTwinsAgree(Loss naive, Loss fast, DMatrixRMaj w, Dataset data, double tolerance) {
        LossAndGradient a = naive.lossAndGradient(w, data);
        LossAndGradient b = fast.lossAndGradient(w, data);
        assertEquals(a.loss(), b.loss(), tolerance * Math.max(1, Math.abs(a.loss())));
        assertEquals(a.dataLoss(), b.dataLoss(), tolerance * Math.max(1, Math.abs(a.loss())));
        assertEquals(a.regLoss(), b.regLoss(), tolerance);
        assertTrue(GradientCheck.maxAbsoluteDifference(a.gradient(), b.gradient()) < tolerance,
                "gradients differ by " + GradientCheck.maxAbsoluteDifference(a.gradient(), b.gradient()));
    }

    private static double smallestAbsoluteMargin(DMatrixRMaj w, Dataset data) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            double[] s = new double[w.numRows];
            for (int j = 0; j < w.numRows; j++) {
                for (int k = 0; k < w.numCols; k++) {
                    s[j] += w.get(j, k) * data.get(i, k);
                }
            }
            for (int j = 0; j < s.length; j++) {
                if (j != data.y()[i]) {
                    smallest = Math.min(smallest, Math.abs(s[j] - s[data.y()[i]] + 1));
                }
            }
        }
        return smallest;
    }
}
