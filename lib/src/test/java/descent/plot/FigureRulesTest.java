package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Figure;

/** The readability rules, asserted on the figure JSON the plot layer writes. */
class FigureRulesTest {

    private static final double[] FALLS = {1, 1e-2, 1e-4};

    private static String curve(CurvePlot p) {
        return p.figure().json();
    }

    private static CurvePlot loss() {
        return CurvePlot.titled("training loss").yLabel("loss");
    }

    @Test
    void logAxesWritePowersOfTenNeverSiPrefixes() {
        String json = curve(loss().xLabel("step size").logX(true).logY(true)
                .series("sgd", new double[] {1e-3, 1e-2}, new double[] {1e-12, 1e-24}));
        String powers = "\"type\":\"log\",\"automargin\":true,\"exponentformat\":\"power\",\"showexponent\":\"all\"";
        assertEquals(2, json.split(powers, -1).length - 1, json);
    }

    @Test
    void linearAxesAlsoWritePowersOfTen() {
        String json = curve(loss().series("sgd", new double[] {21735, 2.6}));
        assertTrue(json.contains("\"type\":\"linear\",\"automargin\":true,\"exponentformat\":\"power\""), json);
    }

    @Test
    void theLegendIsHorizontalAtTheBottomOfTheFigureAndTheTitleAtItsTop() {
        String json = curve(loss().series("sgd", FALLS).series("adam", FALLS));
        assertTrue(json.contains("\"legend\":{\"orientation\":\"h\",\"x\":0,\"xanchor\":\"left\",\"xref\":\"container\","
                + "\"y\":0,\"yanchor\":\"bottom\",\"yref\":\"container\"}"), json);
        assertTrue(json.contains("\"title\":{\"text\":\"training loss\",\"x\":0.01,\"xanchor\":\"left\","
                + "\"xref\":\"container\",\"y\":0.98,\"yanchor\":\"top\",\"yref\":\"container\""), json);
    }

    @Test
    void theBottomMarginHoldsTheAxisTitleAndOneBandPerLegendRow() {
        String one = curve(loss().series("sgd", FALLS));
        assertTrue(one.contains("\"height\":442,"), one);
        assertTrue(one.contains("\"b\":84"), one);
        CurvePlot many = loss();
        for (int i = 0; i < 6; i++) {
            many = many.series("a rather long legend entry number " + i, FALLS);
        }
        String six = curve(many);
        assertEquals(6, FigureRules.legendRows(List.of("a rather long legend entry number 0".repeat(1),
                "x".repeat(35), "x".repeat(35), "x".repeat(35), "x".repeat(35), "x".repeat(35))));
        assertTrue(six.contains("\"height\":552,"), six);
        assertTrue(six.contains("\"b\":194"), six);
    }

    @Test
    void legendRowsPackShortEntriesSideBySide() {
        assertEquals(1, FigureRules.legendRows(List.of("SGD", "momentum", "Nesterov", "RMSProp", "Adam")));
        assertEquals(2, FigureRules.legendRows(List.of("x".repeat(40), "x".repeat(40))));
    }

    @Test
    void titlesThatLookLikeAToStringAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CurvePlot.titled("LossSlice1D[K=121, a in [-3.0, 3.0], min=2.35]"));
        assertEquals("title must be words for a reader, not a toString(), but was: 'LossSlice1D[K=121, a in [-3.0, "
                + "3.0], min=2.35]' (say what the figure shows, e.g. \"SVM loss along a random direction\")",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CurvePlot.titled("Sgd(learningRate=0.1)"));
        assertThrows(IllegalArgumentException.class, () -> CurvePlot.titled("descent.optim.Sgd@1b2c3d4e"));
        assertThrows(IllegalArgumentException.class, () -> CurvePlot.titled("SVM loss along a ray, 3,000 im…"));
        assertThrows(IllegalArgumentException.class, () -> loss().series("Adam(lr=0.1)", FALLS));
        assertThrows(IllegalArgumentException.class, () -> loss().yLabel("History[steps=3]"));
        assertEquals("title must not be blank but was: ' '",
                assertThrows(IllegalArgumentException.class, () -> CurvePlot.titled(" ")).getMessage());
    }

    @Test
    void humanTitlesWithBracketsAndEqualsSignsAreAccepted() {
        String json = curve(CurvePlot.titled("loss for lr = 1e-3 [full batch] (f − f*)").yLabel("f(x, y)")
                .series("κ = 2.5", FALLS));
        assertTrue(json.contains("\"text\":\"loss for lr = 1e-3 [full batch] (f − f*)\""), json);
    }

    @Test
    void aSeriesFallingTo1eMinus72IsClippedAndItsLegendSaysSo() {
        double[] sgd = {1, 1e-20, 1e-40, 1e-72};
        String json = curve(loss().logY(true).series("SGD", sgd).series("momentum", new double[] {1, 0.1, 0.01, 1e-3})
                .series("Adam", new double[] {1, 0.5, 0.2, 0.1}));
        assertTrue(json.contains("\"name\":\"SGD (leaves the plot: reaches 10⁻⁷²)\""), json);
        assertTrue(json.contains("\"name\":\"momentum\""), json);
        // the range spans the others, 1e-3 .. 1, padded by 5 % of its 3 decades
        assertTrue(json.contains("\"range\":[-3.15,0.15],\"autorange\":false"), json);
    }

    @Test
    void aSeriesWithinSixteenDecadesOfTheOthersIsNotClipped() {
        String json = curve(loss().logY(true).series("SGD", new double[] {1, 1e-18})
                .series("Adam", new double[] {1, 1e-3})); // 15 decades below the others' lowest
        assertFalse(json.contains("leaves the plot"), json);
        assertFalse(json.contains("\"range\""), json);
    }

    @Test
    void aSingleSeriesIsNeverClipped() {
        String json = curve(loss().logY(true).series("SGD", new double[] {1, 1e-72}));
        assertFalse(json.contains("\"range\""), json);
    }

    @Test
    void aDivergingSeriesOnALinearAxisIsClippedToTheOthersRange() {
        String json = curve(loss().series("lr 1e-6", new double[] {2.3, 2.2, 2.1})
                .series("lr 1e-4", new double[] {2.3, 50, 1e6}));
        assertTrue(json.contains("\"name\":\"lr 1e-4 (leaves the plot: reaches 10⁶)\""), json);
        assertTrue(json.contains("\"range\":[2.09,2.31],\"autorange\":false"), json);
    }

    @Test
    void theFigureIsDrawnAtMost800PixelsWideAndResizesWithItsOutputArea() {
        PlotlyFigure f = loss().size(1200, 400).series("sgd", FALLS).figure();
        assertEquals(800, f.maxWidth());
        assertEquals(720, loss().series("sgd", FALLS).figure().maxWidth());
        String js = f.asJavascript("d");
        assertTrue(js.contains("document.getElementById(\"d\").style.maxWidth = '800px';"), js);
        assertTrue(f.json().contains("\"autosize\":true"), f.json());
        String layout = f.json().substring(f.json().indexOf("\"layout\":"));
        assertFalse(layout.contains("\"width\""), layout);
        assertTrue(f.json().endsWith("\"frames\":[],\"config\":{\"responsive\":true,\"displaylogo\":false}}"), f.json());
    }

    @Test
    void markersOnLongCurvesAreSparse() {
        assertEquals(7, CurvePlot.markerSizes(30));
        double[] sizes = (double[]) CurvePlot.markerSizes(61);
        int shown = 0;
        for (double s : sizes) {
            shown += s > 0 ? 1 : 0;
        }
        assertEquals(21, shown); // every 3rd of 61 points: 0, 3, ..., 60, the last among them
        assertEquals(7, sizes[60]);
    }

    @Test
    void optimizersKeepTheirColourInEveryFigureAndOtherFiguresUsePlotlysCycle() {
        assertEquals(OptimizerColors.SGD, CurvePlot.colorFor("SGD", 3, true));
        assertEquals(OptimizerColors.ADAM, CurvePlot.colorFor("Adam (lr 0.2)", 0, true));
        assertEquals(OptimizerColors.OTHER.get(1), CurvePlot.colorFor("best so far", 1, true));
        assertEquals("#ff7f0e", CurvePlot.colorFor("batch 64", 1, false));
        assertEquals("#1f77b4", CurvePlot.colorFor("batch 64", 10, false));
        String json = curve(loss().series("momentum 0.9", FALLS).series("Adam", FALLS));
        assertTrue(json.contains("\"line\":{\"color\":\"" + OptimizerColors.ADAM + "\",\"width\":2}"), json);
        String other = curve(loss().series("batch 1", FALLS).series("batch 256", FALLS));
        assertTrue(other.contains("\"line\":{\"color\":\"#ff7f0e\",\"width\":2}"), other);
        assertEquals("index must be >= 0 but was: -1",
                assertThrows(IllegalArgumentException.class, () -> CurvePlot.colorFor("sgd", -1, true)).getMessage());
    }

    @Test
    void tablesawFiguresGetPowersOfTenOnLogAxesAndAWidthCap() {
        Figure tablesaw = new Figure(Layout.builder().title("weights").build(),
                ScatterTrace.builder(new double[] {1, 2}, new double[] {1, 2}).build());
        String html = Plots.html(tablesaw);
        assertTrue(html.contains(FigureRules.TABLESAW_LAYOUT_RULES + "Plotly.newPlot("), html);
        assertFalse(Plots.html(SurfacePlot.of("bowl", new double[] {0, 1}, new double[] {0, 1},
                new double[][] {{1, 2}, {3, 4}}).figure()).contains("})(layout);"));
        assertFalse(Plots.html(loss().series("sgd", FALLS).figure()).contains("l.width = 800"));
    }

}
