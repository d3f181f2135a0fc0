/*
 * Main class of Descent's Java kernel: starts rapaio-jupyter-kernel 3.0.1 the way its own
 * org.rapaio.jupyter.kernel.MainApp does (same steps, same kernel instance), with one change: the
 * channel loops are held while Channels.connect() finishes, so the first request cannot arrive
 * before the kernel's message handlers exist. See LoopThread (fix 2) and environment/KERNEL-NOTES.md.
 *
 * It also installs Descent's compile-error format (CompileErrors: no "using incubating module(s)"
 * warning in front of the real error).
 *
 * It is also quieter: the kernel logs every message at INFO and prints one line per class-path jar,
 * which fills the notebook server's terminal. Log level WARNING by default; set the environment
 * variable DESCENT_KERNEL_LOG=INFO (or FINE, ...) to see everything again.
 */
package descent.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/** Starts the kernel on a Jupyter connection file: {@code Launcher <connection_file>}. */
public final class Launcher {

    private Launcher() {
    }

    /**
     * @param args one argument: the path of the connection file Jupyter wrote
     * @throws Exception if the file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: descent.kernel.Launcher <connection_file>");
            System.exit(2);
        }
        LogManager.getLogManager().readConfiguration(
                MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        Level level = Level.parse(System.getenv().getOrDefault("DESCENT_KERNEL_LOG", "WARNING"));
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) {
            h.setLevel(level);
        }
        boolean verbose = level.intValue() <= Level.INFO.intValue();
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("connection file not found: " + file);
        }
        ConnectionProperties props = Transform.fromJson(Files.readString(file), ConnectionProperties.class);
        // MainApp's class initializer builds the kernel (JShell + class path); it prints each jar.
        PrintStream stdout = System.out;
        if (!verbose) {
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        }
        RapaioKernel kernel;
        try {
            kernel = MainApp.kernel; // the instance Global.display(...) talks to
        } finally {
            System.setOut(stdout);
        }
        try {
            CompileErrors.install(); // compile errors without javac's incubator-module warning
        } catch (IllegalStateException e) {
            System.err.println("descent kernel: " + e.getMessage()); // the warning stays; cells work
        }
        Channels channels = new Channels(props);
        LoopThread.holdStarts();
        try {
            channels.connect(kernel);
        } finally {
            LoopThread.releaseStarts();
        }
        channels.joinUntilClose();
    }
}
