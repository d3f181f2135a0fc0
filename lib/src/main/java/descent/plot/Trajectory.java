package descent.plot;

import descent.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A named path of points in a plane, e.g. the iterates of an optimizer projected onto the two
 * directions of a loss plane: point k is {@code (xs[k], ys[k])}.
 *
 * <p>The arrays are copied on the way in; {@link #xs()} and {@link #ys()} return the trajectory's
 * own, as {@link descent.surface.SurfacePath}'s accessors do: read them, do not change them.
 *
 * @param name legend entry, not blank
 * @param xs   x coordinates, length K >= 1, finite
 * @param ys   y coordinates, length K, finite
 */
public record Trajectory(String name, double[] xs, double[] ys) {

    /** Checks the arguments and keeps copies of the arrays. */
    public Trajectory {
        Checks.notNull("name", name);
        Checks.require(!name.isBlank(), "name must not be blank but was: '" + name + "'");
        Checks.noneNull("xs, ys", xs, ys);
        Checks.require(xs.length == ys.length, "trajectory '" + name
                + "': xs and ys must have the same length but were: " + xs.length + " and " + ys.length);
        Checks.require(xs.length > 0, "trajectory '" + name + "' must have at least one point");
        Checks.allFinite("trajectory '" + name + "' xs", xs, xs.length);
        Checks.allFinite("trajectory '" + name + "' ys", ys, ys.length);
        xs = xs.clone();
        ys = ys.clone();
    }

    /**
     * A trajectory from a list of points, each {@code {x, y}}.
     *
     * @param points K >= 1 arrays of length 2
     */
    public static Trajectory of(String name, List<double[]> points) {
        Checks.notNull("points", points);
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int k = 0; k < xs.length; k++) {
            double[] p = Checks.notNull("points[" + k + "]", points.get(k));
            Checks.require(p.length == 2, "points[" + k + "] must have length 2 but had: " + p.length);
            xs[k] = p[0];
            ys[k] = p[1];
        }
        return new Trajectory(name, xs, ys);
    }

    /**
     * One trajectory per path, named by its key, in the map's order: the optimizers' paths of a
     * {@link descent.surface.SurfaceRace#paths()} for a contour plot.
     *
     * @param paths legend entry → path, not null (the paths' points must be finite)
     */
    public static List<Trajectory> of(Map<String, descent.surface.SurfacePath> paths) {
        Checks.notNull("paths", paths);
        List<Trajectory> out = new ArrayList<>(paths.size());
        paths.forEach((name, p) -> out.add(new Trajectory(name, Checks.notNull("paths[" + name + "]", p).xs(),
                p.ys())));
        return out;
    }

    /** Number of points K. */
    public int length() {
        return xs.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory t && name.equals(t.name)
                && Arrays.equals(xs, t.xs) && Arrays.equals(ys, t.ys);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(xs)) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "Trajectory[name=" + name + ", points=" + xs.length + "]";
    }
}
