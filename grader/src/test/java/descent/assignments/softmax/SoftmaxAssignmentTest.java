package descent.assignments.softmax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import descent.assignments.svm.AssignmentHarness;
import descent.assignments.svm.NotebookContract;
import descent.data.Dataset;
import descent.grade.Answers;
import descent.grade.TestOutcome;
import descent.loss.SoftmaxLoss;
import descent.loss.SoftmaxLossNaive;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Verifies the "softmax" assignment itself: a correct answer passes every public and hidden test,
 * the source notebook's own solution does too (run in JShell like the grader), the notebook's
 * stated points equal the tests' points, and typical wrong answers fail exactly the tests meant to
 * catch them, with the message a student would read.
 */
class SoftmaxAssignmentTest {
    static final String ASSIGNMENT = "softmax";
    static final String CIFAR_TEST = "EpochSgdHiddenTest.reachesAccuracyOnCifar10";

    @BeforeEach
    @AfterEach
    void forgetAnswers() {
        Answers.clear();
    }

    static Dataset dataset(DMatrixRMaj x, int[] y, int c) {
        return new Dataset(x, y, Dataset.defaultClassNames(c));
    }

    static final SoftmaxLossFunction NAIVE = (w, x, y, reg) ->
            new SoftmaxLossNaive(reg).lossAndGradient(w, dataset(x, y, w.numRows));
    static final SoftmaxLossFunction VECTORIZED = (w, x, y, reg) ->
            new SoftmaxLoss(reg).lossAndGradient(w, dataset(x, y, w.numRows));
    static final ProbabilitiesFunction PROBABILITIES = (w, x) -> {
        DMatrixRMaj s = CommonOps_DDRM.multTransB(x, w, null);
        DMatrixRMaj max = CommonOps_DDRM.maxRows(s, null);
        for (int i = 0; i < s.numRows; i++) {
            for (int j = 0; j < s.numCols; j++) {
                s.set(i, j, Math.exp(s.get(i, j) - max.get(i)));
            }
        }
        CommonOps_DDRM.divideRows(CommonOps_DDRM.sumRows(s, null).data, s);
        return s;
    };
    static final EpochSgdFunction SGD = (loss, train, w0, lr, iterations, batchSize, seed) -> {
        DMatrixRMaj w = w0.copy();
        Random random = new Random(seed);
        int[] order = null;
        int pos = 0;
        for (int t = 0; t < iterations; t++) {
            if (order == null || pos + batchSize > order.length) {
                order = Dataset.permutation(train.size(), random);
                pos = 0;
            }
            int[] idx = Arrays.copyOfRange(order, pos, pos + batchSize);
            pos += batchSize;
            CommonOps_DDRM.addEquals(w, -lr, loss.lossAndGradient(w, train.rows(idx)).gradient());
        }
        return w;
    };

    static void recordReference() {
        Answers.record("q1", NAIVE);
        Answers.record("q2", VECTORIZED);
        Answers.record("q3", PROBABILITIES);
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
        assertEquals(Map.of("q1", 7, "q2", 9, "q3", 7, "q4", 8), counts);
        assertEquals(Map.of("q1", 3, "q2", 5, "q3", 3, "q4", 5), hidden);
        assertEquals(Map.of("q1", 11.0, "q2", 12.0, "q3", 8.0, "q4", 14.0),
                AssignmentHarness.pointsByQuestion(ASSIGNMENT));
    }

    @Test
    void notebookSolutionPassesEveryPublicAndHiddenTest() {
        AssignmentHarness.recordNotebookAnswers(AssignmentHarness.sourceNotebook("a2-softmax.ipynb"));
        assertEquals(List.of(), failures(AssignmentHarness.runAll(ASSIGNMENT)));
    }

    @Test
    void releasedNotebookCompilesAndEveryTestSaysNotImplemented() {
        AssignmentHarness.recordNotebookAnswers(AssignmentHarness.released(
                AssignmentHarness.sourceNotebook("a2-softmax.ipynb")));
        for (TestOutcome o : AssignmentHarness.runAll(ASSIGNMENT)) {
            assertEquals(o.question() + " is not implemented yet: write your code where the cell says"
                    + " \"YOUR CODE HERE\", run the cell, then run the check below it.", o.message(), o.id());
        }
    }

    @Test
    void notebookStatesThePointsOfTheTests() {
        JsonNode nb = AssignmentHarness.sourceNotebook("a2-softmax.ipynb");
        Map<String, Double> tests = AssignmentHarness.pointsByQuestion(ASSIGNMENT);
        assertEquals(tests, AssignmentHarness.notebookPoints(nb));
        double total = tests.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(AssignmentHarness.source(nb.get("cells").get(0)).contains(
                Math.round(total) + " points in all"), "the introduction states the total " + total);
    }

    @Test
    void notebookCellsFollowTheContract() {
        NotebookContract.check(AssignmentHarness.sourceNotebook("a2-softmax.ipynb"), ASSIGNMENT,
                List.of("q1", "q2", "q3", "q4"));
    }

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

    /** Softmax without the max shift, as a careless vectorized version would compute it. */
    static final SoftmaxLossFunction UNSHIFTED = (w, x, y, reg) -> {
        int n = x.numRows;
        DMatrixRMaj p = CommonOps_DDRM.elementExp(CommonOps_DDRM.multTransB(x, w, null), null);
        DMatrixRMaj sums = CommonOps_DDRM.sumRows(p, null);
        CommonOps_DDRM.divideRows(sums.data, p);
        double data = 0;
        for (int i = 0; i < n; i++) {
            data -= Math.log(p.get(i, y[i])) / n;
            p.add(i, y[i], -1);
        }
        DMatrixRMaj dw = CommonOps_DDRM.multTransA(p, x, null);
        CommonOps_DDRM.scale(1.0 / n, dw);
        CommonOps_DDRM.addEquals(dw, 2 * reg, w);
        double regLoss = reg * CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(w, w, null));
        return new descent.loss.LossAndGradient(data + regLoss, data, regLoss, dw);
    };
    static final SoftmaxLossFunction FORGOT_REG = (w, x, y, reg) -> NAIVE.apply(w, x, y, 0.0);
    static final SoftmaxLossFunction HALF_GRADIENT = (w, x, y, reg) -> {
        descent.loss.LossAndGradient r = VECTORIZED.apply(w, x, y, reg);
        DMatrixRMaj g = r.gradient().copy();
        CommonOps_DDRM.addEquals(g, -2 * reg, w);
        CommonOps_DDRM.scale(0.5, g);
        CommonOps_DDRM.addEquals(g, 2 * reg, w);
        return new descent.loss.LossAndGradient(r.loss(), r.dataLoss(), r.regLoss(), g);
    };
    static final ProbabilitiesFunction DIVIDES_BY_TOTAL = (w, x) -> {
        DMatrixRMaj p = PROBABILITIES.apply(w, x);
        CommonOps_DDRM.scale(1.0 / CommonOps_DDRM.elementSum(p), p);
        return p;
    };
    static final ProbabilitiesFunction UNSHIFTED_PROBABILITIES = (w, x) -> {
        DMatrixRMaj p = CommonOps_DDRM.elementExp(CommonOps_DDRM.multTransB(x, w, null), null);
        CommonOps_DDRM.divideRows(CommonOps_DDRM.sumRows(p, null).data, p);
        return p;
    };

    /** Epoch SGD variants: {@code withReplacement}, {@code oneShuffle} (never reshuffles), {@code wrap}. */
    static EpochSgdFunction epochSgd(String variant) {
        return (loss, train, w0, lr, iterations, batchSize, seed) -> {
            DMatrixRMaj w = w0.copy();
            Random random = new Random(seed);
            int n = train.size();
            int[] order = Dataset.permutation(n, random);
            int pos = 0;
            for (int t = 0; t < iterations; t++) {
                int[] idx = new int[batchSize];
                for (int k = 0; k < batchSize; k++) {
                    switch (variant) {
                        case "withReplacement" -> idx[k] = random.nextInt(n);
                        case "oneShuffle" -> idx[k] = order[(pos++) % n];
                        default -> {
                            if (pos == n) {
                                order = Dataset.permutation(n, random);
                                pos = 0;
                            }
                            idx[k] = order[pos++];
                        }
                    }
                }
                CommonOps_DDRM.addEquals(w, -lr, loss.lossAndGradient(w, train.rows(idx)).gradient());
            }
            return w;
        };
    }

    static void assertFails(Map<String, String> failed, String... ids) {
        assertEquals(new java.util.TreeSet<>(List.of(ids)), failed.keySet());
    }

    @Test
    void q1ForgettingRegularizationFailsTheRegularizationTests() {
        Map<String, String> failed = failuresOf("q1", FORGOT_REG);
        assertFails(failed, "SoftmaxNaiveHiddenTest.partsOfTheLoss",
                "SoftmaxNaivePublicTest.regularizationMatchesReference");
        assertEquals("loss: yours 2.409, expected 4.013 (relative error 0.3996, allowed 1.00e-06) - hint: add"
                + " reg · Σ W² (every entry of W squared) to the data loss",
                failed.get("SoftmaxNaivePublicTest.regularizationMatchesReference"));
    }

    @Test
    void q2WithoutTheMaxShiftFailsTheOverflowTests() {
        Map<String, String> failed = failuresOf("q2", UNSHIFTED);
        assertFails(failed, "SoftmaxVectorizedHiddenTest.allScoresVeryNegative",
                "SoftmaxVectorizedHiddenTest.hugeScoresGradient", "SoftmaxVectorizedPublicTest.hugeScoresStayFinite");
        assertEquals("loss is NaN, expected 1.60e+05 - hint: exp(1e5) overflows to Infinity and Infinity /"
                + " Infinity is NaN: subtract each row's largest score before exp (the probabilities do not"
                + " change, see the notes' \"practical issues\")",
                failed.get("SoftmaxVectorizedPublicTest.hugeScoresStayFinite"));
        assertEquals("loss is NaN, expected 6004 - hint: exp(−5e5) underflows to 0, so the row sum is 0 and"
                + " log 0 = −Infinity: subtracting the row's largest score makes the largest term exp(0) = 1",
                failed.get("SoftmaxVectorizedHiddenTest.allScoresVeryNegative"));
    }

    @Test
    void q2AGradientThatDisagreesWithTheLossFailsTheGradientCheck() {
        Map<String, String> failed = failuresOf("q2", HALF_GRADIENT);
        assertFails(failed, "SoftmaxVectorizedHiddenTest.hugeScoresGradient",
                "SoftmaxVectorizedHiddenTest.otherShapes", "SoftmaxVectorizedPublicTest.matchesReferenceWithReg",
                "SoftmaxVectorizedPublicTest.matchesReferenceWithoutReg",
                "SoftmaxVectorizedPublicTest.passesGradientCheck");
        assertEquals("gradient check of your loss: at W[2][0] your dW says -0.002775 but the centered"
                + " difference of your loss gives 0.001605 (relative error 1.579, allowed 1e-6) - hint: softmax"
                + " is smooth, so dW must agree with the loss it comes from: is dW = (P − Y)ᵀ·X / N + 2·reg·W"
                + " computed from the same P as the loss?", failed.get("SoftmaxVectorizedPublicTest.passesGradientCheck"));
    }

    @Test
    void q3DividingByTheTotalFailsTheDistributionTests() {
        Map<String, String> failed = failuresOf("q3", DIVIDES_BY_TOTAL);
        assertFails(failed, "ProbabilitiesHiddenTest.consistentWithTheLoss", "ProbabilitiesHiddenTest.uniformAtZero",
                "ProbabilitiesPublicTest.hugeScores", "ProbabilitiesPublicTest.matchesReference",
                "ProbabilitiesPublicTest.rowsSumToOne");
        assertEquals("the sum of row 0 of P: yours 0.03333, expected 1 (relative error 0.9667, allowed 1.00e-12)"
                + " - hint: divide each row by its own sum (CommonOps_DDRM.divideRows), not by the sum over all"
                + " of P", failed.get("ProbabilitiesPublicTest.rowsSumToOne"));
    }

    @Test
    void q3WithoutTheMaxShiftFailsTheHugeScoresTest() {
        Map<String, String> failed = failuresOf("q3", UNSHIFTED_PROBABILITIES);
        assertFails(failed, "ProbabilitiesPublicTest.hugeScores");
        assertEquals("P[0][2] is NaN, expected 0.0 - hint: subtract each row's largest score before exp:"
                + " exp(1e5) is Infinity", failed.get("ProbabilitiesPublicTest.hugeScores"));
    }

    @Test
    void q4SamplingWithReplacementFailsTheEpochTests() {
        Map<String, String> failed = failuresOf("q4", epochSgd("withReplacement"));
        assertFails(failed, "EpochSgdHiddenTest.skipsLeftovers", "EpochSgdPublicTest.epochVisitsEachExampleOnce");
        assertEquals("in epoch 1 (steps 0 to 3) example 4 was drawn 0 times, expected exactly once - hint: draw"
                + " a permutation of 0..N−1 per epoch (Dataset.permutation(N, random)) and cut it into"
                + " consecutive batches, instead of drawing each index at random",
                failed.get("EpochSgdPublicTest.epochVisitsEachExampleOnce"));
    }

    @Test
    void q4NeverReshufflingFailsTheReshuffleTest() {
        Map<String, String> failed = failuresOf("q4", epochSgd("oneShuffle"));
        assertFails(failed, "EpochSgdHiddenTest.reshufflesEveryEpoch");
        assertEquals("two epochs visited the examples in the same order - hint: draw a new permutation from the"
                + " same Random at the start of every epoch", failed.get("EpochSgdHiddenTest.reshufflesEveryEpoch"));
    }

    @Test
    void q4WrappingIntoTheNextEpochFailsTheLeftoverTest() {
        Map<String, String> failed = failuresOf("q4", epochSgd("wrap"));
        assertFails(failed, "EpochSgdHiddenTest.skipsLeftovers");
        assertEquals("steps 2 and 3 (epoch 2) drew only 18 different examples out of 20 - hint: with N = 25 and"
                + " batches of 10, an epoch is two batches from one permutation; the 5 left over are skipped,"
                + " and the next epoch starts a new permutation", failed.get("EpochSgdHiddenTest.skipsLeftovers"));
    }

    @Test
    void q4NoTrainingFailsEveryTestIncludingCifar() {
        recordReference();
        Answers.record("q4", (EpochSgdFunction) (loss, train, w0, lr, iterations, batchSize, seed) -> w0.copy());
        Map<String, TestOutcome> outcomes = AssignmentHarness.byId(AssignmentHarness.run(ASSIGNMENT, "q4"));
        assertEquals("validation accuracy after 1,500 steps: yours 0.100, expected at least 0.28 (the reference"
                + " reaches about 0.32) - hint: check the update W ← W − lr · dW at the current W, and that"
                + " each epoch visits every training example once", outcomes.get(CIFAR_TEST).message());
        assertEquals(0, outcomes.values().stream().filter(TestOutcome::passed).count(), "an SGD that does"
                + " nothing passes no test");
    }
}
