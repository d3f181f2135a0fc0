package descent.util;

/**
 * Told about each step of a long loop (a search, a training run), e.g. to show progress.
 *
 * <p>Called on the thread running the loop, once a step; keep it cheap.
 */
@FunctionalInterface
public interface StepListener {
    /** Does nothing. */
    StepListener NONE = (step, total, loss) -> { };

    /**
     * @param step  the step just finished, counted from 0
     * @param total the number of steps planned
     * @param loss  the loss the loop reports for this step
     */
    void onStep(int step, int total, double loss);
}
