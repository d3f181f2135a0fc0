/*
 * Part of Descent's kernel patch for rapaio-jupyter-kernel 3.0.1: System.exit in a cell must not end
 * the kernel. See ExitCallRewriter and environment/KERNEL-NOTES.md, section "Interrupt and System.exit".
 */
package descent.kernel;

/**
 * What a cell's calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} call
 * instead: the kernel rewrites those call sites in every class a cell defines
 * ({@link ExitCallRewriter}), so the call throws {@link Refused} with a message for the student and
 * the kernel, with every variable, lives on.
 */
public final class ExitGuard {

    private ExitGuard() {
    }

    /** Thrown in place of ending the JVM; an {@code Error} so that {@code catch (Exception e)} does not hide it. */
    public static final class Refused extends Error {

        private static final long serialVersionUID = 1L;

        Refused(String call) {
            super(message(call), null, false, false);
        }
    }

    /**
     * The message a student sees, e.g. for {@code "System.exit(0)"}: "System.exit(0) would end the
     * kernel and lose every variable; the call was refused. To start over, use Kernel > Restart."
     *
     * @param call the call as written, with its status code
     * @return the message
     */
    public static String message(String call) {
        return call + " would end the kernel and lose every variable; the call was refused."
                + " To start over, use Kernel > Restart.";
    }

    /**
     * Replaces {@code System.exit(status)} in cell code.
     *
     * @param status the exit status the cell asked for
     */
    public static void exit(int status) {
        throw new Refused("System.exit(" + status + ")");
    }

    /**
     * Replaces {@code runtime.exit(status)} in cell code.
     *
     * @param runtime the receiver of the original call ({@code Runtime.getRuntime()})
     * @param status  the exit status the cell asked for
     */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new Refused("Runtime.getRuntime().exit(" + status + ")");
    }

    /**
     * Replaces {@code runtime.halt(status)} in cell code.
     *
     * @param runtime the receiver of the original call ({@code Runtime.getRuntime()})
     * @param status  the status the cell asked for
     */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new Refused("Runtime.getRuntime().halt(" + status + ")");
    }
}
