package descent.plot;

import descent.util.Checks;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.components.Symbol;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * An immutable builder for line plots of one or more named series: loss and accuracy curves,
 * learning-rate schedules, step-size sweeps, 1-D loss slices.
 *
 * <p>Every setter returns a new builder; {@link #figure()} checks everything and builds a
 * Tablesaw {@link Figure}. Defaults: {@link #DEFAULT_WIDTH} x {@link #DEFAULT_HEIGHT} pixels,
 * linear axes, lines without markers, no minimum marked, x label "step", y label "value".
 *
 * <pre>{@code
 * Figure f = CurvePlot.titled("loss").series("sgd", sgdLoss).series("adam", adamLoss).logY(true).figure();
 * }</pre>
 */
public final class CurvePlot {
    /** Default figure width in pixels. */
    public static final int DEFAULT_WIDTH = 720;
    /** Default figure height in pixels. */
    public static final int DEFAULT_HEIGHT = 420;

    /** One named series: point i is {@code (x[i], y[i])}. */
    private record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final List<Series> series;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final boolean markers;
    private final boolean markMinimum;
    private final int width;
    private final int height;

    private CurvePlot(String title, List<Series> series, String xLabel, String yLabel, boolean logX,
            boolean logY, boolean markers, boolean markMinimum, int width, int height) {
        this.title = title;
        this.series = List.copyOf(series);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.logY = logY;
        this.markers = markers;
        this.markMinimum = markMinimum;
        this.width = width;
        this.height = height;
    }

    /** A plot with this title, no series yet, and the defaults above. */
    public static CurvePlot titled(String title) {
        Checks.notNull("title", title);
        return new CurvePlot(title, List.of(), "step", "value", false, false, false, false,
                DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** Adds a series plotted against its index 0, 1, ..., N-1. {@code y}: N >= 1 finite values. */
    public CurvePlot series(String name, double[] y) {
        Checks.notNull("series '" + name + "'", y);
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return series(name, x, y);
    }

    /**
     * Adds a series of points {@code (x[i], y[i])}.
     *
     * @param name legend entry, not blank, distinct from the other series
     * @param x    N >= 1 finite values
     * @param y    N finite values
     */
    public CurvePlot series(String name, double[] x, double[] y) {
        Checks.notNull("name", name);
        Checks.require(!name.isBlank(), "series name must not be blank but was: '" + name + "'");
        for (Series s : series) {
            Checks.require(!s.name().equals(name), "series name must be unique but '" + name + "' was given twice");
        }
        String label = "series '" + name + "'";
        Checks.notNull(label + " x", x);
        Checks.notNull(label, y);
        Checks.require(x.length == y.length,
                label + ": x and y must have the same length but were: " + x.length + " and " + y.length);
        Checks.require(y.length > 0, label + " must not be empty");
        Checks.allFinite(label + " x", x, x.length);
        Checks.allFinite(label, y, y.length);
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, x.clone(), y.clone()));
        return new CurvePlot(title, more, xLabel, yLabel, logX, logY, markers, markMinimum, width, height);
    }

    /** Sets the x axis title (default "step"). */
    public CurvePlot xLabel(String label) {
        return new CurvePlot(title, series, Checks.notNull("xLabel", label), yLabel, logX, logY, markers,
                markMinimum, width, height);
    }

    /** Sets the y axis title (default "value"). */
    public CurvePlot yLabel(String label) {
        return new CurvePlot(title, series, xLabel, Checks.notNull("yLabel", label), logX, logY, markers,
                markMinimum, width, height);
    }

    /** Logarithmic x axis (default false); every x must then be > 0. */
    public CurvePlot logX(boolean log) {
        return new CurvePlot(title, series, xLabel, yLabel, log, logY, markers, markMinimum, width, height);
    }

    /** Logarithmic y axis (default false); every y must then be > 0. */
    public CurvePlot logY(boolean log) {
        return new CurvePlot(title, series, xLabel, yLabel, logX, log, markers, markMinimum, width, height);
    }

    /** Draws a marker at every point (default false: lines only). */
    public CurvePlot markers(boolean show) {
        return new CurvePlot(title, series, xLabel, yLabel, logX, logY, show, markMinimum, width, height);
    }

    /** Marks each series' smallest y with a star and a legend entry "best ... at x = ..." (default false). */
    public CurvePlot markMinimum(boolean mark) {
        return new CurvePlot(title, series, xLabel, yLabel, logX, logY, markers, mark, width, height);
    }

    /** Figure size in pixels, each in [100, 4000]. */
    public CurvePlot size(int widthPx, int heightPx) {
        Checks.inClosedRange("width", widthPx, 100, 4000);
        Checks.inClosedRange("height", heightPx, 100, 4000);
        return new CurvePlot(title, series, xLabel, yLabel, logX, logY, markers, markMinimum, widthPx, heightPx);
    }

    /** The number of series added so far. */
    public int seriesCount() {
        return series.size();
    }

    /**
     * Builds the figure: one line trace per series, then one star per series if
     * {@link #markMinimum(boolean)} is on.
     *
     * @throws IllegalArgumentException if there is no series, or a value is <= 0 on a log axis
     */
    public Figure figure() {
        Checks.require(!series.isEmpty(), "plot '" + title + "' has no series: add one with series(name, y)");
        List<Trace> traces = new ArrayList<>();
        for (Series s : series) {
            if (logX) {
                requirePositive("series '" + s.name() + "' x", s.x());
            }
            if (logY) {
                requirePositive("series '" + s.name() + "'", s.y());
            }
            traces.add(ScatterTrace.builder(s.x(), s.y())
                    .name(s.name())
                    .mode(markers ? ScatterTrace.Mode.LINE_AND_MARKERS : ScatterTrace.Mode.LINE)
                    .build());
        }
        if (markMinimum) {
            for (Series s : series) {
                int best = argMin(s.y());
                traces.add(ScatterTrace.builder(new double[] {s.x()[best]}, new double[] {s.y()[best]})
                        .name("best " + s.name() + ": " + fmt(s.y()[best]) + " at " + fmt(s.x()[best]))
                        .mode(ScatterTrace.Mode.MARKERS)
                        .marker(Marker.builder().size(16).symbol(Symbol.STAR).color("#d62728").build())
                        .build());
            }
        }
        Layout layout = Layout.builder()
                .title(title)
                .width(width)
                .height(height)
                .xAxis(Axis.builder().title(xLabel).type(logX ? Axis.Type.LOG : Axis.Type.LINEAR).build())
                .yAxis(Axis.builder().title(yLabel).type(logY ? Axis.Type.LOG : Axis.Type.LINEAR).build())
                .build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    static int argMin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private static void requirePositive(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0)) {
                throw new IllegalArgumentException(name + " must be > 0 everywhere on a log axis but entry "
                        + i + " was: " + values[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "CurvePlot[title=" + title + ", series=" + series.stream().map(Series::name).toList()
                + ", xLabel=" + xLabel + ", yLabel=" + yLabel + ", logX=" + logX + ", logY=" + logY
                + ", markers=" + markers + ", markMinimum=" + markMinimum + ", size=" + width + "x" + height + "]";
    }
}
