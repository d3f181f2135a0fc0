package descent.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.util.Checks;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/**
 * A figure given as plotly.js JSON ({@code data}, {@code layout} and, for an animation,
 * {@code frames}), for what Tablesaw's builders cannot say: contour levels and colour-bar
 * placement, per-point marker sizes, and the frames, Play/Pause buttons and step slider of an
 * animated race.
 *
 * <p>Curve figures ({@link CurvePlot}) are written this way too, so every setting the
 * readability rules need ({@link FigureRules}: legend placement, tick formats) reaches plotly.js;
 * Tablesaw's layout template cannot express them. A curve figure is responsive and drawn at most
 * {@link #maxWidth()} pixels wide; a surface keeps the size its layout gives.
 *
 * <p>It is a Tablesaw {@link Figure}, so {@link Plots#show(Figure)}, {@link Plots#html(Figure)}
 * and {@link Plots#save} draw it like any other; its script calls
 * {@code Plotly.newPlot(div, {data, layout, frames, config})}, which plotly.js plays offline.
 * Immutable: the accessors return copies. Jackson writes the JSON; {@link PlotlyHtml} makes the
 * script safe to embed.
 */
public final class PlotlyFigure extends Figure {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Pause (or a click on the slider) interrupts a playing animation, and plotly.js then rejects
     * the interrupted {@code Plotly.animate} promise with {@code undefined}, which nothing catches:
     * the page would report an error although nothing went wrong. This handler, installed once per
     * page by an animated figure, marks exactly those rejections handled; any other error still
     * reaches the console.
     */
    static final String QUIET_INTERRUPTS = "  if (!window.descentQuietAnimationInterrupts) {\n"
            + "    window.descentQuietAnimationInterrupts = true;\n"
            + "    window.addEventListener('unhandledrejection', function (e) {\n"
            + "      if (e.reason === undefined) { e.preventDefault(); }\n"
            + "    });\n"
            + "  }\n";

    private final ObjectNode figure;
    private final int maxWidth;

    /**
     * A figure of the size its layout gives, from its parts (copied).
     *
     * @param data   the traces, at least one
     * @param layout the layout
     * @param frames the animation frames, empty for a still figure
     */
    PlotlyFigure(ArrayNode data, ObjectNode layout, ArrayNode frames) {
        this(data, layout, frames, 0);
    }

    /**
     * A figure from its parts (copied).
     *
     * @param data     the traces, at least one
     * @param layout   the layout
     * @param frames   the animation frames, empty for a still figure
     * @param maxWidth &gt; 0: responsive, as wide as its output area up to this many pixels;
     *                 0: the size its layout gives
     */
    PlotlyFigure(ArrayNode data, ObjectNode layout, ArrayNode frames, int maxWidth) {
        super(Layout.builder().build());
        Checks.require(!data.isEmpty(), "a figure needs at least one trace");
        Checks.require(maxWidth >= 0, "maxWidth must be >= 0 but was: " + maxWidth);
        ObjectNode f = JSON.createObjectNode();
        f.set("data", data.deepCopy());
        f.set("layout", layout.deepCopy());
        f.set("frames", frames.deepCopy());
        ObjectNode config = f.putObject("config");
        config.put("responsive", maxWidth > 0);
        config.put("displaylogo", false);
        this.figure = f;
        this.maxWidth = maxWidth;
    }

    /** A still figure from traces and a layout given as maps and lists (converted by Jackson). */
    static PlotlyFigure of(List<Map<String, Object>> data, Map<String, Object> layout, int maxWidth) {
        return new PlotlyFigure(JSON.valueToTree(data), JSON.valueToTree(layout), JSON.createArrayNode(),
                maxWidth);
    }

    /** The widest a responsive figure is drawn, in pixels; 0 for a figure of fixed size. */
    public int maxWidth() {
        return maxWidth;
    }

    /** The traces, a copy. */
    public ArrayNode data() {
        return (ArrayNode) figure.get("data").deepCopy();
    }

    /** The layout, a copy. */
    public ObjectNode layout() {
        return figure.get("layout").deepCopy();
    }

    /** The animation frames, a copy; empty for a still figure. */
    public ArrayNode frames() {
        return (ArrayNode) figure.get("frames").deepCopy();
    }

    /** The whole figure as JSON: {@code {"data": [...], "layout": {...}, "frames": [...], "config": {...}}}. */
    public String json() {
        try {
            return JSON.writeValueAsString(figure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the figure as JSON", e);
        }
    }

    /** A script drawing the figure into the element with id {@code divName}. */
    @Override
    public String asJavascript(String divName) {
        Checks.notNull("divName", divName);
        String target = "document.getElementById(" + JSON.valueToTree(divName) + ")";
        String width = maxWidth > 0 ? "  " + target + ".style.maxWidth = '" + maxWidth + "px';\n" : "";
        return "<script>\n(function () {\n" + width + (figure.get("frames").isEmpty() ? "" : QUIET_INTERRUPTS)
                + "  Plotly.newPlot(" + target + ", " + json() + ");\n"
                + "})();\n</script>\n";
    }

    @Override
    public String toString() {
        return "PlotlyFigure[" + figure.get("data").size() + " traces, " + figure.get("frames").size() + " frames]";
    }
}
