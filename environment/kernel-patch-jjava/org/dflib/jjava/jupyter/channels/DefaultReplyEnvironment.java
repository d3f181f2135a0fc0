/*
 * Replaces JJava 1.0a8's org.dflib.jjava.jupyter.channels.DefaultReplyEnvironment (MIT licensed);
 * our code, same public signatures and behaviour, plus: every message that is not a stream message
 * (display, update, result, error, status, any shell reply) first sends the cell's pending printed
 * text (descent.kernel.OutputBatcher), so output keeps its written order against them. See
 * environment/KERNEL-NOTES.md, "The second kernel: JJava".
 */
package org.dflib.jjava.jupyter.channels;

import java.util.ArrayDeque;
import java.util.Deque;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;

import descent.kernel.OutputBatcher;

/** Sends a request's replies and IOPub messages; printed text pending in the batcher goes first. */
public class DefaultReplyEnvironment implements ReplyEnvironment {

    private final JupyterSocket shell;
    private final JupyterSocket iopub;
    private final MessageContext context;
    private final Deque<Runnable> deferred = new ArrayDeque<>();
    private boolean defer;

    public DefaultReplyEnvironment(JupyterSocket shell, JupyterSocket iopub, MessageContext context) {
        this.shell = shell;
        this.iopub = iopub;
        this.context = context;
    }

    public JupyterSocket getShell() {
        return shell;
    }

    public JupyterSocket getIopub() {
        return iopub;
    }

    public MessageContext getContext() {
        return context;
    }

    @Override
    public void publish(Message<?> message) {
        if (message.getHeader().getType() == MessageType.PUBLISH_STREAM) {
            // A batch from OutputBatcher (possibly its timer thread): sent now, never deferred, so
            // it cannot take a deferral meant for the shell thread's next message.
            iopub.sendMessage(message);
            return;
        }
        if (defer) {
            deferred.push(() -> sendAfterOutput(iopub, message));
            defer = false;
        } else {
            sendAfterOutput(iopub, message);
        }
    }

    @Override
    public void reply(Message<?> message) {
        if (defer) {
            deferred.push(() -> sendAfterOutput(shell, message));
            defer = false;
        } else {
            sendAfterOutput(shell, message);
        }
    }

    /** Lock order: the batcher, then the socket (JupyterSocket.sendMessage is synchronized). */
    private static void sendAfterOutput(JupyterSocket socket, Message<?> message) {
        OutputBatcher.get().flushThen(() -> socket.sendMessage(message));
    }

    @Override
    public ReplyEnvironment defer() {
        defer = true;
        return this;
    }

    @Override
    public void defer(Runnable action) {
        deferred.push(action);
    }

    @Override
    public void resolveDeferrals() {
        if (defer) {
            throw new IllegalStateException("Reply environment is in defer mode but a resolution was request.");
        }
        while (!deferred.isEmpty()) {
            deferred.pop().run();
        }
    }

    @Override
    public <T extends ContentType<T>> void publish(T content) {
        publish(new Message<>(context, content.getType(), content));
    }

    @Override
    public <T extends ContentType<T>> void reply(T content) {
        reply(new Message<>(context, content.getType(), content));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // as JJava's: the reply type is the request's
    public void replyError(MessageType<?> type, ErrorReply error) {
        reply(new Message(context, type, error));
    }

    @Override
    public void setStatusBusy() {
        publish(PublishStatus.BUSY);
    }

    @Override
    public void setStatusIdle() {
        publish(PublishStatus.IDLE);
    }

    @Override
    public void setBusyDeferIdle() {
        setStatusBusy();
        defer().setStatusIdle();
    }
}
