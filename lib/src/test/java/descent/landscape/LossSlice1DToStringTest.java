package descent.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LossSlice1DToStringTest {

    @Test
    void aPrintedSliceReadsAsASentenceWithFourSignificantDigits() {
        double[] a = {-3, 0.05, 3};
        double[] loss = {9.87654321, 2.3500482773, 7.5};
        assertEquals("loss along one direction: 3 points, a from -3 to 3, lowest 2.35 at a = 0.05",
                new LossSlice1D(a, loss).toString());
    }
}
