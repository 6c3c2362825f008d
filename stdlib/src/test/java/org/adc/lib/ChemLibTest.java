package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.chem.FormulaValue;
import org.adc.lang.AdcError;
import org.adc.lang.AdcMap;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Record;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

class ChemLibTest {
    private final Module c = ChemLib.module();

    @Test
    void molarMassIsAQuantityInGramsPerMole() {
        Quantity m = (Quantity) call(c, "molar_mass", "Na24Si136");
        assertEquals(Dimension.MOLAR_MASS, m.dimension());
        assertEquals("g/mol", m.unit().symbol());
        assertEquals(4371.32, m.value(), 1e-6);
        assertEquals("4371.32 g/mol", m.toString());
    }

    @Test
    void formulaValueMembers() {
        FormulaValue f = (FormulaValue) call(c, "formula", "Na2(NH2)(BH4)");
        AdcMap counts = (AdcMap) f.member("counts");
        assertEquals(2L, counts.get("Na"));
        assertEquals(6L, counts.get("H"));
        assertEquals("Na2(NH2)(BH4)", f.member("text"));
        assertEquals(10L, f.member("atoms"));
        assertEquals(76.845, ((Quantity) f.member("molar_mass")).value(), 1e-9);
        assertEquals(6L, Call.method(Call.env(java.nio.file.Path.of(".")), f, "count", "H"));
        assertEquals(0.5, ((AdcMap) ((FormulaValue) call(c, "formula", "Na2.5O0.5")).member("counts")).get("O"));
        // a formula value is accepted where a formula string is
        assertEquals(call(c, "molar_mass", "Na2(NH2)(BH4)"), call(c, "molar_mass", f));
        assertEquals("formula", f.typeName());
    }

    @Test
    void elementRecord() {
        Record na = (Record) call(c, "element", "Na");
        assertEquals("Na", na.member("symbol"));
        assertEquals(11L, na.member("Z"));
        assertEquals("sodium", na.member("name"));
        assertEquals(22.990, na.member("weight"));
        assertEquals(true, na.member("standard"));
        assertEquals(na, call(c, "element", 11L));
        assertEquals(na, call(c, "element", "sodium"));
        assertEquals(false, ((Record) call(c, "element", "Tc")).member("standard"));
        AdcError e = assertThrows(AdcError.class, () -> call(c, "element", "NA"));
        assertTrue(e.hint().contains("'Na'"));
        assertThrows(AdcError.class, () -> call(c, "element", 119L));
    }

    @Test
    void molesOfTheSeed000Crystal() {
        Quantity n = (Quantity) call(c, "moles", "Na24Si136", q(1.70, "mg"));
        assertEquals(Dimension.AMOUNT, n.dimension());
        assertEquals(1.70e-3 / 4371.32, n.si(), 1e-15);
        AdcError e = assertThrows(AdcError.class, () -> call(c, "moles", "Na24Si136", q(1.70, "eV")));
        assertTrue(e.getMessage().contains("bad argument #2 'mass' to 'moles'"));
    }

    @Test
    void formulaErrorsReachTheUser() {
        AdcError e = assertThrows(AdcError.class, () -> call(c, "molar_mass", "Na2(NH2"));
        assertTrue(e.getMessage().contains("column 4"), e.getMessage());
        AdcError bad = assertThrows(AdcError.class, () -> call(c, "molar_mass", 12L));
        assertTrue(bad.getMessage().contains("bad argument #1 'formula' to 'molar_mass'"), bad.getMessage());
    }

    @Test
    void everyFunctionHasAFullDoc() {
        for (Module m : new Module[] {c, MathLib.module(), ConstantsLib.module(), DataLib.module(), KineticsLib.module(),
            CoulometryLib.module()}) {
            for (String name : m.memberNames()) {
                var d = m.docOf(name);
                assertTrue(d != null, m.name() + "." + name + " has no doc");
                assertTrue(d.summary() != null && !d.summary().isBlank(), name);
                assertTrue(d.syntax() != null && !d.syntax().isBlank(), name);
                assertTrue(d.examples() != null && !d.examples().isBlank(), name);
                assertTrue(d.description() != null && !d.description().isBlank(), name);
                assertTrue(d.units() != null && !d.units().isBlank(), name);
                assertTrue(d.errors() != null && !d.errors().isBlank(), name);
                assertTrue(d.source() != null && !d.source().isBlank(), name);
                if (m.member(name) instanceof NativeFunction f) {
                    assertEquals(name, f.name());
                    assertTrue(d.markdown(name).contains("### Syntax"));
                }
            }
        }
    }
}
