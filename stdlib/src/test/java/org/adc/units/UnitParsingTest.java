package org.adc.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitParsingTest {
    @Test
    void compoundUnits() {
        Unit r = Units.parse("J/(mol*K)");
        assertEquals("J/(mol·K)", r.symbol());
        assertEquals(Dimension.of(2, 1, -2, 0, -1, -1, 0), r.dimension());
        assertEquals(r, Units.parse("J/(mol·K)"));
        assertEquals(r, Units.parse("J / mol / K"));
        assertEquals("m^2", Units.parse("m²").symbol());
        assertEquals("1/cm", Units.parse("cm^-1").symbol());
        assertEquals(Dimension.DIFFUSIVITY, Units.parse("cm^2/s").dimension());
        assertEquals(1e-4, Units.parse("cm^2/s").scale(), 1e-20);
        assertEquals(Units.parse("m^2"), Units.parse("m**2"));
        assertEquals(Dimension.ENERGY, Units.parse("kg*m^2/s^2").dimension());
        assertEquals(Dimension.NONE, Units.parse("1").dimension());
        assertEquals("1/mol", Units.parse("1/mol").symbol());
    }

    @Test
    void prefixes() {
        assertEquals(1e-3, Units.parse("meV").scale() / Units.parse("eV").scale(), 1e-15);
        assertEquals(1.0, Units.parse("kg").scale());
        assertEquals(1e-9, Units.parse("nm").scale(), 1e-24);
        assertEquals(1e-12, Units.parse("ps").scale(), 1e-27);
        assertEquals(10.0, Units.parse("dam").scale(), 1e-12);
        assertEquals(1e12, Units.parse("THz").scale());
        assertEquals(1e-3, Units.parse("mTorr").scale() / Units.parse("Torr").scale(), 1e-15);
        assertTrue(Units.isUnit("GPa"));
        assertFalse(Units.isUnit("kh"));   // hours take no prefix
        assertNull(Units.lookup("Xyz"));
    }

    @Test
    void sameDimensionAtomsMerge() {
        Quantity ratio = Quantity.of(1, "h").div(Quantity.of(1, "min"));
        assertTrue(ratio.unit().isOne());
        assertEquals(60.0, ratio.si(), 1e-12);
        Quantity x = Quantity.of(2, "eV").div(Quantity.of(1, "meV"));
        assertEquals(2000.0, x.si(), 1e-9);
        assertEquals("2000", x.toString());
    }

    @Test
    void namedSiUnitForLongProducts() {
        Quantity p = Quantity.of(2, "V").mul(Quantity.of(3, "A")).mul(Quantity.of(4, "s")).mul(Quantity.of(1, "mol")).div(Quantity.of(1, "mol"));
        assertEquals(24.0, p.si(), 1e-12);
        assertEquals(Dimension.ENERGY, p.dimension());
        assertEquals("C", Units.siUnit(Dimension.CHARGE).symbol());
        assertEquals(Dimension.of(2, 1, -1, 0, 0, 0, 0), Units.siUnit(Dimension.of(2, 1, -1, 0, 0, 0, 0)).dimension());
    }

    @Test
    void describeAndSymbols() {
        assertTrue(Units.symbols().contains("eV"));
        assertTrue(Units.describe("Torr").contains("101325/760"));
        assertEquals(1e-6, Units.prefixes().get("u"));
        assertEquals(1e-6, Units.prefixes().get("µ"));
    }

    @Test
    void unicodeSpellings() {
        assertEquals(2000.0, Quantity.of(2, "k\u2126").si());   // OHM SIGN
        assertEquals(2000.0, Quantity.of(2, "k\u03A9").si());   // GREEK CAPITAL OMEGA
        assertEquals(2000.0, Quantity.of(2, "kohm").si());
        assertEquals("1/m", Units.parse("m⁻¹").symbol());
        assertEquals(Dimension.VOLUME, Units.parse("cm³").dimension());
        assertEquals(Units.parse("degC"), Units.parse("°C"));
    }

    @Test
    void atomicUnits() {
        assertEquals(0.529177210903, Quantity.of(1, "bohr").valueIn(Units.parse("Å")), 1e-12);
        assertEquals(27.211386245988, Quantity.of(1, "Ha").valueIn(Units.parse("eV")), 1e-9);
        assertEquals(13.605693122994, Quantity.of(1, "Ry").valueIn(Units.parse("eV")), 1e-9);
        assertEquals(0.0433641, Quantity.of(1, "kcal/mol").valueIn(Units.parse("eV")), 1e-7);
        assertEquals(-40.0, Quantity.of(-40, "degF").valueIn(Units.parse("degC")), 1e-9);
    }
}
