package descent.check;

/**
 * The outcome of a gradient check: for each checked coordinate, where it is, the analytic and the
 * numerical partial derivative, and their relative error.
 *
 * @param rows           row (class) of each checked entry of W
 * @param cols           column (feature) of each checked entry
 * @param analytic       the claimed partial derivatives
 * @param numerical      the finite-difference ones
 * @param relativeErrors {@code |a − n| / max(|a|, |n|)}, 0 where both are 0
 */
public record GradientCheckResult(int[] rows, int[] cols, double[] analytic, double[] numerical,
                                  double[] relativeErrors) {

    /** How the course reads a relative error. */
    public enum Verdict {
        /** ≤ 1e-7: the gradient is right. */
        CORRECT,
        /** ≤ 1e-4: fine for a loss with kinks (SVM); too high for a smooth one (softmax). */
        OK_WITH_KINKS,
        /** ≤ 1e-2: uncomfortable; look closer. */
        SUSPICIOUS,
        /** &gt; 1e-2: the gradient is wrong. */
        WRONG
    }

    /** Number of coordinates checked. */
    public int size() {
        return relativeErrors.length;
    }

    /** The largest relative error (NaN if any was NaN). */
    public double maxRelativeError() {
        double worst = 0;
        for (double e : relativeErrors) {
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }

    /** The median relative error. */
    public double medianRelativeError() {
        double[] sorted = relativeErrors.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }

    /** How the worst coordinate reads. */
    public Verdict verdict() {
        return verdictOf(maxRelativeError());
    }

    /** How a relative error reads: ≤ 1e-7 correct, ≤ 1e-4 ok with kinks, ≤ 1e-2 suspicious, else wrong. */
    public static Verdict verdictOf(double relativeError) {
        if (relativeError <= 1e-7) {
            return Verdict.CORRECT;
        }
        if (relativeError <= 1e-4) {
            return Verdict.OK_WITH_KINKS;
        }
        if (relativeError <= 1e-2) {
            return Verdict.SUSPICIOUS;
        }
        return Verdict.WRONG;
    }

    /** One line a coordinate, like CS231n's grad_check_sparse output, then the verdict. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            sb.append(String.format("W[%d,%d]  numerical: %+.6e  analytic: %+.6e  relative error: %.3e%n",
                    rows[i], cols[i], numerical[i], analytic[i], relativeErrors[i]));
        }
        sb.append(String.format("max relative error %.3e -> %s", maxRelativeError(), verdict()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return descent.util.Readable.count(size()) + " entries checked, max relative error "
                + descent.util.Readable.number(maxRelativeError()) + ": " + verdict();
    }
}
