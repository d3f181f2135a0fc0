package descent.plot;

import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The former name of {@link LegendBelowFigure}, kept so that {@link SurfacePlot} compiles
 * unchanged: its legend above the plot met a centred title, so it now sits below like every
 * other figure's. Use {@link LegendBelowFigure}.
 */
@Deprecated
final class LegendAboveFigure extends LegendBelowFigure {
    /** The same script fragment as {@link LegendBelowFigure#LEGEND}. */
    static final String LEGEND = LegendBelowFigure.LEGEND;

    LegendAboveFigure(Layout layout, Trace... traces) {
        super(layout, traces);
    }
}
