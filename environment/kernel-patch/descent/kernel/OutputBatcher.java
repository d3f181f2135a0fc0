/*
 * Part of Descent's kernel patch (see environment/KERNEL-NOTES.md, "Output: batching and
 * compile-error noise"). Used by the patched JShellOutputStream, IOPubChannel, ShellChannel and
 * StdinChannel of descent-java (rapaio), and by the patched JupyterOutputStream, JupyterIO and
 * DefaultReplyEnvironment of descent-jjava (JJava): it depends on neither kernel, only on a Sink.
 */
package descent.kernel;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one buffer between a cell's {@code System.out} / {@code System.err} and the notebook: bytes
 * printed by the cell collect here and go out as few IOPub stream messages, in order.
 *
 * <p>The unpatched kernel sent one stream message per {@code println} (its {@code PrintStream}
 * flushes on every line), so a cell printing more than about 3,000 lines within seconds tripped the
 * notebook server's IOPub limit (1000 messages/s over 3 s) and the student saw
 * "IOPub message rate exceeded" instead of the rest of the output; {@code printf} pieces arrived
 * as separate messages, which an HTML export shows one per line.
 *
 * <p>When pending text goes out:
 * <ul>
 *   <li>complete lines {@value #LINGER_MS} ms after the oldest unsent byte arrived (so a long cell
 *       shows its printing live, at most about 50 ms late, and at most ~20 timed messages/s);</li>
 *   <li>an unfinished line (no newline yet, e.g. the first of two {@code printf} calls that make one
 *       line) waits for its newline up to {@value #PARTIAL_LINE_MS} ms, then goes out as it is;</li>
 *   <li>at once, up to the last newline, when {@value #CAP_BYTES} bytes are pending (the printing
 *       thread sends them itself, so a fast printer is slowed to the channel's pace);</li>
 *   <li>all of it, before the text of the other stream (stdout / stderr keep their order), before
 *       any other IOPub message (display, update, result, error, status: see IOPubChannel) and
 *       before any shell reply (see ShellChannel), i.e. always at the end of a cell, before its
 *       reply; and when the cell's streams are unbound.</li>
 * </ul>
 * Text is cut only at UTF-8 character boundaries. Bytes written while no cell is bound (a
 * background thread printing after its cell ended) go to the kernel's own stderr, i.e. the
 * notebook server's log, as they would without the kernel.
 *
 * <p>Thread safety: all state is guarded by this object's monitor; messages are sent while holding
 * it, so no two flushes can overtake each other. Lock order: this batcher, then a channel.
 */
public final class OutputBatcher {

    /** Where batches go: the kernel's way of sending one IOPub stream message. */
    public interface Sink {
        /** @param text one batch of the cell's stdout, sent as one stream message */
        void writeToStdOut(String text);

        /** @param text one batch of the cell's stderr, sent as one stream message */
        void writeToStdErr(String text);
    }

    /** Age (ms) of the oldest unsent byte at which complete lines are sent. */
    static final long LINGER_MS = 50;
    /** Age (ms) at which an unfinished line is sent without waiting for its newline. */
    static final long PARTIAL_LINE_MS = 1000;
    /** Pending bytes at which the printing thread sends them itself. */
    static final int CAP_BYTES = 64 * 1024;

    private static final OutputBatcher INSTANCE = new OutputBatcher();

    private Sink channels;
    private boolean pendingErr;
    private byte[] buf = new byte[8192];
    private int count;
    /** Index just after the last '\n' in buf[0 .. count), or 0 if there is none. */
    private int newlineEnd;
    /** Arrival time (System.nanoTime) of the oldest pending byte; meaningful when count > 0. */
    private long oldestNanos;
    /** Deadline (System.nanoTime) of the next timed flush; 0 when none is due. */
    private long dueNanos;
    private Thread timer;

    private OutputBatcher() {
    }

    /** @return the kernel's one batcher (one kernel per JVM) */
    public static OutputBatcher get() {
        return INSTANCE;
    }

    /**
     * Starts sending to this sink (at the start of a cell).
     *
     * @param channels where the cell's batches go; not null
     */
    public synchronized void bind(Sink channels) {
        if (this.channels != channels) {
            flushAll();
            this.channels = channels;
        }
        if (timer == null) {
            timer = new Thread(this::timerLoop, "descent-output-flush");
            timer.setDaemon(true);
            timer.start();
        }
    }

    /** Sends what is pending and stops sending (at the end of a cell). */
    public synchronized void unbind() {
        flushAll();
        channels = null;
    }

    /**
     * Appends printed bytes of one stream.
     *
     * @param err true for stderr, false for stdout
     * @param b the bytes; b[off .. off+len) is appended
     * @param off start index in b
     * @param len number of bytes, &gt;= 0
     */
    public synchronized void write(boolean err, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (channels == null) {
            writeToKernelLog(err, b, off, len);
            return;
        }
        if (count > 0 && err != pendingErr) {
            flushAll();
        }
        long now = System.nanoTime();
        if (count == 0) {
            oldestNanos = now;
        }
        pendingErr = err;
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        for (int i = count + len - 1; i >= count; i--) {
            if (buf[i] == '\n') {
                newlineEnd = i + 1;
                break;
            }
        }
        count += len;
        if (count >= CAP_BYTES) {
            send(newlineEnd > 0 ? newlineEnd : utf8Boundary(count));
            // what is left started after the last newline, i.e. within this write
            oldestNanos = now;
        }
        schedule();
    }

    /** Sends everything pending now (up to a UTF-8 boundary); no-op when nothing is pending. */
    public synchronized void flushAll() {
        if (count > 0) {
            send(utf8Boundary(count));
        }
        schedule();
    }

    /**
     * Sends everything pending, then runs the action while still holding the batcher, so nothing
     * printed meanwhile can come between the two. For messages that must follow printed text.
     *
     * @param action what to send after the pending text
     */
    public synchronized void flushThen(Runnable action) {
        flushAll();
        action.run();
    }

    /** Sets dueNanos for what is pending now and wakes the timer if it must wake earlier. */
    private void schedule() {
        long due;
        if (count == 0 || channels == null) {
            due = 0;
        } else if (newlineEnd > 0) {
            due = oldestNanos + LINGER_MS * 1_000_000;
        } else {
            due = oldestNanos + PARTIAL_LINE_MS * 1_000_000;
        }
        boolean earlier = due != 0 && (dueNanos == 0 || due < dueNanos);
        dueNanos = due;
        if (earlier) {
            notifyAll();
        }
    }

    private void timerLoop() {
        synchronized (this) {
            while (true) {
                try {
                    if (dueNanos == 0) {
                        wait();
                        continue;
                    }
                    long now = System.nanoTime();
                    long waitNanos = dueNanos - now;
                    if (waitNanos > 0) {
                        wait(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                        continue;
                    }
                    timedFlush(now);
                } catch (InterruptedException e) {
                    return; // the JVM is going down
                } catch (RuntimeException e) {
                    // A failed send must not stop later flushes; the text is dropped, say so.
                    count = 0;
                    newlineEnd = 0;
                    dueNanos = 0;
                    byte[] why = ("descent kernel: could not send printed output: " + e + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    writeToKernelLog(true, why, 0, why.length);
                }
            }
        }
    }

    /** The timer's flush: complete lines when due; an unfinished line once it is old enough. */
    private void timedFlush(long now) {
        if (channels == null || count == 0) {
            dueNanos = 0;
            return;
        }
        if (newlineEnd > 0) {
            send(newlineEnd);
            // the rest came after the newline; its age is unknown, count it from now
            oldestNanos = now;
        } else if (now - oldestNanos >= PARTIAL_LINE_MS * 1_000_000) {
            send(utf8Boundary(count));
        }
        dueNanos = 0;
        schedule();
    }

    /** Sends buf[0 .. n) as one stream message and keeps the rest. */
    private void send(int n) {
        if (n <= 0) {
            return;
        }
        String text = new String(buf, 0, n, StandardCharsets.UTF_8);
        if (channels == null) {
            writeToKernelLog(pendingErr, buf, 0, n);
        }
        System.arraycopy(buf, n, buf, 0, count - n);
        count -= n;
        newlineEnd = Math.max(0, newlineEnd - n);
        if (channels == null) {
            return;
        }
        if (pendingErr) {
            channels.writeToStdErr(text);
        } else {
            channels.writeToStdOut(text);
        }
    }

    /** The largest n &lt;= end such that buf[0 .. n) does not end inside a UTF-8 sequence. */
    private int utf8Boundary(int end) {
        int i = end - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (buf[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return end;
        }
        int lead = buf[i] & 0xFF;
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return end - i >= need ? end : i;
    }

    private static void writeToKernelLog(boolean err, byte[] b, int off, int len) {
        try {
            @SuppressWarnings("resource") // the process's own descriptor: never closed
            FileOutputStream out = new FileOutputStream(err ? FileDescriptor.err : FileDescriptor.out);
            out.write(b, off, len);
        } catch (IOException e) {
            // the server's log is gone; nothing left to tell
        }
    }
}
