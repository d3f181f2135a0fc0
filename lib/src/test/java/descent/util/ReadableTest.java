package descent.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadableTest {

    @Test
    void numbersKeepFourSignificantDigitsWithoutTrailingZeros() {
        assertEquals("2.35", Readable.number(2.3500482773));
        assertEquals("21740", Readable.number(21735.4));
        assertEquals("0.001235", Readable.number(0.0012345678));
        assertEquals("-3", Readable.number(-3.0));
        assertEquals("0", Readable.number(0.0));
        assertEquals("2.4", Readable.number(2.35, 2));
    }

    @Test
    void tinyAndHugeNumbersUseENotation() {
        assertEquals("1.235e-05", Readable.number(1.23456e-5));
        assertEquals("1e-72", Readable.number(1e-72));
        assertEquals("3e+12", Readable.number(3e12));
        assertEquals("1e+06", Readable.number(999_999.9));
    }

    @Test
    void nonFiniteNumbersAreNamed() {
        assertEquals("NaN", Readable.number(Double.NaN));
        assertEquals("∞", Readable.number(Double.POSITIVE_INFINITY));
        assertEquals("-∞", Readable.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void powersOfTenAreWrittenWithSuperscripts() {
        assertEquals("10⁻⁷²", Readable.power(1e-72));
        assertEquals("1.235×10⁻⁵", Readable.power(1.23456e-5));
        assertEquals("10¹²", Readable.power(1e12));
        assertEquals("-10⁶", Readable.power(-1e6));
        assertEquals("0.01", Readable.power(0.01));
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertEquals("30,731", Readable.count(30731));
    }
}
