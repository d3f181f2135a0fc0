package descent.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimedTest {

    @Test
    void bestOfRunsTheWorkExactlyRunsTimesAndKeepsTheLastValue() {
        AtomicInteger calls = new AtomicInteger();
        Timed<Integer> t = Timed.bestOf(5, calls::incrementAndGet);
        assertEquals(5, calls.get());
        assertEquals(5, t.value());
    }

    @Test
    void timesSlowerThanIsTheRatioOfTheTwoTimes() {
        assertEquals(4.0, new Timed<>("a", 10.0).timesSlowerThan(new Timed<>("b", 2.5)), 0);
    }

    @Test
    void toStringGivesTheValueAndMillisecondsWithTwoDecimals() {
        assertEquals("2.5 in 12.35 ms", new Timed<>(2.5, 12.3456).toString());
    }

    @Test
    void zeroRunsANullWorkAndANegativeTimeAreRefusedByName() {
        assertEquals("runs must be > 0 but was: 0",
                assertThrows(IllegalArgumentException.class, () -> Timed.bestOf(0, () -> 1)).getMessage());
        assertEquals("work must not be null",
                assertThrows(IllegalArgumentException.class, () -> Timed.bestOf(1, null)).getMessage());
        assertEquals("millis must be >= 0 but was: -1.0",
                assertThrows(IllegalArgumentException.class, () -> new Timed<>(1, -1)).getMessage());
    }
}
