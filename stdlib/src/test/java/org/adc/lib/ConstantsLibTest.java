package org.adc.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.Module;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;
import org.junit.jupiter.api.Test;

class ConstantsLibTest {
    private final Module c = ConstantsLib.module();

    private Quantity k(String name) {
        return (Quantity) c.member(name);
    }

    @Test
    void codata2018Values() {
        assertEquals("8.61733e-5 eV/K", k("kB").toString());
        assertEquals(1.380649e-23, k("kB").si(), 1e-31);
        assertEquals(6.02214076e23, k("NA").si());
        assertEquals("1/mol", k("NA").unit().symbol());
        assertEquals(1.602176634e-19, k("qe").si());
        assertEquals(96485.33212, k("Faraday").si(), 1e-9);
        assertEquals(Dimension.of(0, 0, 1, 1, 0, -1, 0), k("Faraday").dimension());
        assertEquals(8.314462618, k("Rgas").si(), 1e-12);
        assertEquals("J/(mol·K)", k("Rgas").unit().symbol());
        assertEquals(6.62607015e-34, k("h_planck").si(), 1e-42);
        assertEquals("eV·s", k("h_planck").unit().symbol());
        assertEquals(1.054571817e-34, k("hbar").si(), 1e-42);
        assertEquals(299792458.0, k("c_light").si());
        assertEquals(8.8541878128e-12, k("eps0").si(), 1e-22);
        assertEquals(Dimension.CAPACITANCE.divide(Dimension.LENGTH), k("eps0").dimension());
        assertEquals(9.1093837015e-31, k("m_e").si(), 1e-40);
        assertEquals(1.66053906660e-27, k("amu").si(), 1e-37);
        assertEquals(0.529177210903e-10, k("a0").si(), 1e-21);
        assertEquals("0.529177 Å", k("a0").toString());
    }

    @Test
    void consistency() {
        // R = NA kB, F = NA e (exact in the 2019 SI)
        assertEquals(k("Rgas").si(), k("NA").si() * k("kB").si(), 1e-8);
        assertEquals(k("Faraday").si(), k("NA").si() * k("qe").si(), 1e-5);
        assertEquals(k("hbar").si(), k("h_planck").si() / (2 * Math.PI), 1e-42);
        // 1 eV / kB = 11604.5 K
        assertEquals(11604.518, 1 / k("kB").value(), 1e-3);
        // the 6 kJ/mol of seed 004 is 62.19 meV per particle
        assertEquals(62.19, Quantity.of(6, "kJ/mol").div(k("NA")).valueIn(Units.parse("meV")), 0.01);
        assertEquals(26.8015, k("Faraday").valueIn(Units.parse("Ah/mol")), 1e-4);
    }

    @Test
    void everyConstantHasACodataPage() {
        for (String n : c.memberNames()) {
            assertTrue(c.docOf(n).source().contains("CODATA 2018"), n);
        }
        assertEquals(12, c.memberNames().size());
    }
}
