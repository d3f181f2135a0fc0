package descent.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.util.Interrupted;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NumericalGradientInterruptTest {

    /** Sum of squares that interrupts its thread on its {@code n}-th call. */
    private static ToDoubleFunction<DMatrixRMaj> interruptingOnCall(int n) {
        int[] calls = {0};
        return w -> {
            if (++calls[0] == n) {
                Thread.currentThread().interrupt();
            }
            double s = 0;
            for (double v : w.data) {
                s += v * v;
            }
            return s;
        };
    }

    @AfterEach
    void clearTheInterruptFlag() {
        Thread.interrupted();
    }

    @Test
    void aNumericalGradientStopsAtTheNextCoordinateWithWRestored() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        // Centered differences: two calls a coordinate; the 7th call is coordinate 3's first.
        Interrupted e = assertThrows(Interrupted.class,
                () -> NumericalGradient.centered(interruptingOnCall(7), w, 1e-5));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
        assertEquals("numerical gradient interrupted at coordinate 4 of 6; W is restored and nothing else is "
                + "kept: check a few coordinates with GradientCheck.sampled instead", e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, w.data, 0.0);
    }

    @Test
    void aGradientCheckStopsAtTheNextCoordinateWithWRestored() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2, 3}, {4, 5, 6}});
        DMatrixRMaj analytic = w.copy();
        Thread.currentThread().interrupt();
        Interrupted e = assertThrows(Interrupted.class,
                () -> GradientCheck.sampled(interruptingOnCall(-1), w, analytic, 5, 1e-5, 1));
        assertEquals("gradient check interrupted at coordinate 0 of 5; W is restored and nothing else is kept: "
                + "check fewer coordinates", e.getMessage());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, w.data, 0.0);
    }
}
