package descent.util;

/**
 * Thrown by a library loop (training, a search, a numerical gradient, a loss landscape, a surface
 * path, a conditioning run) that noticed its thread was interrupted, e.g. because the student
 * pressed stop in the notebook.
 *
 * <p>Loops check {@link #requested()} once a step, row or coordinate and stop cleanly. The message
 * has the form {@code "<what> interrupted at <unit> <done> of <total>; <what was kept and how to
 * get it>"}. The exception carries:
 * <ul>
 *   <li>{@link #what()}: the loop, e.g. {@code "training"};</li>
 *   <li>{@link #done()} and {@link #total()}: how many steps (rows, tries, coordinates) had finished
 *       and how many were planned;</li>
 *   <li>{@link #partial()}: what was kept, typed as the loop documents (a {@code TrainingResult} for
 *       training, a {@code SearchResult} for a search, …), or null when nothing was kept.</li>
 * </ul>
 * The thread's interrupt flag stays set, so the code around the loop (and the notebook kernel)
 * still sees the request; call {@link Thread#interrupted()} to clear it before running more work
 * on the same thread.
 *
 * <p>Unchecked: a notebook cell need not declare it. It has no public constructor, so a fork-join
 * pool rethrows it as it is instead of wrapping it.
 */
public final class Interrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final int done;
    private final int total;
    private final transient Object partial;

    private Interrupted(String message, String what, int done, int total, Object partial) {
        super(message);
        this.what = what;
        this.done = done;
        this.total = total;
        this.partial = partial;
    }

    /** Whether the current thread has been asked to stop; does not clear the flag. */
    public static boolean requested() {
        return Thread.currentThread().isInterrupted();
    }

    /**
     * The exception for a loop stopped after {@code done} of {@code total} units.
     *
     * @param what    the loop, e.g. {@code "training"}, starts the message
     * @param unit    what a loop counts, e.g. {@code "step"}, {@code "row"}, {@code "try"}
     * @param done    units finished before the stop, in {@code [0, total]}
     * @param total   units planned, {@code >= 0}
     * @param kept    a sentence: what was kept and how to get it
     * @param partial what was kept (null if nothing), returned by {@link #partial()}
     */
    public static Interrupted at(String what, String unit, int done, int total, String kept, Object partial) {
        String message = what + " interrupted at " + unit + " " + done + " of " + total + "; " + kept;
        return new Interrupted(message, what, done, total, partial);
    }

    /** The loop that stopped, e.g. {@code "training"}. */
    public String what() {
        return what;
    }

    /** Steps (rows, tries, coordinates) that finished before the stop. */
    public int done() {
        return done;
    }

    /** Steps (rows, tries, coordinates) that were planned. */
    public int total() {
        return total;
    }

    /**
     * What was kept, of the type the loop's documentation names (null if nothing was kept), e.g.
     * {@code TrainingResult r = e.partial();}.
     *
     * @throws ClassCastException if assigned to another type than the one kept
     */
    @SuppressWarnings("unchecked")
    public <T> T partial() {
        return (T) partial;
    }
}
