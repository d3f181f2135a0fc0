package descent.plot;

import descent.util.Checks;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * An immutable builder for a 2-D scalar field (a loss plane, a toy surface) drawn as a heatmap
 * or as filled contours, with optimizer paths drawn on top as lines with markers.
 *
 * <p>Grid convention (plotly's): {@code z[i][j]} is the value at {@code (xs[j], ys[i])}, so
 * {@code z} has {@code ys.length} rows of {@code xs.length} values. Defaults: contours,
 * {@link #DEFAULT_WIDTH} x {@link #DEFAULT_HEIGHT} pixels, axis titles "x" and "y", no paths.
 */
public final class SurfacePlot {
    /** Default figure width in pixels. */
    public static final int DEFAULT_WIDTH = 720;
    /** Default figure height in pixels. */
    public static final int DEFAULT_HEIGHT = 600;

    /** How the field is drawn. */
    public enum Style {
        /** Filled contour lines (plotly "contour"). */
        CONTOUR,
        /** One colored cell per grid point (plotly "heatmap"). */
        HEATMAP
    }

    private final String title;
    private final double[] xs;
    private final double[] ys;
    private final double[][] z;
    private final Style style;
    private final List<Trajectory> paths;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;

    private SurfacePlot(String title, double[] xs, double[] ys, double[][] z, Style style,
            List<Trajectory> paths, String xLabel, String yLabel, int width, int height) {
        this.title = title;
        this.xs = xs;
        this.ys = ys;
        this.z = z;
        this.style = style;
        this.paths = List.copyOf(paths);
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
    }

    /**
     * A plot of the field {@code z} over the grid {@code xs} x {@code ys}.
     *
     * @param xs M >= 2 finite, strictly increasing grid coordinates along x
     * @param ys K >= 2 finite, strictly increasing grid coordinates along y
     * @param z  K x M finite values, {@code z[i][j]} at {@code (xs[j], ys[i])}; copied
     */
    public static SurfacePlot of(String title, double[] xs, double[] ys, double[][] z) {
        Checks.notNull("title", title);
        Checks.notNull("xs", xs);
        Checks.notNull("ys", ys);
        Checks.notNull("z", z);
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
        return new SurfacePlot(title, xs.clone(), ys.clone(), copy, Style.CONTOUR, List.of(), "x", "y",
                DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** Draws the field as {@code style} (default {@link Style#CONTOUR}). */
    public SurfacePlot style(Style newStyle) {
        return new SurfacePlot(title, xs, ys, z, Checks.notNull("style", newStyle), paths, xLabel, yLabel,
                width, height);
    }

    /** Adds a path drawn on top, as a line with markers and a legend entry. */
    public SurfacePlot path(Trajectory path) {
        Checks.notNull("path", path);
        List<Trajectory> more = new ArrayList<>(paths);
        more.add(path);
        return new SurfacePlot(title, xs, ys, z, style, more, xLabel, yLabel, width, height);
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

    /** Axis titles (default "x" and "y"). */
    public SurfacePlot labels(String x, String y) {
        return new SurfacePlot(title, xs, ys, z, style, paths, Checks.notNull("xLabel", x),
                Checks.notNull("yLabel", y), width, height);
    }

    /** Figure size in pixels, each in [100, 4000]. */
    public SurfacePlot size(int widthPx, int heightPx) {
        Checks.inClosedRange("width", widthPx, 100, 4000);
        Checks.inClosedRange("height", heightPx, 100, 4000);
        return new SurfacePlot(title, xs, ys, z, style, paths, xLabel, yLabel, widthPx, heightPx);
    }

    /** Builds the figure: the field first, then one line-with-markers trace per path. */
    public Figure figure() {
        Object[] x = box(xs);
        Object[] y = box(ys);
        List<Trace> traces = new ArrayList<>();
        traces.add(style == Style.CONTOUR ? ContourTrace.builder(x, y, z).build()
                : HeatmapTrace.builder(x, y, z).build());
        for (Trajectory t : paths) {
            traces.add(ScatterTrace.builder(t.xs(), t.ys())
                    .name(t.name())
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS)
                    .build());
        }
        Layout layout = Layout.builder()
                .title(title)
                .width(width)
                .height(height)
                .showLegend(!paths.isEmpty())
                .xAxis(Axis.builder().title(xLabel).range(xs[0], xs[xs.length - 1]).build())
                .yAxis(Axis.builder().title(yLabel).range(ys[0], ys[ys.length - 1]).build())
                .build();
        return new LegendAboveFigure(layout, traces.toArray(new Trace[0]));
    }

    private static void requireIncreasing(String name, double[] values) {
        for (int i = 1; i < values.length; i++) {
            Checks.require(values[i] > values[i - 1], name + " must be strictly increasing but " + name + "["
                    + i + "] = " + values[i] + " <= " + name + "[" + (i - 1) + "] = " + values[i - 1]);
        }
    }

    private static Object[] box(double[] values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    @Override
    public String toString() {
        return "SurfacePlot[title=" + title + ", grid=" + ys.length + "x" + xs.length + ", style=" + style
                + ", paths=" + paths.stream().map(Trajectory::name).toList() + ", xLabel=" + xLabel
                + ", yLabel=" + yLabel + ", size=" + width + "x" + height + "]";
    }
}
