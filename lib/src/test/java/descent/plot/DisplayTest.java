package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;

class DisplayTest {
    private RecordingBridge kernel;

    @BeforeEach
    void fakeKernel() {
        kernel = new RecordingBridge();
        Display.useBridge(kernel);
    }

    @AfterEach
    void detectAgain() {
        Display.useBridge(null);
    }

    private static Figure twoCurves() {
        return Plots.curves("loss", Map.of("sgd", new double[] {3.0, 2.5, 1.25}), false);
    }

    @Test
    void plotlyIsSentOncePerKernelSessionBeforeTheFirstFigure() {
        Plots.show(twoCurves());
        Plots.show(twoCurves());
        Plots.show(twoCurves());
        assertEquals(4, kernel.displayed.size());
        assertTrue(kernel.displayed.get(0).contains("descent-plotly-init"));
        for (int i = 1; i < 4; i++) {
            assertFalse(kernel.displayed.get(i).contains("descent-plotly-init"), "output " + i);
            assertTrue(kernel.displayed.get(i).contains("class=\"descent-plot\""), "output " + i);
        }
    }

    @Test
    void initCanBeForcedAgain() {
        Plots.show(twoCurves());
        Plots.init();
        assertEquals(3, kernel.displayed.size());
        assertTrue(kernel.displayed.get(2).contains("descent-plotly-init"));
    }

    @Test
    void imageGridsNeedNoPlotly() {
        Plots.show(Plots.images(new double[][] {new double[3072]}, java.util.List.of("cat"), PixelLayout.CHANNELS_FIRST));
        assertEquals(1, kernel.displayed.size());
        assertTrue(kernel.displayed.get(0).startsWith("<div class=\"descent-image-grid\">"));
    }

    @Test
    void handleUpdatesTheSameDisplayId() {
        DisplayHandle h = Display.open("<b>1</b>");
        h.update("<b>2</b>");
        assertEquals("id-1", h.id());
        assertEquals(java.util.List.of("id-1:<b>2</b>"), kernel.updates);
        assertEquals("<b>2</b>", h.html());
    }

    @Test
    void showOrUpdateOpensOneOutputOnTheFirstFrameAndUpdatesItAfter() {
        DisplayHandle h = Display.showOrUpdate(null, "<b>1</b>");
        assertSame(h, Display.showOrUpdate(h, "<b>2</b>"));
        assertSame(h, Display.showOrUpdate(h, "<b>3</b>"));
        assertEquals(java.util.List.of("<b>1</b>"), kernel.displayed);
        assertEquals(java.util.List.of("id-1:<b>2</b>", "id-1:<b>3</b>"), kernel.updates);
        assertEquals("<b>3</b>", h.html());
    }

    @Test
    void figureHtmlHoldsTheDataAndWaitsForPlotly() {
        String html = Plots.html(twoCurves());
        Matcher div = Pattern.compile("<div id=\"(descent_[0-9a-f]{32})\" class=\"descent-plot\"></div>").matcher(html);
        assertTrue(div.find(), html);
        String id = div.group(1);
        assertTrue(html.contains("\"y\":[3.0,2.5,1.25]"), html);
        assertTrue(html.contains("\"name\":\"sgd\""), html);
        assertTrue(html.contains("if (window.Plotly && document.getElementById('" + id + "')) { draw(); return; }"), html);
        assertTrue(html.contains("setTimeout(whenReady, 50)"), html);
        assertTrue(html.contains("Plotly.newPlot(document.getElementById(\"" + id + "\"), {\"data\":"), html);
        assertFalse(html.contains("cdn"), "no network address in the output");
        assertEquals(1, count(html, "<script"));
        assertEquals(1, count(html, "</script>"));
    }

    @Test
    void surfaceTraceVariablesAreRenumbered() {
        Object[] g = {0.0, 1.0};
        Figure f = new Figure(ContourTrace.builder(g, g, new double[][] {{1, 2}, {3, 4}}).build(),
                HeatmapTrace.builder(g, g, new double[][] {{1, 2}, {3, 4}}).build(),
                ScatterTrace.builder(new double[] {0, 1}, new double[] {0, 1}).build());
        String html = Plots.html(f);
        assertEquals(1, count(html, "var trace0 ="));
        assertEquals(1, count(html, "var trace1 ="));
        assertEquals(1, count(html, "var trace2 ="));
        assertTrue(html.contains("var data = [ trace0, trace1, trace2];"), html);
    }

    @Test
    void scriptEndTagsInsideDataCannotCloseTheScript() {
        assertEquals("a<\\/script>b<\\/SCRIPT>", PlotlyHtml.safeForScript("a</script>b</SCRIPT>"));
    }

    @Test
    void withoutAKernelTheFallbackIsNotANotebook() {
        Display.useBridge(new Display.FileBridge());
        assertFalse(Display.inNotebook());
        assertEquals("none", Display.backend());
    }

    @Test
    void aPlainJvmHasNoKernel() {
        assertEquals(null, KernelBridge.detectKernel());
    }

    @Test
    void jjavaIsFoundThroughJavaNotebookStaticsAndUpdatesInPlace() {
        var kernel = new org.dflib.jjava.kernel.JavaNotebookStatics.FakeKernel();
        org.dflib.jjava.kernel.JavaNotebookStatics.kernel = kernel;
        try {
            KernelBridge bridge = KernelBridge.detectKernel();
            assertEquals("jjava", bridge == null ? null : bridge.name());
            String id = bridge.display("<p>0%</p>");
            bridge.update(id, "<p>50%</p>");
            assertEquals(List.of("display " + id + " <p>0%</p>", "update " + id + " <p>50%</p>"), kernel.sent);
        } finally {
            org.dflib.jjava.kernel.JavaNotebookStatics.kernel = null;
        }
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
