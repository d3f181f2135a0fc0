package descent.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                    .run(w, null, d.x(), d.y(), 0, d.size(), SoftmaxLoss::crossEntropy, scalarGrad);
            DMatrixRMaj fastGrad = new DMatrixRMaj(w.numRows, w.numCols);
            double fast = LinearKernels.run(w, d.x(), d.y(), SoftmaxLoss::crossEntropy, fastGrad, true);
            double tol = p == Precision.FLOAT64 ? TOLERANCE : 1e-4;
            assertEquals(scalar, fast, tol * Math.abs(scalar), p.toString());
            assertArrayEquals(scalarGrad, fastGrad.data, tol * 10, p.toString());
        }
    }

    @Test
    void smallCallsAreCutOncePerCoreAtMultiplesOfTheRowTile() {
        assertArrayEquals(new int[] {0, 200}, LinearKernels.parts(200, 2));
        assertArrayEquals(new int[] {0, 383}, LinearKernels.parts(383, 2));
        assertArrayEquals(new int[] {0, 192, 384}, LinearKernels.parts(384, 2));
        assertArrayEquals(new int[] {0, 248, 500}, LinearKernels.parts(500, 2));
        assertArrayEquals(new int[] {0, 500}, LinearKernels.parts(500, 1));
        assertArrayEquals(new int[] {0, 248, 500}, LinearKernels.parts(500, 4));
    }

    @Test
    void largeCallsAreCutFourTimesPerCore() {
        assertArrayEquals(new int[] {0, 64, 128, 192, 256, 320, 384, 448, 512}, LinearKernels.parts(512, 2));
        assertArrayEquals(new int[] {0, 6125, 12250, 18375, 24500, 30625, 36750, 42875, 49000},
                LinearKernels.parts(49000, 2));
    }

    /** The multiclass hinge with Δ = 1, as SvmLoss writes it. */
    private static final RowLoss HINGE = (row, s, label, g) -> {
        double li = 0;
        int positive = 0;
        for (int j = 0; j < s.length; j++) {
            double margin = j == label ? 0 : s[j] - s[label] + 1;
            if (margin > 0) {
                li += margin;
                positive++;
            }
            if (g != null) {
                g[j] = margin > 0 ? 1 : 0;
            }
        }
        if (g != null) {
            g[label] = -positive;
        }
        return li;
    };

    @Test
    void aSmallCallOnEveryCoreGivesExactlyTheOnePassResult() {
        // D = 1,101: several slices, a cut inside a float slice, a scalar remainder; C = 7 is odd;
        // N = 403 leaves 3 rows after the last tile.
        for (int n : new int[] {384, 401, 403, 511}) {
            Dataset data = LossFixtures.gaussian(n, 1101, 7, n);
            DMatrixRMaj w = LossFixtures.weights(7, 1101, 0.05, 43);
            for (Precision p : Precision.values()) {
                Dataset d = data.withPrecision(p);
                for (RowLoss f : new RowLoss[] {SoftmaxLoss::crossEntropy, HINGE}) {
                    LinearKernels.RowKernel kernel = new VectorRowKernel();
                    double[] oneGrad = new double[w.data.length];
                    double one = kernel.run(w, kernel.prepare(w, d.x()), d.x(), d.y(), 0, n, f, oneGrad);
                    DMatrixRMaj split = new DMatrixRMaj(w.numRows, w.numCols);
                    double loss = LinearKernels.run(w, d.x(), d.y(), f, split, true);
                    double lossOnly = LinearKernels.run(w, d.x(), d.y(), f, null, true);
                    String what = p + ", N = " + n + ", " + (f == HINGE ? "hinge" : "softmax");
                    assertEquals(one, loss, 0.0, what);
                    assertEquals(one, lossOnly, 0.0, what);
                    assertArrayEquals(oneGrad, split.data, 0.0, what);
                }
            }
        }
    }

    @Test
    void aLargeCallMatchesOnePassAndRepeatsExactly() {
        int n = 700;
        Dataset data = LossFixtures.gaussian(n, 37, 5, n);
        DMatrixRMaj w = LossFixtures.weights(5, 37, 0.2, 43);
        for (Precision p : Precision.values()) {
            Dataset d = data.withPrecision(p);
            LinearKernels.RowKernel kernel = new VectorRowKernel();
            double[] oneGrad = new double[w.data.length];
            double one = kernel.run(w, kernel.prepare(w, d.x()), d.x(), d.y(), 0, n, SoftmaxLoss::crossEntropy,
                    oneGrad);
            DMatrixRMaj first = new DMatrixRMaj(w.numRows, w.numCols);
            double parts = LinearKernels.run(w, d.x(), d.y(), SoftmaxLoss::crossEntropy, first, true);
            DMatrixRMaj again = new DMatrixRMaj(w.numRows, w.numCols);
            double repeated = LinearKernels.run(w, d.x(), d.y(), SoftmaxLoss::crossEntropy, again, true);
            // float32 rounds each part's float gradient on its own, so only float precision holds
            double tol = p == Precision.FLOAT64 ? TOLERANCE : 1e-5;
            assertEquals(one, parts, tol * one, p.toString());
            assertArrayEquals(oneGrad, first.data, tol * n, p.toString());
            assertEquals(parts, repeated, 0.0, p.toString());
            assertArrayEquals(first.data, again.data, 0.0, p.toString());
        }
    }

    @Test
    void aNonFiniteRowInAnotherThreadsPartIsNamed() {
        Dataset data = LossFixtures.gaussian(200, 6, 3, 1);
        ((DMatrixRMaj) data.x()).set(150, 2, Double.POSITIVE_INFINITY);
        DMatrixRMaj w = LossFixtures.weights(3, 6, 0.01, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxLoss(0).lossAndGradient(w, data));
        assertEquals("X has Infinity at row 150, column 2 (of 200 × 6); the data must be finite: "
                + "check how it was made or normalised", e.getMessage());
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
