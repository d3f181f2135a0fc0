package descent.assignments.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import descent.check.NumericalGradient;
import descent.data.Dataset;
import descent.grade.Answers;
import descent.grade.TestOutcome;
import descent.loss.LossAndGradient;
import descent.loss.SvmLoss;
import descent.loss.SvmLossNaive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the "svm" assignment itself: a correct answer passes every public and hidden test, the
 * source notebook's own solution does too (run in JShell like the grader), the notebook's stated
 * points equal the tests' points, and typical wrong answers fail exactly the tests meant to catch
 * them, with the message a student would read.
 */
class SvmAssignmentTest {
    static final String ASSIGNMENT = "svm";
    static final String CIFAR_TEST = "SgdHiddenTest.reachesAccuracyOnCifar10";

    @BeforeEach
    @AfterEach
    void forgetAnswers() {
        Answers.clear();
    }

    static Dataset dataset(DMatrixRMaj x, int[] y, int c) {
        return new Dataset(x, y, Dataset.defaultClassNames(c));
    }

    static final SvmLossFunction NAIVE = (w, x, y, reg) ->
            new SvmLossNaive(reg).lossAndGradient(w, dataset(x, y, w.numRows));
    static final SvmLossFunction VECTORIZED = (w, x, y, reg) ->
            new SvmLoss(reg).lossAndGradient(w, dataset(x, y, w.numRows));
    static final NumericalGradientFunction NUMERICAL = NumericalGradient::centered;
    static final SgdFunction SGD = (loss, train, w0, lr, iterations, batchSize, seed) -> {
        DMatrixRMaj w = w0.copy();
        Random random = new Random(seed);
        for (int t = 0; t < iterations; t++) {
            int[] idx = new int[batchSize];
            for (int k = 0; k < batchSize; k++) {
                idx[k] = random.nextInt(train.size());
            }
            CommonOps_DDRM.addEquals(w, -lr, loss.lossAndGradient(w, train.rows(idx)).gradient());
        }
        return w;
    };

    static void recordReference() {
        Answers.record("q1", NAIVE);
        Answers.record("q2", VECTORIZED);
        Answers.record("q3", NUMERICAL);
        Answers.record("q4", SGD);
    }

    static List<String> failures(List<TestOutcome> outcomes) {
        List<String> failed = new ArrayList<>();
        for (TestOutcome o : outcomes) {
            if (!o.passed()) {
                failed.add(o.id() + ": " + o.message());
            }
        }
        return failed;
    }

    @Test
    void referenceAnswersPassEveryPublicAndHiddenTest() {
        recordReference();
        List<TestOutcome> outcomes = AssignmentHarness.runAll(ASSIGNMENT);
        assertEquals(List.of(), failures(outcomes));
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> hidden = new TreeMap<>();
        for (TestOutcome o : outcomes) {
            counts.merge(o.question(), 1, Integer::sum);
            hidden.merge(o.question(), o.hidden() ? 1 : 0, Integer::sum);
        }
        assertEquals(Map.of("q1", 8, "q2", 7, "q3", 6, "q4", 7), counts);
        assertEquals(Map.of("q1", 4, "q2", 4, "q3", 3, "q4", 4), hidden);
        assertEquals(Map.of("q1", 12.0, "q2", 9.0, "q3", 8.0, "q4", 12.0),
                AssignmentHarness.pointsByQuestion(ASSIGNMENT));
    }

    @Test
    void notebookSolutionPassesEveryPublicAndHiddenTest() {
        AssignmentHarness.recordNotebookAnswers(AssignmentHarness.sourceNotebook("a1-svm.ipynb"));
        assertEquals(List.of(), failures(AssignmentHarness.runAll(ASSIGNMENT)));
    }

    @Test
    void releasedNotebookCompilesAndEveryTestSaysNotImplemented() {
        AssignmentHarness.recordNotebookAnswers(AssignmentHarness.released(
                AssignmentHarness.sourceNotebook("a1-svm.ipynb")));
        for (TestOutcome o : AssignmentHarness.runAll(ASSIGNMENT)) {
            assertEquals(o.question() + " is not implemented yet: write your code where the cell says"
                    + " \"YOUR CODE HERE\", run the cell, then run the check below it.", o.message(), o.id());
        }
    }

    @Test
    void notebookStatesThePointsOfTheTests() {
        JsonNode nb = AssignmentHarness.sourceNotebook("a1-svm.ipynb");
        Map<String, Double> tests = AssignmentHarness.pointsByQuestion(ASSIGNMENT);
        assertEquals(tests, AssignmentHarness.notebookPoints(nb));
        double total = tests.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(AssignmentHarness.source(nb.get("cells").get(0)).contains(
                Math.round(total) + " points in all"), "the introduction states the total " + total);
    }

    @Test
    void notebookCellsFollowTheContract() {
        NotebookContract.check(AssignmentHarness.sourceNotebook("a1-svm.ipynb"), ASSIGNMENT,
                List.of("q1", "q2", "q3", "q4"));
    }

    // ---- wrong answers: which tests fail, and what they say ---------------------------------

    /** Records the reference everywhere but {@code question}, runs that question, returns its failures. */
    static Map<String, String> failuresOf(String question, Object answer) {
        recordReference();
        Answers.record(question, answer);
        Map<String, String> failed = new TreeMap<>();
        for (TestOutcome o : AssignmentHarness.run(ASSIGNMENT, question, Set.of(CIFAR_TEST))) {
            if (!o.passed()) {
                failed.put(o.id(), o.message());
            }
        }
        return failed;
    }

    /** A loop SVM like the library's, with the kink counted when {@code countKink}. */
    static SvmLossFunction loopSvm(boolean countKink) {
        return (w, x, y, reg) -> {
            int n = x.numRows;
            DMatrixRMaj dw = new DMatrixRMaj(w.numRows, w.numCols);
            double data = 0;
            for (int i = 0; i < n; i++) {
                DMatrixRMaj s = new DMatrixRMaj(1, w.numRows);
                for (int j = 0; j < w.numRows; j++) {
                    for (int k = 0; k < w.numCols; k++) {
                        s.data[j] += w.get(j, k) * x.get(i, k);
                    }
                }
                for (int j = 0; j < w.numRows; j++) {
                    double margin = s.data[j] - s.data[y[i]] + 1;
                    if (j == y[i] || margin < 0 || (margin == 0 && !countKink)) {
                        continue;
                    }
                    data += margin;
                    for (int k = 0; k < w.numCols; k++) {
                        dw.add(j, k, x.get(i, k) / n);
                        dw.add(y[i], k, -x.get(i, k) / n);
                    }
                }
            }
            double regLoss = reg * CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(w, w, null));
            CommonOps_DDRM.addEquals(dw, 2 * reg, w);
            return new LossAndGradient(data / n + regLoss, data / n, regLoss, dw);
        };
    }

    /** The reference with its data parts scaled: loss by {@code lossFactor}, gradient by {@code gradFactor}. */
    static SvmLossFunction scaledData(double lossFactor, double gradFactor, boolean perExample) {
        return (w, x, y, reg) -> {
            LossAndGradient r = NAIVE.apply(w, x, y, reg);
            double lf = perExample ? lossFactor * x.numRows : lossFactor;
            double gf = perExample ? gradFactor * x.numRows : gradFactor;
            DMatrixRMaj g = r.gradient().copy();
            CommonOps_DDRM.addEquals(g, -2 * reg, w);
            CommonOps_DDRM.scale(gf, g);
            CommonOps_DDRM.addEquals(g, 2 * reg, w);
            return new LossAndGradient(r.dataLoss() * lf + r.regLoss(), r.dataLoss() * lf, r.regLoss(), g);
        };
    }

    static final SvmLossFunction FORGOT_REG = (w, x, y, reg) -> NAIVE.apply(w, x, y, 0.0);
    static final SvmLossFunction NOT_DIVIDED_BY_N = scaledData(1, 1, true);
    static final SvmLossFunction FLIPPED_ROWS = scaledData(1, -1, false);
    static final SvmLossFunction COUNTS_KINK = loopSvm(true);
    static final SvmLossFunction COUNTS_CORRECT_CLASS = (w, x, y, reg) -> {
        LossAndGradient r = VECTORIZED.apply(w, x, y, reg);
        return new LossAndGradient(r.loss() + 1, r.dataLoss() + 1, r.regLoss(), r.gradient());
    };
    static final SvmLossFunction SQUARES_W_IN_PLACE = (w, x, y, reg) -> {
        LossAndGradient r = VECTORIZED.apply(w, x, y, reg);
        CommonOps_DDRM.elementMult(w, w);
        return r;
    };
    static final NumericalGradientFunction FORWARD = (f, w, h) -> {
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        double fx = f.applyAsDouble(w);
        for (int k = 0; k < w.getNumElements(); k++) {
            double old = w.data[k];
            w.data[k] = old + h;
            g.data[k] = (f.applyAsDouble(w) - fx) / h;
            w.data[k] = old;
        }
        return g;
    };
    static final NumericalGradientFunction ADD_SUBTRACT = (f, w, h) -> {
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        for (int k = 0; k < w.getNumElements(); k++) {
            w.data[k] += h;
            double plus = f.applyAsDouble(w);
            w.data[k] -= 2 * h;
            double minus = f.applyAsDouble(w);
            w.data[k] += h;
            g.data[k] = (plus - minus) / (2 * h);
        }
        return g;
    };
    static final NumericalGradientFunction RESTORES_AT_THE_END = (f, w, h) -> {
        DMatrixRMaj g = new DMatrixRMaj(w.numRows, w.numCols);
        DMatrixRMaj saved = w.copy();
        for (int k = 0; k < w.getNumElements(); k++) {
            double old = w.data[k];
            w.data[k] = old + h;
            double plus = f.applyAsDouble(w);
            w.data[k] = old - h;
            g.data[k] = (plus - f.applyAsDouble(w)) / (2 * h);
        }
        w.setTo(saved);
        return g;
    };

    /** SGD drawing indices with {@code draw}; {@code fixed}: one batch for all steps; {@code atW0}: gradient at W0. */
    static SgdFunction sgd(java.util.function.BiFunction<Random, Integer, Integer> draw, boolean fixed,
                           boolean atW0) {
        return (loss, train, w0, lr, iterations, batchSize, seed) -> {
            DMatrixRMaj w = w0.copy();
            Random random = new Random(seed);
            int[] idx = null;
            for (int t = 0; t < iterations; t++) {
                if (idx == null || !fixed) {
                    idx = new int[batchSize];
                    for (int k = 0; k < batchSize; k++) {
                        idx[k] = draw.apply(random, train.size());
                    }
                }
                CommonOps_DDRM.addEquals(w, -lr, loss.lossAndGradient(atW0 ? w0 : w, train.rows(idx)).gradient());
            }
            return w;
        };
    }

    static final SgdFunction FIXED_BATCH = sgd((r, n) -> r.nextInt(n), true, false);
    static final SgdFunction FIRST_HALF_ONLY = sgd((r, n) -> r.nextInt(n / 2), false, false);
    static final SgdFunction GRADIENT_AT_W0 = sgd((r, n) -> r.nextInt(n), false, true);
    static final SgdFunction NO_TRAINING = (loss, train, w0, lr, iterations, batchSize, seed) -> w0.copy();

    static void assertFails(Map<String, String> failed, String... ids) {
        assertEquals(new java.util.TreeSet<>(List.of(ids)), failed.keySet());
    }

    @Test
    void q1ForgettingRegularizationFailsTheRegularizationTests() {
        Map<String, String> failed = failuresOf("q1", FORGOT_REG);
        assertFails(failed, "SvmNaiveHiddenTest.partsOfTheLoss", "SvmNaivePublicTest.regularizationMatchesReference");
        assertEquals("loss: yours 8.584, expected 10.11 (relative error 0.1507, allowed 1.00e-06) - hint: add"
                + " reg · Σ W² (every entry of W squared) to the data loss",
                failed.get("SvmNaivePublicTest.regularizationMatchesReference"));
    }

    @Test
    void q1NotDividingByNFailsEveryTestOfValues() {
        Map<String, String> failed = failuresOf("q1", NOT_DIVIDED_BY_N);
        assertFails(failed, "SvmNaiveHiddenTest.otherShapes", "SvmNaiveHiddenTest.partsOfTheLoss",
                "SvmNaivePublicTest.gradientMatchesReference", "SvmNaivePublicTest.lossAtTinyWIsAboutNine",
                "SvmNaivePublicTest.lossMatchesReference", "SvmNaivePublicTest.regularizationMatchesReference");
        assertEquals("loss at W ≈ 0: yours 450, expected 9 (relative error 0.98, allowed 0.01) - hint: with W ≈ 0"
                + " every score is ≈ 0, so each of the 9 wrong classes has a margin of ≈ 1; skip the correct"
                + " class (j == y[i]) and divide the sum by N",
                failed.get("SvmNaivePublicTest.lossAtTinyWIsAboutNine"));
    }

    @Test
    void q1GradientInTheWrongRowsFailsTheGradientTests() {
        Map<String, String> failed = failuresOf("q1", FLIPPED_ROWS);
        assertFails(failed, "SvmNaiveHiddenTest.otherShapes", "SvmNaivePublicTest.gradientMatchesReference",
                "SvmNaivePublicTest.regularizationMatchesReference");
        assertEquals("dW differs from the reference at dW[0][0]: yours 0.2763, expected -0.2763 (relative error"
                + " 2, allowed 1.00e-06) - hint: for every margin > 0 add x_i to row j of dW and subtract x_i"
                + " from row y_i, then divide dW by N", failed.get("SvmNaivePublicTest.gradientMatchesReference"));
    }

    @Test
    void q1CountingTheKinkFailsOnlyTheKinkTest() {
        Map<String, String> failed = failuresOf("q1", COUNTS_KINK);
        assertFails(failed, "SvmNaiveHiddenTest.kink");
        assertEquals("dW differs from the reference at dW[0][0]: yours -1, expected 0.0 (relative error 1,"
                + " allowed 1.00e-06) - hint: count only margins > 0, not >= 0: at a margin of exactly 0 the"
                + " hinge max(0, ·) is flat on the side the reference takes", failed.get("SvmNaiveHiddenTest.kink"));
    }

    @Test
    void q2CountingTheCorrectClassFailsTheLossTests() {
        Map<String, String> failed = failuresOf("q2", COUNTS_CORRECT_CLASS);
        assertFails(failed, "SvmVectorizedHiddenTest.otherShapes", "SvmVectorizedHiddenTest.partsOfTheLoss",
                "SvmVectorizedPublicTest.lossAtZeroIsNine", "SvmVectorizedPublicTest.matchesReferenceWithReg",
                "SvmVectorizedPublicTest.matchesReferenceWithoutReg");
        assertEquals("loss at W = 0: yours 10, expected 9 (relative error 0.1, allowed 1.00e-06) - hint: at"
                + " W = 0 every margin is exactly 1; a loss of 10 means the correct class's own margin"
                + " (s_y − s_y + 1 = 1) was counted: set margins[i][y[i]] to 0",
                failed.get("SvmVectorizedPublicTest.lossAtZeroIsNine"));
    }

    @Test
    void q2ChangingWInPlaceFailsOnlyTheUnchangedTest() {
        Map<String, String> failed = failuresOf("q2", SQUARES_W_IN_PLACE);
        assertFails(failed, "SvmVectorizedHiddenTest.inputsUnchanged");
        assertEquals("your code changed W: W[0][0] was 0.0565 before the call and is 0.003192 after - hint:"
                + " write the gradient into a new matrix, never into W",
                failed.get("SvmVectorizedHiddenTest.inputsUnchanged"));
    }

    @Test
    void q3ForwardDifferencesFailTheAccuracyTests() {
        Map<String, String> failed = failuresOf("q3", FORWARD);
        assertFails(failed, "NumericalGradientHiddenTest.matchesLibraryOnSvmLoss",
                "NumericalGradientHiddenTest.usesGivenStep", "NumericalGradientPublicTest.centeredNotForward",
                "NumericalGradientPublicTest.quadratic");
        assertEquals("dW differs from the reference at dW[0][3]: yours 0.8091, expected 0.8076 (relative error"
                + " 0.001925, allowed 0.000100) - hint: use (f(W + h) − f(W − h)) / (2h): the forward"
                + " difference (f(W + h) − f(W)) / h is off by about 3W·h here, the centered one by h² only",
                failed.get("NumericalGradientPublicTest.centeredNotForward"));
    }

    @Test
    void q3AddingAndSubtractingHDoesNotRestoreW() {
        Map<String, String> failed = failuresOf("q3", ADD_SUBTRACT);
        assertFails(failed, "NumericalGradientHiddenTest.oneEntryAtATime", "NumericalGradientPublicTest.restoresW");
        assertEquals("your code changed W: W[0][1] was -0.00717459797032971 before the call and is"
                + " -0.007174597970329711 after - hint: save the entry (double old = W.data[k]) before you"
                + " move it and set it back to old afterwards: adding h and subtracting it again leaves"
                + " rounding errors", failed.get("NumericalGradientPublicTest.restoresW"));
    }

    @Test
    void q3RestoringOnlyAtTheEndFailsTheOneEntryTest() {
        Map<String, String> failed = failuresOf("q3", RESTORES_AT_THE_END);
        assertFails(failed, "NumericalGradientHiddenTest.oneEntryAtATime");
        assertEquals("f was called with 2 entries of W moved (W[0][0] and W[0][1]) - hint: move one entry at a"
                + " time, by +h and then by −h from its saved value, and put the saved value back before the"
                + " next entry", failed.get("NumericalGradientHiddenTest.oneEntryAtATime"));
    }

    @Test
    void q4AFixedBatchFailsTheSamplingTests() {
        Map<String, String> failed = failuresOf("q4", FIXED_BATCH);
        assertFails(failed, "SgdHiddenTest.newBatchEveryStep", "SgdHiddenTest.samplesEveryExample");
        assertEquals("your 30 steps used only 1 minibatch, expected a new one at every step - hint: draw fresh"
                + " indices inside the loop, at every step, from the one Random made before the loop",
                failed.get("SgdHiddenTest.newBatchEveryStep"));
    }

    @Test
    void q4SamplingHalfTheDataFailsTheCoverageTest() {
        Map<String, String> failed = failuresOf("q4", FIRST_HALF_ONLY);
        assertFails(failed, "SgdHiddenTest.samplesEveryExample");
        assertEquals("in 200 steps of 5 (1,000 draws from N = 50) these examples were never drawn: [25, 26,"
                + " 27, 28, 29, 30, 31, 32]... - hint: draw each index uniformly from [0, N):"
                + " random.nextInt(train.size())", failed.get("SgdHiddenTest.samplesEveryExample"));
    }

    @Test
    void q4TheGradientAtW0FailsTheCurrentWTest() {
        Map<String, String> failed = failuresOf("q4", GRADIENT_AT_W0);
        assertFails(failed, "SgdHiddenTest.gradientAtCurrentW");
        assertEquals("W differs from the reference at W[0][3]: yours -2.43e-17, expected 0.02577 (relative"
                + " error 1, allowed 1.00e-09) - hint: on a loss with dW = W (½ΣW²), 10 steps of lr = 0.1"
                + " give W = 0.9¹⁰ · W0 only if each step evaluates loss.lossAndGradient at the W you are"
                + " updating, not at W0", failed.get("SgdHiddenTest.gradientAtCurrentW"));
    }

    @Test
    void q4NoTrainingFailsTheCifarTest() {
        recordReference();
        Answers.record("q4", NO_TRAINING);
        Map<String, TestOutcome> outcomes = AssignmentHarness.byId(AssignmentHarness.run(ASSIGNMENT, "q4"));
        assertEquals("validation accuracy after 1,500 steps: yours 0.100, expected at least 0.32 (the reference"
                + " reaches about 0.36) - hint: check the update W ← W − lr · dW at the current W, and that"
                + " each batch holds batchSize random training examples", outcomes.get(CIFAR_TEST).message());
        assertEquals(0, outcomes.values().stream().filter(TestOutcome::passed).count(), "an SGD that does"
                + " nothing passes no test");
    }
}
