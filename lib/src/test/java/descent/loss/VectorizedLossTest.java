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

/** The matrix-form losses against their loop twins and the fused kernels: three forms, one contract. */
class VectorizedLossTest {
    /** Loss and every entry of dW agree to this (relative to max(1, |loss|) for the loss). */
    private static final double TOLERANCE = 1e-12;

    @Test
    void svmThreeFormsAgreeOnFixedData() {
        Dataset data = LossFixtures.gaussian(300, 37, 10, 41);
        DMatrixRMaj w = LossFixtures.weights(10, 37, 0.1, 42);
        LossAndGradient naive = new SvmLossNaive(0.1).lossAndGradient(w, data);
        SvmLossTest.assertTwinsAgree(new SvmLossNaive(0.1), new SvmLossVectorized(0.1), w, data, TOLERANCE);
        SvmLossTest.assertTwinsAgree(new SvmLossVectorized(0.1), new SvmLoss(0.1), w, data, TOLERANCE);
        assertTrue(naive.dataLoss() > 1, "fixture has positive margins: " + naive.dataLoss());
    }

    @Test
    void softmaxThreeFormsAgreeOnFixedData() {
        Dataset data = LossFixtures.gaussian(300, 37, 10, 45);
        DMatrixRMaj w = LossFixtures.weights(10, 37, 0.3, 46);
        SvmLossTest.assertTwinsAgree(new SoftmaxLossNaive(0.1), new SoftmaxLossVectorized(0.1), w, data,
                TOLERANCE);
        SvmLossTest.assertTwinsAgree(new SoftmaxLossVectorized(0.1), new SoftmaxLoss(0.1), w, data, TOLERANCE);
    }

    @Test
    void handComputedExamplesMatch() {
        // The hand-computed cases of SvmLossTest and SoftmaxLossTest: L = 1 with a kink, L = ln 2.
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {-1, 2}});
        Dataset data = Dataset.of(new double[][] {{2, 1}, {1, 1}}, new int[] {0, 2}, 3);
        LossAndGradient svm = new SvmLossVectorized(0).lossAndGradient(w, data);
        assertEquals(1.0, svm.loss(), TOLERANCE);
        double[] expected = {0.5, 0.5, 0.5, 0.5, -1, -1};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], svm.gradient().data[k], TOLERANCE, "dW[" + k + "]");
        }
        DMatrixRMaj ws = new DMatrixRMaj(new double[][] {{Math.log(2), 0}, {0, 0}, {0, 0}});
        Dataset one = Dataset.of(new double[][] {{1, 0}}, new int[] {0}, 3);
        LossAndGradient smx = new SoftmaxLossVectorized(0).lossAndGradient(ws, one);
        assertEquals(Math.log(2), smx.loss(), TOLERANCE);
        assertEquals(-0.5, smx.gradient().get(0, 0), TOLERANCE);
        assertEquals(0.25, smx.gradient().get(1, 0), TOLERANCE);
        assertEquals(0.0, smx.gradient().get(2, 1), TOLERANCE);
    }

    @Test
    void float32BatchGivesTheFloat64Result() {
        Dataset data64 = LossFixtures.roundedToFloat(LossFixtures.gaussian(200, 21, 10, 47), Precision.FLOAT64);
        Dataset data32 = data64.withPrecision(Precision.FLOAT32);
        DMatrixRMaj w = LossFixtures.weights(10, 21, 0.3, 48);
        for (Loss loss : new Loss[] {new SvmLossVectorized(0.01), new SoftmaxLossVectorized(0.01)}) {
            LossAndGradient a = loss.lossAndGradient(w, data64);
            LossAndGradient b = loss.lossAndGradient(w, data32);
            assertEquals(a.loss(), b.loss(), 0.0, loss.toString());
            assertEquals(0.0, GradientCheck.maxAbsoluteDifference(a.gradient(), b.gradient()), loss.toString());
        }
    }

    @Test
    void svmGradientPassesACenteredCheckAwayFromKinks() {
        Dataset data = LossFixtures.gaussian(40, 15, 5, 11);
        DMatrixRMaj w = LossFixtures.weights(5, 15, 0.5, 12);
        SvmLossVectorized svm = new SvmLossVectorized(0.05);
        GradientCheckResult result = GradientCheck.full(v -> svm.loss(v, data), w,
                svm.lossAndGradient(w, data).gradient(), 1e-5, Difference.CENTERED);
        assertTrue(result.maxRelativeError() < 1e-7, result.toString());
    }

    @Test
    void softmaxGradientPassesACenteredCheck() {
        Dataset data = LossFixtures.gaussian(40, 15, 5, 29);
        DMatrixRMaj w = LossFixtures.weights(5, 15, 0.5, 30);
        SoftmaxLossVectorized softmax = new SoftmaxLossVectorized(0.05);
        GradientCheckResult result = GradientCheck.full(v -> softmax.loss(v, data), w,
                softmax.lossAndGradient(w, data).gradient(), 1e-5, Difference.CENTERED);
        assertTrue(result.maxRelativeError() < 1e-7, result.toString());
        assertEquals(GradientCheckResult.Verdict.CORRECT, result.verdict());
    }

    @Test
    void softmaxHugeScoresGiveAFiniteLoss() {
        Dataset data = LossFixtures.gaussian(30, 8, 4, 31);
        DMatrixRMaj w = LossFixtures.weights(4, 8, 1e3, 32);
        LossAndGradient naive = new SoftmaxLossNaive(0).lossAndGradient(w, data);
        LossAndGradient matrix = new SoftmaxLossVectorized(0).lossAndGradient(w, data);
        assertTrue(Double.isFinite(matrix.loss()), "loss " + matrix.loss());
        assertEquals(naive.loss(), matrix.loss(), 1e-9 * naive.loss());
    }

    @Test
    void weightsAndBatchAreNotModified() {
        Dataset data = LossFixtures.gaussian(20, 6, 3, 49);
        DMatrixRMaj w = LossFixtures.weights(3, 6, 0.5, 50);
        DMatrixRMaj wBefore = w.copy();
        DMatrixRMaj xBefore = data.xAsDouble().copy();
        new SvmLossVectorized(0.1).lossAndGradient(w, data);
        new SoftmaxLossVectorized(0.1).lossAndGradient(w, data);
        assertEquals(0.0, GradientCheck.maxAbsoluteDifference(wBefore, w));
        assertEquals(0.0, GradientCheck.maxAbsoluteDifference(xBefore, data.xAsDouble()));
    }

    @Test
    void rejectsWeightsOfTheWrongShape() {
        Dataset data = LossFixtures.gaussian(5, 4, 3, 13);
        for (Loss loss : new Loss[] {new SvmLossVectorized(0), new SoftmaxLossVectorized(0)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.lossAndGradient(new DMatrixRMaj(3, 5), data));
            assertEquals("W must be 3 x 4 (classes x features of the batch) but was: 3 x 5", e.getMessage());
        }
    }

    @Test
    void rejectsNanWeightsAndAnEmptyBatch() {
        Dataset data = LossFixtures.gaussian(5, 4, 3, 14);
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        w.set(1, 2, Double.NaN);
        Dataset empty = new Dataset(new DMatrixRMaj(0, 4), new int[0], Dataset.defaultClassNames(3));
        for (Loss loss : new Loss[] {new SvmLossVectorized(0), new SoftmaxLossVectorized(0)}) {
            assertEquals("W must be finite everywhere but entry 6 was: NaN",
                    assertThrows(IllegalArgumentException.class, () -> loss.loss(w, data)).getMessage());
            assertEquals("batch must not be empty", assertThrows(IllegalArgumentException.class,
                    () -> loss.loss(new DMatrixRMaj(3, 4), empty)).getMessage());
        }
    }

    @Test
    void overflowingScoresAreReportedAsOverflow() {
        Dataset data = Dataset.of(new double[][] {{1e300, 1}, {1, 1}}, new int[] {0, 1}, 2);
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1e300, 0}, {0, 0}});
        for (Loss loss : new Loss[] {new SvmLossVectorized(0), new SoftmaxLossVectorized(0)}) {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> loss.loss(w, data));
            assertEquals("the scores W x of row 0 are not finite although X and W are: their values are too "
                    + "large; normalise the data and start from small weights", e.getMessage());
        }
    }

    @Test
    void rejectsBadHyperparameters() {
        assertEquals("reg must be >= 0 but was: NaN", assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxLossVectorized(Double.NaN)).getMessage());
        assertEquals("reg must be >= 0 but was: Infinity", assertThrows(IllegalArgumentException.class,
                () -> new SvmLossVectorized(Double.POSITIVE_INFINITY)).getMessage());
    }
}
