package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class PlotlyHtmlTest {

    @Test
    void theBundleIsInTheJarResourcesAndIsVersion2() throws Exception {
        try (InputStream in = PlotlyHtml.class.getResourceAsStream(PlotlyHtml.BUNDLE_RESOURCE)) {
            assertTrue(in != null, "resource " + PlotlyHtml.BUNDLE_RESOURCE);
            assertTrue(in.readAllBytes().length > 1_000_000, "a full plotly.js bundle is megabytes");
        }
        assertTrue(PlotlyHtml.version().startsWith("2."), PlotlyHtml.version());
        assertEquals("2.35.3", PlotlyHtml.version());
        assertTrue(PlotlyHtml.class.getResource("/descent/plot/plotly/LICENSE") != null, "plotly's license ships too");
    }

    @Test
    void initShadowsAmdDefineSoWindowPlotlyIsSetUnderRequireJs() {
        String init = PlotlyHtml.initHtml();
        assertTrue(init.contains("if (!window.Plotly) {\n(function (define, exports, module) {\n"), init.substring(0, 400));
        assertTrue(init.endsWith("\n}).call(window);\n}\n</script>\n"));
        assertTrue(init.contains("plotly.js v2.35.3"));
        assertEquals(1, DisplayTest.count(init, "</script>"));
    }

    @Test
    void aPageEmbedsPlotlyOnceAndEscapesItsTitle() {
        String page = PlotlyHtml.page("a <b> & c", "<p>one</p>", "<p>two</p>");
        assertEquals(1, DisplayTest.count(page, "descent-plotly-init"));
        assertTrue(page.contains("<title>a &lt;b&gt; &amp; c</title>"));
        assertTrue(page.indexOf("<p>one</p>") < page.indexOf("<p>two</p>"));
        assertFalse(java.util.regex.Pattern.compile("<script[^>]*\\ssrc=").matcher(page).find(), "no external script");
    }
}
