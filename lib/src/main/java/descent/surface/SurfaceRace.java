package descent.surface;

import descent.optim.Optimizer;
import descent.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A race of optimizers on a 2-D toy surface: each starts at the same point, takes the same number
 * of steps, and runs at the best of the same set of learning rates, so the race is between
 * methods and not between lucky guesses.
 *
 * <p>"Best" is the lowest final value among the rates whose path ran all its steps (a path that
 * stopped early, its point or value no longer finite, diverged and does not count; see
 * {@link SurfacePath#run}). A best rate at either end of the sweep means a better one may lie
 * beyond it: {@link Lane#rateInsideSweep()} says whether the sweep was wide enough.
 *
 * @param surface the surface raced on
 * @param x0      x of the common start
 * @param y0      y of the common start
 * @param steps   steps each optimizer took, &gt; 0
 * @param rates   the learning rates swept, ascending, each &gt; 0
 * @param lanes   one lane per optimizer, in the order given
 */
public record SurfaceRace(Surface surface, double x0, double y0, int steps, double[] rates, List<Lane> lanes) {

    /**
     * One optimizer's result in a race.
     *
     * @param name         the optimizer's name in the race, e.g. {@code "momentum 0.9"}
     * @param rateIndex    index into the race's rates of the best rate
     * @param learningRate the best rate, {@code rates[rateIndex]}
     * @param path         the path at that rate (steps + 1 points)
     * @param finalValues  the final value at each swept rate, NaN where the path diverged
     *                     (same length as the rates)
     */
    public record Lane(String name, int rateIndex, double learningRate, SurfacePath path, double[] finalValues) {

        /** The surface's value at the end of the best path. */
        public double finalValue() {
            return path.finalValue();
        }

        /** True if the best rate is neither the smallest nor the largest swept. */
        public boolean rateInsideSweep() {
            return rateIndex > 0 && rateIndex < finalValues.length - 1;
        }

        /** The legend entry: the name and its best rate, e.g. {@code "SGD (lr 0.019)"}. */
        public String label() {
            return name + " (lr " + learningRate + ")";
        }

    }

    /** Keeps copies of the arrays and an unmodifiable list of lanes. */
    public SurfaceRace {
        rates = rates.clone();
        lanes = List.copyOf(lanes);
    }

    /**
     * Runs every optimizer from {@code (x0, y0)} for {@code steps} steps at every rate (fresh state
     * for each run) and keeps, per optimizer, the path with the lowest final value.
     *
     * @param surface    the surface
     * @param optimizers name → optimizer, at least one (their own state is not touched)
     * @param rates      learning rates to sweep, at least one, each finite and &gt; 0, ascending
     * @param x0         x of the start, finite
     * @param y0         y of the start, finite
     * @param steps      steps per run, &gt; 0
     * @throws IllegalArgumentException if an argument breaks these rules, or if every rate
     *                                  diverged for some optimizer (the message names it)
     */
    public static SurfaceRace run(Surface surface, Map<String, ? extends Optimizer> optimizers, double[] rates,
                                  double x0, double y0, int steps) {
        Checks.noneNull("surface, optimizers", surface, optimizers);
        Checks.require(!optimizers.isEmpty(), "optimizers must not be empty");
        Checks.notNull("rates", rates);
        Checks.require(rates.length > 0, "rates must not be empty");
        for (int i = 0; i < rates.length; i++) {
            Checks.positive("rates[" + i + "]", rates[i]);
            if (i > 0) {
                Checks.require(rates[i] > rates[i - 1], "rates must be ascending but rates[" + i + "] = "
                        + rates[i] + " follows " + rates[i - 1]);
            }
        }
        Checks.finite("x0", x0);
        Checks.finite("y0", y0);
        Checks.positive("steps", steps);
        List<Lane> lanes = new ArrayList<>();
        for (Map.Entry<String, ? extends Optimizer> e : optimizers.entrySet()) {
            String name = Checks.notNull("optimizer name", e.getKey());
            Optimizer optimizer = Checks.notNull("optimizers[" + name + "]", e.getValue());
            double[] finals = new double[rates.length];
            SurfacePath best = null;
            int bestIndex = -1;
            for (int i = 0; i < rates.length; i++) {
                SurfacePath path = SurfacePath.run(surface, optimizer, x0, y0, rates[i], steps);
                boolean ran = path.size() == steps + 1;
                finals[i] = ran ? path.finalValue() : Double.NaN;
                if (ran && (best == null || path.finalValue() < best.finalValue())) {
                    best = path;
                    bestIndex = i;
                }
            }
            Checks.require(best != null, name + " diverged at every rate from " + rates[0] + " to "
                    + rates[rates.length - 1] + ": add smaller rates");
            lanes.add(new Lane(name, bestIndex, rates[bestIndex], best, finals));
        }
        return new SurfaceRace(surface, x0, y0, steps, rates, lanes);
    }

    /**
     * The lane of the optimizer with this name.
     *
     * @throws IllegalArgumentException if no lane has that name (the message lists the names)
     */
    public Lane lane(String name) {
        for (Lane l : lanes) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        List<String> names = lanes.stream().map(Lane::name).toList();
        throw new IllegalArgumentException("no optimizer named '" + name + "' in this race; the names are " + names);
    }

    /** Each lane's best path, keyed by its {@link Lane#label()}, in race order. */
    public Map<String, SurfacePath> paths() {
        Map<String, SurfacePath> out = new LinkedHashMap<>();
        lanes.forEach(l -> out.put(l.label(), l.path()));
        return out;
    }

    /** Each lane's value after each step (steps + 1 values), keyed by its label, in race order. */
    public Map<String, double[]> values() {
        Map<String, double[]> out = new LinkedHashMap<>();
        lanes.forEach(l -> out.put(l.label(), l.path().values()));
        return out;
    }

    /** One line per lane: {@code "SGD            best rate 0.019  -> f after 100 steps = 1.725e-01"}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Lane l : lanes) {
            sb.append(String.format(Locale.ROOT, "%-14s best rate %-6s -> f after %d steps = %.3e%n", l.name(),
                    l.learningRate(), steps, l.finalValue()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "SurfaceRace[" + surface.name() + ", start (" + x0 + ", " + y0 + "), " + steps + " steps, rates "
                + Arrays.toString(rates) + ", " + lanes.size() + " optimizers]";
    }
}
