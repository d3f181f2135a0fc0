/*
 * Main class of Descent's Java kernel: starts rapaio-jupyter-kernel 3.0.1 the way its own
 * org.rapaio.jupyter.kernel.MainApp does (same steps, same kernel instance), with one change: the
 * channel loops are held while Channels.connect() finishes, so the first request cannot arrive
 * before the kernel's message handlers exist. See LoopThread (fix 2) and environment/KERNEL-NOTES.md.
 */
package descent.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;

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
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("connection file not found: " + file);
        }
        ConnectionProperties props = Transform.fromJson(Files.readString(file), ConnectionProperties.class);
        RapaioKernel kernel = MainApp.kernel; // the instance Global.display(...) talks to
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
