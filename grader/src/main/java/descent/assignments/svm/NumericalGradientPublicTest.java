package descent.assignments.svm;

import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Public tests of q3, the centered-difference numerical gradient, on functions with known gradients. */
@Question("q3")
class NumericalGradientPublicTest {
    private static final double TOL = 1e-5;

    private static NumericalGradientFunction answer() {
        return Answers.get("q3", NumericalGradientFunction.class);
    }

    private static DMatrixRMaj randomMatrix(long seed, int rows, int cols, double lo, double hi) {
        Random random = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = lo + (hi - lo) * random.nextDouble();
        }
        return m;
    }

    private static DMatrixRMaj call(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, double h) {
        DMatrixRMaj grad = answer().apply(f, w, h);
        Feedback.shape("your numerical gradient", w.numRows, w.numCols, grad,
                "return a new matrix of W's shape: new DMatrixRMaj(W.numRows, W.numCols)");
        return grad;
    }

    @Test
    @Points(2)
    @DisplayName("gradient of a quadratic Σ a·W² + b·W (3 × 4, h = 1e-4) is 2·a·W + b")
    void quadratic() {
        DMatrixRMaj a = randomMatrix(31, 3, 4, 0.5, 2);
        DMatrixRMaj b = randomMatrix(32, 3, 4, -1, 1);
        DMatrixRMaj w = randomMatrix(33, 3, 4, 1, 2);
        ToDoubleFunction<DMatrixRMaj> f = m -> {
            double s = 0;
            for (int k = 0; k < m.data.length; k++) {
                s += a.data[k] * m.data[k] * m.data[k] + b.data[k] * m.data[k];
            }
            return s;
        };
        DMatrixRMaj expected = new DMatrixRMaj(3, 4);
        for (int k = 0; k < expected.data.length; k++) {
            expected.data[k] = 2 * a.data[k] * w.data[k] + b.data[k];
        }
        Feedback.matrixClose("dW", expected, call(f, w, 1e-4), TOL, "for each entry: save it, set"
                + " it to old + h and evaluate f, set it to old − h and evaluate f, put old back;"
                + " the partial derivative is (f₊ − f₋) / (2h)");
    }

    @Test
    @Points(2)
    @DisplayName("uses the centered difference: Σ W³ at h = 1e-3 is off by h² only, not by 3W·h")
    void centeredNotForward() {
        DMatrixRMaj w = randomMatrix(34, 2, 5, 0.5, 1.5);
        ToDoubleFunction<DMatrixRMaj> f = m -> {
            double s = 0;
            for (double v : m.data) {
                s += v * v * v;
            }
            return s;
        };
        DMatrixRMaj expected = new DMatrixRMaj(2, 5);
        for (int k = 0; k < expected.data.length; k++) {
            expected.data[k] = 3 * w.data[k] * w.data[k];
        }
        Feedback.matrixClose("dW", expected, call(f, w, 1e-3), 1e-4, "use (f(W + h) − f(W − h)) / (2h):"
                + " the forward difference (f(W + h) − f(W)) / h is off by about 3W·h here, the"
                + " centered one by h² only");
    }

    @Test
    @Points(1)
    @DisplayName("W is exactly as before after the call")
    void restoresW() {
        DMatrixRMaj w = randomMatrix(35, 3, 4, -1, 1);
        DMatrixRMaj before = w.copy();
        call(m -> m.data[0] * m.data[1] + m.data[5], w, 1e-5);
        Feedback.unchanged("W", before, w, "save the entry (double old = W.data[k]) before you move it"
                + " and set it back to old afterwards: adding h and subtracting it again leaves"
                + " rounding errors");
    }
}
