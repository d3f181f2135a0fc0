package descent.landscape;

/**
 * Whether grid points are evaluated one after another or in parallel.
 *
 * <p>{@link #PARALLEL} uses the common fork-join pool and calls the function from several threads
 * at once: only choose it when the function is thread-safe (the library's losses are, as long as
 * no two threads share a mutable batch). The results are the same either way.
 */
public enum Execution {
    /** One point after another on the calling thread (the default). */
    SEQUENTIAL,
    /** Rows of the grid on the common fork-join pool; the function must be thread-safe. */
    PARALLEL
}
