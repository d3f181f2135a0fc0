package descent.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import descent.util.Checks;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/**
 * A figure given as plotly.js JSON ({@code data}, {@code layout} and, for an animation,
 * {@code frames}), for what Tablesaw's builders cannot say: contour levels and colour-bar
 * placement, per-point marker sizes, and the frames, Play/Pause buttons and step slider of an
 * animated race.
 *
 * <p>It is a Tablesaw {@link Figure}, so {@link Plots#show(Figure)}, {@link Plots#html(Figure)}
 * and {@link Plots#save} draw it like any other; its script calls
 * {@code Plotly.newPlot(div, {data, layout, frames, config})}, which plotly.js plays offline.
 * Immutable: the accessors return copies.
 */
public final class PlotlyFigure extends Figure {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode figure;

    /**
     * A figure from its parts (copied).
     *
     * @param data   the traces, at least one
     * @param layout the layout
     * @param frames the animation frames, empty for a still figure
     */
    PlotlyFigure(ArrayNode data, ObjectNode layout, ArrayNode frames) {
        super(Layout.builder().build());
        Checks.require(!data.isEmpty(), "a figure needs at least one trace");
        ObjectNode f = JSON.createObjectNode();
        f.set("data", data.deepCopy());
        f.set("layout", layout.deepCopy());
        f.set("frames", frames.deepCopy());
        ObjectNode config = f.putObject("config");
        config.put("displaylogo", false);
        config.put("responsive", false);
        this.figure = f;
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
        return "<script>\n(function () {\n"
                + "  Plotly.newPlot(document.getElementById(" + JSON.valueToTree(divName) + "), " + json() + ");\n"
                + "})();\n</script>\n";
    }

    @Override
    public String toString() {
        return "PlotlyFigure[" + figure.get("data").size() + " traces, " + figure.get("frames").size() + " frames]";
    }
}
