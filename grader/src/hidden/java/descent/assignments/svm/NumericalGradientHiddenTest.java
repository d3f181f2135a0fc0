package descent.assignments.svm;

import descent.assignments.common.Problem;
import descent.check.NumericalGradient;
import descent.grade.Answers;
import descent.grade.Feedback;
import descent.grade.Points;
import descent.grade.Question;
import descent.loss.SvmLossNaive;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of q3, the centered-difference numerical gradient. */
@Question("q3")
class NumericalGradientHiddenTest {
    private static final double TOL = 1e-6;

    private static NumericalGradientFunction answer() {
        return Answers.get("q3", NumericalGradientFunction.class);
    }

    private static DMatrixRMaj call(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj w, double h) {
        DMatrixRMaj grad = answer().apply(f, w, h);
        Feedback.shape("your numerical gradient", w.numRows, w.numCols, grad,
                "return a new matrix of W's shape: new DMatrixRMaj(W.numRows, W.numCols)");
        return grad;
    }

    @Test
    @Points(1)
    @DisplayName("f only ever sees W with one entry moved by ±h")
    void oneEntryAtATime() {
        Random random = new Random(131);
        DMatrixRMaj w = new DMatrixRMaj(3, 4);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = random.nextGaussian();
        }
        DMatrixRMaj original = w.copy();
        double h = 1e-3;
        List<String> problems = new ArrayList<>();
        ToDoubleFunction<DMatrixRMaj> f = m -> {
            List<String> moved = new ArrayList<>();
            for (int k = 0; k < m.data.length; k++) {
                double step = Math.abs(m.data[k] - original.data[k]);
                if (step != 0) {
                    moved.add("W[" + k / m.numCols + "][" + k % m.numCols + "]");
                }
                if (step != 0 && Math.abs(step - h) > 1e-9) {
                    problems.add("W[" + k / m.numCols + "][" + k % m.numCols + "] was moved by "
                            + Feedback.num(step) + " instead of h = 0.001");
                }
            }
            if (moved.size() > 1) {
                problems.add("f was called with " + moved.size() + " entries of W moved (" + moved.get(0)
                        + " and " + moved.get(1) + ")");
            }
            return m.data[0] * m.data[0] + m.data[7];
        };
        call(f, w, h);
        Feedback.that(problems.isEmpty(), problems.isEmpty() ? "" : problems.get(0), "move one entry at a"
                + " time, by +h and then by −h from its saved value, and put the saved value back before"
                + " the next entry");
    }

    @Test
    @Points(1)
    @DisplayName("matches the library's centered gradient of the SVM loss (W: 4 × 6, h = 1e-5)")
    void matchesLibraryOnSvmLoss() {
        Problem p = Problem.random(132, 20, 6, 4, 0.2);
        ToDoubleFunction<DMatrixRMaj> f = m -> new SvmLossNaive(0.1).loss(m, p.dataset());
        DMatrixRMaj expected = NumericalGradient.centered(f, p.w().copy(), 1e-5);
        Feedback.matrixClose("dW", expected, call(f, p.w().copy(), 1e-5), TOL, "go over every entry"
                + " of W, row by row: W.numRows × W.numCols of them (flat index k = r · W.numCols + c)");
    }

    @Test
    @Points(1)
    @DisplayName("uses the step h it is given: Σ W³ at h = 0.01 gives 3W² + h²")
    void usesGivenStep() {
        Random random = new Random(133);
        DMatrixRMaj w = new DMatrixRMaj(2, 3);
        for (int k = 0; k < w.data.length; k++) {
            w.data[k] = 0.5 + random.nextDouble();
        }
        double h = 0.01;
        ToDoubleFunction<DMatrixRMaj> f = m -> {
            double s = 0;
            for (double v : m.data) {
                s += v * v * v;
            }
            return s;
        };
        DMatrixRMaj expected = new DMatrixRMaj(2, 3);
        for (int k = 0; k < expected.data.length; k++) {
            expected.data[k] = 3 * w.data[k] * w.data[k] + h * h;
        }
        Feedback.matrixClose("dW", expected, call(f, w, h), 1e-8, "step by the h passed in, not by"
                + " a constant of your own; ((w + h)³ − (w − h)³) / 2h = 3w² + h² exactly");
    }
}
