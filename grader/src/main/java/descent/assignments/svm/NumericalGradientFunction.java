package descent.assignments.svm;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * The answer to q3: the gradient of a function of W by centered differences, one entry at a time.
 *
 * <pre>
 *   dW[r][c] = (f(W + h·E_rc) − f(W − h·E_rc)) / (2h)      E_rc: 1 at (r, c), 0 elsewhere
 * </pre>
 * Each entry is moved by +h, then by −h, then put back to its saved value before the next entry is
 * touched, so f always sees W with at most one entry changed and W leaves exactly as it came in.
 */
@FunctionalInterface
public interface NumericalGradientFunction {

    /**
     * dF/dW by centered differences.
     *
     * @param f the function; called 2 · (number of entries of W) times
     * @param W the point, any shape (C × D for a loss); changed during the call, restored exactly
     * @param h the step, &gt; 0 (the notes use 1e-5)
     * @return a new matrix of W's shape
     */
    DMatrixRMaj apply(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj W, double h);
}
