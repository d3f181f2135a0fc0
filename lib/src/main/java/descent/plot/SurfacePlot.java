package descent.plot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.surface.CriticalPoint;
import descent.surface.CriticalPointKind;
import descent.surface.Surface;
import descent.surface.SurfaceRace;
import descent.util.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An immutable builder for a 2-D scalar field (a loss plane, a toy surface) drawn as filled
 * contours or a heatmap, with optimizer paths on top, still or as an animated race.
 *
 * <p>Grid convention (plotly's): {@code z[i][j]} is the value at {@code (xs[j], ys[i])}, so
 * {@code z} has {@code ys.length} rows of {@code xs.length} values.
 *
 * <p>What every figure gets, so it reads without help: the title in words (a surface's
 * {@link Surface#title()}); axis titles (default w₁ and w₂) and a titled colour bar; contour levels
 * spaced evenly in log10 of the value when the values are all ≥ 0 and span more than
 * {@link #LOG_SCALE_DECADES} decades (the colour bar then reads 10<sup>k</sup>), so the floor of a
 * ravine shows its shape; each path as a line in its optimizer's {@link OptimizerColors colour}
 * with a dot every few steps, an open circle at its start and a star at its end; the known
 * minimum marked with an ×; the legend (top) and the colour bar (bottom) stacked right of the plot,
 * where neither can cover the title or each other; {@link #DEFAULT_WIDTH} pixels wide.
 *
 * <p>Size: {@link #DEFAULT_WIDTH} pixels wide; the height, unless {@code size(width, height)} sets
 * it, is {@link #DEFAULT_HEIGHT} ({@link #ANIMATED_HEIGHT} when animated), or for a surface drawn
 * one unit as long on both axes as tall as the plot's aspect needs.
 *
 * <p>{@link #animate(int)} turns the paths into a race: frame k shows every path up to its step
 * s_k (s_k evenly spaced from 0 to the longest path's last step), with Play and Pause buttons and
 * a step slider below the plot. plotly.js plays the frames itself: offline, in JupyterLab, the
 * classic Notebook and an nbconvert HTML export.
 */
public final class SurfacePlot extends FigureBuilder<SurfacePlot> {
    /** Default figure width in pixels: fits JupyterLab's output area beside its side panel. */
    public static final int DEFAULT_WIDTH = 780;
    /** Default figure height in pixels (still figures). */
    public static final int DEFAULT_HEIGHT = 560;
    /** Default height of an animated figure: room below the plot for the buttons and slider. */
    public static final int ANIMATED_HEIGHT = 660;
    /** Least height in pixels of the plot area of a surface with equal axes. */
    public static final int MIN_PLOT_HEIGHT = 260;
    /** Most height in pixels of the plot area of a surface with equal axes. */
    public static final int MAX_PLOT_HEIGHT = 480;
    /** Pixels left of and right of the plot: the y-axis title and the legend and colour-bar column. */
    private static final int RIGHT_COLUMN = 280;
    private static final int TOP_MARGIN = 60;
    private static final int BOTTOM_MARGIN = 60;
    private static final int ANIMATED_BOTTOM_MARGIN = 150;
    /** Default frame count of {@link #race}. */
    public static final int DEFAULT_FRAMES = 60;
    /** Most frames an animation may have (the figure's size grows with them). */
    public static final int MAX_FRAMES = 200;
    /** Values ≥ 0 spanning more decades than this are drawn on a log scale. */
    public static final double LOG_SCALE_DECADES = 2;
    /** Most points of a path drawn (longer paths are thinned evenly, keeping the last). */
    public static final int MAX_PATH_POINTS = 300;
    /** About this many dots mark the steps along each path. */
    public static final int DOTS_PER_PATH = 15;
    /** Milliseconds each frame shows when playing. */
    public static final int FRAME_MILLIS = 80;

    /** The contour fill: slate (low) to near white (high), pale so that the paths stand out. */
    private static final String[][] CONTOUR_COLORS = {{"0", "#7f8ea3"}, {"0.5", "#cdd4de"}, {"1", "#f7f8fa"}};

    /** How values map to colours. */
    public enum Scale {
        /** Log10 of the value when the values are all ≥ 0 and span more than {@link #LOG_SCALE_DECADES} decades, else linear. */
        AUTO,
        /** Linear, whatever the values: e.g. to show that a loss is piecewise linear. */
        LINEAR
    }

    /** How the field is drawn. */
    public enum Style {
        /** Filled contour lines (plotly "contour"). */
        CONTOUR,
        /** One colored cell per grid point (plotly "heatmap"). */
        HEATMAP
    }

    // Every setter returns a changed copy (FigureBuilder.with); a SurfacePlot never changes once returned.
    private String title;
    private double[] xs;
    private double[] ys;
    private double[][] z;
    private Style style = Style.CONTOUR;
    private List<Trajectory> paths = List.of();
    private String xLabel = "w\u2081";
    private String yLabel = "w\u2082";
    private String valueLabel = "f";
    private int frames;              // 0: still
    private List<double[]> minima = List.of();
    private boolean equalAspect;
    private Scale scale = Scale.AUTO;

    private SurfacePlot(String title, double[] xs, double[] ys, double[][] z) {
        super(DEFAULT_WIDTH, 0);     // height 0: see height()
        this.title = title;
        this.xs = xs;
        this.ys = ys;
        this.z = z;
    }

    /** How values map to colours (default {@link Scale#AUTO}). */
    public SurfacePlot scale(Scale newScale) {
        Checks.notNull("scale", newScale);
        return with(p -> p.scale = newScale);
    }

    /**
     * A plot of the field {@code z} over the grid {@code xs} x {@code ys}, axis titles w₁ and w₂,
     * colour bar titled "f".
     *
     * @param title the figure's title, in words (not blank)
     * @param xs    M >= 2 finite, strictly increasing grid coordinates along x
     * @param ys    K >= 2 finite, strictly increasing grid coordinates along y
     * @param z     K x M finite values, {@code z[i][j]} at {@code (xs[j], ys[i])}; copied
     */
    public static SurfacePlot of(String title, double[] xs, double[] ys, double[][] z) {
        Checks.notNull("title", title);
        Checks.require(!title.isBlank(), "title must not be blank");
        Checks.noneNull("xs, ys, z", xs, ys, z);
        Checks.require(xs.length >= 2, "xs must have at least 2 values but had: " + xs.length);
        Checks.require(ys.length >= 2, "ys must have at least 2 values but had: " + ys.length);
        Checks.allFinite("xs", xs, xs.length);
        Checks.allFinite("ys", ys, ys.length);
        requireIncreasing("xs", xs);
        requireIncreasing("ys", ys);
        Checks.require(z.length == ys.length,
                "z must have ys.length = " + ys.length + " rows but had: " + z.length);
        double[][] copy = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            Checks.notNull("z[" + i + "]", z[i]);
            Checks.require(z[i].length == xs.length, "z[" + i + "] must have xs.length = " + xs.length
                    + " values but had: " + z[i].length);
            Checks.allFinite("z[" + i + "]", z[i], z[i].length);
            copy[i] = z[i].clone();
        }
        return new SurfacePlot(title, xs.clone(), ys.clone(), copy);
    }

    /**
     * The toy surface sampled on {@code xs} x {@code ys}: titled with its {@link Surface#title()},
     * its lowest known minimum marked (every one, if several tie, as the six-hump camel's two; those
     * inside the grid), one unit as long on both axes.
     *
     * @param xs M >= 2 finite, strictly increasing
     * @param ys K >= 2 finite, strictly increasing
     * @throws IllegalArgumentException if the surface is not finite somewhere on the grid
     */
    public static SurfacePlot of(Surface surface, double[] xs, double[] ys) {
        Checks.notNull("surface", surface);
        SurfacePlot p = of(surface.title(), xs, ys, surface.sample(xs, ys).valuesForPlot());
        Optional<CriticalPoint> lowest = surface.lowestKnownMinimum();
        for (CriticalPoint c : surface.criticalPoints()) {
            boolean global = lowest.isPresent() && c.kind() == CriticalPointKind.MINIMUM
                    && Math.abs(c.value() - lowest.get().value()) <= 1e-9 * (1 + Math.abs(c.value()));
            if (global && c.x() >= xs[0] && c.x() <= xs[xs.length - 1] && c.y() >= ys[0]
                    && c.y() <= ys[ys.length - 1]) {
                p = p.minimum(c.x(), c.y());
            }
        }
        return p.with(q -> q.equalAspect = true);
    }

    /**
     * A race's surface over {@code xs} x {@code ys} (see {@link #of(Surface, double[], double[])})
     * with every lane's best path, named by its {@link SurfaceRace.Lane#label()}, animated in
     * {@link #DEFAULT_FRAMES} frames (fewer if the race has fewer steps).
     */
    public static SurfacePlot race(SurfaceRace race, double[] xs, double[] ys) {
        Checks.notNull("race", race);
        String t = race.surface().title() + ": " + race.lanes().size() + " optimizers, " + race.steps()
                + " steps";
        return of(race.surface(), xs, ys).title(t).paths(Trajectory.of(race.paths()))
                .animate(Math.min(DEFAULT_FRAMES, race.steps() + 1));
    }

    /** The title (in words, not blank). */
    public SurfacePlot title(String newTitle) {
        Checks.notNull("title", newTitle);
        Checks.require(!newTitle.isBlank(), "title must not be blank");
        return with(p -> p.title = newTitle);
    }

    /** Draws the field as {@code style} (default {@link Style#CONTOUR}). */
    public SurfacePlot style(Style newStyle) {
        Checks.notNull("style", newStyle);
        return with(p -> p.style = newStyle);
    }

    /** Adds a path drawn on top: a line in its optimizer's colour, start and end marked. */
    public SurfacePlot path(Trajectory path) {
        Checks.notNull("path", path);
        List<Trajectory> more = new ArrayList<>(paths);
        more.add(path);
        return with(p -> p.paths = List.copyOf(more));
    }

    /** Adds several paths, in order. */
    public SurfacePlot paths(List<Trajectory> newPaths) {
        Checks.notNull("paths", newPaths);
        SurfacePlot p = this;
        for (Trajectory t : newPaths) {
            p = p.path(t);
        }
        return p;
    }

    /** Axis titles (default "w₁" and "w₂"): what is measured along each axis. */
    public SurfacePlot labels(String x, String y) {
        Checks.noneNull("xLabel, yLabel", x, y);
        return with(p -> {
            p.xLabel = x;
            p.yLabel = y;
        });
    }

    /** The colour bar's title, what the field's value is (default "f"), e.g. "SVM loss". */
    public SurfacePlot valueLabel(String label) {
        Checks.notNull("valueLabel", label);
        return with(p -> p.valueLabel = label);
    }

    /** Marks the point (x, y), finite, with an × named "minimum" (one legend entry "minima" for several). */
    public SurfacePlot minimum(double x, double y) {
        Checks.finite("x", x);
        Checks.finite("y", y);
        List<double[]> more = new ArrayList<>(minima);
        more.add(new double[] {x, y});
        return with(p -> p.minima = List.copyOf(more));
    }

    /**
     * Animates the paths in {@code frameCount} frames, with Play/Pause and a step slider below the
     * plot (the default height grows to make room).
     *
     * @param frameCount in [2, {@link #MAX_FRAMES}]
     */
    public SurfacePlot animate(int frameCount) {
        Checks.inClosedRange("frameCount", frameCount, 2, MAX_FRAMES);
        return with(p -> p.frames = frameCount);
    }

    /**
     * The height in pixels: as set by {@code size}, else for equal axes the plot's width (less the
     * legend column) times the aspect y-span / x-span, kept in [{@link #MIN_PLOT_HEIGHT},
     * {@link #MAX_PLOT_HEIGHT}], plus the margins; else the default.
     */
    int height() {
        boolean animated = frames > 0 && !paths.isEmpty();
        if (height > 0) {
            return height;
        }
        if (!equalAspect) {
            return animated ? ANIMATED_HEIGHT : DEFAULT_HEIGHT;
        }
        double aspect = (ys[ys.length - 1] - ys[0]) / (xs[xs.length - 1] - xs[0]);
        double plot = Math.max(MIN_PLOT_HEIGHT, Math.min(MAX_PLOT_HEIGHT, (width - RIGHT_COLUMN) * aspect));
        return (int) Math.round(plot) + TOP_MARGIN + (animated ? ANIMATED_BOTTOM_MARGIN : BOTTOM_MARGIN);
    }

    /**
     * True if the values are drawn on a log scale: {@link Scale#AUTO} and the values all ≥ 0,
     * spanning more than {@link #LOG_SCALE_DECADES} decades.
     */
    public boolean logScale() {
        return logFloor() > 0;
    }

    /**
     * The smallest value shown on the log scale: the smallest positive value, but no less than a
     * millionth of the largest. 0 if the scale is linear.
     */
    private double logFloor() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double smallestPositive = Double.POSITIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (v > 0) {
                    smallestPositive = Math.min(smallestPositive, v);
                }
            }
        }
        if (scale == Scale.LINEAR || lo < 0 || hi <= 0) {
            return 0;
        }
        double floor = Math.max(smallestPositive, hi * 1e-6);
        return Math.log10(hi / floor) > LOG_SCALE_DECADES ? floor : 0;
    }

    /**
     * Builds the figure. Traces, in order: the field; per path its line (with a legend entry), its
     * dots every few steps and its end star; one open circle per distinct start; the minimum. Frames
     * (if animated) restyle the paths' lines, dots and stars.
     */
    public PlotlyFigure figure() {
        ArrayNode data = PlotlyFigure.JSON.createArrayNode();
        data.add(field());
        List<Integer> animated = new ArrayList<>();
        List<PathView> views = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            Trajectory t = paths.get(p);
            PathView v = new PathView(t, OptimizerColors.colorFor(t.name(), p));
            views.add(v);
            int last = t.length() - 1;
            animated.add(data.size());
            data.add(v.line(last));
            animated.add(data.size());
            data.add(v.dots(last));
            animated.add(data.size());
            data.add(v.head(last));
        }
        addStarts(data);
        if (!minima.isEmpty()) {
            data.add(blackMarkers(minima.size() == 1 ? "minimum" : "minima", minima, "x-thin-open", 12));
        }
        ArrayNode frameList = PlotlyFigure.JSON.createArrayNode();
        int[] frameSteps = frames > 0 && !paths.isEmpty() ? frameSteps() : new int[0];
        for (int s : frameSteps) {
            ObjectNode f = frameList.addObject();
            f.put("name", "step " + s);
            ArrayNode fd = f.putArray("data");
            for (PathView v : views) {
                int upTo = Math.min(s, v.path.length() - 1);
                fd.add(xy(v.line(upTo)));
                fd.add(xy(v.dots(upTo)));
                fd.add(xy(v.head(upTo)));
            }
            ArrayNode ti = f.putArray("traces");
            animated.forEach(ti::add);
        }
        return new PlotlyFigure(data, layout(frameSteps), frameList);
    }

    /** The step shown by each frame: {@code round(k * K / (F - 1))}, K the longest path's last step. */
    int[] frameSteps() {
        int longest = paths.stream().mapToInt(Trajectory::length).max().orElse(1) - 1;
        int n = Math.min(frames, longest + 1);
        if (n < 2) {
            return new int[] {0};
        }
        int[] s = new int[n];
        for (int k = 0; k < n; k++) {
            s[k] = (int) Math.round((double) k * longest / (n - 1));
        }
        return s;
    }

    private ObjectNode field() {
        ObjectNode f = PlotlyFigure.JSON.createObjectNode();
        f.put("type", style == Style.CONTOUR ? "contour" : "heatmap");
        f.put("name", valueLabel);
        f.put("showlegend", false);
        ArrayNode x = f.putArray("x");
        for (double v : xs) {
            x.add(v);
        }
        ArrayNode y = f.putArray("y");
        for (double v : ys) {
            y.add(v);
        }
        double floor = logFloor();
        boolean log = floor > 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        ArrayNode zz = f.putArray("z");
        for (double[] row : z) {
            ArrayNode r = zz.addArray();
            for (double v : row) {
                double shown = log ? Math.log10(Math.max(v, floor)) : v;
                lo = Math.min(lo, shown);
                hi = Math.max(hi, shown);
                r.add(log ? round(shown, 4) : significant(shown, 6));
            }
        }
        ObjectNode bar = f.putObject("colorbar");
        bar.put("x", 1.02).put("xanchor", "left").put("y", 0).put("yanchor", "bottom").put("len", 0.45)
                .put("thickness", 14);
        bar.putObject("title").put("text", valueLabel).put("side", "top");
        String hover = xLabel + " = %{x:.3g}<br>" + yLabel + " = %{y:.3g}<br>" + valueLabel;
        if (log) {
            int first = (int) Math.floor(lo);
            int last = (int) Math.ceil(hi);
            f.put("zmin", first - 0.2).put("zmax", last + 0.2);   // the end ticks' labels stay inside the bar
            ArrayNode vals = bar.putArray("tickvals");
            ArrayNode text = bar.putArray("ticktext");
            for (int k = first; k <= last; k++) {
                vals.add(k);
                text.add(powerOfTen(k));
            }
            bar.putObject("title").put("text", valueLabel + " (log scale)").put("side", "top");
            if (style == Style.CONTOUR) {
                double size = last - first <= 4 ? 0.25 : last - first <= 8 ? 0.5 : 1;
                f.put("autocontour", false);
                f.putObject("contours").put("start", first).put("end", last).put("size", size)
                        .put("coloring", "fill").put("showlines", true);
            }
            f.put("hovertemplate", hover + " = 10<sup>%{z:.2f}</sup><extra></extra>");
        } else {
            if (style == Style.CONTOUR) {
                f.put("ncontours", 20);
                f.putObject("contours").put("coloring", "fill").put("showlines", true);
            }
            f.put("hovertemplate", hover + " = %{z:.4g}<extra></extra>");
        }
        if (style == Style.CONTOUR) {
            f.putObject("line").put("width", 0.5).put("color", "rgba(60, 60, 80, 0.35)");
            ArrayNode scale = f.putArray("colorscale");
            for (String[] c : CONTOUR_COLORS) {
                scale.addArray().add(Double.parseDouble(c[0])).add(c[1]);
            }
        } else {
            f.put("colorscale", "Viridis");
        }
        return f;
    }

    private void addStarts(ArrayNode data) {
        List<double[]> starts = new ArrayList<>();
        for (Trajectory t : paths) {
            double[] s = {t.xs()[0], t.ys()[0]};
            if (starts.stream().noneMatch(o -> o[0] == s[0] && o[1] == s[1])) {
                starts.add(s);
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        data.add(blackMarkers(starts.size() == 1 ? "start" : "starts", starts, "circle-open", 13));
    }

    /** A legend entry of black open markers (2.5 px outline) at {@code points}: starts or minima. */
    private ObjectNode blackMarkers(String name, List<double[]> points, String symbol, int size) {
        ObjectNode m = scatter(name, "markers");
        ArrayNode x = m.putArray("x");
        ArrayNode y = m.putArray("y");
        for (double[] p : points) {
            x.add(p[0]);
            y.add(p[1]);
        }
        ObjectNode marker = m.putObject("marker");
        marker.put("symbol", symbol).put("size", size).put("color", "black");
        marker.putObject("line").put("width", 2.5).put("color", "black");
        return m;
    }

    private ObjectNode layout(int[] frameSteps) {
        ObjectNode l = PlotlyFigure.JSON.createObjectNode();
        l.putObject("title").put("text", title).put("x", 0.01).put("xanchor", "left").put("y", 0.98)
                .put("yanchor", "top");
        l.put("width", width).put("height", height());
        boolean animated = frameSteps.length > 1;
        l.putObject("margin").put("l", 60).put("r", 20).put("t", TOP_MARGIN)
                .put("b", animated ? ANIMATED_BOTTOM_MARGIN : BOTTOM_MARGIN);
        ObjectNode x = l.putObject("xaxis");
        x.putObject("title").put("text", xLabel);
        x.putArray("range").add(xs[0]).add(xs[xs.length - 1]);
        ObjectNode y = l.putObject("yaxis");
        y.putObject("title").put("text", yLabel);
        y.putArray("range").add(ys[0]).add(ys[ys.length - 1]);
        if (equalAspect) {
            y.put("scaleanchor", "x").put("scaleratio", 1);
            x.put("constrain", "domain");
            y.put("constrain", "domain");
        }
        l.put("showlegend", !paths.isEmpty() || !minima.isEmpty());
        l.putObject("legend").put("x", 1.02).put("xanchor", "left").put("y", 1).put("yanchor", "top")
                .put("bgcolor", "rgba(255, 255, 255, 0.85)").put("tracegroupgap", 0);
        l.put("hovermode", "closest");
        if (animated) {
            ObjectNode still = PlotlyFigure.JSON.createObjectNode();
            still.put("mode", "immediate");
            still.putObject("frame").put("duration", 0).put("redraw", true);
            still.putObject("transition").put("duration", 0);
            ObjectNode menu = l.putArray("updatemenus").addObject();
            menu.put("type", "buttons").put("direction", "left").put("showactive", false)
                    .put("x", 0).put("xanchor", "left").put("y", 0).put("yanchor", "top");
            menu.putObject("pad").put("t", 70).put("r", 10);
            ObjectNode play = menu.putArray("buttons").addObject();
            play.put("label", "\u25b6 Play").put("method", "animate");
            ObjectNode playing = PlotlyFigure.JSON.createObjectNode();
            playing.put("mode", "immediate").put("fromcurrent", true);
            playing.putObject("frame").put("duration", FRAME_MILLIS).put("redraw", true);
            playing.putObject("transition").put("duration", 0);
            play.putArray("args").addNull().add(playing);
            ObjectNode pause = ((ArrayNode) menu.get("buttons")).addObject();
            pause.put("label", "\u275a\u275a Pause").put("method", "animate");
            pause.putArray("args").add(PlotlyFigure.JSON.createArrayNode().addNull()).add(still.deepCopy());
            ObjectNode slider = l.putArray("sliders").addObject();
            slider.put("active", frameSteps.length - 1).put("x", 0.34).put("xanchor", "left").put("len", 0.66)
                    .put("y", 0).put("yanchor", "top");
            slider.putObject("pad").put("t", 55).put("b", 10);
            slider.putObject("currentvalue").put("prefix", "step ").put("visible", true).put("xanchor", "right");
            ArrayNode steps = slider.putArray("steps");
            for (int s : frameSteps) {
                ObjectNode st = steps.addObject();
                st.put("label", Integer.toString(s)).put("method", "animate");
                st.putArray("args").add(PlotlyFigure.JSON.createArrayNode().add("step " + s)).add(still.deepCopy());
            }
        }
        return l;
    }

    /** One path as drawn: thinned to at most {@link #MAX_PATH_POINTS} points, in one colour. */
    private final class PathView {
        final Trajectory path;
        final String color;
        final double[] px;
        final double[] py;
        final int stride;
        final int dotEvery;

        PathView(Trajectory path, String color) {
            this.path = path;
            this.color = color;
            this.px = path.xs();
            this.py = path.ys();
            this.stride = Math.max(1, (int) Math.ceil((path.length() - 1) / (double) MAX_PATH_POINTS));
            this.dotEvery = Math.max(1, (int) Math.ceil((path.length() - 1) / (double) DOTS_PER_PATH));
        }

        /** The line through steps 0, stride, 2·stride, ... up to step {@code upTo}, which is included. */
        ObjectNode line(int upTo) {
            ObjectNode t = scatter(path.name(), "lines");
            t.put("legendgroup", path.name());
            t.putObject("line").put("color", color).put("width", 2);
            ArrayNode x = t.putArray("x");
            ArrayNode y = t.putArray("y");
            for (int k = 0; k < upTo; k += stride) {
                x.add(roundX(px[k]));
                y.add(roundY(py[k]));
            }
            x.add(roundX(px[upTo]));
            y.add(roundY(py[upTo]));
            t.put("hoverinfo", "skip");
            return t;
        }

        /** Dots at steps 0, dotEvery, 2·dotEvery, ... ≤ upTo: how far each step goes. */
        ObjectNode dots(int upTo) {
            ObjectNode t = scatter(path.name() + ", every " + dotEvery + (dotEvery == 1 ? " step" : " steps"),
                    "markers");
            t.put("legendgroup", path.name()).put("showlegend", false);
            t.putObject("marker").put("color", color).put("size", 5);
            ArrayNode x = t.putArray("x");
            ArrayNode y = t.putArray("y");
            ArrayNode text = t.putArray("text");
            for (int k = 0; k <= upTo; k += dotEvery) {
                x.add(roundX(px[k]));
                y.add(roundY(py[k]));
                text.add("step " + k);
            }
            t.put("hovertemplate", path.name() + "<br>%{text}: (%{x:.3g}, %{y:.3g})<extra></extra>");
            return t;
        }

        /** A star at step {@code upTo}: the end of the path, or where it is in a race's frame. */
        ObjectNode head(int upTo) {
            ObjectNode t = scatter(path.name() + " at step " + upTo, "markers");
            t.put("legendgroup", path.name()).put("showlegend", false);
            ObjectNode marker = t.putObject("marker");
            marker.put("symbol", "star").put("size", 15).put("color", color);
            marker.putObject("line").put("color", "white").put("width", 1);
            t.putArray("x").add(roundX(px[upTo]));
            t.putArray("y").add(roundY(py[upTo]));
            t.putArray("text").add("step " + upTo);
            t.put("hovertemplate", path.name() + "<br>%{text}: (%{x:.3g}, %{y:.3g})<extra></extra>");
            return t;
        }
    }

    /** The parts of a path trace a frame changes: x, y and the hover text. */
    private static ObjectNode xy(ObjectNode trace) {
        ObjectNode f = PlotlyFigure.JSON.createObjectNode();
        f.set("x", trace.get("x"));
        f.set("y", trace.get("y"));
        if (trace.has("text")) {
            f.set("text", trace.get("text"));
        }
        return f;
    }

    private static ObjectNode scatter(String name, String mode) {
        ObjectNode t = PlotlyFigure.JSON.createObjectNode();
        t.put("type", "scatter").put("mode", mode).put("name", name);
        return t;
    }

    private double roundX(double v) {
        return round(v, decimals(xs[xs.length - 1] - xs[0]));
    }

    private double roundY(double v) {
        return round(v, decimals(ys[ys.length - 1] - ys[0]));
    }

    /** Decimals that keep 1e-5 of the axis span: enough for the eye, and short in the page. */
    private static int decimals(double span) {
        return Math.max(0, 5 - (int) Math.floor(Math.log10(span)));
    }

    private static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static double significant(double v, int digits) {
        return v == 0 ? 0 : new BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue();
    }

    /** {@code 10<sup>k</sup>}, with a true minus sign; 1 and 10 for k = 0 and 1. */
    static String powerOfTen(int k) {
        if (k == 0) {
            return "1";
        }
        if (k == 1) {
            return "10";
        }
        return "10<sup>" + (k < 0 ? "\u2212" + -k : Integer.toString(k)) + "</sup>";
    }

    /**
     * A title for a name that may look like Java's {@code toString()}: {@code "Rosenbrock(a=1.0,
     * b=100.0)"} becomes {@code "Rosenbrock (a = 1, b = 100)"}.
     */
    static String readable(String name) {
        return name.replaceAll("(\\w)\\(", "$1 (").replaceAll("(\\w)=", "$1 = ")
                .replaceAll("(\\d)\\.0(?!\\d)", "$1");
    }

    private static void requireIncreasing(String name, double[] values) {
        for (int i = 1; i < values.length; i++) {
            Checks.require(values[i] > values[i - 1], name + " must be strictly increasing but " + name + "["
                    + i + "] = " + values[i] + " <= " + name + "[" + (i - 1) + "] = " + values[i - 1]);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SurfacePlot[title=%s, grid=%dx%d, style=%s, paths=%s, labels=%s/%s/%s, "
                        + "size=%dx%d, frames=%d]", title, ys.length, xs.length, style,
                paths.stream().map(Trajectory::name).toList(), xLabel, yLabel, valueLabel, width, height(), frames);
    }
}
