package descent.surface;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import descent.optim.Momentum;
import descent.optim.Optimizer;
import descent.optim.Sgd;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SurfaceRaceTest {
    private static final double TOLERANCE = 1e-12;
    // f = (x² + 4y²)/2 from (2, 1): an SGD step multiplies x by (1 − lr) and y by (1 − 4·lr).
    private static final Surface BOWL = Quadratic.bowl(1, 4);

    private static double sgdAfter10(double lr) {
        double x = 2 * Math.pow(1 - lr, 10);
        double y = Math.pow(1 - 4 * lr, 10);
        return 0.5 * (x * x + 4 * y * y);
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void eachOptimizerKeepsTheRateWithTheLowestFinalValue() {
        double[] rates = {0.1, 0.25, 0.3, 0.6};
        SurfaceRace race = SurfaceRace.run(BOWL, Map.of("SGD", new Sgd()), rates, 2, 1, 10);
        SurfaceRace.Lane sgd = race.lane("SGD");
        // closed form: 0.243, 0.00634, 0.00160, 1670 (y grows by 1.4 a step at 0.6)
        assertArrayEquals(new double[] {sgdAfter10(0.1), sgdAfter10(0.25), sgdAfter10(0.3), sgdAfter10(0.6)},
                sgd.finalValues(), 1e-9);
        assertEquals(2, sgd.rateIndex());
        assertEquals(0.3, sgd.learningRate());
        assertEquals(sgdAfter10(0.3), sgd.finalValue(), TOLERANCE);
        assertEquals(11, sgd.path().size());
        assertTrue(sgd.rateInsideSweep());
    }

    @Test
    void aBestRateAtTheEndOfTheSweepIsNotInside() {
        SurfaceRace race = SurfaceRace.run(BOWL, Map.of("SGD", new Sgd()), new double[] {0.1, 0.2}, 2, 1, 10);
        assertEquals(1, race.lane("SGD").rateIndex());
        assertFalse(race.lane("SGD").rateInsideSweep());
        SurfaceRace low = SurfaceRace.run(BOWL, Map.of("SGD", new Sgd()), new double[] {0.3, 0.6}, 2, 1, 10);
        assertEquals(0, low.lane("SGD").rateIndex());
        assertFalse(low.lane("SGD").rateInsideSweep());
    }

    @Test
    void aDivergedRateDoesNotCountAndShowsAsNaN() {
        // at lr 10 the y factor is −39: the value overflows long before 2,000 steps
        SurfaceRace race = SurfaceRace.run(BOWL, Map.of("SGD", new Sgd()), new double[] {0.1, 10}, 2, 1, 2000);
        SurfaceRace.Lane sgd = race.lane("SGD");
        assertEquals(0, sgd.rateIndex());
        assertTrue(Double.isNaN(sgd.finalValues()[1]));
        assertEquals(2001, sgd.path().size());
    }

    @Test
    void lanesKeepTheOrderGivenAndArePlottableByLabel() {
        Map<String, Optimizer> optimizers = new LinkedHashMap<>();
        optimizers.put("SGD", new Sgd());
        optimizers.put("momentum 0.9", new Momentum(0.9));
        SurfaceRace race = SurfaceRace.run(BOWL, optimizers, new double[] {0.1, 0.25, 0.3, 0.6}, 2, 1, 10);
        assertEquals(List.of("SGD", "momentum 0.9"), race.lanes().stream().map(SurfaceRace.Lane::name).toList());
        String sgdLabel = "SGD (lr 0.3)";
        assertEquals(sgdLabel, race.lane("SGD").label());
        assertEquals(List.of(sgdLabel, race.lane("momentum 0.9").label()), List.copyOf(race.paths().keySet()));
        assertArrayEquals(race.lane("SGD").path().values(), race.values().get(sgdLabel));
        String first = race.summary().lines().findFirst().orElseThrow();
        assertEquals(String.format("SGD            best rate 0.3    -> f after 10 steps = %.3e", sgdAfter10(0.3)),
                first);
    }

    @Test
    void theOptimizersGivenAreNotStepped() {
        Sgd sgd = new Sgd();
        SurfaceRace.run(BOWL, Map.of("SGD", sgd), new double[] {0.1}, 2, 1, 10);
        assertEquals(0, sgd.steps());
    }

    @Test
    void badArgumentsAreNamed() {
        Map<String, Sgd> one = Map.of("SGD", new Sgd());
        assertMessage("SGD diverged at every rate from 10.0 to 20.0: add smaller rates",
                () -> SurfaceRace.run(BOWL, one, new double[] {10, 20}, 2, 1, 2000));
        assertMessage("rates must be ascending but rates[1] = 0.1 follows 0.2",
                () -> SurfaceRace.run(BOWL, one, new double[] {0.2, 0.1}, 2, 1, 10));
        assertMessage("rates[1] must be > 0 but was: NaN",
                () -> SurfaceRace.run(BOWL, one, new double[] {0.1, Double.NaN}, 2, 1, 10));
        assertMessage("rates must not be empty", () -> SurfaceRace.run(BOWL, one, new double[0], 2, 1, 10));
        assertMessage("optimizers must not be empty",
                () -> SurfaceRace.run(BOWL, Map.of(), new double[] {0.1}, 2, 1, 10));
        SurfaceRace race = SurfaceRace.run(BOWL, one, new double[] {0.1}, 2, 1, 10);
        assertMessage("no optimizer named 'Adam' in this race; the names are [SGD]", () -> race.lane("Adam"));
    }
}
