package descent.curvature;

import descent.util.Checks;

/**
 * The outcome of plain gradient descent on a least-squares loss
 * ({@link Conditioning#gradientDescent}): where it ended, how many steps it took, and the gap to the
 * optimum along the way.
 *
 * <p>The gap is {@code L(w) - L(w*) = 1/2 (w - w*)^T H (w - w*)}, H = X^T X / N, reported relative
 * to the gap at the start, so problems with different scales can be compared.
 *
 * @param w             the last iterate, length D
 * @param optimum       the least-squares solution w*, length D
 * @param learningRate  the constant step size used
 * @param iterations    gradient steps taken
 * @param converged     whether the relative gap reached the tolerance within the step budget
 * @param recordedSteps step numbers at which the gap was recorded, increasing, geometrically spaced
 *                      (about 5% apart, every step at first), always including 0 and the last step
 * @param relativeGaps  {@code gap(w_k) / gap(w_0)} at those steps, same length as recordedSteps
 */
public record LeastSquaresDescent(double[] w, double[] optimum, double learningRate, int iterations,
                                  boolean converged, int[] recordedSteps, double[] relativeGaps) {

    /** Copies the arrays and checks the recorded lengths agree. */
    public LeastSquaresDescent {
        w = w.clone();
        optimum = optimum.clone();
        recordedSteps = recordedSteps.clone();
        relativeGaps = relativeGaps.clone();
        Checks.require(recordedSteps.length == relativeGaps.length, "recordedSteps and relativeGaps "
                + "must have the same length but had: " + recordedSteps.length + " and " + relativeGaps.length);
    }

    /** The recorded steps as doubles, for a plot's x axis. */
    public double[] recordedStepsAsDouble() {
        double[] s = new double[recordedSteps.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = recordedSteps[i];
        }
        return s;
    }

    /** The relative gap at the last step. */
    public double finalRelativeGap() {
        return relativeGaps[relativeGaps.length - 1];
    }

    @Override
    public String toString() {
        return "gradient descent on least squares: learning rate " + descent.util.Readable.number(learningRate) + ", "
                + descent.util.Readable.count(iterations) + " iterations, " + (converged ? "converged" : "not converged")
                + ", final gap " + descent.util.Readable.number(finalRelativeGap()) + " of the initial gap";
    }
}
