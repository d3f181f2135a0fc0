package descent.landscape;

import descent.util.Checks;
import java.util.List;

/**
 * The toy SVM loss along a ray, term by term: {@code terms[t][k]} is hinge term t at step
 * {@code alphas[k]}.
 *
 * <p>Term t compares example i's score for a wrong class j with its score for its own class; see
 * {@link ToySvmProblem#termNames()} for the order. Arrays are copied in and out.
 *
 * @param alphas    the steps a, length K
 * @param termNames one name per term, length T
 * @param terms     T × K hinge values, each {@code >= 0}
 */
public record HingeBreakdown(double[] alphas, List<String> termNames, double[][] terms) {
    /** Checks shapes and copies. */
    public HingeBreakdown {
        alphas = Grids.copyFinite("alphas", alphas);
        termNames = List.copyOf(Checks.notNull("termNames", termNames));
        terms = Grids.copyGrid("terms", terms, termNames.size(), alphas.length);
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** T × K term values (a copy). */
    @Override
    public double[][] terms() {
        return Grids.copy(terms);
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

    @Override
    public String toString() {
        return "HingeBreakdown[T=" + terms.length + " terms, K=" + alphas.length + " steps]";
    }
}
