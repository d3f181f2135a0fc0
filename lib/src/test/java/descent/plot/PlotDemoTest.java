package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlotDemoTest {

    @Test
    void demoPageHoldsEveryPlotTypeAndEmbedsPlotlyOnce() throws Exception {
        Path buildDir = Path.of(PlotDemoTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path file = PlotDemo.write(buildDir.resolve("plot-demo.html"));
        String page = Files.readString(file);
        assertEquals(8, DisplayTest.count(page, "class=\"descent-plot\""));
        assertEquals(2, DisplayTest.count(page, "class=\"descent-image-grid\""));
        assertEquals(20, DisplayTest.count(page, "<img src=\"data:image/png;base64,"));
        assertEquals(1, DisplayTest.count(page, "descent-plotly-init"));
        assertTrue(page.contains("\"type\":\"contour\"") && page.contains("\"type\":\"heatmap\""));
    }
}
