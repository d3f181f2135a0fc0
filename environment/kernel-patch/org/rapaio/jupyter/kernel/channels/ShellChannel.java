/*
 * Replaces io.github.padreati:rapaio-jupyter-kernel:3.0.1's ShellChannel (MIT licensed); our code.
 * Compiled into build/kernel/patch/, ahead of the kernel jar on the class path (see LoopThread).
 * Same public signatures as the original: the constructor, bind (binds the ROUTER socket and starts
 * the loop that hands each request to its handler), close, joinUntilClose and the inherited
 * sendMessage; the loop does what the original's does, step by step.
 *
 * One change: sendMessage first sends the text the cell printed and that still waits in
 * descent.kernel.OutputBatcher. The kernel sends a cell's execute_reply before its own end-of-cell
 * clean-up (its after-actions run last-in first-out), so without this the last batch of printed
 * text would follow the reply (see environment/KERNEL-NOTES.md, "Output: batching and
 * compile-error noise").
 *
 * Two: a history_request gets a busy and an idle status (3.0.1's handler only logs and sends
 * nothing). JupyterLab ignores the statuses that answer its kernel_info_request (they are in the
 * server's untracked_message_types) and takes the kernel's first status from those of the
 * history_request it sends next; with none, its status bar said "Java (Descent) | Unknown" after a
 * notebook opened, until the first cell ran. Still no history_reply: 3.0.1 keeps no history.
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

import descent.kernel.OutputBatcher;

/** The kernel's shell channel: execute, complete, inspect, kernel_info requests and their replies. */
public final class ShellChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ShellChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels connection;
    private volatile LoopThread loopThread;

    public ShellChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac, Channels connection) {
        super(channels, "ShellChannel", ctx, SocketType.ROUTER, hmac);
        this.connection = connection;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String name = "Shell-" + ID.getAndIncrement();
        String address = connProps.formatAddress(connProps.shellPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(name, LOOP_SLEEP, () -> turn(poller));
        loopThread.start();
    }

    /** One turn of the loop: handle the next request, if one is waiting. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void turn(ZMQ.Poller poller) {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message message = readMessage();
        MessageType<?> type = message.header().type();
        MessageHandler handler = connection.getHandler(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        LOGGER.info(logPrefix + "Handling message: " + type.name());
        connection.setMsgId(message.getId());
        try {
            if (MessageType.SHELL_HISTORY_REQUEST.equals(type)) {
                channels.busyThenIdle();   // idle goes out with the after-actions below
            }
            handler.handle(message);
        } catch (Exception e) {
            LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". "
                    + e.getClass().getSimpleName() + ": " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
        if (connection.isMarkedForShutdown()) {
            LOGGER.info(logPrefix + "Shutting down connection marked for shutdown.");
            connection.close();
        }
    }

    @Override
    public void sendMessage(Message<?> message) {
        // Printed text first, then the reply. Lock order: the batcher, then this channel.
        OutputBatcher.get().flushThen(() -> super.sendMessage(message));
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                // the kernel is shutting down
            }
        }
    }
}
