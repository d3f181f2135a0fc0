/**
 * Plots and notebook display: the only package that knows about notebooks and kernels.
 *
 * <p>Recipes in {@link descent.plot.Plots} build Tablesaw jsplot figures (loss curves, step-size
 * sweeps, loss slices, loss surfaces with optimizer {@link descent.plot.Trajectory paths},
 * learning-rate schedules) and image grids (CIFAR-10 examples, weight templates) over the
 * immutable builders {@link descent.plot.CurvePlot}, {@link descent.plot.SurfacePlot} and
 * {@link descent.plot.ImageGrid}. {@link descent.plot.Display} finds the running Java kernel
 * (rapaio, IJava, JJava) by reflection and shows HTML; {@link descent.plot.PlotlyHtml} embeds the
 * plotly.js shipped in the jar so figures draw offline; {@link descent.plot.Progress} shows a live
 * progress bar in one output.
 *
 * <p>Every curve figure follows the readability rules of {@code FigureRules}, applied by the layer
 * itself: human titles (a title that looks like a {@code toString()} is refused), axis titles that
 * say what is measured, powers of ten (10⁻¹², never SI prefixes), the legend under the plot clear
 * of the title, curves that leave the others' range clipped with a note in the legend, and a
 * width that fits JupyterLab's output area ({@link descent.plot.PlotlyFigure}).
 *
 * <p>Optimizer paths on a surface: {@link descent.plot.SurfacePlot#race} animates a race (Play,
 * Pause and a step slider, frames played by plotly.js offline), written as plotly JSON by
 * {@link descent.plot.PlotlyFigure}; {@link descent.plot.OptimizerColors} gives each optimizer
 * the one colour it has in every figure.
 */
package descent.plot;
