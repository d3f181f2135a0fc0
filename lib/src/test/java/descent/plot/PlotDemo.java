package descent.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tech.tablesaw.plotly.components.Figure;

/**
 * Writes every plot type into one stand-alone page, {@code <build dir>/plot-demo.html}, with
 * plotly.js embedded: open it in a browser with the network off to see the offline rendering.
 */
public final class PlotDemo {
    private PlotDemo() {
    }

    /** Builds the page's fragments: 7 plotly figures, then a CIFAR-style grid and a weight grid. */
    static List<String> fragments() {
        Random rnd = new Random(42);
        int steps = 200;
        double[] sgd = new double[steps];
        double[] adam = new double[steps];
        double[] acc = new double[steps];
        for (int t = 0; t < steps; t++) {
            sgd[t] = 2.3 * Math.exp(-t / 80.0) + 0.3 + 0.05 * rnd.nextDouble();
            adam[t] = 2.3 * Math.exp(-t / 25.0) + 0.25 + 0.05 * rnd.nextDouble();
            acc[t] = 0.1 + 0.3 * (1 - Math.exp(-t / 40.0));
        }
        Map<String, double[]> loss = new LinkedHashMap<>();
        loss.put("sgd", sgd);
        loss.put("adam", adam);

        double[] lrs = {1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1};
        double[] finalLoss = {2.2, 1.6, 0.9, 0.7, 1.4, 8.0};

        double[] a = new double[41];
        double[] slice = new double[41];
        for (int i = 0; i < a.length; i++) {
            a[i] = -1 + i * 0.05;
            slice[i] = Math.max(0, 1 + 2 * a[i]) + Math.max(0, 0.5 - a[i]) + 0.2 * a[i] * a[i];
        }

        Map<String, double[]> schedules = new LinkedHashMap<>();
        double[] constant = new double[100];
        double[] step = new double[100];
        double[] cosine = new double[100];
        for (int t = 0; t < 100; t++) {
            constant[t] = 0.1;
            step[t] = 0.1 * Math.pow(0.5, t / 30);
            cosine[t] = 0.001 + 0.5 * (0.1 - 0.001) * (1 + Math.cos(Math.PI * t / 100));
        }
        schedules.put("constant", constant);
        schedules.put("step decay", step);
        schedules.put("cosine", cosine);

        // toy surface f(x, y) = x^2 + 10 y^2, with gradient descent and momentum paths
        double[] xs = grid(-2, 2, 81);
        double[] ys = grid(-1, 1, 41);
        double[][] z = new double[ys.length][xs.length];
        for (int i = 0; i < ys.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                z[i][j] = xs[j] * xs[j] + 10 * ys[i] * ys[i];
            }
        }
        List<Trajectory> paths = List.of(descend("gd, lr 0.09", 0.09, 0.0), descend("momentum 0.9, lr 0.01", 0.01, 0.9));

        List<Figure> figures = List.of(
                Plots.curves("training loss", loss, false),
                Plots.curves("training loss (log)", loss, true),
                CurvePlot.titled("accuracy").series("train", acc).yLabel("accuracy").figure(),
                Plots.sweep(lrs, finalLoss),
                Plots.slice(a, slice),
                Plots.schedules(schedules, true),
                Plots.contour(xs, ys, z, paths),
                Plots.heatmap(xs, ys, z, paths));
        List<String> out = new ArrayList<>();
        for (Figure f : figures) {
            out.add(Plots.html(f));
        }

        String[] names = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
        List<BufferedImage> images = new ArrayList<>();
        double[][] weights = new double[10][Images.CIFAR_VALUES + 1];
        for (int k = 0; k < 10; k++) {
            double[] row = new double[Images.CIFAR_VALUES];
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    int p = r * 32 + c;
                    row[p] = 25.0 * k + 6 * c;                    // red grows to the right
                    row[1024 + p] = 8 * r;                         // green grows downwards
                    row[2048 + p] = 255 - 25.0 * k;                // blue fades with the class
                    weights[k][p] = Math.sin((r + k) / 5.0) + 0.1 * rnd.nextGaussian();
                    weights[k][1024 + p] = Math.cos((c - k) / 5.0);
                    weights[k][2048 + p] = (r - 16) * (c - 16) / 256.0;
                }
            }
            weights[k][Images.CIFAR_VALUES] = 100; // bias, dropped
            images.add(Images.fromRow(row, 32, 32, PixelLayout.CHANNELS_FIRST));
        }
        out.add(Plots.images(images, List.of(names)).title("images").html());
        out.add(Plots.weights(weights, List.of(names), PixelLayout.CHANNELS_FIRST).html());
        return out;
    }

    private static double[] grid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + (hi - lo) * i / (n - 1);
        }
        return g;
    }

    private static Trajectory descend(String name, double lr, double mu) {
        double x = -1.8;
        double y = 0.8;
        double vx = 0;
        double vy = 0;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {x, y});
        for (int t = 0; t < 30; t++) {
            vx = mu * vx - lr * 2 * x;
            vy = mu * vy - lr * 20 * y;
            x += vx;
            y += vy;
            points.add(new double[] {x, y});
        }
        return Trajectory.of(name, points);
    }

    /** Writes the page to {@code file}. */
    public static Path write(Path file) {
        try {
            java.nio.file.Files.writeString(file, PlotlyHtml.page("Descent plot demo", fragments().toArray(new String[0])));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes {@code plot-demo.html} into the directory given as the first argument (default "."). */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        System.out.println(write(dir.resolve("plot-demo.html")));
    }
}
