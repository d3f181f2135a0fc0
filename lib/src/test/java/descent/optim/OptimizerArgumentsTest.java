package descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hyperparameters are checked in the constructors, with messages naming argument and value. */
class OptimizerArgumentsTest {

    private static void assertRefused(String message, Executable construct) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, construct).getMessage());
    }

    @Test
    void momentumMustBeInZeroToOne() {
        assertRefused("momentum must be in [0.0, 1.0) but was: 1.0", () -> new Momentum(1.0));
        assertRefused("momentum must be in [0.0, 1.0) but was: -0.1", () -> new Momentum(-0.1));
        assertRefused("momentum must be in [0.0, 1.0) but was: NaN", () -> new Momentum(Double.NaN));
        assertEquals(0.0, new Momentum(0.0).momentum());
    }

    @Test
    void nesterovNeedsAPositiveMomentumBelowOne() {
        assertRefused("momentum must be > 0 but was: 0.0", () -> new Nesterov(0.0));
        assertRefused("momentum must be in [0.0, 1.0) but was: 1.5", () -> new Nesterov(1.5));
        assertRefused("momentum must be > 0 but was: NaN", () -> new Nesterov(Double.NaN));
    }

    @Test
    void adaGradNeedsAPositiveEpsAndANonNegativeAccumulator() {
        assertRefused("eps must be > 0 but was: 0.0", () -> new AdaGrad(0.0, 0.0));
        assertRefused("eps must be > 0 but was: Infinity", () -> new AdaGrad(Double.POSITIVE_INFINITY, 0.0));
        assertRefused("initialAccumulatorValue must be >= 0 but was: -1.0", () -> new AdaGrad(1e-10, -1.0));
        assertRefused("initialAccumulatorValue must be >= 0 but was: NaN", () -> new AdaGrad(1e-10, Double.NaN));
    }

    @Test
    void rmsPropNeedsAlphaInZeroToOneAndAPositiveEps() {
        assertRefused("alpha must be in [0.0, 1.0) but was: 1.0", () -> new RmsProp(1.0, 1e-8));
        assertRefused("alpha must be in [0.0, 1.0) but was: NaN", () -> new RmsProp(Double.NaN, 1e-8));
        assertRefused("eps must be > 0 but was: -1.0E-8", () -> new RmsProp(0.99, -1e-8));
        assertRefused("eps must be > 0 but was: NaN", () -> new RmsProp(0.99, Double.NaN));
    }

    @Test
    void adamNeedsBetasInZeroToOneAndAPositiveEps() {
        assertRefused("beta1 must be in [0.0, 1.0) but was: 1.0", () -> new Adam(1.0, 0.999, 1e-8));
        assertRefused("beta1 must be in [0.0, 1.0) but was: -0.5", () -> new Adam(-0.5, 0.999, 1e-8));
        assertRefused("beta2 must be in [0.0, 1.0) but was: 1.0", () -> new Adam(0.9, 1.0, 1e-8));
        assertRefused("beta2 must be in [0.0, 1.0) but was: NaN", () -> new Adam(0.9, Double.NaN, 1e-8));
        assertRefused("eps must be > 0 but was: 0.0", () -> new Adam(0.9, 0.999, 0.0));
        assertRefused("eps must be > 0 but was: Infinity", () -> new Adam(0.9, 0.999, Double.POSITIVE_INFINITY));
    }
}
