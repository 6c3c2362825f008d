package org.adc.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mismatched dimensions fail with a message that names both sides and a hint that says what to do. */
class DimensionErrorTest {
    private static Quantity q(double v, String u) {
        return Quantity.of(v, u);
    }

    private static UnitException fails(org.junit.jupiter.api.function.Executable e) {
        UnitException x = assertThrows(UnitException.class, e);
        assertNotNull(x.hint(), x.getMessage());
        return x;
    }

    @Test
    void addingDifferentDimensions() {
        UnitException e = fails(() -> q(1, "eV").add(q(1, "K")));
        assertEquals("cannot add temperature (1 K) to energy (1 eV)", e.getMessage());
        UnitException s = fails(() -> q(50, "V").sub(q(1.5, "uA")));
        assertTrue(s.getMessage().startsWith("cannot subtract current"), s.getMessage());
    }

    @Test
    void molarAndPerParticleDoNotMixSilently() {
        UnitException e = fails(() -> q(0.903, "eV").add(q(6, "kJ/mol")));
        assertTrue(e.hint().contains("molar"), e.hint());
    }

    @Test
    void conversionHints() {
        assertTrue(fails(() -> q(1, "eV").to(Units.parse("K"))).hint().contains("kB"));
        assertTrue(fails(() -> q(1, "eV").to(Units.parse("Hz"))).hint().contains("Planck"));
        UnitException e = fails(() -> q(1, "m").to(Units.parse("s")));
        assertEquals("cannot convert length (m) to time (s)", e.getMessage());
    }

    @Test
    void comparisons() {
        UnitException e = fails(() -> q(1, "eV").compareTo(q(1, "V")));
        assertTrue(e.getMessage().contains("cannot compare energy"), e.getMessage());
    }

    @Test
    void siInChecksDimension() {
        assertEquals(6000 / 6.02214076e23, q(6, "kJ/mol").siIn(Dimension.ENERGY, "f"), 1e-30);
        UnitException e = fails(() -> q(1, "K").siIn(Dimension.ENERGY, "arrhenius"));
        assertTrue(e.getMessage().startsWith("arrhenius: energy expected, got temperature"), e.getMessage());
    }

    @Test
    void powers() {
        assertEquals("2 m", q(4, "m^2").pow(0.5).toString());
        assertEquals(Dimension.AREA, q(3, "m").pow(2).dimension());
        UnitException e = fails(() -> q(2, "m").pow(0.5));
        assertTrue(e.getMessage().contains("cannot raise length"), e.getMessage());
        assertEquals(Math.sqrt(2), q(2, "eV").div(q(1, "eV")).pow(0.5).si(), 1e-15);
    }

    @Test
    void unknownUnitsSuggest() {
        UnitException e = fails(() -> Units.parse("eVV"));
        assertEquals("unknown unit 'eVV'", e.getMessage());
        assertTrue(e.hint().contains("'eV'"), e.hint());
        fails(() -> Units.parse("J/(mol"));
        fails(() -> Units.parse("m^x"));
        fails(() -> Units.parse(""));
        fails(() -> Units.parse("eV)"));
        fails(() -> Units.parse("mmin"));   // min takes no prefix
    }

    @Test
    void caseMatters() {
        assertEquals(1e-3, Units.parse("mV").scale());
        assertEquals(1e6, Units.parse("MV").scale());
        assertEquals(Dimension.MAGNETIC_FLUX_DENSITY, Units.parse("mT").dimension());
        assertEquals(Dimension.TIME, Units.parse("ms").dimension());
    }

    @Test
    void hugeExponentsFailInsteadOfWrapping() {
        UnitException e = fails(() -> Units.parse("m^128"));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        fails(() -> Quantity.of(2, "m").pow(200));
        assertEquals(Dimension.of(127, 0, 0, 0, 0, 0, 0), Units.parse("m^127").dimension());
    }
}
