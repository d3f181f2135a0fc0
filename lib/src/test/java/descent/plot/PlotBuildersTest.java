package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.landscape.SurfaceGrid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.plotly.components.Figure;

class PlotBuildersTest {

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static String js(Figure f) {
        return f.asJavascript("d");
    }

    @Test
    void curvePlotDefaultsAreNamed() {
        assertEquals("CurvePlot[title=loss, series=[], xLabel=step, yLabel=null, logX=false, logY=false, "
                + "markers=false, markMinimum=false, size=720x420]", CurvePlot.titled("loss").toString());
        assertEquals(720, CurvePlot.DEFAULT_WIDTH);
        assertEquals(420, CurvePlot.DEFAULT_HEIGHT);
    }

    @Test
    void buildersAreImmutable() {
        CurvePlot empty = CurvePlot.titled("loss");
        CurvePlot one = empty.series("sgd", new double[] {1, 2});
        CurvePlot log = one.logY(true);
        assertEquals(0, empty.seriesCount());
        assertEquals(1, one.seriesCount());
        assertTrue(one.toString().contains("logY=false"));
        assertTrue(log.toString().contains("logY=true"));
    }

    @Test
    void curvesHaveOneTracePerSeriesInMapOrderAndLogAxisWhenAsked() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("sgd", new double[] {4, 2, 1});
        series.put("adam", new double[] {4, 1, 0.5});
        String js = js(Plots.curves("loss", series, true));
        assertTrue(js.indexOf("\"name\":\"sgd\"") < js.indexOf("\"name\":\"adam\""), js);
        assertTrue(js.contains("\"x\":[0.0,1.0,2.0],\"y\":[4.0,1.0,0.5]"), js);
        assertTrue(js.contains("\"type\":\"log\""), js);
        assertTrue(js.contains("\"mode\":\"lines\""), js);
        String own = js(Plots.curves("training loss (full batch)", "loss", series, true));
        assertTrue(own.contains("\"yaxis\":{\"title\":{\"text\":\"loss\"}"), own);
    }

    @Test
    void curveArgumentsAreCheckedWithExactMessages() {
        assertMessage("series 'sgd': x and y must have the same length but were: 2 and 1",
                () -> CurvePlot.titled("t").series("sgd", new double[] {1, 2}, new double[] {1}));
        assertMessage("series 'sgd' must be finite everywhere but entry 1 was: NaN",
                () -> CurvePlot.titled("t").series("sgd", new double[] {1, Double.NaN}));
        assertMessage("series 'sgd' must be finite everywhere but entry 0 was: Infinity",
                () -> CurvePlot.titled("t").series("sgd", new double[] {Double.POSITIVE_INFINITY}));
        assertMessage("series 'sgd' x must be finite everywhere but entry 0 was: -Infinity",
                () -> CurvePlot.titled("t").series("sgd", new double[] {Double.NEGATIVE_INFINITY}, new double[] {1}));
        assertMessage("series 'sgd' must not be empty", () -> CurvePlot.titled("t").series("sgd", new double[0]));
        assertMessage("plot 't' has no series: add one with series(name, y)", () -> CurvePlot.titled("t").figure());
        assertMessage("plot 't' has no y axis title: say what is measured with yLabel(...), e.g. \"loss\" or"
                + " \"accuracy\"", () -> CurvePlot.titled("t").series("sgd", new double[] {1}).figure());
        assertMessage("series name must be unique but 'sgd' was given twice",
                () -> CurvePlot.titled("t").series("sgd", new double[] {1}).series("sgd", new double[] {2}));
        assertMessage("series 'sgd' must be > 0 everywhere on a log axis but entry 1 was: 0.0",
                () -> CurvePlot.titled("t").yLabel("loss").series("sgd", new double[] {1, 0}).logY(true).figure());
        assertMessage("series must not be empty", () -> Plots.curves("t", Map.of(), false));
        assertMessage("width must be in [100.0, 4000.0] but was: 50.0", () -> CurvePlot.titled("t").size(50, 300));
    }

    @Test
    void sweepUsesALogXAxisAndMarksTheBestStepSize() {
        String js = js(Plots.sweep(new double[] {1e-3, 1e-2, 1e-1}, new double[] {3, 1, 2}));
        assertTrue(js.contains("\"type\":\"log\""), js);
        assertTrue(js.contains("\"name\":\"best loss: 1 at 0.01\",\"x\":[0.01],\"y\":[1.0],\"mode\":\"markers\","
                + "\"marker\":{\"symbol\":\"star\""), js);
        assertMessage("series 'loss' x must be > 0 everywhere on a log axis but entry 0 was: -1.0",
                () -> Plots.sweep(new double[] {-1, 1}, new double[] {1, 2}));
    }

    @Test
    void sweepWithLogYHasTwoLogAxesAndRejectsALossOfZero() {
        String linear = js(Plots.sweep(new double[] {1e-3, 1e-2, 1e-1}, new double[] {3, 1, 2e4}, false));
        String log = js(Plots.sweep(new double[] {1e-3, 1e-2, 1e-1}, new double[] {3, 1, 2e4}, true));
        assertEquals(1, linear.split("\"type\":\"log\"", -1).length - 1, linear);
        assertEquals(2, log.split("\"type\":\"log\"", -1).length - 1, log);
        assertTrue(log.contains("\"name\":\"best loss: 1 at 0.01\""), log);
        assertMessage("series 'loss' must be > 0 everywhere on a log axis but entry 1 was: 0.0",
                () -> Plots.sweep(new double[] {1e-3, 1e-2}, new double[] {1, 0}, true));
    }

    @Test
    void sliceAndSchedulesPlotAgainstTheGivenX() {
        String js = js(Plots.slice(new double[] {-1, 0, 1}, new double[] {2, 1, 2}));
        assertTrue(js.contains("\"x\":[-1.0,0.0,1.0]"), js);
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("constant", new double[] {0.1, 0.1});
        s.put("step", new double[] {0.1, 0.01});
        String sj = js(Plots.schedules(s, true));
        assertTrue(sj.contains("\"name\":\"constant\"") && sj.contains("\"name\":\"step\""), sj);
        assertTrue(sj.contains("\"yaxis\":{\"title\":{\"text\":\"learning rate\"}"), sj);
    }

    @Test
    void surfaceDrawsTheFieldFirstThenEachPathAsALine() {
        Figure f = Plots.contour(new double[] {0, 1, 2}, new double[] {0, 1},
                new double[][] {{0, 1, 4}, {1, 2, 5}},
                List.of(new Trajectory("sgd", new double[] {2, 1}, new double[] {1, 0})));
        String js = js(f);
        assertTrue(js.indexOf("\"type\":\"contour\"") < js.indexOf("\"name\":\"sgd\""), js);
        assertTrue(js.contains("\"z\":[[0.0,1.0,4.0],[1.0,2.0,5.0]]"), js);
        assertTrue(js.contains("\"mode\":\"lines\""), js);
        String heat = js(Plots.heatmap(new double[] {0, 1}, new double[] {0, 1}, new double[][] {{0, 1}, {1, 2}}, List.of()));
        assertTrue(heat.contains("\"type\":\"heatmap\""), heat);
        assertEquals("SurfacePlot[title=s, grid=2x2, style=CONTOUR, paths=[], labels=w₁/w₂/f, size=780x560, "
                + "frames=0]", SurfacePlot.of("s", new double[] {0, 1}, new double[] {0, 1},
                new double[][] {{0, 1}, {1, 2}}).toString());
    }

    @Test
    void aSampledGridIsDrawnTitledWithItsNameAndZTransposed() {
        SurfaceGrid grid = new SurfaceGrid("bowl", new double[] {0, 1, 2}, new double[] {0, 1},
                new double[][] {{0, 1}, {1, 2}, {4, 5}});
        String contour = js(Plots.contour(grid, List.of()));
        assertTrue(contour.contains("\"type\":\"contour\"") && contour.contains("\"text\":\"bowl\""), contour);
        assertTrue(contour.contains("\"z\":[[0.0,1.0,4.0],[1.0,2.0,5.0]]"), contour);
        String heat = js(Plots.heatmap(grid, List.of()));
        assertTrue(heat.contains("\"type\":\"heatmap\"") && heat.contains("\"text\":\"bowl\""), heat);
    }

    @Test
    void surfaceArgumentsAreCheckedWithExactMessages() {
        double[] g = {0, 1};
        assertMessage("z must have ys.length = 2 rows but had: 3",
                () -> SurfacePlot.of("s", g, g, new double[][] {{0, 1}, {0, 1}, {0, 1}}));
        assertMessage("z[1] must have xs.length = 2 values but had: 1",
                () -> SurfacePlot.of("s", g, g, new double[][] {{0, 1}, {0}}));
        assertMessage("z[0] must be finite everywhere but entry 1 was: NaN",
                () -> SurfacePlot.of("s", g, g, new double[][] {{0, Double.NaN}, {0, 1}}));
        assertMessage("xs must be strictly increasing but xs[1] = 0.0 <= xs[0] = 1.0",
                () -> SurfacePlot.of("s", new double[] {1, 0}, g, new double[][] {{0, 1}, {0, 1}}));
        assertMessage("ys must have at least 2 values but had: 1",
                () -> SurfacePlot.of("s", g, new double[] {0}, new double[][] {{0, 1}}));
        assertMessage("trajectory 'sgd': xs and ys must have the same length but were: 2 and 1",
                () -> new Trajectory("sgd", new double[] {0, 1}, new double[] {0}));
        assertMessage("trajectory 'sgd' must have at least one point",
                () -> new Trajectory("sgd", new double[0], new double[0]));
        assertMessage("trajectory 'sgd' ys must be finite everywhere but entry 0 was: NaN",
                () -> new Trajectory("sgd", new double[] {0}, new double[] {Double.NaN}));
        assertMessage("points[1] must have length 2 but had: 3",
                () -> Trajectory.of("sgd", List.of(new double[] {0, 0}, new double[] {1, 2, 3})));
    }

    @Test
    void trajectoryFromPointsSplitsCoordinatesAndCopies() {
        double[] p = {1, 2};
        Trajectory t = Trajectory.of("sgd", List.of(new double[] {0, 0}, p));
        p[0] = 99;
        assertEquals(2, t.length());
        assertEquals(1.0, t.xs()[1]);
        assertEquals(2.0, t.ys()[1]);
    }

    @Test
    void trajectoriesFromPathsAreNamedByTheirKeysInOrder() {
        var paths = new LinkedHashMap<String, descent.surface.SurfacePath>();
        paths.put("sgd", new descent.surface.SurfacePath(new double[] {0, 1}, new double[] {2, 3},
                new double[] {5, 6}));
        paths.put("adam", new descent.surface.SurfacePath(new double[] {4}, new double[] {5}, new double[] {7}));
        List<Trajectory> t = Trajectory.of(paths);
        assertEquals(List.of("sgd", "adam"), t.stream().map(Trajectory::name).toList());
        assertEquals(3.0, t.get(0).ys()[1]);
        assertEquals(1, t.get(1).length());
    }
}
