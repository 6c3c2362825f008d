package org.adc.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.adc.lang.AdcError;
import org.junit.jupiter.api.Test;

class FormulaTest {

    private static void assertError(String formula, String... parts) {
        AdcError e = assertThrows(AdcError.class, () -> Formula.parse(formula));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should contain '" + p + "'");
        }
        assertNotNull(e.hint());
    }

    @Test
    void clathrate() {
        Formula f = Formula.parse("Na24Si136");
        assertEquals(Map.of("Na", 24.0, "Si", 136.0), f.counts());
        assertEquals(24 * 22.990 + 136 * 28.085, f.molarMass(), 1e-9);
        assertEquals(4371.4, f.molarMass(), 0.1);
        assertEquals(160.0, f.atoms());
        assertEquals(List.of("Na", "Si"), List.copyOf(f.counts().keySet()));
    }

    @Test
    void parenthesesAndMultipliers() {
        Formula f = Formula.parse("Na2(NH2)(BH4)");
        assertEquals(2.0, f.count("Na"));
        assertEquals(1.0, f.count("N"));
        assertEquals(6.0, f.count("H"));
        assertEquals(1.0, f.count("B"));
        assertEquals(2 * 22.990 + 14.007 + 6 * 1.008 + 10.81, f.molarMass(), 1e-9);
        Formula ca = Formula.parse("Ca3(PO4)2");
        assertEquals(Map.of("Ca", 3.0, "P", 2.0, "O", 8.0), ca.counts());
        Formula nested = Formula.parse("K4[Fe(CN)6]");
        assertEquals(Map.of("K", 4.0, "Fe", 1.0, "C", 6.0, "N", 6.0), nested.counts());
        Formula deep = Formula.parse("((CH3)2N)3P");
        assertEquals(6.0, deep.count("C"));
        assertEquals(18.0, deep.count("H"));
        assertEquals(3.0, deep.count("N"));
    }

    @Test
    void decimalSubscripts() {
        Formula f = Formula.parse("Na2.5O0.5(NH2)0.5(BH4)");
        assertEquals(2.5, f.count("Na"));
        assertEquals(0.5, f.count("O"));
        assertEquals(0.5, f.count("N"));
        assertEquals(5.0, f.count("H"));
        assertEquals(1.0, f.count("B"));
        assertEquals(Formula.parse("Na3.17Si136").count("Na"), 3.17);
        assertEquals(0.5, Formula.parse("Li.5CoO2").count("Li"));
    }

    @Test
    void hydrates() {
        Formula f = Formula.parse("CuSO4·5H2O");
        assertEquals(10.0, f.count("H"));
        assertEquals(9.0, f.count("O"));
        assertEquals(Formula.parse("CuSO4*5H2O"), f);
        assertEquals(249.68, f.molarMass(), 0.01);
    }

    @Test
    void repeatedElementsAdd() {
        assertEquals(2.0, Formula.parse("NaNa").count("Na"));
        assertEquals(Map.of("C", 2.0, "H", 6.0, "O", 1.0), Formula.parse("CH3CH2OH").counts());
        assertEquals("CH3CH2OH", Formula.parse(" CH3CH2OH ").text());
    }

    @Test
    void errorsGiveColumnAndProblem() {
        assertError("Xx2O", "column 1", "unknown element 'Xx'");
        assertError("Na2(NH2", "column 4", "unbalanced parenthesis", "never closed");
        assertError("NaCl)", "column 5", "unbalanced parenthesis");
        assertError("Na2(NH2]", "column 8", "closes '('");
        assertError("", "empty");
        assertError("2NaCl", "column 1", "count must follow");
        assertError("na", "column 1", "capital letter");
        assertError("Na$", "column 3", "unexpected character '$'");
        assertError("Na()", "empty group");
        assertError("Na2.", "column 3", "bad count");
        assertError("CuSO4·", "expected an element");
        AdcError e = assertThrows(AdcError.class, () -> Formula.parse("NA"));
        assertTrue(e.getMessage().contains("unknown element 'A'"), e.getMessage());
        assertTrue(e.hint().contains("'Na'"), e.hint());
        AdcError three = assertThrows(AdcError.class, () -> Formula.parse("Nacl"));
        assertTrue(three.getMessage().contains("'Nacl'"), three.getMessage());
    }

    @Test
    void periodicTableIsComplete() {
        assertEquals(118, Elements.all().size());
        Set<String> symbols = new HashSet<>();
        for (int z = 1; z <= 118; z++) {
            Element e = Elements.byZ(z);
            assertEquals(z, e.z());
            assertTrue(symbols.add(e.symbol()), e.symbol());
            assertTrue(e.weight() > 0);
            if (z > 1) {
                // weights grow with Z except for the known inversions (Ar/K, Co/Ni, Te/I, Th/Pa, U/Np... mass numbers)
                assertTrue(e.weight() > Elements.byZ(z - 1).weight() - 4, e.symbol());
            }
        }
        assertEquals("Og", Elements.byZ(118).symbol());
        assertNull(Elements.byZ(119));
        assertEquals(22.990, Elements.bySymbol("Na").weight());
        assertEquals(28.085, Elements.bySymbol("Si").weight());
        assertEquals(1.008, Elements.bySymbol("H").weight());
        assertEquals(121.76, Elements.bySymbol("Sb").weight());
        assertTrue(Elements.bySymbol("Tc").noStandardWeight());
        assertEquals(97.0, Elements.bySymbol("Tc").weight());
        assertFalse(Elements.bySymbol("U").noStandardWeight());
        assertEquals("Al", Elements.byName("aluminum").symbol());
        assertEquals("Na", Elements.suggest("NA"));
    }

    @Test
    void massFraction() {
        Formula f = Formula.parse("NaCl");
        assertEquals(22.990 / (22.990 + 35.45), f.massFraction("Na"), 1e-12);
        assertEquals(0.0, f.massFraction("K"));
        assertEquals("Na2NH6B", Formula.parse("Na2(NH2)(BH4)").normalForm());
    }
}
