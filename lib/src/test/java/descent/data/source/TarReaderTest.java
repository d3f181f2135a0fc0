package descent.data.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TarReaderTest {
    private static final long SEED = 42L;


    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(SEED + n).nextBytes(b);
        return b;
    }

    @Test
    void readsNamesSizesAndContentsOfEveryEntry() throws IOException {
        byte[] big = randomBytes(1300);
        byte[] exact = randomBytes(512);
        byte[] tar = new TarBuilder()
                .entry("package/", '5', new byte[0])
                .entry("package/big.bin", '0', big)
                .entry("package/exact.bin", '0', exact)
                .entry("package/empty.txt", '0', new byte[0])
                .finish();
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        TarReader.Entry d = r.next();
        assertEquals(new TarReader.Entry("package/", 0, '5'), d);
        TarReader.Entry e1 = r.next();
        assertEquals(new TarReader.Entry("package/big.bin", 1300, '0'), e1);
        assertTrue(e1.isFile());
        assertArrayEquals(big, r.content().readAllBytes());
        assertEquals(new TarReader.Entry("package/exact.bin", 512, '0'), r.next());
        assertArrayEquals(exact, r.content().readAllBytes());
        assertEquals(new TarReader.Entry("package/empty.txt", 0, '0'), r.next());
        assertEquals(-1, r.content().read());
        assertNull(r.next());
        assertNull(r.next());
    }

    @Test
    void skipsWhatIsLeftOfAnEntryThatWasReadOnlyInPart() throws IOException {
        byte[] first = randomBytes(2000);
        byte[] second = randomBytes(700);
        byte[] tar = new TarBuilder().entry("a", '0', first).entry("b", '0', second).finish();
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        r.next();
        assertArrayEquals(Arrays.copyOf(first, 10), r.content().readNBytes(10));
        assertEquals("b", r.next().name());
        assertArrayEquals(second, r.content().readAllBytes());
    }

    @Test
    void usesGnuLongNamesAndPaxPaths() throws IOException {
        String longName = "package/" + "x".repeat(120) + ".png";
        String paxName = "package/" + "y".repeat(110) + ".json";
        String record = " path=" + paxName + "\n";
        String pax = (record.length() + 3) + record; // "LEN path=...\n", LEN counts itself (3 digits)
        byte[] tar = new TarBuilder()
                .entry("././@LongLink", 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8))
                .entry(longName.substring(0, 100), '0', randomBytes(3))
                .entry("PaxHeaders/y", 'x', pax.getBytes(StandardCharsets.UTF_8))
                .entry("truncated-y", '0', randomBytes(4))
                .finish();
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        assertEquals(new TarReader.Entry(longName, 3, '0'), r.next());
        assertEquals(new TarReader.Entry(paxName, 4, '0'), r.next());
        assertNull(r.next());
    }

    @Test
    void aDamagedHeaderIsRejected() {
        byte[] tar = new TarBuilder().entry("a", '0', randomBytes(10)).finish();
        tar[3] = 'z';
        IOException e = assertThrows(IOException.class, () -> new TarReader(new ByteArrayInputStream(tar)).next());
        assertTrue(e.getMessage().startsWith("tar header is damaged: checksum "), e.getMessage());
    }

    @Test
    void anArchiveCutInsideAnEntryIsReported() throws IOException {
        byte[] full = new TarBuilder().entry("a", '0', randomBytes(1000)).finish();
        byte[] cut = Arrays.copyOf(full, 512 + 600);
        TarReader r = new TarReader(new ByteArrayInputStream(cut));
        r.next();
        EOFException e = assertThrows(EOFException.class, () -> r.content().readAllBytes());
        assertEquals("tar archive ends inside an entry (400 bytes missing)", e.getMessage());
    }
}
