package descent.grade;

import java.util.function.Function;

/**
 * Turns what a failed test threw into a message a student can act on.
 *
 * <ul>
 *   <li>an assertion (the test's own words, with expected, got and a hint): as it is;</li>
 *   <li>{@link NotImplementedYet}: "q1 is not implemented yet: ...";</li>
 *   <li>anything else thrown by the student's code: "your code threw
 *       ArrayIndexOutOfBoundsException: Index 10 out of bounds for length 10 (in svmLossNaive,
 *       line 7 of the q1 answer cell)", the place being the deepest frame in the student's
 *       code;</li>
 *   <li>{@link OutOfMemoryError} and {@link StackOverflowError}: what they mean here.</li>
 * </ul>
 * Never a stack trace.
 */
public final class Failures {
    private static volatile Function<StackTraceElement, String> placeOfFrame = Failures::snippetPlace;

    private Failures() {
    }

    /**
     * Sets how a stack frame of the student's code (a JShell snippet) is named, for example
     * "line 7 of the q1 answer cell". Returns null for frames that are not the student's. The
     * grading JVM sets one that knows which cell each snippet came from.
     */
    public static void placeOfFrame(Function<StackTraceElement, String> namer) {
        placeOfFrame = namer;
    }

    /** The message for a failed test. */
    public static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof NotImplementedYet) {
                return c.getMessage();
            }
        }
        if (t instanceof AssertionError) {
            String m = t.getMessage();
            return m == null || m.isBlank() ? "assertion failed" : m;
        }
        String where = place(t);
        if (t instanceof OutOfMemoryError) {
            return "your code ran out of memory (" + t.getMessage() + "; the heap limit is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)" + where
                    + ": is a large matrix created on every step of a loop?";
        }
        if (t instanceof StackOverflowError) {
            return "your code recursed too deeply (StackOverflowError)" + where
                    + ": does a method call itself without a base case?";
        }
        String message = t.getMessage();
        return "your code threw " + t.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message) + where;
    }

    private static String place(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String p = placeOfFrame.apply(e);
            if (p != null) {
                return " (" + p + ")";
            }
        }
        return "";
    }

    /** JShell snippets live in classes of package REPL; their frames name the method. */
    private static String snippetPlace(StackTraceElement e) {
        if (!e.getClassName().startsWith("REPL.")) {
            return null;
        }
        String method = e.getMethodName();
        return method.startsWith("lambda$") || method.equals("do_it$") ? "in your cell" : "in " + method;
    }
}
