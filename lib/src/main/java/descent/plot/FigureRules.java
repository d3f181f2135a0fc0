package descent.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The readability rules every Descent figure follows, in one place: human titles, axis titles
 * that say what is measured, powers of ten on log axes, a legend clear of the title, and a width
 * that fits JupyterLab's output area.
 */
final class FigureRules {
    /** Widest a figure is drawn, in pixels: JupyterLab's default output area at a 1280-pixel window. */
    static final int MAX_WIDTH = 800;
    /** Height of one legend row, in pixels (13-pixel text plus padding). */
    static final int LEGEND_ROW = 22;
    /** Bottom margin for the x tick labels and the x axis title, in pixels, above the legend. */
    static final int AXIS_BAND = 62;
    /** Top margin holding the title, in pixels. */
    static final int TITLE_BAND = 48;

    /** Text that looks like a {@code toString()}: {@code Name(a=}, {@code Name[a=}, {@code @1f2e3d}, or cut with "…". */
    static final Pattern TO_STRING = Pattern.compile("\\w+\\(\\w+=|\\w+\\[\\w+=|@[0-9a-f]{6,}|…");

    private FigureRules() {
    }

    /**
     * Returns {@code text} if it reads as words for a person; refuses blank text and text that
     * looks like a {@code toString()} (see {@link #TO_STRING}).
     *
     * @param what what the text is, for the message: "title", "x axis title", "series name"
     */
    static String requireHuman(String what, String text) {
        if (text == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank but was: '" + text + "'");
        }
        if (TO_STRING.matcher(text).find()) {
            throw new IllegalArgumentException(what + " must be words for a reader, not a toString(), but was: '"
                    + text + "' (say what the figure shows, e.g. \"SVM loss along a random direction\")");
        }
        return text;
    }

    /** An axis: its title, its type, room for its labels, and powers of ten (10⁻¹², never 1p). */
    static Map<String, Object> axis(String title, boolean log) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("title", map("text", title));
        a.put("type", log ? "log" : "linear");
        a.put("automargin", true);
        a.put("exponentformat", "power");
        a.put("showexponent", "all");
        return a;
    }

    /**
     * The legend under the plot area, below the x axis title, left-aligned and horizontal, so it
     * cannot meet the title (above the plot) or a colour bar (to its right) however many entries
     * it has; the bottom margin grows by one {@link #LEGEND_ROW} per row.
     */
    static Map<String, Object> legendBelow() {
        return map("orientation", "h", "x", 0, "xanchor", "left", "xref", "container",
                "y", 0, "yanchor", "bottom", "yref", "container");
    }

    /**
     * Rows a horizontal legend needs for these entries at the narrowest width we plan for (500
     * pixels of legend): each entry takes 40 pixels for its symbol plus 7 per character.
     */
    static int legendRows(List<String> names) {
        int width = 500;
        int rows = 1;
        int used = 0;
        for (String n : names) {
            int w = 40 + 7 * n.length();
            if (used > 0 && used + w > width) {
                rows++;
                used = 0;
            }
            used += w;
        }
        return rows;
    }

    /** The title, left-aligned above the plot area. */
    static Map<String, Object> title(String text) {
        return map("text", text, "x", 0.01, "xanchor", "left", "xref", "container",
                "y", 0.98, "yanchor", "top", "yref", "container", "font", map("size", 16));
    }

    /** A map keeping {@code keyValues}' order (key, value, key, value, ...), so the JSON is the same every run. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** {@code v} rounded to 4 decimals, for axis ranges that read the same in the JSON on every platform. */
    static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }


    /**
     * A script fragment for figures built by Tablesaw's own layout (contours, heatmaps): log axes
     * get powers of ten and a figure wider than {@link #MAX_WIDTH} is drawn at that width.
     * Expects the variable {@code layout}.
     */
    static final String TABLESAW_LAYOUT_RULES = "(function (l) {\n"
            + "  Object.keys(l).forEach(function (k) {\n"
            + "    if (/^[xy]axis\\d*$/.test(k) && l[k] && l[k].type === 'log') {\n"
            + "      l[k].exponentformat = 'power'; l[k].showexponent = 'all';\n"
            + "    }\n"
            + "  });\n"
            + "  if (l.width > " + MAX_WIDTH + ") { l.width = " + MAX_WIDTH + "; }\n"
            + "})(layout);\n";
}
