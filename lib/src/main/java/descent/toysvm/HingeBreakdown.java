package descent.toysvm;

import descent.landscape.Grids;
import descent.util.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * The toy SVM loss along a ray, term by term: {@code terms[t][k]} is hinge term t at step
 * {@code alphas[k]}.
 *
 * <p>Term t compares example i's score for a wrong class j with its score for its own class; see
 * {@link ToySvmProblem#termNames()} for the order. Arrays are copied in; the accessors return
 * the record's own (read them, do not write into them).
 *
 * @param alphas    the steps a, length K
 * @param termNames one name per term, length T
 * @param terms     T × K hinge values, each {@code >= 0}
 */
public record HingeBreakdown(double[] alphas, List<String> termNames, double[][] terms) {
    /** Relative tolerance under which two neighbouring slopes count as one piece: 1e-9. */
    public static final double SLOPE_TOLERANCE = 1e-9;

    /** Checks shapes and copies. */
    public HingeBreakdown {
        alphas = Grids.copyFinite("alphas", alphas);
        termNames = List.copyOf(Checks.notNull("termNames", termNames));
        terms = Grids.copyGrid("terms", terms, termNames.size(), alphas.length);
    }

    /** Term t along the ray, length K (a copy). */
    public double[] term(int t) {
        Checks.require(t >= 0 && t < terms.length, "t must be in [0, " + terms.length + ") but was: " + t);
        return terms[t].clone();
    }

    /** The plain sum of all terms at each step, length K. */
    public double[] sum() {
        double[] s = new double[alphas.length];
        for (double[] term : terms) {
            for (int k = 0; k < s.length; k++) {
                s[k] += term[k];
            }
        }
        return s;
    }

    /** The notes' loss L = sum / N at each step, with N = {@link ToySvmProblem#N}. */
    public double[] loss() {
        double[] s = sum();
        for (int k = 0; k < s.length; k++) {
            s[k] /= ToySvmProblem.N;
        }
        return s;
    }

    /**
     * The slopes of L's straight pieces along the grid, left to right: the slope {@code ΔL / Δa}
     * between neighbouring steps, with neighbours of equal slope (within {@link #SLOPE_TOLERANCE}
     * of the steepest) merged into one piece. L is convex along the ray exactly when these
     * increase. A kink that falls between two grid steps shows as a short extra piece of
     * intermediate slope; put the kinks on the grid to read them exactly.
     *
     * @return a new array, one slope per piece, at least one; needs K &ge; 2 steps
     */
    public double[] pieceSlopes() {
        return pieces(true);
    }

    /**
     * The steps a where a new straight piece of L begins (one fewer than {@link #pieceSlopes()}):
     * L's kinks as seen on the grid.
     */
    public double[] kinks() {
        return pieces(false);
    }

    private double[] pieces(boolean slopes) {
        Checks.require(alphas.length >= 2, "pieces need at least 2 steps but there were: " + alphas.length);
        double[] l = loss();
        double[] s = new double[alphas.length - 1];
        double steepest = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = (l[k + 1] - l[k]) / (alphas[k + 1] - alphas[k]);
            steepest = Math.max(steepest, Math.abs(s[k]));
        }
        double tolerance = SLOPE_TOLERANCE * Math.max(1, steepest);
        List<Double> slopeList = new ArrayList<>();
        List<Double> kinkList = new ArrayList<>();
        slopeList.add(s[0]);
        for (int k = 1; k < s.length; k++) {
            if (Math.abs(s[k] - s[k - 1]) > tolerance) {
                slopeList.add(s[k]);
                kinkList.add(alphas[k]);
            }
        }
        List<Double> out = slopes ? slopeList : kinkList;
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return "toy SVM loss term by term: " + terms.length + " terms at " + descent.util.Readable.count(alphas.length)
                + " steps along the line";
    }
}
