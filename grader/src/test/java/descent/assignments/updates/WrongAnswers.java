package descent.assignments.updates;

import org.ejml.data.DMatrixRMaj;

/** Half-right answers that students write, each with one known mistake, for the message tests. */
final class WrongAnswers {
    private WrongAnswers() {
    }

    /** Momentum with dampening: v = μv + (1 − μ)·dW. */
    static final MomentumFactory DAMPENED_MOMENTUM = mu -> new UpdateRule() {
        private double[] v;

        @Override
        public void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double lr) {
            if (v == null) {
                v = new double[w.getNumElements()];
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = mu * v[i] + (1 - mu) * dw.data[i];
                w.data[i] -= lr * v[i];
            }
        }
    };

    /** The notes' form: v = μv − lr·dW; w += v (right only while the rate is constant). */
    static final MomentumFactory NOTES_MOMENTUM = mu -> new UpdateRule() {
        private double[] v;

        @Override
        public void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double lr) {
            if (v == null) {
                v = new double[w.getNumElements()];
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = mu * v[i] - lr * dw.data[i];
                w.data[i] += v[i];
            }
        }
    };

    /** The velocity lives in one static map shared by every rule (state shared between instances). */
    static final MomentumFactory SHARED_MOMENTUM = mu -> new UpdateRule() {
        @Override
        public void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double lr) {
            if (SharedState.v == null || SharedState.v.length != w.getNumElements()) {
                SharedState.v = new double[w.getNumElements()];
            }
            for (int i = 0; i < SharedState.v.length; i++) {
                SharedState.v[i] = mu * SharedState.v[i] + dw.data[i];
                w.data[i] -= lr * SharedState.v[i];
            }
        }
    };

    /** RMSProp with ε inside the square root. */
    static final RmsPropFactory EPS_INSIDE_RMSPROP = (alpha, eps) -> new UpdateRule() {
        private double[] s;

        @Override
        public void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double lr) {
            if (s == null) {
                s = new double[w.getNumElements()];
            }
            for (int i = 0; i < s.length; i++) {
                double g = dw.data[i];
                s[i] = alpha * s[i] + (1 - alpha) * g * g;
                w.data[i] -= lr * g / Math.sqrt(s[i] + eps);
            }
        }
    };

    /**
     * Adam; {@code correct} false leaves out the bias correction; {@code firstT} is t on the first
     * step; {@code staticStepCount} shares t between rules; {@code epsInside} uses √(v̂ + ε).
     */
    static AdamFactory adam(boolean correct, int firstT, boolean staticStepCount, boolean epsInside) {
        return (b1, b2, eps) -> new UpdateRule() {
            private double[] m;
            private double[] v;
            private int t = firstT - 1;

            @Override
            public void updateInPlace(DMatrixRMaj w, DMatrixRMaj dw, double lr) {
                if (m == null) {
                    m = new double[w.getNumElements()];
                    v = new double[w.getNumElements()];
                }
                int step = staticStepCount ? ++SharedState.t : ++t;
                for (int i = 0; i < m.length; i++) {
                    double g = dw.data[i];
                    m[i] = b1 * m[i] + (1 - b1) * g;
                    v[i] = b2 * v[i] + (1 - b2) * g * g;
                    double mHat = correct ? m[i] / (1 - Math.pow(b1, step)) : m[i];
                    double vHat = correct ? v[i] / (1 - Math.pow(b2, step)) : v[i];
                    w.data[i] -= lr * mHat / (epsInside ? Math.sqrt(vHat + eps) : Math.sqrt(vHat) + eps);
                }
            }
        };
    }

    /** The warm-up off by one: B·t/W (0 at step 0). */
    static final ScheduleFactory WARMUP_OFF_BY_ONE = (b, w, n, m) -> t -> t < w ? b * t / w
            : m + (b - m) * (1 + Math.cos(Math.PI * (t + 1 - w) / (n - w))) / 2;

    /** The cosine's argument π·(t − W)/(T − W): one step short of minRate at the end. */
    static final ScheduleFactory COSINE_SHORT = (b, w, n, m) -> t -> t < w ? b * (t + 1) / w
            : m + (b - m) * (1 + Math.cos(Math.PI * (t - w) / (n - w))) / 2;

    /** Right for t < T, but the cosine climbs back up afterwards. */
    static final ScheduleFactory NO_FLOOR = (b, w, n, m) -> t -> t < w ? b * (t + 1) / w
            : m + (b - m) * (1 + Math.cos(Math.PI * (t + 1 - w) / (n - w))) / 2;

    /** The loop with step t using schedule(t + 1). */
    static final SurfaceMinimizer LOOP_RATE_SHIFTED = (surface, rule, schedule, x0, y0, steps) ->
            ReferenceAnswers.LOOP.minimize(surface, rule, t -> schedule.applyAsDouble(t + 1), x0, y0, steps);

    /** A plan with too small a rate: Adam at 0.05 does not reach (1, 1) in 1,000 steps. */
    static final RosenbrockPlan SLOW_PLAN = new RosenbrockPlan(ReferenceAnswers.LOOP, 0.05, 50, 1000, 0.0);

    /** Where the shared-state answers keep their state. */
    static final class SharedState {
        static double[] v;
        static int t;

        static void clear() {
            v = null;
            t = 0;
        }
    }
}
