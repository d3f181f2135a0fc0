package descent.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/**
 * A figure written straight as Plotly JSON (data, layout, config) by the plot layer, so every
 * setting the readability rules need ({@link FigureRules}) reaches plotly.js; Tablesaw's layout
 * template cannot express legend placement or tick formats.
 *
 * <p>Drawn at most {@code maxWidth} pixels wide and otherwise as wide as its output area.
 */
public final class ReadableFigure extends Figure {
    private final List<Map<String, Object>> data;
    private final Map<String, Object> layout;
    private final int maxWidth;

    ReadableFigure(List<Map<String, Object>> data, Map<String, Object> layout, int maxWidth) {
        super(Layout.builder().build());
        this.data = List.copyOf(data);
        this.layout = new LinkedHashMap<>(layout);
        this.maxWidth = maxWidth;
    }

    /** The figure as Plotly JSON: {@code {"data": [...], "layout": {...}, "config": {...}}}. */
    public String json() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("data", data);
        f.put("layout", layout);
        f.put("config", FigureRules.config());
        return FigureJson.write(f);
    }

    /** Widest the figure is drawn, in pixels. */
    public int maxWidth() {
        return maxWidth;
    }

    /** A script element that draws the figure into the element with id {@code divName}. */
    @Override
    public String asJavascript(String divName) {
        return "<script>\n"
                + "var target_" + divName + " = document.getElementById('" + divName + "');\n"
                + "target_" + divName + ".style.maxWidth = '" + maxWidth + "px';\n"
                + "var figure = " + json() + ";\n"
                + "Plotly.newPlot(target_" + divName + ", figure.data, figure.layout, figure.config);\n"
                + "</script>\n";
    }
}
