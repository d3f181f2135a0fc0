package descent.grade.batch;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the student's code prints while a cell or a test runs, kept up to a cap; the rest is
 * counted and dropped, so a 100 MB print costs neither memory nor the grader's time.
 */
final class CappedOutput extends OutputStream {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, cap - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    /** What was printed since the last call (with a note of what was cut), and starts afresh. */
    synchronized String take() {
        String s = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            s += "\n... (" + dropped + " more bytes of output cut: the grader keeps the first " + cap + ")";
        }
        kept.reset();
        dropped = 0;
        return s;
    }
}
