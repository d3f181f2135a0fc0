package descent.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer promises: in-place and pure steps, state per shape, reset, copy, checks. */
class OptimizerContractTest {
    private static final double TOLERANCE = 1e-7; // ε shifts the by-hand first steps by up to 2e-8

    static Stream<Optimizer> optimizers() {
        return Stream.of(new Sgd(), new Momentum(0.8), new Nesterov(0.7), new AdaGrad(1e-9, 0.2),
                new RmsProp(0.95, 1e-7), new Adam(0.8, 0.99, 1e-6));
    }

    private static DMatrixRMaj weights() {
        return new DMatrixRMaj(2, 3, true, 1.0, 0.0, -1.0, 2.0, 1.0, 0.5);
    }

    private static DMatrixRMaj gradient(double scale) {
        return new DMatrixRMaj(2, 3, true, 0.5, 2.0, -1.5, 8.0, -0.5, 3.0 * scale);
    }

    /** W after the given optimizer takes steps with gradients scaled by 1, 2, ... from weights(). */
    private static DMatrixRMaj run(Optimizer optimizer, int steps) {
        DMatrixRMaj w = weights();
        for (int t = 1; t <= steps; t++) {
            optimizer.updateInPlace(w, gradient(t), 0.1);
        }
        return w;
    }

    @Test
    void namesAndToStringsShowEveryHyperparameter() {
        List<String> expected = List.of("Sgd()", "Momentum(momentum=0.8)", "Nesterov(momentum=0.7)",
                "AdaGrad(eps=1.0E-9, initialAccumulatorValue=0.2)", "RmsProp(alpha=0.95, eps=1.0E-7)",
                "Adam(beta1=0.8, beta2=0.99, eps=1.0E-6)");
        assertEquals(expected, optimizers().map(Object::toString).toList());
        assertEquals(List.of("Sgd", "Momentum", "Nesterov", "AdaGrad", "RmsProp", "Adam"),
                optimizers().map(Optimizer::name).toList());
    }

    @Test
    void defaultsAreThoseOfPyTorchAndCs231n() {
        assertEquals("Momentum(momentum=0.9)", new Momentum().toString());
        assertEquals("Nesterov(momentum=0.9)", new Nesterov().toString());
        assertEquals("AdaGrad(eps=1.0E-10, initialAccumulatorValue=0.0)", new AdaGrad().toString());
        assertEquals("RmsProp(alpha=0.99, eps=1.0E-8)", new RmsProp().toString());
        assertEquals("Adam(beta1=0.9, beta2=0.999, eps=1.0E-8)", new Adam().toString());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void stepLeavesItsArgumentAloneAndAgreesWithUpdateInPlace(Optimizer optimizer) {
        Optimizer twin = optimizer.copy();
        DMatrixRMaj w = weights();
        DMatrixRMaj dw = gradient(1);
        DMatrixRMaj next = optimizer.step(w, dw, 0.1);
        assertArrayEquals(weights().data, w.data);
        assertArrayEquals(gradient(1).data, dw.data);
        twin.updateInPlace(w, dw, 0.1);
        assertArrayEquals(w.data, next.data);
        assertNotSame(w, next);
        assertEquals(1, optimizer.steps());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void copyHasTheSameSettingsAndFreshState(Optimizer optimizer) {
        run(optimizer, 3);
        Optimizer copy = optimizer.copy();
        assertEquals(optimizer.toString(), copy.toString());
        assertEquals(0, copy.steps());
        assertArrayEquals(run(optimizers().filter(o -> o.name().equals(optimizer.name()))
                .findFirst().orElseThrow(), 2).data, run(copy, 2).data);
        assertEquals(3, optimizer.steps());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void resetForgetsTheStateAndTheShape(Optimizer optimizer) {
        DMatrixRMaj fresh = run(optimizer.copy(), 2);
        run(optimizer, 4);
        optimizer.reset();
        assertEquals(0, optimizer.steps());
        assertArrayEquals(fresh.data, run(optimizer, 2).data);
        optimizer.reset();
        DMatrixRMaj other = new DMatrixRMaj(1, 2, true, 1.0, 2.0);
        optimizer.updateInPlace(other, new DMatrixRMaj(1, 2, true, 0.5, 0.5), 0.1);
        assertEquals(1, optimizer.steps());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aSecondShapeIsRefusedUntilReset(Optimizer optimizer) {
        run(optimizer, 1);
        DMatrixRMaj other = new DMatrixRMaj(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(other, new DMatrixRMaj(3, 2), 0.1));
        assertEquals("w and dw are 3 x 2 but this " + optimizer.name() + " holds state for 2 x 3;"
                + " call reset() before using it with another shape", e.getMessage());
        assertEquals(1, optimizer.steps());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aNonFiniteGradientIsRefusedNamingTheStepAndChangesNothing(Optimizer optimizer) {
        Optimizer twin = optimizer.copy();
        DMatrixRMaj w = run(optimizer, 2);
        DMatrixRMaj bad = gradient(1);
        bad.data[4] = Double.NaN;
        DMatrixRMaj before = w.copy();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(w, bad, 0.1));
        assertEquals("dw at step 3 must be finite everywhere but entry 4 was: NaN", e.getMessage());
        assertArrayEquals(before.data, w.data);
        assertEquals(2, optimizer.steps());
        bad.data[4] = Double.NEGATIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> optimizer.updateInPlace(w, bad, 0.1));
        assertEquals("dw at step 3 must be finite everywhere but entry 4 was: -Infinity", e.getMessage());
        // The rejected calls left the state as it was: the next steps match an undisturbed twin.
        optimizer.updateInPlace(w, gradient(3), 0.1);
        assertArrayEquals(run(twin, 3).data, w.data);
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aNonFiniteGradientOnTheFirstStepIsRefused(Optimizer optimizer) {
        DMatrixRMaj bad = gradient(1);
        bad.data[0] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(weights(), bad, 0.1));
        assertEquals("dw at step 1 must be finite everywhere but entry 0 was: Infinity", e.getMessage());
        assertEquals(0, optimizer.steps());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void nonFiniteWeightsAreRefusedNamingTheStep(Optimizer optimizer) {
        DMatrixRMaj w = weights();
        w.data[5] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(w, gradient(1), 0.1));
        assertEquals("w at step 1 must be finite everywhere but entry 5 was: NaN", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void badLearningRatesAndMatricesAreRefused(Optimizer optimizer) {
        DMatrixRMaj w = weights();
        DMatrixRMaj dw = gradient(1);
        assertEquals("learningRate must be >= 0 but was: -0.1", assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(w, dw, -0.1)).getMessage());
        assertEquals("learningRate must be >= 0 but was: NaN", assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(w, dw, Double.NaN)).getMessage());
        assertEquals("learningRate must be >= 0 but was: Infinity", assertThrows(
                IllegalArgumentException.class,
                () -> optimizer.updateInPlace(w, dw, Double.POSITIVE_INFINITY)).getMessage());
        assertEquals("w must not be null", assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(null, dw, 0.1)).getMessage());
        assertEquals("w must not be null", assertThrows(IllegalArgumentException.class,
                () -> optimizer.step(null, dw, 0.1)).getMessage());
        assertEquals("dw must not be null", assertThrows(IllegalArgumentException.class,
                () -> optimizer.updateInPlace(w, null, 0.1)).getMessage());
        assertEquals("w and dw must have the same shape but were: 2 x 3 and 3 x 2",
                assertThrows(IllegalArgumentException.class,
                        () -> optimizer.updateInPlace(w, new DMatrixRMaj(3, 2), 0.1)).getMessage());
        assertEquals(0, optimizer.steps());
        assertArrayEquals(weights().data, w.data);
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aZeroLearningRateLeavesTheWeightsUnchanged(Optimizer optimizer) {
        DMatrixRMaj w = weights();
        optimizer.updateInPlace(w, gradient(1), 0.0);
        assertArrayEquals(weights().data, w.data);
        assertEquals(1, optimizer.steps());
    }

    @Test
    void adamFirstStepMovesEachWeightByAboutTheLearningRate() {
        // By hand: on step 1, m̂ = g and v̂ = g², so W -= lr · g / (|g| + ε) ≈ lr · sign(g).
        DMatrixRMaj w = weights();
        new Adam().updateInPlace(w, gradient(1), 0.1);
        assertArrayEquals(new double[] {0.9, -0.1, -0.9, 1.9, 1.1, 0.4}, w.data, TOLERANCE);
    }

    @Test
    void rmsPropFirstStepMovesEachWeightByTenTimesTheLearningRate() {
        // By hand: s = 0.01 · g², so W -= lr · g / (0.1 · |g| + ε) ≈ 10 · lr · sign(g).
        DMatrixRMaj w = weights();
        new RmsProp().updateInPlace(w, gradient(1), 0.01);
        assertArrayEquals(new double[] {0.9, -0.1, -0.9, 1.9, 1.1, 0.4}, w.data, TOLERANCE);
    }

    @Test
    void momentumKeepsTheFractionMuOfItsVelocity() {
        // By hand with one weight, g = 1 every step, lr = 1: v = 1, 1.5, 1.75 so W = -1, -2.5, -4.25.
        Momentum momentum = new Momentum(0.5);
        DMatrixRMaj w = new DMatrixRMaj(1, 1);
        DMatrixRMaj g = new DMatrixRMaj(1, 1, true, 1.0);
        double[] expected = {-1.0, -2.5, -4.25};
        for (double e : expected) {
            momentum.updateInPlace(w, g, 1.0);
            assertEquals(e, w.get(0, 0), TOLERANCE);
        }
    }
}
