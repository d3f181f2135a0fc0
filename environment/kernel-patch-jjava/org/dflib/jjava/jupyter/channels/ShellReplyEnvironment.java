/*
 * Replaces JJava 1.0a8's org.dflib.jjava.jupyter.channels.ShellReplyEnvironment (MIT licensed); our
 * code, same public signatures and behaviour, plus: before an input request the cell's pending
 * printed text is sent (descent.kernel.OutputBatcher), so a printed prompt shows above the input
 * box. See environment/KERNEL-NOTES.md, "The second kernel: JJava".
 */
package org.dflib.jjava.jupyter.channels;

import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;

import descent.kernel.OutputBatcher;

/** The reply environment of one shell request: replies, IOPub messages, stdin. */
public class ShellReplyEnvironment extends DefaultReplyEnvironment {

    private final StdinChannel stdin;
    private boolean requestShutdown = false;

    protected ShellReplyEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub,
                                    MessageContext context) {
        super(shell, iopub, context);
        this.stdin = stdin;
    }

    @Override
    public ShellReplyEnvironment defer() {
        super.defer();
        return this;
    }

    public void markForShutdown() {
        requestShutdown = true;
    }

    public boolean isMarkedForShutdown() {
        return requestShutdown;
    }

    public void writeToStdOut(String msg) {
        publish(new PublishStream(PublishStream.StreamType.OUT, msg));
    }

    public void writeToStdErr(String msg) {
        publish(new PublishStream(PublishStream.StreamType.ERR, msg));
    }

    /** Sends the pending printed text (not while waiting: the answer may take minutes), then asks. */
    public String readFromStdIn(String prompt, boolean isPassword) {
        OutputBatcher.get().flushAll();
        return stdin.getInput(getContext(), prompt, isPassword);
    }

    public String readFromStdIn(String prompt) {
        return readFromStdIn(prompt, false);
    }

    public String readFromStdIn() {
        return readFromStdIn("", false);
    }
}
