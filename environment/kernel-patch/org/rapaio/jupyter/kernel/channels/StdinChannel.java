/*
 * Replaces io.github.padreati:rapaio-jupyter-kernel:3.0.1's StdinChannel (MIT licensed); our code.
 * Compiled into build/kernel/patch/, ahead of the kernel jar on the class path (see LoopThread).
 * Same public signatures as the original: the constructor, bind, getInput and the inherited
 * sendMessage; getInput does what the original's does.
 *
 * One change: sendMessage first sends the text the cell printed and that still waits in
 * descent.kernel.OutputBatcher, so a prompt printed with System.out.print("Your answer: ") shows
 * before the input box a read from System.in opens (see environment/KERNEL-NOTES.md, "Output:
 * batching and compile-error noise").
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageId;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.StdinInputReply;
import org.rapaio.jupyter.kernel.message.messages.StdinInputRequest;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

import descent.kernel.OutputBatcher;

/** The kernel's stdin channel: asks the front end for a line of input while a cell reads System.in. */
public final class StdinChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(StdinChannel.class.getSimpleName());

    public StdinChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmac) {
        super(channels, "StdinChannel", ctx, SocketType.ROUTER, hmac);
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        String address = connProps.formatAddress(connProps.stdinPort());
        LOGGER.info(logPrefix + "Binding stdin to " + address);
        socket.bind(address);
    }

    /**
     * Sends an input_request and waits for the front end's reply.
     *
     * @param parent the request (execute_request) the input belongs to
     * @param prompt the prompt the front end shows next to the input box
     * @param password true to hide what is typed
     * @return the line typed, followed by the line separator
     */
    public synchronized String getInput(MessageId<?> parent, String prompt, boolean password) {
        StdinInputRequest request = new StdinInputRequest(prompt, password);
        sendMessage(new Message<>(parent, MessageType.STDIN_INPUT_REQUEST, request));
        Message<StdinInputReply> reply = readMessage(MessageType.STDIN_INPUT_REPLY);
        return reply.content().value() + System.lineSeparator();
    }

    @Override
    public void sendMessage(Message<?> message) {
        // Printed text (the prompt) first. Lock order: this channel (getInput), the batcher, this
        // channel again; nothing takes the batcher and then this channel's lock from another thread.
        OutputBatcher.get().flushThen(() -> super.sendMessage(message));
    }
}
