package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import descent.data.Dataset;
import descent.data.Precision;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LinearKernelsTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void testsRunWithTheVectorApiKernel() {
        // Surefire passes --add-modules=jdk.incubator.vector; without it the fast path is untested.
        assertEquals("vector-api", LinearClassifier.kernelImplementation());
    }

    @Test
    void scalarFallbackMatchesTheChosenKernel() {
        Dataset data = LossFixtures.gaussian(300, 29, 7, 41);
        DMatrixRMaj w = LossFixtures.weights(7, 29, 0.2, 42);
        for (Precision p : Precision.values()) {
            Dataset d = data.withPrecision(p);
            double[] scalarGrad = new double[w.data.length];
            double scalar = new LinearKernels.ScalarRowKernel()
                    .run(w, d.x(), d.y(), 0, d.size(), SoftmaxLoss::crossEntropy, scalarGrad);
            DMatrixRMaj fastGrad = new DMatrixRMaj(w.numRows, w.numCols);
            double fast = LinearKernels.run(w, d.x(), d.y(), SoftmaxLoss::crossEntropy, fastGrad, true);
            double tol = p == Precision.FLOAT64 ? TOLERANCE : 1e-4;
            assertEquals(scalar, fast, tol * Math.abs(scalar), p.toString());
            assertArrayEquals(scalarGrad, fastGrad.data, tol * 10, p.toString());
        }
    }

    @Test
    void accuracyCountsArgmaxAgreements() {
        // W picks feature j for class j; examples are one-hot, labels right for 3 of 4.
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Dataset data = Dataset.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}},
                new int[] {0, 1, 2, 0}, 3);
        assertArrayEquals(new int[] {0, 1, 2, 2}, LinearClassifier.predict(w, data));
        assertEquals(0.75, LinearClassifier.accuracy(w, data), TOLERANCE);
    }
}
