package descent.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptedTest {

    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    @Test
    void messageSaysWhatStoppedWhereAndWhatWasKept() {
        Interrupted e = Interrupted.at("training", "step", 3, 10, "the history so far is in partial()", null);
        assertEquals("training interrupted at step 3 of 10; the history so far is in partial()", e.getMessage());
        assertEquals("training", e.what());
        assertEquals(3, e.done());
        assertEquals(10, e.total());
        Object nothing = e.partial();
        assertNull(nothing);
    }

    @Test
    void partialReturnsWhatWasKeptAsTheCallerTypesIt() {
        List<Double> kept = List.of(2.3, 2.1);
        Interrupted e = Interrupted.at("search", "try", 2, 100, "the best so far is kept", kept);
        List<Double> back = e.partial();
        assertSame(kept, back);
        assertThrows(ClassCastException.class, () -> {
            String wrong = e.partial();
            wrong.length();
        });
    }

    @Test
    void requestedReadsTheInterruptFlagWithoutClearingIt() {
        assertFalse(Interrupted.requested());
        Thread.currentThread().interrupt();
        assertTrue(Interrupted.requested());
        assertTrue(Interrupted.requested());
        assertTrue(Thread.interrupted());
        assertFalse(Interrupted.requested());
    }
}
