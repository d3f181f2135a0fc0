package descent.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure whose legend runs horizontally above the plot, clear of a contour or heatmap colour
 * bar (Tablesaw 0.44's Layout cannot place the legend, so the setting is added to its script).
 */
final class LegendAboveFigure extends Figure {
    static final String LEGEND = "layout.legend = {orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom'};\n";

    LegendAboveFigure(Layout layout, Trace... traces) {
        super(layout, traces);
    }

    @Override
    public String asJavascript(String divName) {
        return super.asJavascript(divName).replace("Plotly.newPlot(", LEGEND + "Plotly.newPlot(");
    }
}
