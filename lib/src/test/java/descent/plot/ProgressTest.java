package descent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final long MS = 1_000_000L;
    private long now;
    private final List<Progress.Snapshot> drawn = new ArrayList<>();

    private Progress progress(int total) {
        return new Progress("search", total, drawn::add, () -> now, Progress.DEFAULT_INTERVAL_MILLIS * MS);
    }

    @AfterEach
    void detectAgain() {
        Display.useBridge(null);
    }

    @Test
    void redrawsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        try (Progress p = progress(1000)) {
            for (int i = 1; i <= 1000; i++) {
                now = i * MS; // one step per millisecond: due at 200, 400, 600, 800, 1000 ms
                p.update(i, 1.0 / i);
            }
            assertEquals(1 + 5, p.renders());
        }
        assertEquals(7, drawn.size());
        Progress.Snapshot last = drawn.get(6);
        assertTrue(last.finished());
        assertEquals(1000, last.done());
        assertEquals(0.001, last.lastLoss());
        assertEquals(0.001, last.bestLoss());
        assertEquals(1.0, last.elapsedSeconds());
        assertEquals(200, drawn.get(1).done());
    }

    @Test
    void closeIsIdempotent() {
        Progress p = progress(10);
        p.close();
        p.close();
        assertEquals(2, drawn.size());
    }

    @Test
    void theLiveCurveIsThinnedToEverySecondValueWhenFull() {
        try (Progress p = progress(2 * Progress.CURVE_POINTS)) {
            for (int i = 0; i < 2 * Progress.CURVE_POINTS; i++) {
                p.update(i + 1, i);
            }
        }
        double[] curve = drawn.get(drawn.size() - 1).curve();
        assertEquals(Progress.CURVE_POINTS, curve.length);
        for (int k = 0; k < curve.length; k++) {
            assertEquals(2.0 * k, curve[k], "point " + k);
        }
    }

    @Test
    void aDivergingLossIsShownNotRejected() {
        try (Progress p = progress(3)) {
            p.update(1, 2.0);
            p.update(2, Double.NaN);
            p.update(3, Double.POSITIVE_INFINITY);
        }
        Progress.Snapshot last = drawn.get(drawn.size() - 1);
        assertEquals(Double.POSITIVE_INFINITY, last.lastLoss());
        assertEquals(2.0, last.bestLoss());
    }

    @Test
    void textLineShowsBarCountsLossesAndTime() {
        Progress.Snapshot s = new Progress.Snapshot("rs", 450, 1000, 0.1234, 0.1, 1.5, new double[] {1, 0.5}, false);
        assertEquals("rs  [#########...........]  45% 450/1000  loss 0.1234  best 0.1000  1.5 s", Progress.text(s));
    }

    @Test
    void terminalRewritesOneLineAndEndsItWhenFinished() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress.TerminalSink sink = new Progress.TerminalSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.render(new Progress.Snapshot("a", 1, 2, Double.NaN, Double.NaN, 0, new double[0], false));
        sink.render(new Progress.Snapshot("a", 2, 2, Double.NaN, Double.NaN, 0, new double[0], true));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\ra  [##########..........]  50% 1/2  0.0 s\ra  [####################] 100% 2/2  0.0 s  done\n", out);
    }

    @Test
    void inANotebookProgressUpdatesOneDisplay() {
        RecordingBridge kernel = new RecordingBridge();
        Display.useBridge(kernel);
        try (Progress p = new Progress("s", 4, new Progress.NotebookSink(), () -> now, 0)) {
            for (int i = 1; i <= 4; i++) {
                now = i;
                p.update(i, 5 - i);
            }
        }
        assertEquals(1, kernel.displayed.size());
        assertEquals(5, kernel.updates.size());
        assertTrue(kernel.updates.stream().allMatch(u -> u.startsWith("id-1:")));
        assertTrue(kernel.updates.get(4).contains("<polyline"), kernel.updates.get(4));
    }

    @Test
    void sparklineScalesMinToBottomAndMaxToTop() {
        // 3 points in a 12 x 12 box: x = 1, 6, 11; y = 11 - (v - 0) / 2 * 10
        assertEquals("<svg width=\"12\" height=\"12\" style=\"display:block;margin-top:4px\"><polyline fill=\"none\""
                + " stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"1.0,11.0 6.0,6.0 11.0,1.0\"/></svg>",
                Progress.sparkline(new double[] {0, 1, 2}, 12, 12));
        assertEquals("", Progress.sparkline(new double[] {1}, 12, 12));
    }
}
