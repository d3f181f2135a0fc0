package descent.plot;

import descent.util.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns Tablesaw jsplot figures into HTML that draws with no network: plotly.js ships inside the
 * library jar and is embedded into the page or notebook once.
 *
 * <p>Three pieces:
 * <ul>
 *   <li>{@link #initHtml()}: one script that defines {@code window.Plotly} from the bundled
 *       plotly.js, even where RequireJS is loaded (classic Notebook 6), in the way plotly.py's
 *       offline {@code init_notebook_mode} does. Emitted once per kernel session by
 *       {@link Display}.</li>
 *   <li>{@link #figureHtml(Figure)}: a {@code div} and a script that waits until
 *       {@code window.Plotly} and the {@code div} exist, then draws. Works in classic Notebook,
 *       JupyterLab, and nbconvert HTML exports (with or without RequireJS on the page).</li>
 *   <li>{@link #page(String, String...)}: a stand-alone HTML page with plotly.js embedded.</li>
 * </ul>
 */
public final class PlotlyHtml {
    /** Class-path location of the bundled plotly.js (npm package plotly.js-dist-min, major version 2). */
    public static final String BUNDLE_RESOURCE = "/descent/plot/plotly/plotly.min.js";
    /** How long a figure waits for plotly.js before saying it is missing, in milliseconds. */
    public static final int WAIT_FOR_PLOTLY_MILLIS = 15_000;

    private static final Pattern VERSION = Pattern.compile("plotly\\.js v(\\d+\\.\\d+\\.\\d+)");
    private static final Pattern TRACE_VAR = Pattern.compile("(?m)^var trace\\d+ =$");
    private static volatile String bundle;
    private static volatile String init;

    private PlotlyHtml() {
    }

    /** The bundled plotly.js source, read once from the jar. */
    public static String bundle() {
        String b = bundle;
        if (b == null) {
            try (InputStream in = PlotlyHtml.class.getResourceAsStream(BUNDLE_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.js is missing from the class path at "
                            + BUNDLE_RESOURCE + ": build the library with Maven (it runs npm pack)");
                }
                b = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUNDLE_RESOURCE, e);
            }
            bundle = b;
        }
        return b;
    }

    /** The version of the bundled plotly.js, e.g. "2.35.3", read from the bundle's header. */
    public static String version() {
        String head = bundle().substring(0, Math.min(400, bundle().length()));
        Matcher m = VERSION.matcher(head);
        if (!m.find()) {
            throw new IllegalStateException("no version in the header of " + BUNDLE_RESOURCE);
        }
        return m.group(1);
    }

    /**
     * The script that defines {@code window.Plotly} from the bundled plotly.js.
     *
     * <p>The bundle is a UMD module: where RequireJS is present it would register itself as an
     * anonymous AMD module and never set {@code window.Plotly}. It therefore runs inside a function
     * whose parameters {@code define}, {@code exports} and {@code module} shadow the page's, so it
     * always takes the browser-global branch. Nothing on the page is modified except
     * {@code window.Plotly} (and {@code window.PlotlyConfig}, as plotly.py sets it). When the page
     * already has a {@code window.Plotly}, the bundle is not run again.
     */
    public static String initHtml() {
        String i = init;
        if (i == null) {
            i = buildInitHtml();
            init = i;
        }
        return i;
    }

    private static String buildInitHtml() {
        return "<div class=\"descent-plotly-init\" style=\"display:none\">plotly.js " + version()
                + " (offline, bundled with Descent)</div>\n"
                + "<script type=\"text/javascript\">\n"
                + "window.PlotlyConfig = window.PlotlyConfig || {MathJaxConfig: 'local'};\n"
                + "if (!window.Plotly) {\n"
                + "(function (define, exports, module) {\n"
                + safeForScript(bundle())
                + "\n}).call(window);\n"
                + "}\n"
                + "</script>\n";
    }

    /**
     * A {@code div} plus a script that draws {@code figure} once {@code window.Plotly} exists.
     * A figure built on Tablesaw's own layout (not a {@link PlotlyFigure}) gets the rules that
     * can be added to it: powers of ten on its log axes, at most {@link FigureRules#MAX_WIDTH}
     * pixels wide.
     *
     * @param figure a Tablesaw figure; its traces may be of any type
     * @return an HTML fragment, without plotly.js itself (see {@link #initHtml()})
     */
    public static String figureHtml(Figure figure) {
        Checks.notNull("figure", figure);
        String id = "descent_" + UUID.randomUUID().toString().replace("-", "");
        String js = figure.asJavascript(id);
        js = js.replaceFirst("(?s)^\\s*<script[^>]*>", "").replaceFirst("(?s)</script>\\s*$", "");
        js = renumberTraces(js);
        if (!(figure instanceof PlotlyFigure)) {
            js = js.replace("Plotly.newPlot(", FigureRules.TABLESAW_LAYOUT_RULES + "Plotly.newPlot(");
        }
        return "<div id=\"" + id + "\" class=\"descent-plot\"></div>\n"
                + "<script type=\"text/javascript\">\n"
                + "(function () {\n"
                + "  function draw() {\n" + safeForScript(js) + "\n  }\n"
                + "  var waited = 0;\n"
                + "  (function whenReady() {\n"
                + "    if (window.Plotly && document.getElementById('" + id + "')) { draw(); return; }\n"
                + "    waited += 50;\n"
                + "    if (waited < " + WAIT_FOR_PLOTLY_MILLIS + ") { setTimeout(whenReady, 50); return; }\n"
                + "    var el = document.getElementById('" + id + "');\n"
                + "    if (el) { el.textContent = 'plotly.js is not loaded on this page: run "
                + "descent.plot.Plots.init() in a cell, then run this cell again.'; }\n"
                + "  })();\n"
                + "})();\n"
                + "</script>\n";
    }

    /**
     * A stand-alone HTML page: plotly.js embedded in the head, then {@code fragments} in order.
     *
     * @param title the page title (escaped)
     * @param fragments HTML fragments, e.g. from {@link #figureHtml(Figure)} or {@link ImageGrid#html()}
     */
    public static String page(String title, String... fragments) {
        Checks.noneNull("title, fragments", title, fragments);
        StringBuilder sb = new StringBuilder(bundle().length() + 4096);
        sb.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n")
                .append(initHtml())
                .append("</head>\n<body>\n");
        for (String f : fragments) {
            sb.append(Checks.notNull("fragment", f)).append('\n');
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    /** Escapes {@code &, <, >, ", '} for HTML text and attribute values. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Tablesaw 0.44's heatmap and contour templates always name their variable {@code trace0};
     * the figure then refers to {@code trace1, trace2, ...}. Traces are written in order, so the
     * k-th declaration is renamed {@code tracek}.
     */
    static String renumberTraces(String js) {
        Matcher m = TRACE_VAR.matcher(js);
        StringBuilder sb = new StringBuilder(js.length());
        int k = 0;
        while (m.find()) {
            m.appendReplacement(sb, "var trace" + k++ + " =");
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Makes text safe inside an inline script element: no {@code </script} can end it early. */
    static String safeForScript(String js) {
        return js.replaceAll("(?i)</(script)", "<\\\\/$1");
    }
}
