package descent.train;

/**
 * Thrown when a training run's loss becomes NaN or infinite or explodes; the message names the
 * step and the learning rate, and {@link #history()} holds the steps taken until then.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient History history;

    TrainingDivergedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** The run up to the step that diverged. */
    public History history() {
        return history;
    }
}
