package descent.plot;

import descent.util.Checks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import tech.tablesaw.plotly.components.Figure;

/**
 * One-line plots for the course notebooks, and the calls that show them inline.
 *
 * <p>Each recipe returns a Tablesaw {@link Figure} (or an {@link ImageGrid}) built with default
 * settings by {@link CurvePlot}, {@link SurfacePlot} or {@link ImageGrid}; use those builders for
 * anything else. {@link #show(Figure)} draws a figure in the notebook (plotly.js offline, sent
 * once per kernel session); without a kernel it writes an HTML file (see {@link Display}).
 *
 * <pre>{@code
 * import static descent.plot.Plots.*;
 * show(curves("training loss", Map.of("sgd", sgd, "adam", adam), true));
 * }</pre>
 */
public final class Plots {
    private Plots() {
    }

    /** Shows {@code figure} inline as a new output of the current cell. */
    public static void show(Figure figure) {
        Checks.notNull("figure", figure);
        Display.ensurePlotly(false);
        Display.html(PlotlyHtml.figureHtml(figure));
    }

    /** Shows {@code grid} inline as a new output of the current cell. */
    public static void show(ImageGrid grid) {
        Checks.notNull("grid", grid);
        Display.html(grid.html());
    }

    /** Sends plotly.js to the notebook again (e.g. after its output was cleared). */
    public static void init() {
        Display.ensurePlotly(true);
    }

    /** The HTML fragment for {@code figure}: a div and a script that waits for plotly.js. */
    public static String html(Figure figure) {
        return PlotlyHtml.figureHtml(figure);
    }

    /**
     * Writes a stand-alone HTML page with plotly.js embedded and the given figures, in order.
     *
     * @return {@code file}
     */
    public static Path save(Path file, String title, Figure... figures) {
        Checks.noneNull("file, figures", file, figures);
        String[] fragments = new String[figures.length];
        for (int i = 0; i < figures.length; i++) {
            fragments[i] = PlotlyHtml.figureHtml(Checks.notNull("figures[" + i + "]", figures[i]));
        }
        try {
            return Files.writeString(file, PlotlyHtml.page(title, fragments), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Curves against step: one line per entry of {@code series} (loss, accuracy, ...), in the map's
     * iteration order (use a {@link java.util.LinkedHashMap} to fix the legend order); the title
     * is also the y axis title.
     *
     * @param series name to N >= 1 finite values; value k is plotted at step k
     * @param logY   logarithmic y axis (then every value must be > 0)
     */
    public static Figure curves(String title, Map<String, double[]> series, boolean logY) {
        return curves(title, title, series, logY);
    }

    /**
     * Curves against step as {@link #curves(String, Map, boolean)}, with a y axis title of its own.
     *
     * @param yLabel what the values measure, e.g. "loss" or "f(x, y)"
     */
    public static Figure curves(String title, String yLabel, Map<String, double[]> series, boolean logY) {
        Checks.notNull("series", series);
        Checks.require(!series.isEmpty(), "series must not be empty");
        CurvePlot p = CurvePlot.titled(title).xLabel("step").yLabel(yLabel).logY(logY);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            p = p.series(e.getKey(), e.getValue());
        }
        return p.figure();
    }

    /**
     * A step-size sweep: final loss against step size on a log x axis, the best step size marked.
     *
     * @param stepSizes N >= 1 finite step sizes, each > 0
     * @param losses    N finite losses
     */
    public static Figure sweep(double[] stepSizes, double[] losses) {
        return sweep(stepSizes, losses, false);
    }

    /**
     * A step-size sweep as {@link #sweep(double[], double[])}, with a logarithmic loss axis when
     * {@code logY}: losses that span decades (a small gain on the left, an explosion on the right)
     * both stay readable.
     *
     * @param stepSizes N >= 1 finite step sizes, each > 0
     * @param losses    N finite losses, each > 0 when {@code logY}
     * @param logY      logarithmic y axis
     */
    public static Figure sweep(double[] stepSizes, double[] losses, boolean logY) {
        return CurvePlot.titled(logY ? "loss vs step size (log scales)" : "loss vs step size")
                .series("loss", stepSizes, losses)
                .xLabel("step size").yLabel("loss")
                .logX(true).logY(logY).markers(true).markMinimum(true)
                .figure();
    }

    /**
     * A 1-D loss slice: {@code loss[i] = L(W + a[i] * direction)} against {@code a[i]}.
     *
     * @param a    N >= 1 finite offsets along the direction
     * @param loss N finite losses
     */
    public static Figure slice(double[] a, double[] loss) {
        return CurvePlot.titled("loss along one direction")
                .series("loss", a, loss)
                .xLabel("a (step along the direction)").yLabel("loss")
                .figure();
    }

    /**
     * Learning-rate schedules, several on one plot: rate against step.
     *
     * @param schedules name to N >= 1 finite rates; rate k at step k
     * @param logY      logarithmic y axis (then every rate must be > 0)
     */
    public static Figure schedules(Map<String, double[]> schedules, boolean logY) {
        Checks.notNull("schedules", schedules);
        Checks.require(!schedules.isEmpty(), "schedules must not be empty");
        CurvePlot p = CurvePlot.titled("learning-rate schedules").xLabel("step").yLabel("learning rate")
                .logY(logY);
        for (Map.Entry<String, double[]> e : schedules.entrySet()) {
            p = p.series(e.getKey(), e.getValue());
        }
        return p.figure();
    }

    /**
     * Filled contours of a 2-D field with optimizer paths drawn on top.
     *
     * @param xs    M >= 2 increasing grid coordinates along x
     * @param ys    K >= 2 increasing grid coordinates along y
     * @param z     K x M values, {@code z[i][j]} at {@code (xs[j], ys[i])}
     * @param paths paths to draw on top (may be empty)
     */
    public static Figure contour(double[] xs, double[] ys, double[][] z, List<Trajectory> paths) {
        return SurfacePlot.of("loss surface", xs, ys, z).paths(paths).figure();
    }

    /** As {@link #contour}, drawn as a heatmap. */
    public static Figure heatmap(double[] xs, double[] ys, double[][] z, List<Trajectory> paths) {
        return SurfacePlot.of("loss surface", xs, ys, z).style(SurfacePlot.Style.HEATMAP).paths(paths).figure();
    }

    /**
     * A grid of CIFAR-10 images with their labels.
     *
     * @param rows   N x 3072 pixel values in 0..255 (one image per row), ordered as {@code layout} says
     * @param labels N captions
     */
    public static ImageGrid images(double[][] rows, List<String> labels, PixelLayout layout) {
        Checks.notNull("rows", rows);
        List<BufferedImage> images = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            images.add(Images.fromRow(Checks.notNull("rows[" + i + "]", rows[i]), Images.CIFAR_SIDE,
                    Images.CIFAR_SIDE, layout));
        }
        return ImageGrid.of(images, labels);
    }

    /** A grid of images with their labels. */
    public static ImageGrid images(List<BufferedImage> images, List<String> labels) {
        return ImageGrid.of(images, labels);
    }

    /**
     * The rows of a linear classifier's weights as 32 x 32 images, one per class, each row rescaled
     * to 0..255 on its own (see {@link Images#weightImages}).
     *
     * @param weights    C x D, D = 3072 or 3073 (the last column, the bias, is dropped)
     * @param classNames C names
     */
    public static ImageGrid weights(double[][] weights, List<String> classNames, PixelLayout layout) {
        return ImageGrid.of(Images.weightImages(weights, layout), classNames).title("learned weights, one row per class");
    }

    /** As {@link #weights(double[][], List, PixelLayout)}, for an EJML matrix W: C x D. */
    public static ImageGrid weights(DMatrixRMaj weights, List<String> classNames, PixelLayout layout) {
        Checks.notNull("weights", weights);
        double[][] rows = new double[weights.numRows][weights.numCols];
        for (int r = 0; r < weights.numRows; r++) {
            System.arraycopy(weights.data, r * weights.numCols, rows[r], 0, weights.numCols);
        }
        return weights(rows, classNames, layout);
    }

    // ---- thin overloads over the library's own records -------------------------------------

    /**
     * The training loss of a run against step, with a moving average over {@code smoothing}
     * steps beside it (pass 1 for none). Steps after a divergence (non-finite loss) are left out.
     */
    public static Figure lossCurve(descent.train.History history, int smoothing) {
        Checks.notNull("history", history);
        Checks.positive("smoothing", smoothing);
        int n = finitePrefix(history.loss());
        Checks.require(n > 0, "history must have at least one finite loss");
        CurvePlot p = CurvePlot.titled("training loss").xLabel("step").yLabel("loss")
                .series("loss", java.util.Arrays.copyOf(history.loss(), n));
        if (smoothing > 1) {
            p = p.series("moving average (" + smoothing + ")",
                    java.util.Arrays.copyOf(history.smoothedLoss(smoothing), n));
        }
        return p.figure();
    }

    /** Train and (if measured) validation accuracy at each evaluation of a run, against step. */
    public static Figure accuracyCurve(descent.train.History history) {
        Checks.notNull("history", history);
        Checks.require(history.evaluations() > 0, "history must have at least one evaluation");
        double[] steps = new double[history.evaluations()];
        for (int k = 0; k < steps.length; k++) {
            steps[k] = history.evalSteps()[k];
        }
        CurvePlot p = CurvePlot.titled("accuracy").xLabel("step").yLabel("accuracy").markers(true)
                .series("train", steps, history.trainAccuracy());
        if (!Double.isNaN(history.validationAccuracy()[0])) {
            p = p.series("validation", steps, history.validationAccuracy());
        }
        return p.figure();
    }

    /** A 1-D loss slice from {@link descent.landscape.LossLandscape#slice1d}. */
    public static Figure slice(descent.landscape.LossSlice1D slice) {
        Checks.notNull("slice", slice);
        return slice(slice.alphas(), slice.values());
    }

    /**
     * A sampled grid (a toy surface, or a 2-D loss slice over (a, b)) as a heatmap titled with its
     * name, with optional paths drawn on top.
     */
    public static Figure heatmap(descent.landscape.SurfaceGrid grid, List<Trajectory> paths) {
        Checks.notNull("grid", grid);
        return SurfacePlot.of(grid.name(), grid.xs(), grid.ys(), grid.valuesForPlot())
                .style(SurfacePlot.Style.HEATMAP).paths(paths).figure();
    }

    /**
     * A sampled grid (a toy surface, or a 2-D loss slice over (a, b)) as contours titled with its
     * name, with optimizer paths drawn on top.
     */
    public static Figure contour(descent.landscape.SurfaceGrid grid, List<Trajectory> paths) {
        Checks.notNull("grid", grid);
        return SurfacePlot.of(SurfacePlot.readable(grid.name()), grid.xs(), grid.ys(), grid.valuesForPlot())
                .paths(paths).figure();
    }

    /** The learned weight rows of CIFAR-10 (C × 3073, bias last) as images, in the loader's HWC order. */
    public static ImageGrid weights(DMatrixRMaj weights, List<String> classNames) {
        return weights(weights, classNames, PixelLayout.CHANNELS_LAST);
    }

    private static int finitePrefix(double[] values) {
        int n = 0;
        while (n < values.length && Double.isFinite(values[n])) {
            n++;
        }
        return n;
    }
}
