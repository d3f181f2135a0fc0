package descent.plot;

import descent.util.Checks;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Live progress of a long loop, updating ONE output instead of printing a line per step.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("random search", 1000)) {
 *     for (int i = 0; i < 1000; i++) {
 *         double loss = ...;
 *         p.update(i + 1, loss);
 *     }
 * }
 * }</pre>
 *
 * <p>In a notebook: a progress bar, the counts, the last and best loss, and a small live loss
 * curve, replaced in place through the kernel's display update ({@code update_display_data}).
 * In a terminal: one line on {@code System.err}, rewritten with a carriage return. Otherwise
 * (output redirected, tests): nothing. Whatever the output, it is redrawn at most once per
 * {@link #DEFAULT_INTERVAL_MILLIS} ms; an update that is not due costs one clock read and a few
 * stores, so it may sit in a hot loop. The final state is always drawn by {@link #close()}.
 */
public final class Progress implements AutoCloseable, descent.util.StepListener {
    /** Minimum time between two redraws, in milliseconds (at most 5 redraws per second). */
    public static final long DEFAULT_INTERVAL_MILLIS = 200;
    /** Losses kept for the live curve; older ones are thinned out to every 2nd, 4th, ... value. */
    static final int CURVE_POINTS = 512;

    /** What is drawn: a snapshot of the loop's state. */
    record Snapshot(String label, int done, int total, double lastLoss, double bestLoss,
            double elapsedSeconds, double[] curve, boolean finished) {
    }

    /** Where snapshots are drawn. */
    interface Sink {
        void render(Snapshot s);
    }

    private final String label;
    private final int total;
    private final Sink sink;
    private final LongSupplier clockNanos;
    private final long intervalNanos;
    private final long startNanos;
    private long lastRenderNanos;
    private int done;
    private double lastLoss = Double.NaN;
    private double bestLoss = Double.NaN;
    private final double[] curve = new double[CURVE_POINTS];
    private int curveSize;
    private int stride = 1;
    private int sinceKept;
    private int renders;
    private boolean closed;

    Progress(String label, int total, Sink sink, LongSupplier clockNanos, long intervalNanos) {
        this.label = Checks.notNull("label", label);
        this.total = Checks.positive("total", total);
        this.sink = Checks.notNull("sink", sink);
        this.clockNanos = Checks.notNull("clockNanos", clockNanos);
        this.intervalNanos = intervalNanos;
        this.startNanos = clockNanos.getAsLong();
        this.lastRenderNanos = startNanos;
        draw(false);
    }

    /**
     * Starts showing progress of a loop of {@code total} steps (the output appears at once).
     *
     * @param label what runs, e.g. "random search"
     * @param total number of steps, > 0
     */
    public static Progress start(String label, int total) {
        return new Progress(label, total, defaultSink(), System::nanoTime, DEFAULT_INTERVAL_MILLIS * 1_000_000L);
    }

    /** Records that {@code done} steps of {@code total} are finished; redraws if due. */
    public void update(int done) {
        this.done = done;
        maybeDraw();
    }

    /**
     * Records that {@code done} steps are finished and the latest loss is {@code loss} (NaN and
     * infinities are shown as they are, e.g. for a diverging run); redraws if due.
     */
    public void update(int done, double loss) {
        this.done = done;
        lastLoss = loss;
        if (!(loss >= bestLoss)) { // also true while bestLoss is NaN
            if (!Double.isNaN(loss)) {
                bestLoss = loss;
            }
        }
        keep(loss);
        maybeDraw();
    }

    /** As a {@link descent.util.StepListener}: step t (from 0) done means t + 1 steps finished. */
    @Override
    public void onStep(int step, int total, double loss) {
        update(step + 1, loss);
    }

    /** Draws the final state. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            draw(true);
        }
    }

    /** Number of redraws so far (for tests and curiosity). */
    int renders() {
        return renders;
    }

    private void keep(double loss) {
        if (++sinceKept < stride) {
            return;
        }
        sinceKept = 0;
        if (curveSize == CURVE_POINTS) {
            for (int i = 0; i < CURVE_POINTS / 2; i++) {
                curve[i] = curve[2 * i];
            }
            curveSize = CURVE_POINTS / 2;
            stride *= 2;
        }
        curve[curveSize++] = loss;
    }

    private void maybeDraw() {
        long now = clockNanos.getAsLong();
        if (now - lastRenderNanos >= intervalNanos) {
            lastRenderNanos = now;
            draw(false);
        }
    }

    private void draw(boolean finished) {
        renders++;
        double elapsed = (clockNanos.getAsLong() - startNanos) / 1e9;
        sink.render(new Snapshot(label, done, total, lastLoss, bestLoss, elapsed,
                Arrays.copyOf(curve, curveSize), finished));
    }

    private static Sink defaultSink() {
        if (Display.inNotebook()) {
            return new NotebookSink();
        }
        if (System.console() != null) {
            return new TerminalSink(System.err);
        }
        return s -> { };
    }

    /** One line of text: "label  [#####.....]  45% 450/1000  loss 0.1234  best 0.1000  1.2 s". */
    static String text(Snapshot s) {
        int pct = (int) Math.min(100, Math.floor(100.0 * s.done() / s.total()));
        StringBuilder sb = new StringBuilder();
        sb.append(s.label()).append("  [");
        int filled = pct / 5;
        sb.append("#".repeat(filled)).append(".".repeat(20 - filled)).append("] ");
        sb.append(String.format(Locale.ROOT, "%3d%% %d/%d", pct, s.done(), s.total()));
        if (s.curve().length > 0 || !Double.isNaN(s.lastLoss())) {
            sb.append(String.format(Locale.ROOT, "  loss %.4g  best %.4g", s.lastLoss(), s.bestLoss()));
        }
        sb.append(String.format(Locale.ROOT, "  %.1f s", s.elapsedSeconds()));
        if (s.finished()) {
            sb.append("  done");
        }
        return sb.toString();
    }

    /** The notebook view: text, a bar and an inline SVG loss curve (no script needed). */
    static String html(Snapshot s) {
        int pct = (int) Math.min(100, Math.floor(100.0 * s.done() / s.total()));
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"descent-progress\" style=\"font:12px monospace\">");
        sb.append("<div>").append(PlotlyHtml.escape(text(s))).append("</div>");
        sb.append("<div style=\"width:320px;height:8px;background:#eee;border-radius:4px\">")
                .append("<div style=\"width:").append(pct * 320 / 100)
                .append("px;height:8px;background:").append(s.finished() ? "#2ca02c" : "#1f77b4")
                .append(";border-radius:4px\"></div></div>");
        sb.append(sparkline(s.curve(), 320, 80));
        return sb.append("</div>").toString();
    }

    /** An SVG polyline of the finite values of {@code ys}, scaled to the box; "" if fewer than 2. */
    static String sparkline(double[] ys, int width, int height) {
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            if (Double.isFinite(y)) {
                n++;
                min = Math.min(min, y);
                max = Math.max(max, y);
            }
        }
        if (n < 2) {
            return "";
        }
        double range = max > min ? max - min : 1;
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < ys.length; i++) {
            if (Double.isFinite(ys[i])) {
                double x = ys.length == 1 ? 0 : (double) i * (width - 2) / (ys.length - 1) + 1;
                double y = height - 1 - (ys[i] - min) / range * (height - 2);
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
        }
        return "<svg width=\"" + width + "\" height=\"" + height + "\" style=\"display:block;margin-top:4px\">"
                + "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"" + pts.toString().trim()
                + "\"/></svg>";
    }

    /** Notebook: one display, updated in place. */
    static final class NotebookSink implements Sink {
        private DisplayHandle handle;

        @Override
        public void render(Snapshot s) {
            String html = html(s);
            handle = Display.showOrUpdate(handle, html);
        }
    }

    /** Terminal: one line, rewritten with a carriage return; a newline when finished. */
    static final class TerminalSink implements Sink {
        private final PrintStream out;
        private int lastLength;

        TerminalSink(PrintStream out) {
            this.out = out;
        }

        @Override
        public void render(Snapshot s) {
            String line = text(s);
            int pad = Math.max(0, lastLength - line.length());
            out.print("\r" + line + " ".repeat(pad) + (s.finished() ? "\n" : ""));
            out.flush();
            lastLength = line.length();
        }
    }

    @Override
    public String toString() {
        return "Progress[label=" + label + ", total=" + total + ", intervalMillis=" + intervalNanos / 1_000_000
                + ", done=" + done + "]";
    }
}
