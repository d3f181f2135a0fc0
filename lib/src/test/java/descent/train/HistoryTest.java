package descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistoryTest {

    private static History withValidation(double... accuracy) {
        int[] steps = new int[accuracy.length];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = 100 * (k + 1);
        }
        double[] none = new double[accuracy.length];
        return new History(new double[] {2.3, 2.2}, new double[] {1e-6, 1e-6}, new double[] {3, 2},
                new double[] {1, 2}, steps, none, accuracy, none, History.StopReason.COMPLETED, "done");
    }

    @Test
    void finalValidationAccuracyIsTheLastEvaluationNotTheBest() {
        History h = withValidation(0.30, 0.36, 0.35);
        assertEquals(0.35, h.finalValidationAccuracy());
        assertEquals(0.36, h.bestValidationAccuracy());
    }

    @Test
    void finalValidationAccuracyIsNaNWithoutAnEvaluation() {
        assertTrue(Double.isNaN(withValidation().finalValidationAccuracy()));
        assertTrue(Double.isNaN(withValidation(Double.NaN).finalValidationAccuracy()));
    }
}
