package descent.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.check.Difference;
import descent.check.GradientCheck;
import descent.check.GradientCheckResult;
import descent.data.Dataset;
import descent.data.Precision;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SoftmaxLossTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void handComputedExampleMatches() {
        // One example x = [1, 0], label 0, W rows [ln 2, 0], [0, 0], [0, 0]: scores [ln 2, 0, 0],
        // p = [2/4, 1/4, 1/4], L = -ln(1/2) = ln 2; dL/dW_j = (p_j - [j = 0]) x.
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{Math.log(2), 0}, {0, 0}, {0, 0}});
        Dataset data = Dataset.of(new double[][] {{1, 0}}, new int[] {0}, 3);
        for (Loss loss : new Loss[] {new SoftmaxLossNaive(0), new SoftmaxLoss(0)}) {
            LossAndGradient lg = loss.lossAndGradient(w, data);
            assertEquals(Math.log(2), lg.loss(), TOLERANCE, loss.toString());
            assertEquals(-0.5, lg.gradient().get(0, 0), TOLERANCE);
            assertEquals(0.25, lg.gradient().get(1, 0), TOLERANCE);
            assertEquals(0.25, lg.gradient().get(2, 0), TOLERANCE);
            assertEquals(0.0, lg.gradient().get(2, 1), TOLERANCE);
        }
    }

    @Test
    void fusedKernelMatchesNaiveInFloat64() {
        Dataset data = LossFixtures.gaussian(60, 37, 10, 21);
        DMatrixRMaj w = LossFixtures.weights(10, 37, 0.3, 22);
        SvmLossTest.assertTwinsAgree(new SoftmaxLossNaive(0.1), new SoftmaxLoss(0.1), w, data, TOLERANCE);
    }

    @Test
    void fusedKernelMatchesNaiveOnTheMultiCorePath() {
        Dataset data = LossFixtures.gaussian(1500, 41, 10, 23);
        DMatrixRMaj w = LossFixtures.weights(10, 41, 0.3, 24);
        SvmLossTest.assertTwinsAgree(new SoftmaxLossNaive(0.01), new SoftmaxLoss(0.01), w, data, TOLERANCE);
    }

    @Test
    void fusedKernelOnFloat32MatchesNaiveToFloatPrecision() {
        Dataset data64 = LossFixtures.roundedToFloat(LossFixtures.gaussian(1500, 41, 10, 25), Precision.FLOAT64);
        Dataset data32 = data64.withPrecision(Precision.FLOAT32);
        DMatrixRMaj w = LossFixtures.weights(10, 41, 0.3, 26);
        LossAndGradient naive = new SoftmaxLossNaive(0.01).lossAndGradient(w, data64);
        LossAndGradient fast = new SoftmaxLoss(0.01).lossAndGradient(w, data32);
        assertEquals(naive.loss(), fast.loss(), 1e-5 * Math.abs(naive.loss()));
        assertTrue(GradientCheck.maxAbsoluteDifference(naive.gradient(), fast.gradient()) < 1e-5);
    }

    @Test
    void tinyWeightsOnTenClassesGiveLossNearLnTen() {
        Dataset data = LossFixtures.gaussian(500, 3073, 10, 27);
        DMatrixRMaj w = LossFixtures.weights(10, 3073, 1e-4, 28);
        assertEquals(Math.log(10), new SoftmaxLoss(0).loss(w, data), 0.01);
    }

    @Test
    void analyticGradientMatchesCenteredDifferencesToOneInTenMillion() {
        Dataset data = LossFixtures.gaussian(40, 15, 5, 29);
        DMatrixRMaj w = LossFixtures.weights(5, 15, 0.5, 30);
        SoftmaxLoss softmax = new SoftmaxLoss(0.05);
        DMatrixRMaj analytic = softmax.lossAndGradient(w, data).gradient();
        GradientCheckResult result = GradientCheck.full(v -> softmax.loss(v, data), w, analytic, 1e-5,
                Difference.CENTERED);
        assertTrue(result.maxRelativeError() < 1e-7, result.toString());
        assertEquals(GradientCheckResult.Verdict.CORRECT, result.verdict());
    }

    @Test
    void hugeScoresDoNotOverflow() {
        Dataset data = LossFixtures.gaussian(30, 8, 4, 31);
        DMatrixRMaj w = LossFixtures.weights(4, 8, 1000, 32);
        for (Loss loss : new Loss[] {new SoftmaxLossNaive(0), new SoftmaxLoss(0)}) {
            LossAndGradient lg = loss.lossAndGradient(w, data);
            assertTrue(Double.isFinite(lg.loss()) && lg.loss() > 0, loss + " gave " + lg.loss());
            for (double g : lg.gradient().data) {
                assertTrue(Double.isFinite(g));
            }
        }
    }

    @Test
    void rejectsLabelsBeyondTheClassesOfW() {
        Dataset data = LossFixtures.gaussian(5, 4, 3, 33);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxLoss(0).loss(new DMatrixRMaj(2, 4), data));
        assertEquals("W must be 3 x 4 (classes x features of the batch) but was: 2 x 4", e.getMessage());
    }
}
