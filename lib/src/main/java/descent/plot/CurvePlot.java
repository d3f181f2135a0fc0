package descent.plot;

import descent.util.Checks;
import descent.util.Readable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable builder for line plots of one or more named series: loss and accuracy curves,
 * learning-rate schedules, step-size sweeps, 1-D loss slices.
 *
 * <p>Every setter returns a new builder; {@link #figure()} checks everything and builds a
 * {@link PlotlyFigure} (a Tablesaw figure) under the readability rules of {@link #figure()}.
 * Defaults: at most {@link #DEFAULT_WIDTH} pixels wide, {@link #DEFAULT_HEIGHT} pixels high plus
 * the legend, linear axes, lines without markers, no minimum marked, x axis title "step". The y
 * axis title has no default: {@link #yLabel(String)} must say what is measured. Titles, axis
 * titles and series names must read as words: one that looks like a {@code toString()} is refused.
 *
 * <pre>{@code
 * Figure f = CurvePlot.titled("training loss").yLabel("loss").series("sgd", sgdLoss)
 *         .series("adam", adamLoss).logY(true).figure();
 * }</pre>
 */
public final class CurvePlot extends FigureBuilder<CurvePlot> {
    /** Plotly's default ten-colour cycle, for figures of no optimizer. */
    private static final List<String> CYCLE = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
            "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    /** Default figure width in pixels. */
    public static final int DEFAULT_WIDTH = 720;
    /** Default figure height in pixels, without the legend's rows. */
    public static final int DEFAULT_HEIGHT = 420;
    /**
     * On a log y axis, a series whose smallest value lies more than this many decades below the
     * smallest value of every other series is clipped rather than squeezing them.
     */
    public static final double CLIP_DECADES = 16;
    /**
     * On a linear y axis, a series reaching further beyond the others' range than this many times
     * their span is clipped.
     */
    public static final double LINEAR_CLIP_FACTOR = 10;
    /** With markers on, a curve of more points gets a marker on every k-th point only. */
    public static final int MAX_MARKERS = 30;


    /** One named series: point i is {@code (x[i], y[i])}. */
    private record Series(String name, double[] x, double[] y) {
    }

    // Every setter returns a changed copy (FigureBuilder.with); a CurvePlot never changes once returned.
    private final String title;
    private List<Series> series = List.of();
    private String xLabel = "step";
    private String yLabel;
    private boolean logX;
    private boolean logY;
    private boolean markers;
    private boolean markMinimum;

    private CurvePlot(String title) {
        super(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        this.title = title;
    }

    /** A plot with this title, no series yet, and the defaults above. */
    public static CurvePlot titled(String title) {
        return new CurvePlot(FigureRules.requireHuman("title", title));
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
        FigureRules.requireHuman("series name", name);
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
        return with(c -> c.series = List.copyOf(more));
    }

    /** Sets the x axis title (default "step"): what x measures, with its unit. */
    public CurvePlot xLabel(String label) {
        return with(c -> c.xLabel = FigureRules.requireHuman("x axis title", label));
    }

    /** Sets the y axis title (required): what y measures, with its unit, e.g. "loss" or "time (s)". */
    public CurvePlot yLabel(String label) {
        return with(c -> c.yLabel = FigureRules.requireHuman("y axis title", label));
    }

    /** Logarithmic x axis (default false); every x must then be > 0. */
    public CurvePlot logX(boolean log) {
        return with(c -> c.logX = log);
    }

    /** Logarithmic y axis (default false); every y must then be > 0. */
    public CurvePlot logY(boolean log) {
        return with(c -> c.logY = log);
    }

    /** Draws a marker at every point (default false: lines only). */
    public CurvePlot markers(boolean show) {
        return with(c -> c.markers = show);
    }

    /** Marks each series' smallest y with a star and a legend entry "best ... at x = ..." (default false). */
    public CurvePlot markMinimum(boolean mark) {
        return with(c -> c.markMinimum = mark);
    }

    /** The number of series added so far. */
    public int seriesCount() {
        return series.size();
    }

    /**
     * The colour of a series: the one place a curve gets its colour. In a figure where some series
     * is named after an optimizer ("SGD", "momentum 0.9", "Adam", ...), every series gets
     * {@link OptimizerColors#colorFor}: an optimizer the colour it has in every figure of the course,
     * contour races included, any other series one of {@link OptimizerColors#OTHER}. In a figure
     * of no optimizer (batch sizes, schedules, step sizes) the i-th colour of Plotly's ten-colour
     * cycle, which tells ten series apart.
     *
     * @param seriesName     the series' legend name
     * @param index          the series' position in the plot, >= 0
     * @param namesOptimizer whether any series of the figure names an optimizer
     * @return a CSS colour, e.g. "#1f77b4"
     */
    public static String colorFor(String seriesName, int index, boolean namesOptimizer) {
        Checks.notNull("seriesName", seriesName);
        Checks.require(index >= 0, "index must be >= 0 but was: " + index);
        return namesOptimizer ? OptimizerColors.colorFor(seriesName, index) : CYCLE.get(index % CYCLE.size());
    }

    /**
     * Builds the figure under the readability rules: the title left above the plot, the legend
     * below the x axis title (one row per {@link FigureRules#LEGEND_ROW} pixels), powers of ten
     * on the axes, at most {@link FigureRules#MAX_WIDTH} pixels wide; a series that leaves the
     * others' range is clipped (see {@link #CLIP_DECADES}) and its legend entry says so; with
     * markers on a curve of more than {@link #MAX_MARKERS} points, only every k-th point is
     * marked; each series' smallest y gets a star if {@link #markMinimum(boolean)} is on.
     *
     * @throws IllegalArgumentException if there is no series, the y axis title was never set, or
     *                                  a value is <= 0 on a log axis
     */
    public PlotlyFigure figure() {
        Checks.require(!series.isEmpty(), "plot '" + title + "' has no series: add one with series(name, y)");
        Checks.require(yLabel != null, "plot '" + title + "' has no y axis title: say what is measured with"
                + " yLabel(...), e.g. \"loss\" or \"accuracy\"");
        for (Series s : series) {
            if (logX) {
                requirePositive("series '" + s.name() + "' x", s.x());
            }
            if (logY) {
                requirePositive("series '" + s.name() + "'", s.y());
            }
        }
        Clip clip = clip();
        boolean namesOptimizer = series.stream().anyMatch(s -> OptimizerColors.of(s.name()).isPresent());
        List<Map<String, Object>> data = new ArrayList<>();
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String name = clip.clipped()[i] ? s.name() + " (leaves the plot: reaches "
                    + Readable.power(clip.extreme()[i]) + ")" : s.name();
            Map<String, Object> t = trace(name, s.x(), s.y());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("color", colorFor(s.name(), i, namesOptimizer));
            line.put("width", 2);
            t.put("line", line);
            if (markers) {
                t.put("mode", "lines+markers");
                t.put("marker", FigureRules.map("color", colorFor(s.name(), i, namesOptimizer), "size", markerSizes(s.y().length)));
            } else {
                t.put("mode", "lines");
            }
            data.add(t);
            legend.add(name);
        }
        if (markMinimum) {
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                int best = argMin(s.y());
                String name = "best " + s.name() + ": " + Readable.power(s.y()[best]) + " at "
                        + Readable.power(s.x()[best]);
                Map<String, Object> t = trace(name, new double[] {s.x()[best]}, new double[] {s.y()[best]});
                t.put("mode", "markers");
                t.put("marker", FigureRules.map("symbol", "star", "size", 16, "color", colorFor(s.name(), i, namesOptimizer),
                        "line", FigureRules.map("color", "#222222", "width", 1)));
                data.add(t);
                legend.add(name);
            }
        }
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", FigureRules.title(title));
        layout.put("autosize", true);
        int rows = FigureRules.legendRows(legend);
        layout.put("height", height + rows * FigureRules.LEGEND_ROW);
        layout.put("margin", FigureRules.map("t", FigureRules.TITLE_BAND, "l", 70, "r", 24,
                "b", FigureRules.AXIS_BAND + rows * FigureRules.LEGEND_ROW));
        layout.put("showlegend", true);
        layout.put("legend", FigureRules.legendBelow());
        layout.put("xaxis", FigureRules.axis(xLabel, logX));
        Map<String, Object> y = FigureRules.axis(yLabel, logY);
        if (clip.range() != null) {
            y.put("range", clip.range());
            y.put("autorange", false);
        }
        layout.put("yaxis", y);
        return PlotlyFigure.of(data, layout, Math.min(width, FigureRules.MAX_WIDTH));
    }

    private static Map<String, Object> trace(String name, double[] x, double[] y) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", "scatter");
        t.put("name", name);
        t.put("x", x);
        t.put("y", y);
        return t;
    }

    /** Marker sizes for N points: every point up to {@link #MAX_MARKERS}, else every k-th and the last. */
    static Object markerSizes(int n) {
        if (n <= MAX_MARKERS) {
            return 7;
        }
        int every = (n + MAX_MARKERS - 1) / MAX_MARKERS;
        double[] sizes = new double[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = i % every == 0 || i == n - 1 ? 7 : 0;
        }
        return sizes;
    }

    /**
     * Which series leave the useful range, how far they go, and the y range then shown (null:
     * Plotly's own). On a log y axis, a series whose smallest value lies more than
     * {@link #CLIP_DECADES} decades below the smallest value of all the other series is clipped
     * and the range spans the others (the range's ends are log10 values, as Plotly wants them).
     * On a linear axis, a series that reaches further than {@link #LINEAR_CLIP_FACTOR} times the
     * others' span beyond their range is clipped. Needs two or more series.
     */
    private Clip clip() {
        int n = series.size();
        boolean[] clipped = new boolean[n];
        double[] extreme = new double[n];
        if (n < 2) {
            return new Clip(clipped, extreme, null);
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = java.util.Arrays.stream(series.get(i).y()).min().getAsDouble();
            hi[i] = java.util.Arrays.stream(series.get(i).y()).max().getAsDouble();
        }
        boolean any = false;
        for (int i = 0; i < n; i++) {
            double othersLo = Double.POSITIVE_INFINITY;
            double othersHi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    othersLo = Math.min(othersLo, lo[j]);
                    othersHi = Math.max(othersHi, hi[j]);
                }
            }
            if (logY) {
                if (Math.log10(othersLo) - Math.log10(lo[i]) > CLIP_DECADES) {
                    clipped[i] = true;
                    extreme[i] = lo[i];
                }
            } else {
                double span = Math.max(othersHi - othersLo, Math.abs(othersHi) * 1e-9);
                if (hi[i] > othersHi + LINEAR_CLIP_FACTOR * span) {
                    clipped[i] = true;
                    extreme[i] = hi[i];
                } else if (lo[i] < othersLo - LINEAR_CLIP_FACTOR * span) {
                    clipped[i] = true;
                    extreme[i] = lo[i];
                }
            }
            any |= clipped[i];
        }
        if (!any) {
            return new Clip(clipped, extreme, null);
        }
        double keptLo = Double.POSITIVE_INFINITY;
        double keptHi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!clipped[i]) {
                keptLo = Math.min(keptLo, lo[i]);
                keptHi = Math.max(keptHi, hi[i]);
            }
        }
        if (keptLo > keptHi) {
            return new Clip(new boolean[n], extreme, null);
        }
        double[] range;
        if (logY) {
            double a = Math.log10(keptLo);
            double b = Math.log10(keptHi);
            double pad = Math.max(0.05 * (b - a), 0.1);
            range = new double[] {FigureRules.round4(a - pad), FigureRules.round4(b + pad)};
        } else {
            double pad = Math.max(0.05 * (keptHi - keptLo), Math.abs(keptHi) * 1e-9);
            range = new double[] {FigureRules.round4(keptLo - pad), FigureRules.round4(keptHi + pad)};
        }
        return new Clip(clipped, extreme, range);
    }

    /** Which series are clipped, the value each clipped one reaches, and the y range shown. */
    private record Clip(boolean[] clipped, double[] extreme, double[] range) {
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
