package descent.util;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChecksTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void rejects(String message, Executable check) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, check);
        assertEquals(message, e.getMessage());
    }

    @Test
    void positiveDoubleAcceptsFiniteValuesAboveZeroOnly() {
        assertEquals(1e-300, Checks.positive("lr", 1e-300), 0);
        assertEquals(Double.MAX_VALUE, Checks.positive("lr", Double.MAX_VALUE), 0);
        rejects("lr must be > 0 but was: 0.0", () -> Checks.positive("lr", 0.0));
        rejects("lr must be > 0 but was: -0.0", () -> Checks.positive("lr", -0.0));
        rejects("lr must be > 0 but was: -1.0", () -> Checks.positive("lr", -1.0));
        rejects("lr must be > 0 but was: NaN", () -> Checks.positive("lr", NAN));
        rejects("lr must be > 0 but was: Infinity", () -> Checks.positive("lr", INF));
        rejects("lr must be > 0 but was: -Infinity", () -> Checks.positive("lr", -INF));
    }

    @Test
    void nonNegativeDoubleAcceptsZeroAndFiniteValuesAbove() {
        assertEquals(0, Checks.nonNegative("reg", 0.0), 0);
        assertEquals(2.5, Checks.nonNegative("reg", 2.5), 0);
        rejects("reg must be >= 0 but was: -1.0E-12", () -> Checks.nonNegative("reg", -1e-12));
        rejects("reg must be >= 0 but was: NaN", () -> Checks.nonNegative("reg", NAN));
        rejects("reg must be >= 0 but was: Infinity", () -> Checks.nonNegative("reg", INF));
        rejects("reg must be >= 0 but was: -Infinity", () -> Checks.nonNegative("reg", -INF));
    }

    @Test
    void finiteRejectsNaNAndBothInfinities() {
        assertEquals(-3, Checks.finite("lo", -3.0), 0);
        rejects("lo must be finite but was: NaN", () -> Checks.finite("lo", NAN));
        rejects("lo must be finite but was: Infinity", () -> Checks.finite("lo", INF));
        rejects("lo must be finite but was: -Infinity", () -> Checks.finite("lo", -INF));
    }

    @Test
    void closedRangeIncludesBothEnds() {
        assertEquals(0, Checks.inClosedRange("beta", 0.0, 0, 1), 0);
        assertEquals(1, Checks.inClosedRange("beta", 1.0, 0, 1), 0);
        rejects("beta must be in [0.0, 1.0] but was: 1.0000001", () -> Checks.inClosedRange("beta", 1.0000001, 0, 1));
        rejects("beta must be in [0.0, 1.0] but was: -0.5", () -> Checks.inClosedRange("beta", -0.5, 0, 1));
        rejects("beta must be in [0.0, 1.0] but was: NaN", () -> Checks.inClosedRange("beta", NAN, 0, 1));
        rejects("beta must be in [0.0, 1.0] but was: Infinity", () -> Checks.inClosedRange("beta", INF, 0, 1));
        rejects("beta must be in [0.0, 1.0] but was: -Infinity", () -> Checks.inClosedRange("beta", -INF, 0, 1));
    }

    @Test
    void halfOpenRangeIncludesTheLowEndOnly() {
        assertEquals(0, Checks.inHalfOpenRange("mu", 0.0, 0, 1), 0);
        assertEquals(0.999, Checks.inHalfOpenRange("mu", 0.999, 0, 1), 0);
        rejects("mu must be in [0.0, 1.0) but was: 1.0", () -> Checks.inHalfOpenRange("mu", 1.0, 0, 1));
        rejects("mu must be in [0.0, 1.0) but was: -0.1", () -> Checks.inHalfOpenRange("mu", -0.1, 0, 1));
        rejects("mu must be in [0.0, 1.0) but was: NaN", () -> Checks.inHalfOpenRange("mu", NAN, 0, 1));
        rejects("mu must be in [0.0, 1.0) but was: Infinity", () -> Checks.inHalfOpenRange("mu", INF, 0, 1));
        rejects("mu must be in [0.0, 1.0) but was: -Infinity", () -> Checks.inHalfOpenRange("mu", -INF, 0, 1));
    }

    @Test
    void intChecksNameTheArgumentAndTheValue() {
        assertEquals(1, Checks.positive("n", 1));
        rejects("n must be > 0 but was: 0", () -> Checks.positive("n", 0));
        rejects("n must be > 0 but was: -2147483648", () -> Checks.positive("n", Integer.MIN_VALUE));
        assertEquals(0, Checks.nonNegative("seed", 0));
        rejects("seed must be >= 0 but was: -1", () -> Checks.nonNegative("seed", -1));
    }

    @Test
    void notNullReturnsTheValueAndRequireUsesTheMessageAsGiven() {
        String s = "x";
        assertSame(s, Checks.notNull("s", s));
        rejects("s must not be null", () -> Checks.notNull("s", null));
        assertDoesNotThrow(() -> Checks.require(true, "unused"));
        rejects("batch must be <= N but was: 7", () -> Checks.require(false, "batch must be <= N but was: 7"));
    }

    @Test
    void noneNullNamesTheFirstNullValueAndRejectsMismatchedNames() {
        assertDoesNotThrow(() -> Checks.noneNull("a, b,c", 1, "two", 3.0));
        rejects("b must not be null", () -> Checks.noneNull("a, b, c", 1, null, null));
        rejects("noneNull was given 2 names (a, b) for 3 values", () -> Checks.noneNull("a, b", 1, 2, 3));
    }

    @Test
    void shapeChecksNameBothShapes() {
        DMatrixRMaj w = new DMatrixRMaj(10, 3073);
        assertDoesNotThrow(() -> Checks.shape("W", w, 10, 3073));
        rejects("W must be 10 x 3072 but was: 10 x 3073", () -> Checks.shape("W", w, 10, 3072));
        rejects("W must not be null", () -> Checks.shape("W", null, 1, 1));
        assertDoesNotThrow(() -> Checks.sameShape("W", w, "dW", new DMatrixRMaj(10, 3073)));
        rejects("W and dW must have the same shape but were: 10 x 3073 and 3073 x 10",
                () -> Checks.sameShape("W", w, "dW", new DMatrixRMaj(3073, 10)));
        rejects("dW must not be null", () -> Checks.sameShape("W", w, "dW", null));
    }

    @Test
    void allFiniteNamesTheFirstBadEntryWithinTheGivenLength() {
        double[] v = {1, 2, NAN, -INF};
        assertDoesNotThrow(() -> Checks.allFinite("v", v, 2));
        rejects("v must be finite everywhere but entry 2 was: NaN", () -> Checks.allFinite("v", v, 4));
        rejects("v must be finite everywhere but entry 0 was: Infinity",
                () -> Checks.allFinite("v", new double[] {INF}, 1));
        rejects("v must be finite everywhere but entry 3 was: -Infinity",
                () -> Checks.allFinite("v", new double[] {0, 0, 0, -INF}, 4));
    }

    @Test
    void firstNonFiniteDescribesTheEntryInWordsForDoubleAndFloatMatrices() {
        assertNull(Checks.firstNonFinite(new DMatrixRMaj(2, 3)));
        DMatrixRMaj d = new DMatrixRMaj(2, 3);
        d.set(1, 2, NAN);
        assertEquals("NaN at row 1, column 2 (of 2 × 3)", Checks.firstNonFinite(d));
        FMatrixRMaj f = new FMatrixRMaj(2, 3);
        f.set(0, 1, Float.NEGATIVE_INFINITY);
        f.set(1, 0, Float.NaN);
        assertEquals("-Infinity at row 0, column 1 (of 2 × 3)", Checks.firstNonFinite(f));
        assertEquals("Infinity at row 17, column 2,048 (of 49,000 × 3,073)",
                Checks.describe(INF, 17, 2048, 49_000, 3073));
    }

    @Test
    void finiteMatrixNamesTheMatrixTheEntryAndTheAdvice() {
        DMatrixRMaj x = new DMatrixRMaj(3, 2);
        assertDoesNotThrow(() -> Checks.finite("X", x, "; unused"));
        x.set(2, 1, INF);
        rejects("X has Infinity at row 2, column 1 (of 3 × 2); the data must be finite",
                () -> Checks.finite("X", x, "; the data must be finite"));
        rejects("X must not be null", () -> Checks.finite("X", null, "; unused"));
    }
}
