package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import descent.landscape.Grids;
import descent.landscape.SurfaceGrid;
import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import descent.surface.Quadratic;
import descent.surface.Rosenbrock;
import descent.surface.SixHumpCamel;
import descent.surface.SurfaceRace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The contour figures and animated races of {@link SurfacePlot}, read from their plotly JSON. */
class SurfacePlotTest {
    /** What a title copied from {@code toString()} looks like (the figure checks' rule). */
    private static final Pattern TO_STRING = Pattern.compile("\\w+\\(\\w+=|\\w+\\[\\w+=|@[0-9a-f]{6,}|\u2026");
    private static final double[] GRID = Grids.linspace(-4.5, 4.5, 41);

    /** SGD and momentum on the turned ravine, 30 steps: a small race. */
    private static SurfaceRace smallRace() {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("momentum 0.9", new Momentum(0.9));
        optimizers.put("SGD", new Sgd());
        return SurfaceRace.run(Quadratic.ravine(100, Math.PI / 4), optimizers, new double[] {0.005, 0.01, 0.019},
                -4.24, -1.41, 30);
    }

    private static List<JsonNode> tracesNamed(ArrayNode data, String name) {
        List<JsonNode> out = new ArrayList<>();
        data.forEach(t -> {
            if (t.path("name").asText().equals(name)) {
                out.add(t);
            }
        });
        return out;
    }

    @Test
    void aRaceHasOneFramePerStepOfTheRaceUpToSixtyAndOneSliderStepPerFrame() {
        PlotlyFigure f = SurfacePlot.race(smallRace(), GRID, GRID).figure();
        ArrayNode frames = f.frames();
        assertEquals(31, frames.size(), "30 steps: frames for steps 0..30");
        JsonNode slider = f.layout().get("sliders").get(0);
        assertEquals(31, slider.get("steps").size());
        for (int k = 0; k < frames.size(); k++) {
            assertEquals("step " + k, frames.get(k).get("name").asText());
            assertEquals("step " + k, slider.get("steps").get(k).get("args").get(0).get(0).asText());
            assertEquals(Integer.toString(k), slider.get("steps").get(k).get("label").asText());
        }
        assertEquals(30, slider.get("active").asInt(), "the slider starts at the last frame, the paths drawn whole");
    }

    @Test
    void aRaceHasAPlayButtonThatAnimatesAllFramesAndAPauseButton() {
        JsonNode buttons = SurfacePlot.race(smallRace(), GRID, GRID).figure().layout().get("updatemenus").get(0)
                .get("buttons");
        assertEquals(2, buttons.size());
        JsonNode play = buttons.get(0);
        assertEquals("\u25b6 Play", play.get("label").asText());
        assertEquals("animate", play.get("method").asText());
        assertTrue(play.get("args").get(0).isNull(), "null: every frame, in order");
        assertEquals(SurfacePlot.FRAME_MILLIS, play.get("args").get(1).get("frame").get("duration").asInt());
        assertTrue(play.get("args").get(1).get("fromcurrent").asBoolean());
        JsonNode pause = buttons.get(1);
        assertEquals("\u275a\u275a Pause", pause.get("label").asText());
        assertTrue(pause.get("args").get(0).get(0).isNull(), "[null]: stop where it is");
        assertEquals("immediate", pause.get("args").get(1).get("mode").asText());
    }

    @Test
    void onlyAnAnimatedFigureQuietsThePromiseThatPauseInterrupts() {
        String race = SurfacePlot.race(smallRace(), GRID, GRID).figure().asJavascript("d");
        assertTrue(race.contains(PlotlyFigure.QUIET_INTERRUPTS), race);
        assertTrue(race.contains("if (e.reason === undefined) { e.preventDefault(); }"), race);
        String still = SurfacePlot.of(new Rosenbrock(1, 100), GRID, GRID).figure().asJavascript("d");
        assertFalse(still.contains("unhandledrejection"), still);
    }

    @Test
    void framesAreSpreadEvenlyOverTheLongestPathAndAtMostTheRequestedCount() {
        Trajectory longPath = new Trajectory("SGD", new double[101], new double[101]);
        SurfacePlot p = SurfacePlot.of("a bowl", GRID, GRID, new double[41][41]).path(longPath).animate(60);
        int[] steps = p.frameSteps();
        assertEquals(60, steps.length);
        assertEquals(0, steps[0]);
        assertEquals(2, steps[1], "round(1 * 100 / 59)");
        assertEquals(51, steps[30], "round(30 * 100 / 59)");
        assertEquals(100, steps[59]);
        assertEquals(60, p.figure().frames().size());
    }

    @Test
    void eachFrameDrawsEveryPathUpToItsStepWithTheStarAtThatStep() {
        SurfaceRace race = smallRace();
        PlotlyFigure f = SurfacePlot.race(race, GRID, GRID).figure();
        JsonNode frame = f.frames().get(10);
        double[] xs = race.lane("SGD").path().xs();
        double[] ys = race.lane("SGD").path().ys();
        // traces: field, then per path line, dots, star; SGD is the second path
        JsonNode line = frame.get("data").get(3);
        JsonNode star = frame.get("data").get(5);
        assertEquals(11, line.get("x").size(), "steps 0..10");
        assertEquals(xs[10], line.get("x").get(10).asDouble(), 1e-4);
        assertEquals(ys[10], star.get("y").get(0).asDouble(), 1e-4);
        assertEquals("[1,2,3,4,5,6]", frame.get("traces").toString(), "only the paths' traces change");
    }

    @Test
    void sgdHasTheSameColourInEveryFigureWhateverItsPositionOrSuffix() {
        ArrayNode race = SurfacePlot.race(smallRace(), GRID, GRID).figure().data();
        assertEquals(OptimizerColors.SGD, tracesNamed(race, "SGD (lr 0.019)").get(0).get("line").get("color").asText());
        ArrayNode still = SurfacePlot.of("a bowl", GRID, GRID, new double[41][41])
                .path(new Trajectory("Adam", new double[] {1}, new double[] {1}))
                .path(new Trajectory("L-BFGS", new double[] {1}, new double[] {1}))
                .path(new Trajectory("SGD", new double[] {1}, new double[] {1}))
                .figure().data();
        assertEquals(OptimizerColors.SGD, tracesNamed(still, "SGD").get(0).get("line").get("color").asText());
        assertEquals(OptimizerColors.ADAM, tracesNamed(still, "Adam").get(0).get("line").get("color").asText());
        assertEquals(OptimizerColors.LBFGS, tracesNamed(still, "L-BFGS").get(0).get("line").get("color").asText());
    }

    @Test
    void optimizerColoursMatchTheMostSpecificNameFirst() {
        assertEquals(OptimizerColors.NESTEROV, OptimizerColors.colorFor("Nesterov momentum 0.9", 0));
        assertEquals(OptimizerColors.MOMENTUM, OptimizerColors.colorFor("momentum 0.9 (lr 0.015)", 0));
        assertEquals(OptimizerColors.SGD, OptimizerColors.colorFor("gradient descent, 100 steps", 3));
        assertEquals(OptimizerColors.NEWTON, OptimizerColors.colorFor("Newton, 1 step", 0));
        assertEquals(OptimizerColors.LBFGS, OptimizerColors.colorFor("lbfgs m=5", 0));
        assertEquals(OptimizerColors.ADAGRAD, OptimizerColors.colorFor("AdaGrad", 0));
        assertEquals(OptimizerColors.RMSPROP, OptimizerColors.colorFor("RMSProp (lr 0.3)", 0));
        assertEquals(OptimizerColors.ADAM, OptimizerColors.colorFor("Adam (lr 1.0)", 0));
        assertEquals("#393b79", OptimizerColors.colorFor("a guess", 5), "OTHER[5 % 4]");
        assertTrue(OptimizerColors.of("a guess").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> OptimizerColors.colorFor("SGD", -1));
    }

    @Test
    void valuesSpanningDecadesGetLogSpacedLevelsAndPowerOfTenTicks() {
        SurfacePlot p = SurfacePlot.of(Quadratic.ravine(100, 0), Grids.linspace(-4.5, 4.5, 121),
                Grids.linspace(-2.5, 2.5, 81));
        assertTrue(p.logScale());
        JsonNode field = p.figure().data().get(0);
        // smallest positive value on the grid 1/2 (0.075)^2 = 2.8e-3, largest 1/2 (4.5^2 + 100 * 2.5^2) = 322.6
        assertEquals(-3, field.get("contours").get("start").asInt());
        assertEquals(3, field.get("contours").get("end").asInt());
        assertEquals(0.5, field.get("contours").get("size").asDouble());
        assertEquals("[-3,-2,-1,0,1,2,3]", field.get("colorbar").get("tickvals").toString());
        assertEquals("[\"10<sup>\u22123</sup>\",\"10<sup>\u22122</sup>\",\"10<sup>\u22121</sup>\",\"1\",\"10\","
                + "\"10<sup>2</sup>\",\"10<sup>3</sup>\"]", field.get("colorbar").get("ticktext").toString());
        assertEquals("f (log scale)", field.get("colorbar").get("title").get("text").asText());
        assertEquals(Math.log10(0.5 * 4.5 * 4.5 + 50 * 2.5 * 2.5), field.get("z").get(0).get(0).asDouble(), 1e-4);
    }

    @Test
    void valuesWithinTwoDecadesOrBelowZeroStayOnALinearScale() {
        double[][] narrow = {{1, 2}, {50, 99}};
        double[][] negative = {{-1, 2}, {50, 1000}};
        double[] g = {0, 1};
        assertFalse(SurfacePlot.of("narrow", g, g, narrow).logScale());
        assertFalse(SurfacePlot.of("negative", g, g, negative).logScale());
        JsonNode field = SurfacePlot.of("narrow", g, g, narrow).figure().data().get(0);
        assertEquals(20, field.get("ncontours").asInt());
        assertFalse(field.get("colorbar").has("tickvals"));
        assertEquals(99.0, field.get("z").get(1).get(1).asDouble());
    }

    @Test
    void aLinearScaleAskedForIsKeptThroughTheOtherSettings() {
        double[][] decades = {{0, 2}, {50, 1000}};
        double[] g = {0, 1};
        assertTrue(SurfacePlot.of("hinge", g, g, decades).logScale());
        SurfacePlot linear = SurfacePlot.of("hinge", g, g, decades).scale(SurfacePlot.Scale.LINEAR)
                .labels("a", "b").valueLabel("SVM loss").style(SurfacePlot.Style.HEATMAP);
        assertFalse(linear.logScale());
        assertEquals("SVM loss", linear.figure().data().get(0).get("colorbar").get("title").get("text").asText());
    }

    @Test
    void pathsAreMarkedWithAStartCircleAnEndStarDotsEveryFewStepsAndTheMinimumAnX() {
        double[] xs = new double[101];
        double[] ys = new double[101];
        for (int k = 0; k <= 100; k++) {
            xs[k] = -4 + 0.04 * k;
            ys[k] = 2 - 0.02 * k;
        }
        ArrayNode data = SurfacePlot.of(Quadratic.ravine(10, 0), GRID, GRID)
                .path(new Trajectory("SGD", xs, ys)).figure().data();
        JsonNode dots = tracesNamed(data, "SGD, every 7 steps").get(0);
        assertEquals(15, dots.get("x").size(), "steps 0, 7, ..., 98: ceil(100 / 15) = 7");
        assertEquals(5, dots.get("marker").get("size").asInt());
        JsonNode star = tracesNamed(data, "SGD at step 100").get(0);
        assertEquals("star", star.get("marker").get("symbol").asText());
        assertEquals(0.0, star.get("x").get(0).asDouble(), 1e-9);
        JsonNode start = tracesNamed(data, "start").get(0);
        assertEquals("circle-open", start.get("marker").get("symbol").asText());
        assertEquals(-4.0, start.get("x").get(0).asDouble());
        JsonNode min = tracesNamed(data, "minimum").get(0);
        assertEquals("x-thin-open", min.get("marker").get("symbol").asText());
        assertEquals("[0.0]", min.get("x").toString());
        assertEquals("lines", tracesNamed(data, "SGD").get(0).get("mode").asText(), "the path itself is a line");
    }

    @Test
    void everyLowestMinimumIsMarkedWhenSeveralTie() {
        ArrayNode data = SurfacePlot.of(new SixHumpCamel(), Grids.linspace(-2, 2, 21), Grids.linspace(-1.1, 1.1, 11))
                .figure().data();
        JsonNode minima = tracesNamed(data, "minima").get(0);
        assertEquals(2, minima.get("x").size(), "the camel's two global minima, f = -1.0316");
        assertEquals(-minima.get("x").get(0).asDouble(), minima.get("x").get(1).asDouble(), 1e-12);
    }

    @Test
    void longPathsAreThinnedButKeepTheirLastPoint() {
        double[] xs = new double[2001];
        double[] ys = new double[2001];
        xs[2000] = 1;
        ys[2000] = 1;
        JsonNode line = SurfacePlot.of("a bowl", GRID, GRID, new double[41][41])
                .path(new Trajectory("Adam", xs, ys)).figure().data().get(1);
        assertEquals(287, line.get("x").size(), "steps 0, 7, ..., 1995 (stride ceil(2000 / 300) = 7) and 2000");
        assertEquals(1.0, line.get("x").get(286).asDouble());
    }

    @Test
    void titlesAreWordsNotToString() {
        assertEquals("ravine, \u03bb = 1 and 100, turned 45\u00b0", Quadratic.ravine(100, Math.PI / 4).title());
        assertEquals("ravine, \u03bb = 1 and 100", Quadratic.ravine(100, 0).title());
        assertEquals("saddle, \u03bb = 2 and \u22122", Quadratic.saddle().title());
        assertEquals("bowl, \u03bb = 0.5 and 2, centred at (1, \u22121)", new Quadratic(0.5, 2, 0, 1, -1).title());
        assertEquals("Rosenbrock's banana, a = 1, b = 100", Rosenbrock.classic().title());
        String race = SurfacePlot.race(smallRace(), GRID, GRID).figure().layout().get("title").get("text").asText();
        assertEquals("ravine, \u03bb = 1 and 100, turned 45\u00b0: 2 optimizers, 30 steps", race);
        SurfaceGrid grid = Quadratic.ravine(100, Math.PI / 4).sample(GRID, GRID);
        String fromName = ((PlotlyFigure) Plots.contour(grid, List.of())).layout().get("title").get("text").asText();
        assertEquals("Quadratic (lambda1 = 1, lambda2 = 100, angle = 0.7853981633974483, center = (0, 0))", fromName);
        for (String t : List.of(race, fromName)) {
            assertFalse(TO_STRING.matcher(t).find(), t);
        }
    }

    @Test
    void theLegendSitsAtTheTopRightAndTheColourBarAtTheBottomRightSoTheyCannotMeet() {
        PlotlyFigure f = SurfacePlot.race(smallRace(), GRID, GRID).figure();
        JsonNode legend = f.layout().get("legend");
        JsonNode bar = f.data().get(0).get("colorbar");
        assertEquals("top", legend.get("yanchor").asText());
        assertEquals(1.0, legend.get("y").asDouble());
        assertEquals("bottom", bar.get("yanchor").asText());
        assertEquals(0.0, bar.get("y").asDouble());
        assertTrue(bar.get("len").asDouble() < 0.5, "the bar fills the lower half at most");
        assertTrue(f.layout().get("width").asInt() <= 800, "fits an 800-pixel output area");
    }

    @Test
    void theScriptDrawsTheWholeFigureWithItsFramesAndNoNetwork() {
        PlotlyFigure f = SurfacePlot.race(smallRace(), GRID, GRID).figure();
        String html = Plots.html(f);
        assertTrue(html.contains("Plotly.newPlot(document.getElementById(\"descent_"), html.substring(0, 600));
        assertTrue(html.contains("\"frames\":[{\"name\":\"step 0\""));
        assertFalse(html.contains("http"), "no network address in the output");
        assertEquals("PlotlyFigure[9 traces, 31 frames]", f.toString(), "field, 2 x (line, dots, star), start, minimum");
    }

    @Test
    void aSurfaceWithEqualAxesIsAsTallAsItsAspectNeeds() {
        double[] wide = Grids.linspace(-2, 2, 21);
        double[] low = Grids.linspace(-1.1, 1.1, 11);
        SurfacePlot camel = SurfacePlot.of(new SixHumpCamel(), wide, low);
        assertEquals(60 + 275 + 60, camel.figure().layout().get("height").asInt(), "(780 - 280) * 2.2 / 4 = 275");
        assertEquals(60 + 275 + 150, camel.animate(10).path(new Trajectory("SGD", new double[2], new double[2]))
                .figure().layout().get("height").asInt(), "room below for the buttons and slider");
        assertEquals(60 + 480 + 60, SurfacePlot.of(Quadratic.ravine(10, 0), GRID, GRID).figure().layout()
                .get("height").asInt(), "a square plot is capped at 480 pixels");
        assertEquals(300, camel.size(700, 300).figure().layout().get("height").asInt(), "size() wins");
        assertEquals(SurfacePlot.DEFAULT_HEIGHT, SurfacePlot.of("a bowl", GRID, GRID, new double[41][41]).figure()
                .layout().get("height").asInt());
    }

    @Test
    void animateChecksItsFrameCount() {
        SurfacePlot p = SurfacePlot.of("a bowl", GRID, GRID, new double[41][41]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.animate(1));
        assertEquals("frameCount must be in [2.0, 200.0] but was: 1.0", e.getMessage());
    }
}
