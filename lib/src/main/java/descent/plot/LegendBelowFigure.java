package descent.plot;

import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A Tablesaw figure (contours, heatmaps) whose legend runs horizontally at the bottom of the
 * figure, under the x axis title: clear of the title above the plot and of a colour bar to its
 * right, however many entries it has. Tablesaw 0.44's Layout cannot place the legend, so the
 * setting is added to its script: the bottom margin and the height grow by
 * {@link FigureRules#LEGEND_ROW} pixels per legend row, counted as {@link FigureRules#legendRows}
 * counts them.
 */
class LegendBelowFigure extends Figure {
    /** The script fragment that places the legend; expects the variables {@code data} and {@code layout}. */
    static final String LEGEND = "(function () {\n"
            + "  var rows = 1, used = 0;\n"
            + "  data.forEach(function (t) {\n"
            + "    if (t.showlegend === false) { return; }\n"
            + "    var w = 40 + 7 * String(t.name || '').length;\n"
            + "    if (used > 0 && used + w > 500) { rows++; used = 0; }\n"
            + "    used += w;\n"
            + "  });\n"
            + "  layout.legend = {orientation: 'h', x: 0, xanchor: 'left', xref: 'container', "
            + "y: 0, yanchor: 'bottom', yref: 'container'};\n"
            + "  layout.margin = layout.margin || {};\n"
            + "  layout.margin.b = " + FigureRules.AXIS_BAND + " + " + FigureRules.LEGEND_ROW + " * rows;\n"
            + "  layout.height = (layout.height || 450) + " + FigureRules.LEGEND_ROW + " * rows;\n"
            + "})();\n";

    LegendBelowFigure(Layout layout, Trace... traces) {
        super(layout, traces);
    }

    @Override
    public String asJavascript(String divName) {
        return super.asJavascript(divName).replace("Plotly.newPlot(", LEGEND + "Plotly.newPlot(");
    }
}
