package descent.assignments.updates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.grade.Answers;
import descent.grade.Grader;
import descent.grade.NotImplementedYet;
import descent.grade.TestOutcome;
import descent.grade.TestRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The assignment "updates" checked against itself: the reference answers pass every public and
 * hidden test, and each half-right answer fails the test meant to catch it with the exact message
 * a student would read.
 *
 * <p>Hidden tests are loaded from the build's {@code hidden-classes} folder by
 * {@link HiddenTestClasses} (they are not on the test class path).
 */
class UpdatesAssignmentTest {
    private static final List<Class<?>> PUBLIC = Grader.publicTestClasses("updates");
    private static final List<Class<?>> HIDDEN = HiddenTestClasses.of("updates");

    @AfterEach
    void forgetAnswers() {
        Answers.clear();
        WrongAnswers.SharedState.clear();
    }

    @Test
    void referenceAnswersPassEveryPublicAndHiddenTest() {
        ReferenceAnswers.recordAll();
        List<TestOutcome> outcomes = runAll();
        String failures = outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.id() + ": " + o.message()).collect(Collectors.joining("\n"));
        assertEquals("", failures);
        assertEquals(12, outcomes.stream().filter(o -> !o.hidden()).count(), "public tests");
        assertEquals(11, outcomes.stream().filter(TestOutcome::hidden).count(), "hidden tests");
        assertEquals(Map.of("q1", 5.0, "q2", 5.0, "q3", 6.0, "q4", 6.0, "q5", 6.0), pointsByQuestion(outcomes));
    }

    @Test
    void everyTestClassHasPointsOnEveryTestMethod() {
        List<Class<?>> all = new ArrayList<>(PUBLIC);
        all.addAll(HIDDEN);
        assertEquals(10, all.size());
        for (Class<?> c : all) {
            long tests = java.util.Arrays.stream(c.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Test.class)).count();
            assertEquals(tests, TestRunner.testMethods(c).size(), c.getSimpleName());
            for (var m : TestRunner.testMethods(c)) {
                assertTrue(TestRunner.points(m) > 0, TestRunner.id(c, m));
                assertTrue(m.isAnnotationPresent(org.junit.jupiter.api.DisplayName.class), TestRunner.id(c, m));
            }
        }
    }

    @Test
    void notImplementedSaysSoInEveryTest() {
        ReferenceAnswers.recordAll();
        Answers.record("q3", (AdamFactory) (b1, b2, eps) -> (w, dw, lr) -> {
            throw new NotImplementedYet("q3");
        });
        for (TestOutcome o : run("q3")) {
            assertEquals(TestOutcome.Status.FAILED, o.status(), o.id());
            assertEquals("q3 is not implemented yet: write your code where the cell says \"YOUR CODE"
                    + " HERE\", run the cell, then run the check below it.", o.message(), o.id());
        }
    }

    // ---------------------------------------------------------------- half-right answers -------

    @Test
    void dampenedMomentumFailsTheHandComputation() {
        assertFails("q1", WrongAnswers.DAMPENED_MOMENTUM,
                "MomentumPublicTest.firstTwoStepsMatchHandComputation",
                "at step 1 w[0][0] is 0.995 but the hand computation gives 0.95 "
                + "(relative error 0.04523, allowed 1.00e-09) - hint: PyTorch's v = μ·v + "
                + "dW has no (1 − μ) in front of dW");
    }

    @Test
    void notesFormOfMomentumPassesPublicButNotAChangingRate() {
        assertFails("q1", WrongAnswers.NOTES_MOMENTUM, "MomentumHiddenTest.changingRateScalesWholeVelocity",
                "at step 2 w[0][1] is -0.3061 but PyTorch's SGD(momentum=0.9) gives "
                + "-0.3479 (relative error 0.1202, allowed 1.00e-09) - hint: keep the "
                + "learning rate out of v: v = μ·v + dW, then w -= lr·v with this step's "
                + "lr; the notes' v = μ·v − lr·dW agrees only while the rate is constant",
                "MomentumPublicTest.firstTwoStepsMatchHandComputation",
                "MomentumPublicTest.matchesPyTorchOverFiftySteps", "MomentumHiddenTest.instancesKeepTheirOwnVelocity");
    }

    @Test
    void momentumWithSharedStateFailsTheInstanceTest() {
        assertFails("q1", WrongAnswers.SHARED_MOMENTUM, "MomentumHiddenTest.instancesKeepTheirOwnVelocity",
                "at step 1 w[0][1] is -1.116 but PyTorch's SGD(momentum=0.5) gives "
                + "-1.021 (relative error 0.08512, allowed 1.00e-09) - hint: keep v in a "
                + "field of the rule (not static, not a variable outside the class), "
                + "created on the rule's first step with w's shape, and use the μ it was "
                + "created with",
                "MomentumPublicTest.firstTwoStepsMatchHandComputation",
                "MomentumPublicTest.matchesPyTorchOverFiftySteps");
    }

    @Test
    void rmsPropWithEpsInsideTheRootFailsOnlyTheEpsTest() {
        assertFails("q2", WrongAnswers.EPS_INSIDE_RMSPROP, "RmsPropHiddenTest.epsOutsideSquareRoot",
                "at step 1 w[0][2] is -0.1558 but PyTorch's RMSprop(alpha=0.99, "
                + "eps=1e-4) gives -0.1572 (relative error 0.009091, allowed 1.00e-06) - "
                + "hint: ε goes outside the square root, dW / (√s + ε), as in PyTorch; √(s "
                + "+ ε) is another rule, and it shows when the gradients are small",
                "RmsPropPublicTest.firstTwoStepsMatchHandComputation",
                "RmsPropPublicTest.matchesPyTorchOverFiftySteps", "RmsPropHiddenTest.instancesKeepTheirOwnAverage");
    }

    @Test
    void adamWithoutBiasCorrectionIsNamedAtStepOne() {
        assertFails("q3", WrongAnswers.adam(false, 1, false, false),
                "AdamPublicTest.firstTwoStepsMatchHandComputation",
                "at step 1 w[0][0] is 0.6838 but Adam gives 0.9 (relative error 0.2403, "
                + "allowed 1.00e-07) - hint: did you apply the bias correction m̂ = m / (1 "
                + "− β1^t), v̂ = v / (1 − β2^t)? With a constant gradient Adam moves each "
                + "weight by lr per step");
    }

    @Test
    void adamCountingFromZeroIsNamed() {
        assertFails("q3", WrongAnswers.adam(true, 0, false, false),
                "AdamPublicTest.firstTwoStepsMatchHandComputation",
                "at step 1 w[0][0] is NaN but Adam gives 0.9 - hint: count t from 1: at "
                + "t = 0 the correction 1 − β1^0 is 0 and m / 0 is not a number");
    }

    @Test
    void adamWithAStaticStepCountFailsTheInstanceTest() {
        assertFails("q3", WrongAnswers.adam(true, 1, true, false), "AdamHiddenTest.eachRuleCountsItsOwnSteps",
                "at step 1 w[0][2] is 0.6409 but PyTorch's Adam(betas=(0.5, 0.9)) for "
                + "your second rule gives 0.6 (relative error 0.06382, allowed 1.00e-06) - "
                + "hint: keep t, m and v in fields of the rule (not static, not variables "
                + "outside the class): a new rule starts at t = 1 with m = v = 0, and uses "
                + "its own β1, β2");
    }

    @Test
    void adamWithEpsInsideTheRootFailsOnlyTheEpsTest() {
        assertFails("q3", WrongAnswers.adam(true, 1, false, true),
                "AdamHiddenTest.epsAfterCorrectionOutsideRoot",
                "at step 1 w[1][0] is 0.1858 but PyTorch's Adam(eps=0.1) gives 0.1852 "
                + "(relative error 0.003218, allowed 1.00e-06) - hint: w -= lr·m̂ / (√v̂ + "
                + "ε): take the root of the corrected v̂, then add ε",
                "AdamPublicTest.firstTwoStepsMatchHandComputation",
                "AdamPublicTest.matchesPyTorchOverHundredSteps", "AdamHiddenTest.eachRuleCountsItsOwnSteps");
    }

    @Test
    void warmUpOffByOneIsNamed() {
        assertFails("q4", WrongAnswers.WARMUP_OFF_BY_ONE, "SchedulePublicTest.warmUpRisesToBaseRate",
                "the rate at step 0: yours 0.0, expected 0.01 (relative error 1, allowed "
                + "1.00e-10) - hint: off by one: the first step t = 0 already gets B/W "
                + "(and t = W − 1 gets B), so the warm-up is B·(t + 1)/W, not B·t/W");
    }

    @Test
    void cosineShortOfMinRateIsNamed() {
        assertFails("q4", WrongAnswers.COSINE_SHORT, "SchedulePublicTest.cosineEndsAtMinRate",
                "the rate at step 59: yours 0.05205, expected 0.0505 (relative error "
                + "0.02987, allowed 1.00e-10) - hint: off by one: the cosine's argument is "
                + "π·(t + 1 − W)/(T − W), 0 at the warm-up's peak t = W − 1 and π at the "
                + "last step t = T − 1", "SchedulePublicTest.warmUpRisesToBaseRate");
    }

    @Test
    void scheduleWithoutFloorFailsOnlyAfterTheLastStep() {
        assertFails("q4", WrongAnswers.NO_FLOOR, "ScheduleHiddenTest.staysAtMinRateAfterLastStep",
                "the rate at step 50 of a 50-step schedule (m = 0.01): yours 0.01121, "
                + "expected 0.01 (relative error 0.1076, allowed 1.00e-10) - hint: the "
                + "cosine ends at the last step t = T − 1 = 49; from t = T on return "
                + "minRate, or the cosine climbs back up to B at t = 2T − W − 1",
                "SchedulePublicTest.warmUpRisesToBaseRate", "SchedulePublicTest.cosineEndsAtMinRate",
                "SchedulePublicTest.everyStepMatchesFormula", "ScheduleHiddenTest.otherSettingsMatchFormula",
                "ScheduleHiddenTest.noWarmUpStartsCosineAtStepZero");
    }

    @Test
    void loopWithShiftedRateIsNamed() {
        assertFails("q5", new RosenbrockPlan(WrongAnswers.LOOP_RATE_SHIFTED, 0.7, 50, 1000, 0.0),
                "TrainingPublicTest.stepTUsesScheduleOfT",
                "after step 1 your point is (1.9979378, 0.99173554) but the reference "
                + "loop gives (1.9989689, 0.99586777) - hint: the first step (t = 0) takes "
                + "schedule.applyAsDouble(0): count t from 0, not 1",
                "TrainingPublicTest.loopMatchesSurfacePath", "TrainingPublicTest.planReachesMinimum");
    }

    @Test
    void slowPlanSaysWhereItEnded() {
        assertFails("q5", WrongAnswers.SLOW_PLAN, "TrainingPublicTest.planReachesMinimum",
                "after 1000 steps Adam with your schedule (baseRate 0.05, warmupSteps "
                + "50, minRate 0.0) ends at (0.362105, 0.129793), 1.079 from (1, 1); the "
                + "target is within 1e-5 - hint: Adam moves each coordinate by about the "
                + "rate per step: try base rates from 0.1 to 1, a warm-up of a few dozen "
                + "steps so the first steps stay small, and a minRate near 0 so the last "
                + "steps settle",
                "TrainingPublicTest.loopMatchesSurfacePath", "TrainingPublicTest.stepTUsesScheduleOfT",
                "TrainingHiddenTest.loopWorksOnAnotherSurface");
    }

    // ---------------------------------------------------------------- helpers ------------------

    /**
     * Records {@code answer} for {@code question} (the reference for the others), runs the
     * question's public and hidden tests, and asserts that {@code failing} failed with
     * {@code message} and that every test named in {@code passing} passed.
     */
    private static void assertFails(String question, Object answer, String failing, String message,
                                    String... passing) {
        ReferenceAnswers.recordAll();
        Answers.record(question, answer);
        Map<String, TestOutcome> byId = new TreeMap<>();
        for (TestOutcome o : run(question)) {
            byId.put(o.id(), o);
        }
        TestOutcome f = byId.get(failing);
        assertEquals(TestOutcome.Status.FAILED, f.status(), failing);
        assertEquals(message, f.message(), failing);
        for (String p : passing) {
            assertTrue(byId.get(p).passed(), p + " should pass but: " + byId.get(p).message());
        }
    }

    private static List<TestOutcome> run(String question) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c : PUBLIC) {
            if (c.getAnnotation(descent.grade.Question.class).value().equals(question)) {
                classes.add(c);
            }
        }
        for (Class<?> c : HIDDEN) {
            if (c.getAnnotation(descent.grade.Question.class).value().equals(question)) {
                classes.add(c);
            }
        }
        return new TestRunner().run(classes, new HashSet<>(HIDDEN), Set.of(), new TestRunner.Listener() { });
    }

    private static List<TestOutcome> runAll() {
        List<Class<?>> classes = new ArrayList<>(PUBLIC);
        classes.addAll(HIDDEN);
        return new TestRunner().run(classes, new HashSet<>(HIDDEN), Set.of(), new TestRunner.Listener() { });
    }

    static Map<String, Double> pointsByQuestion(List<TestOutcome> outcomes) {
        Map<String, Double> points = new TreeMap<>();
        for (TestOutcome o : outcomes) {
            points.merge(o.question(), o.points(), Double::sum);
        }
        return points;
    }
}
