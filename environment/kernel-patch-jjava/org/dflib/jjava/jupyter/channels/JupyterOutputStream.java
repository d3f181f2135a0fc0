/*
 * Replaces JJava 1.0a8's org.dflib.jjava.jupyter.channels.JupyterOutputStream (MIT licensed); our
 * code, compiled by install.sh into build/kernel/jjava-patch/, ahead of the jar (see
 * environment/KERNEL-NOTES.md, "The second kernel: JJava"). Same public signatures as the original.
 *
 * The original sent its buffer as one IOPub stream message on every flush(), and JupyterIO wraps it
 * in an auto-flushing PrintStream: one message per println and per printf piece, so 100,000 printed
 * lines tripped the notebook server's IOPub rate limit. The cell's streams made by our JupyterIO hand
 * their bytes to descent.kernel.OutputBatcher (the one descent-java uses), which sends them in
 * batches; flush() sends nothing.
 */
package org.dflib.jjava.jupyter.channels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BiConsumer;

import descent.kernel.OutputBatcher;

/** A cell's System.out or System.err, sent to the notebook in batches (see OutputBatcher). */
public class JupyterOutputStream extends ByteArrayOutputStream {

    private ShellReplyEnvironment env;
    private final BiConsumer<ShellReplyEnvironment, String> write;
    /** TRUE for stderr, FALSE for stdout (batched); null: made by the original constructors, unbatched. */
    private final Boolean err;

    /**
     * A batched stream (what our JupyterIO makes).
     *
     * @param err true for the cell's stderr, false for its stdout
     * @param write how one text is sent (used only by the unbatched constructors' streams)
     */
    public JupyterOutputStream(boolean err, BiConsumer<ShellReplyEnvironment, String> write) {
        super(0);
        this.err = err;
        this.write = write;
    }

    /** As JJava's: unbatched, one message per flush. */
    public JupyterOutputStream(ShellReplyEnvironment env, BiConsumer<ShellReplyEnvironment, String> write) {
        super(1024);
        this.env = env;
        this.write = write;
        this.err = null;
    }

    /** As JJava's: unbatched, one message per flush. */
    public JupyterOutputStream(BiConsumer<ShellReplyEnvironment, String> write) {
        this(null, write);
    }

    public void setEnv(ShellReplyEnvironment env) {
        this.env = env;
    }

    public void retractEnv(ShellReplyEnvironment env) {
        if (this.env == env) {
            this.env = null;
        }
    }

    public boolean isAttached() {
        return env != null;
    }

    @Override
    public synchronized void write(int b) {
        if (err == null) {
            super.write(b);
        } else {
            OutputBatcher.get().write(err, new byte[] {(byte) b}, 0, 1);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (err == null) {
            super.write(b, off, len);
        } else {
            OutputBatcher.get().write(err, b, off, len);
        }
    }

    /**
     * Batched streams: does not send (the PrintStream calls it after every piece; the batcher sends
     * complete lines within about 50 ms, an unfinished line within about a second, everything
     * before any other message and at the end of the cell). Unbatched: as JJava's.
     */
    @Override
    public synchronized void flush() {
        if (err == null && env != null) {
            String text = new String(buf, 0, count, StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                write.accept(env, text);
            }
            reset();
        }
    }
}
