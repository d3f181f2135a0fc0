package org.dflib.jjava.kernel;

import java.util.ArrayList;
import java.util.List;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A stand-in for JJava 1.0a8's class of the same name (what a cell's static imports come from),
 * with just the shape that {@code descent.plot.KernelBridge} reaches by reflection: a static
 * {@code kernel()}, a kernel with {@code display(DisplayData)} and {@code getIO().display}
 * with {@code updateDisplay(String, DisplayData)}. Null until a test sets {@link #kernel}.
 */
public final class JavaNotebookStatics {
    public static FakeKernel kernel;

    public static FakeKernel kernel() {
        return kernel;
    }

    /** Deprecated in 1.0a8: prints a warning into the cell's stderr, so the library must not call it. */
    public static FakeKernel getKernelInstance() {
        throw new AssertionError("'getKernelInstance()' was deprecated in favor of 'kernel()'");
    }

    /** Records what the library sent: "display <id> <html>" and "update <id> <html>". */
    public static final class FakeKernel {
        public final List<String> sent = new ArrayList<>();
        private final Io io = new Io(this);

        public void display(DisplayData data) {
            sent.add("display " + data.getDisplayId() + " " + data.html);
        }

        public Io getIO() {
            return io;
        }
    }

    /** JJava's JupyterIO: the display stream is a public field. */
    public static final class Io {
        public final Stream display;

        Io(FakeKernel kernel) {
            display = new Stream(kernel);
        }
    }

    /** JJava's DisplayStream. */
    public static final class Stream {
        private final FakeKernel kernel;

        Stream(FakeKernel kernel) {
            this.kernel = kernel;
        }

        public void updateDisplay(String id, DisplayData data) {
            kernel.sent.add("update " + id + " " + data.html);
        }
    }
}
