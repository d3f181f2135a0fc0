package descent.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpectTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void captureOut() {
        saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOut() {
        System.setOut(saved);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void thatPrintsTheFormattedClaimWhenItHolds() {
        Expect.that(0.213 > 0.156 + 0.03, "local beats random by > 3 points: %.1f%% vs %.1f%%", 21.3, 15.6);
        assertEquals("check ok: local beats random by > 3 points: 21.3% vs 15.6%\n", printed());
    }

    @Test
    void thatThrowsTheSameClaimWhenItFailsAndPrintsNothing() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Expect.that(false, "loss falls below %.2f", 2.0));
        assertEquals("check failed: loss falls below 2.00", e.getMessage());
        assertEquals("", printed());
    }

    @Test
    void betweenShowsTheValueAndTheInterval() {
        Expect.between("loss at W ~ 0", 2.302585, 2.2, 2.4);
        assertEquals("check ok: loss at W ~ 0 = 2.303, in [2.2, 2.4]\n", printed());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Expect.between("validation accuracy", 0.251, 0.3, 0.4));
        assertEquals("check failed: validation accuracy = 0.251, not in [0.3, 0.4]", e.getMessage());
    }

    @Test
    void betweenFailsOnNaN() {
        AssertionError e = assertThrows(AssertionError.class, () -> Expect.between("loss", Double.NaN, 0, 1));
        assertEquals("check failed: loss = NaN, not in [0, 1]", e.getMessage());
    }

    @Test
    void nearShowsExpectedAndTolerance() {
        Expect.near("ln 10", Math.log(10), 2.3026, 1e-4);
        assertEquals("check ok: ln 10 = 2.303, expected 2.303 ± 1.000e-04\n", printed());
        AssertionError e = assertThrows(AssertionError.class, () -> Expect.near("step", 21735, 20000, 10));
        assertEquals("check failed: step = 21735, expected 20000 ± 10", e.getMessage());
    }

    @Test
    void nearRejectsANegativeTolerance() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expect.near("x", 1, 1, -1));
        assertEquals("tolerance must be >= 0 but was: -1.0", e.getMessage());
    }

    @Test
    void numbersUseFourSignificantDigitsOrPowersOfTen() {
        assertEquals("0.347", Expect.number(0.347));
        assertEquals("2.303", Expect.number(2.302585));
        assertEquals("21735", Expect.number(21735));
        assertEquals("1.000e-07", Expect.number(1e-7));
        assertEquals("8.650e+06", Expect.number(8.65e6));
        assertEquals("-0.5", Expect.number(-0.5));
        assertEquals("0", Expect.number(0));
    }
}
