package descent.loss;

import descent.data.Dataset;
import descent.util.Checks;
import descent.util.Readable;
import org.ejml.data.DMatrixRMaj;

/**
 * What every form of the course's two losses shares: the regularization strength λ in
 * {@code λ ΣW²}, the one place where a loss-only call and a loss-with-gradient call part, and the
 * regularization added at the end.
 *
 * <p>A subclass writes {@link #evaluate}: the data loss over the batch and, when asked, its
 * gradient. The forms that are written to be read ({@link SvmLossNaive}, {@link SvmLossVectorized},
 * {@link SoftmaxLossNaive}, {@link SoftmaxLossVectorized}) compute the gradient either way; the fused
 * kernels ({@link SvmLoss}, {@link SoftmaxLoss}) skip it for {@link #loss}.
 */
public abstract class RegularizedLoss implements Loss {
    private final String name;
    private final double reg;

    /**
     * @param name what {@link #toString()} calls the loss, e.g. "softmax loss"
     * @param reg  λ in {@code λ ΣW²}, ≥ 0
     */
    RegularizedLoss(String name, double reg) {
        this.name = name;
        this.reg = Checks.nonNegative("reg", reg);
    }

    @Override
    public final double reg() {
        return reg;
    }

    @Override
    public final LossAndGradient lossAndGradient(DMatrixRMaj w, Dataset batch) {
        return evaluate(w, batch, true);
    }

    @Override
    public final double loss(DMatrixRMaj w, Dataset batch) {
        return evaluate(w, batch, false).loss();
    }

    /**
     * The loss at W over the batch, with its gradient when {@code withGradient} (a form may compute
     * it anyway).
     *
     * @param w     weights, C × D; not modified
     * @param batch N examples with D features and labels in {@code [0, C)}
     */
    abstract LossAndGradient evaluate(DMatrixRMaj w, Dataset batch, boolean withGradient);

    /**
     * Adds the regularization to a data loss already averaged over the batch: the loss
     * {@code dataLoss + λ ΣW²} and, in place, {@code dW += 2 λ W}.
     *
     * @param w        weights, C × D
     * @param dataLoss the mean data loss
     * @param dw       the data loss's gradient, C × D; modified
     */
    final LossAndGradient regularized(DMatrixRMaj w, double dataLoss, DMatrixRMaj dw) {
        double regLoss = L2Regularization.penalty(w, reg);
        L2Regularization.addGradientInPlace(w, reg, dw);
        return new LossAndGradient(dataLoss + regLoss, dataLoss, regLoss, dw);
    }

    /**
     * One example's part of a loss written with loops: what {@link #byLoops} asks of a form.
     */
    @FunctionalInterface
    interface ExampleLoss {
        /**
         * The loss {@code L_i} of example i, with its gradient added into {@code dw} (not yet
         * divided by N).
         *
         * @param scores {@code s = W x_i}, C values
         * @param label  {@code y_i}, in {@code [0, C)}
         * @param x      the example's features: {@code x.get(i, k)}
         * @param i      the example's row in {@code x}
         * @param dw     C × D, the sum of the gradients of the examples before this one
         */
        double add(double[] scores, int label, Dataset x, int i, DMatrixRMaj dw);
    }

    /**
     * The frame every loop form shares: for each example its scores by loops and
     * {@code example}'s {@code L_i} and gradient, both averaged over the N examples, then the
     * regularization. The loss is {@code (1/N) Σ_i L_i + λ ΣW²}.
     *
     * @param w     weights, C × D; not modified
     * @param batch N examples with D features and labels in {@code [0, C)}
     */
    final LossAndGradient byLoops(DMatrixRMaj w, Dataset batch, ExampleLoss example) {
        int n = L2Regularization.checkArguments(w, batch);
        int[] y = batch.y();
        DMatrixRMaj dw = new DMatrixRMaj(w.numRows, w.numCols);
        double dataLoss = 0;
        for (int i = 0; i < n; i++) {
            dataLoss += example.add(scoresByLoops(w, batch, i), y[i], batch, i, dw);
        }
        dataLoss /= n;
        for (int k = 0; k < dw.data.length; k++) {
            dw.data[k] /= n;
        }
        return regularized(w, dataLoss, dw);
    }

    /** Adds {@code coefficient · x_i} to row j of {@code dw} (C × D): one term of a loop form's gradient. */
    static void addToRow(DMatrixRMaj dw, int j, double coefficient, Dataset x, int i) {
        for (int k = 0; k < dw.numCols; k++) {
            dw.add(j, k, coefficient * x.get(i, k));
        }
    }

    /** The scores of example i by loops, {@code s_j = Σ_k W[j, k] x_i[k]}: C values, checked finite. */
    static double[] scoresByLoops(DMatrixRMaj w, Dataset batch, int i) {
        double[] scores = new double[w.numRows];
        for (int j = 0; j < w.numRows; j++) {
            for (int k = 0; k < w.numCols; k++) {
                scores[j] += w.get(j, k) * batch.get(i, k);
            }
        }
        L2Regularization.checkScores(batch.x(), i, scores);
        return scores;
    }

    /** The loss's name and form, e.g. "SVM loss, by loops". */
    final String name() {
        return name;
    }

    /** The name and λ, e.g. {@code softmax loss (reg = 25000)}. */
    @Override
    public String toString() {
        return name + " (reg = " + Readable.number(reg) + ")";
    }
}
