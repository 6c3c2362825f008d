package org.adc.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** SI Brochure 2.3.4: a Celsius temperature is absolute; differences are in K. */
class AffineTemperatureTest {
    private static Quantity q(double v, String u) {
        return Quantity.of(v, u);
    }

    @Test
    void absolutePlusAbsoluteIsAnError() {
        UnitException e = assertThrows(UnitException.class, () -> q(450, "degC").add(q(20, "degC")));
        assertTrue(e.getMessage().contains("cannot add two absolute temperatures"), e.getMessage());
        assertTrue(e.hint().contains("K"), e.hint());
        assertThrows(UnitException.class, () -> q(100, "degF").add(q(20, "degC")));
    }

    @Test
    void absoluteMinusAbsoluteIsADifferenceInKelvin() {
        Quantity d = q(460, "degC").sub(q(450, "degC"));
        assertFalse(d.isAbsoluteTemperature());
        assertEquals("K", d.unit().symbol());
        assertEquals(10.0, d.si(), 1e-9);
        Quantity d2 = q(300, "K").sub(q(20, "degC"));
        assertEquals(6.85, d2.si(), 1e-9);
        assertFalse(d2.isAbsoluteTemperature());
    }

    @Test
    void absolutePlusKelvinIsAbsolute() {
        Quantity t = q(450, "degC").add(q(10, "K"));
        assertTrue(t.isAbsoluteTemperature());
        assertEquals("460 degC", t.toString());
        Quantity t2 = q(10, "K").add(q(450, "degC"));
        assertTrue(t2.isAbsoluteTemperature());
        assertEquals("460 degC", t2.toString());
        Quantity t3 = q(450, "degC").sub(q(10, "K"));
        assertTrue(t3.isAbsoluteTemperature());
        assertEquals("440 degC", t3.toString());
    }

    @Test
    void kelvinIsNeutral() {
        assertEquals(q(310, "K"), q(300, "K").add(q(10, "K")));
        assertFalse(q(300, "K").add(q(10, "K")).isAbsoluteTemperature());
    }

    @Test
    void productsUseKelvin() {
        Quantity kT = q(8.617333262e-5, "eV/K").mul(q(450, "degC"));
        assertEquals(Dimension.ENERGY, kT.dimension());
        assertEquals("eV", kT.unit().symbol());
        assertEquals(8.617333262e-5 * 723.15, kT.value(), 1e-15);
        Quantity twice = q(450, "degC").scale(2);
        assertEquals(1446.3, twice.si(), 1e-9);
        assertEquals("K", twice.unit().symbol());
        Quantity inv = q(450, "degC").reciprocal();
        assertEquals(1 / 723.15, inv.si(), 1e-15);
    }

    @Test
    void asDifferenceReadsTheNumberAsKelvin() {
        assertEquals(10.0, q(10, "degC").asDifference().si(), 1e-12);
        assertEquals("10 K", q(10, "degC").asDifference().toString());
        assertEquals(5.0 / 9.0, q(1, "degF").asDifference().si(), 1e-12);
    }

    @Test
    void comparisonsAcrossScales() {
        assertTrue(q(450, "degC").compareTo(q(700, "K")) > 0);
        assertTrue(q(0, "degC").compareTo(q(32, "degF")) == 0 || Math.abs(q(0, "degC").si() - q(32, "degF").si()) < 1e-9);
        assertEquals(0.0, q(-273.15, "degC").si(), 1e-12);
    }
}
