package descent.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private static final class Lines implements FetchProgress.Sink {
        final List<String> shown = new ArrayList<>();
        final boolean inPlace;
        long nanos;

        Lines(boolean inPlace) {
            this.inPlace = inPlace;
        }

        @Override
        public boolean inPlace() {
            return inPlace;
        }

        @Override
        public void show(String line) {
            shown.add(line);
        }
    }

    @Test
    void withoutATotalPlainLinesComeEveryFiveSeconds() {
        Lines lines = new Lines(false);
        FetchProgress p = FetchProgress.start("npm", lines, () -> lines.nanos);
        for (int s = 1; s <= 11; s++) {
            lines.nanos = s * SECOND;
            p.update(s * 2_000_000L, -1);
        }
        p.finish(true, null);
        assertEquals(List.of("npm: fetching…",
                "npm: 10.0 MB so far, 2.0 MB/s, 5 s",
                "npm: 20.0 MB so far, 2.0 MB/s, 10 s",
                "npm: done, 22.0 MB, 11 s"), lines.shown);
    }

    @Test
    void aDisplayUpdatedInPlaceIsRedrawnOnceASecond() {
        Lines lines = new Lines(true);
        FetchProgress p = FetchProgress.start("tarball", lines, () -> lines.nanos);
        for (int k = 1; k <= 6; k++) {
            lines.nanos = k * SECOND / 2;
            p.update(k * 1_000_000L, 170_052_171L);
        }
        assertEquals(List.of("tarball: fetching…",
                "tarball: 2.0 MB of 170.1 MB (1%), 2.0 MB/s, 1 s",
                "tarball: 4.0 MB of 170.1 MB (2%), 2.0 MB/s, 2 s",
                "tarball: 6.0 MB of 170.1 MB (3%), 2.0 MB/s, 3 s"), lines.shown);
    }

    @Test
    void aStageNoteIsShownAtOnceAndTheFinalStateOnlyOnce() {
        Lines lines = new Lines(false);
        FetchProgress p = FetchProgress.start("npm", lines, () -> lines.nanos);
        p.note("converting the PNG sheets");
        p.finish(false, "IOException: connection reset");
        p.finish(true, null);
        assertEquals(List.of("npm: fetching…", "npm: converting the PNG sheets",
                "npm: stopped after 0 s: IOException: connection reset"), lines.shown);
    }
}
