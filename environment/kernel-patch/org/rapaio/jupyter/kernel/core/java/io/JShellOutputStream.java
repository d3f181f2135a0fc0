/*
 * Replaces io.github.padreati:rapaio-jupyter-kernel:3.0.1's JShellOutputStream (MIT licensed); our
 * code. Compiled into build/kernel/patch/, ahead of the kernel jar on the class path (see
 * environment/KERNEL-NOTES.md, "Output: batching and compile-error noise").
 * Same public signatures as the original: the constructor, bindChannels, unbindChannels, flush and
 * what ByteArrayOutputStream gives.
 *
 * The original sent its whole buffer as one IOPub stream message on every flush(), and the kernel
 * wraps it in a PrintStream that flushes on every println: one message per printed line, which trips
 * the notebook server's rate limit after ~3,000 lines. Here the bytes go to descent.kernel.OutputBatcher,
 * which sends them in batches (about every 50 ms, at 64 KB, and before anything else the kernel
 * sends), and flush() only makes sure a batch is on its way.
 */
package org.rapaio.jupyter.kernel.core.java.io;

import java.io.ByteArrayOutputStream;

import org.rapaio.jupyter.kernel.channels.Channels;

import descent.kernel.OutputBatcher;

/** A cell's System.out (err = false) or System.err (err = true), sent to the notebook in batches. */
public class JShellOutputStream extends ByteArrayOutputStream {

    private final boolean err;

    /** @param err true for the cell's stderr, false for its stdout */
    public JShellOutputStream(boolean err) {
        super(0);
        this.err = err;
    }

    /** @param channels where the cell's text goes, until unbindChannels (at the end of the cell) */
    public void bindChannels(Channels channels) {
        OutputBatcher.get().bind(new OutputBatcher.Sink() {
            @Override
            public void writeToStdOut(String text) {
                channels.writeToStdOut(text);
            }

            @Override
            public void writeToStdErr(String text) {
                channels.writeToStdErr(text);
            }
        });
    }

    /** Sends what is pending, then stops sending. */
    public void unbindChannels() {
        OutputBatcher.get().unbind();
    }

    @Override
    public void write(int b) {
        OutputBatcher.get().write(err, new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        OutputBatcher.get().write(err, b, off, len);
    }

    /**
     * Does not send: the kernel's PrintStream calls it after every piece it writes (each part of a
     * printf, each line), so it cannot tell a student's explicit flush from those. The batcher sends
     * complete lines within about 50 ms, an unfinished line within about a second, and everything
     * at the end of the cell.
     */
    @Override
    public void flush() {
    }
}
