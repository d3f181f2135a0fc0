/*
 * Interrupt fix for io.github.padreati:rapaio-jupyter-kernel:3.0.1 (MIT licensed); our code.
 *
 * This class replaces the kernel's own org.rapaio.jupyter.kernel.channels.ControlChannel (compiled by
 * install.sh into build/kernel/patch/, ahead of the kernel jar; same public signatures). It is the
 * original, as javap -c shows it, except for interrupt_request.
 *
 * Why: Channels keeps ONE "current message" (msgId) and ONE stack of after-actions for the whole
 * kernel. The original control loop handles interrupt_request like any message: setMsgId(interrupt),
 * then the handler (publish busy, reply, interrupt), then runAfterActions(). While a cell runs, that
 * overwrites the running execute_request's msgId and runs *its* pending after-actions too - the
 * execute_reply and the "idle" status - on the control thread, addressed to the interrupt message.
 * So the interrupted cell never got a reply of its own (it stayed [*] in the notebook), and the
 * interrupt_reply went out on the shell socket, where the client does not listen for it.
 *
 * Now interrupt_request touches none of that shared state: the interrupt_reply goes out on this
 * (control) socket, addressed to the request, and the kernel's interrupt() stops the running cell
 * (RapaioExecutionControl). The cell's own execute_reply then comes from the shell thread, as usual.
 * Every other control message (shutdown_request) is handled as before.
 */
package org.rapaio.jupyter.kernel.channels;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.ShellKernelInfoReply;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/** The control channel: interrupt and shutdown requests, on a ROUTER socket of its own. */
public final class ControlChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    /**
     * @param channels      the kernel's channels (handlers, shared message state)
     * @param ctx           the ZeroMQ context
     * @param hmacGenerator signs and checks messages
     */
    public ControlChannel(Channels channels, ZMQ.Context ctx, HMACDigest hmacGenerator) {
        super(channels, "ControlChannel", ctx, SocketType.ROUTER, hmacGenerator);
        this.channels = channels;
        RapaioExecutionControl.watchShell(channels::hasMsgId);
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String name = "Control-" + ID.getAndIncrement();
        String address = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread(name, LOOP_SLEEP, () -> turn(poller, name));
        loopThread.start();
    }

    private void turn(ZMQ.Poller poller, String name) {
        if (poller.poll(0) <= 0) {
            return;
        }
        Message<?> message = readMessage();
        MessageType<?> type = message.header().type();
        if (type == MessageType.CONTROL_INTERRUPT_REQUEST) {
            LOGGER.info(logPrefix + "Handling message: " + type.name());
            sendMessage(new Message<>(message.getId(), MessageType.CONTROL_INTERRUPT_REPLY, new ControlInterruptReply()));
            try {
                MainApp.kernel.interrupt();
            } catch (RuntimeException e) {
                LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". "
                        + e.getClass().getSimpleName() + ": " + e.getLocalizedMessage());
            }
            return;
        }
        if (type == MessageType.SHELL_KERNEL_INFO_REQUEST) {
            // jupyter_server "nudges" a kernel with kernel_info_request on shell and control when a
            // browser tab connects (e.g. right after Kernel > Restart, while Run All already sent
            // cells). Handled like other messages it took the shared message id of the running
            // execute_request, and that cell's execute_reply went out addressed to the nudge: the
            // cell stayed [*] for good. So it too touches no shared state: the reply goes out here.
            try {
                Method info = MainApp.kernel.getClass().getDeclaredMethod("kernelInfo");
                info.setAccessible(true);
                sendMessage(new Message<>(message.getId(), MessageType.SHELL_KERNEL_INFO_REPLY,
                        (ShellKernelInfoReply) info.invoke(MainApp.kernel)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". "
                        + e.getClass().getSimpleName() + ": " + e.getLocalizedMessage());
            }
            return;
        }
        MessageHandler<?> handler = channels.getHandler(type);
        if (handler == null) {
            LOGGER.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        LOGGER.info(logPrefix + "Handling message: " + type.name());
        channels.setMsgId(message.getId());
        try {
            handle(handler, message);
        } catch (Exception e) {
            LOGGER.severe(logPrefix + "Exception handling " + type.name() + ". "
                    + e.getClass().getSimpleName() + ": " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            LOGGER.info(name + " shutting down connection marked for shutdown.");
            channels.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void handle(MessageHandler handler, Message message) throws Exception {
        handler.handle(message);
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
            } catch (InterruptedException e) {
                // as in 3.0.1: stop waiting
            }
        }
    }
}
