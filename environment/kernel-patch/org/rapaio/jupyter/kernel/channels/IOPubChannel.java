/*
 * Replaces io.github.padreati:rapaio-jupyter-kernel:3.0.1's IOPubChannel (MIT licensed); our code.
 * Compiled into build/kernel/patch/, ahead of the kernel jar on the class path (see LoopThread).
 * Same public signatures as the original: the constructor, bind (binds the PUB socket to the
 * connection file's iopub port) and the inherited sendMessage.
 *
 * Two changes. First: every message that is not printed text (display, update_display, result,
 * error, status) first sends the text the cell printed before it and that still waits in
 * descent.kernel.OutputBatcher, so printed text and displays keep their order although the text
 * goes out in batches (see environment/KERNEL-NOTES.md, "Output: batching and compile-error noise").
 *
 * Second: an execute_result with no data at all is not sent. The kernel sends the value of a
 * cell's last expression as an execute_result; descent.kernel.QuietResults renders values that
 * mean nothing to a student (the PrintStream that System.out.printf returns) as empty data, and
 * this channel drops them, so a cell ending in printf shows its printed line and nothing else
 * (instead of "java.io.PrintStream@1b6d3586"). Every other message goes out unchanged.
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.messages.IOPubExecuteResult;
import org.rapaio.jupyter.kernel.message.messages.IOPubStream;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

import descent.kernel.OutputBatcher;

/** The kernel's IOPub (broadcast) channel: outputs, status and results go to every client. */
public final class IOPubChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(IOPubChannel.class.getSimpleName());

    public IOPubChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac) {
        super(channels, "IOPubChannel", ctx, SocketType.PUB, hmac);
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        String address = connProps.formatAddress(connProps.iopubPort());
        LOGGER.info(logPrefix + "binding to " + address);
        socket.bind(address);
    }

    @Override
    public void sendMessage(Message<?> message) {
        if (message.content() instanceof IOPubExecuteResult result && result.data().isEmpty()) {
            return; // a value with nothing to show (see QuietResults)
        }
        if (message.content() instanceof IOPubStream) {
            super.sendMessage(message); // a batch from OutputBatcher (or a magic's output)
        } else {
            // Lock order: the batcher, then this channel (super.sendMessage is synchronized).
            OutputBatcher.get().flushThen(() -> super.sendMessage(message));
        }
    }
}
