/*
 * Replaces JJava 1.0a8's org.dflib.jjava.jupyter.kernel.JupyterIO (MIT licensed); our code, same
 * public signatures. Differences: the cell's stdout / stderr are batched JupyterOutputStreams, and
 * setEnv / retractEnv bind / unbind descent.kernel.OutputBatcher to the request's environment
 * (retractEnv sends what is pending). See environment/KERNEL-NOTES.md, "The second kernel: JJava".
 */
package org.dflib.jjava.jupyter.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Objects;

import org.dflib.jjava.jupyter.channels.JupyterInputStream;
import org.dflib.jjava.jupyter.channels.JupyterOutputStream;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

import descent.kernel.OutputBatcher;

/** The kernel's streams for cells: System.out / err / in and display, bound to one request. */
public class JupyterIO {

    private final JupyterOutputStream jupyterOut;
    private final JupyterOutputStream jupyterErr;
    private final JupyterInputStream jupyterIn;
    public final DisplayStream display;
    public final PrintStream out;
    public final PrintStream err;
    public final InputStream in;
    /** The environment the batcher sends to; null between requests. Guarded by this. */
    private ShellReplyEnvironment bound;

    public JupyterIO(Charset encoding) {
        Objects.requireNonNull(encoding);
        this.jupyterOut = new JupyterOutputStream(false, ShellReplyEnvironment::writeToStdOut);
        this.jupyterErr = new JupyterOutputStream(true, ShellReplyEnvironment::writeToStdErr);
        this.jupyterIn = new JupyterInputStream(encoding);
        this.display = new DisplayStream();
        this.out = new PrintStream(jupyterOut, true, encoding);
        this.err = new PrintStream(jupyterErr, true, encoding);
        this.in = jupyterIn;
    }

    public boolean isAttached() {
        return jupyterOut.isAttached() && jupyterErr.isAttached() && jupyterIn.isAttached()
                && display.isAttached();
    }

    protected synchronized void setEnv(ShellReplyEnvironment env) {
        jupyterOut.setEnv(env);
        jupyterErr.setEnv(env);
        jupyterIn.setEnv(env);
        display.setEnv(env);
        bound = env;
        OutputBatcher.get().bind(new OutputBatcher.Sink() {
            @Override
            public void writeToStdOut(String text) {
                env.writeToStdOut(text);
            }

            @Override
            public void writeToStdErr(String text) {
                env.writeToStdErr(text);
            }
        });
    }

    protected synchronized void retractEnv(ShellReplyEnvironment env) {
        if (bound == env) {
            OutputBatcher.get().unbind();
            bound = null;
        }
        jupyterOut.retractEnv(env);
        jupyterErr.retractEnv(env);
        jupyterIn.retractEnv(env);
        display.retractEnv(env);
    }

    protected void setJupyterInEnabled(boolean enabled) {
        jupyterIn.setEnabled(enabled);
    }
}
