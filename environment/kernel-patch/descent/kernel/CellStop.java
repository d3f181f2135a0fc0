/*
 * Part of Descent's fix for "interrupt kernel" in rapaio-jupyter-kernel 3.0.1; see
 * org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl (the patched class) and
 * environment/KERNEL-NOTES.md, section "Interrupt and System.exit".
 */
package descent.kernel;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error that ends a cell the student stopped, and the stop check that throws it.
 *
 * <p>On Java 24 and newer, where {@code Thread.stop} no longer works, the kernel inserts a call to
 * {@link #check()} at the start of every method of a cell's classes and before every backward
 * branch (the JDK's own {@code LocalExecutionControl} does the same), so that a loop the student
 * wrote, such as {@code while (true) {}}, ends once the kernel marks its thread with
 * {@link #request(Thread)}. On Java 17 the kernel uses {@code Thread.stop} instead and nothing
 * calls {@code check()} (snippet classes are left as JShell compiled them).
 */
public final class CellStop extends Error {

    private static final long serialVersionUID = 1L;

    /** Threads whose cell the kernel is forcing to stop. */
    private static final Set<Thread> STOPPING = ConcurrentHashMap.newKeySet();

    /** True while {@link #STOPPING} is not empty: the cheap test done at every backward branch. */
    private static volatile boolean pending;

    private CellStop() {
        super("the cell was stopped", null, false, false);
    }

    /** Throws {@code CellStop} if the kernel is forcing the current thread's cell to stop. */
    public static void check() {
        if (pending && STOPPING.contains(Thread.currentThread())) {
            throw new CellStop();
        }
    }

    /**
     * Marks a cell thread so that its next {@link #check()} throws.
     *
     * @param thread the thread running the cell to stop (not null)
     */
    public static void request(Thread thread) {
        STOPPING.add(thread);
        pending = true;
    }

    /**
     * Clears the mark once the thread's cell has ended (or been given up).
     *
     * @param thread a thread passed to {@link #request(Thread)} before
     */
    public static void clear(Thread thread) {
        STOPPING.remove(thread);
        pending = !STOPPING.isEmpty();
    }
}
