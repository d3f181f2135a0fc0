package descent.assignments.updates;

import descent.grade.Feedback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Test support shared by this assignment's public and hidden tests: seeded random matrices, and a
 * run of the student's rule side by side with a reference rule that fails at the first step where
 * they part, naming the step and the entry. Holds no answer.
 */
public final class UpdateChecks {
    private UpdateChecks() {
    }

    /** A 1 × n matrix (a row), e.g. a point {@code (x, y)} or a small W. */
    public static DMatrixRMaj row(double... values) {
        return new DMatrixRMaj(1, values.length, true, values);
    }

    /** A rows × cols matrix of independent normal entries with standard deviation {@code scale}. */
    public static DMatrixRMaj gaussian(int rows, int cols, double scale, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = scale * random.nextGaussian();
        }
        return m;
    }

    /** {@code steps} gradients of rows × cols, each entry normal with standard deviation {@code scale}. */
    public static List<DMatrixRMaj> gradients(int steps, int rows, int cols, double scale, long seed) {
        Random random = new Random(seed);
        List<DMatrixRMaj> out = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            out.add(gaussian(rows, cols, scale, random));
        }
        return out;
    }

    /** {@code n} copies of {@code rate}. */
    public static double[] constant(int n, double rate) {
        double[] r = new double[n];
        Arrays.fill(r, rate);
        return r;
    }

    /**
     * Runs {@code yours} and {@code reference} from copies of {@code w0} with the same gradients
     * and rates; after each step t (1-based) W must agree within {@code relTol} and the gradient
     * must be unchanged.
     *
     * @param referenceName who the reference is, for the message ("PyTorch's Adam")
     * @param w0            the start, C × D; not modified
     * @param gradients     one gradient per step, each C × D
     * @param rates         one learning rate per step
     * @param firstHint     the hint for a mismatch after step 1
     * @param laterHint     the hint for a mismatch after a later step (step 1 was right)
     * @throws AssertionError at the first step where W differs, naming the step and the entry
     */
    public static void sameTrajectory(String referenceName, UpdateRule reference, UpdateRule yours,
                                      DMatrixRMaj w0, List<DMatrixRMaj> gradients, double[] rates,
                                      double relTol, String firstHint, String laterHint) {
        DMatrixRMaj expected = w0.copy();
        DMatrixRMaj actual = w0.copy();
        for (int t = 0; t < gradients.size(); t++) {
            reference.updateInPlace(expected, gradients.get(t).copy(), rates[t]);
            step(yours, actual, gradients.get(t), rates[t], t + 1);
            Feedback.stepClose("w", t + 1, referenceName, expected, actual, relTol,
                    t == 0 ? firstHint : laterHint);
        }
    }

    /**
     * One step of {@code rule} on {@code w} with a copy of {@code dw}, failing if the rule changed
     * the gradient or did not touch W while the step should move it.
     *
     * @param step the 1-based step, for messages
     */
    public static void step(UpdateRule rule, DMatrixRMaj w, DMatrixRMaj dw, double rate, long step) {
        DMatrixRMaj before = w.copy();
        DMatrixRMaj g = dw.copy();
        rule.updateInPlace(w, g, rate);
        Feedback.that(Arrays.equals(g.data, dw.data), "at step " + step + " your rule changed dw",
                "dw is read only: keep your state in matrices of your own");
        boolean moves = rate > 0 && Arrays.stream(dw.data).anyMatch(x -> x != 0);
        Feedback.that(!moves || !Arrays.equals(before.data, w.data), "at step " + step
                + " w did not change", "update w in place (w.data[i] -= ...or w.set(...)); assigning a"
                + " new matrix to the parameter w does not change the caller's matrix");
    }

    /** A hint for a later step of a trajectory whose first step was right. */
    public static final String CARRY_OVER_HINT = "step 1 was right, so look at what carries over from"
            + " one step to the next: is the state kept in a field of your rule and updated before it"
            + " is used?";

    /**
     * The hint for a value that matches one of the known mistakes, else {@code otherwise}.
     *
     * @param got                  the student's value
     * @param valuesAndHints pairs: a value a mistake gives (a {@code Double}), then its hint
     */
    public static String diagnose(double got, String otherwise, Object... valuesAndHints) {
        for (int i = 0; i + 1 < valuesAndHints.length; i += 2) {
            double v = (Double) valuesAndHints[i];
            if (Feedback.relativeError(v, got) < 1e-6) {
                return (String) valuesAndHints[i + 1];
            }
        }
        return otherwise;
    }
}
