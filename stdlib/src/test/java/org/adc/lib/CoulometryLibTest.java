package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Module;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

class CoulometryLibTest {
    private final Module c = CoulometryLib.module();

    @Test
    void seed000AllSodiumIsPoint90Coulomb() {
        Quantity qAll = (Quantity) call(c, "faraday_charge", "Na24Si136", q(1.70, "mg"));
        assertEquals("C", qAll.unit().symbol());
        double expected = 1.70e-3 / (24 * 22.990 + 136 * 28.085) * 24 * 96485.33212;
        assertEquals(expected, qAll.si(), 1e-12);
        assertEquals(0.90, qAll.si(), 0.005);
    }

    @Test
    void seed000ExtractedFractionIsPoint78Coulomb() {
        Quantity q = (Quantity) call(c, "faraday_charge", "Na24Si136", q(1.70, "mg"), n("fraction", 1 - 3.17 / 24));
        assertEquals(0.78, q.si(), 0.005);
        double f = (Double) call(c, "extracted_fraction", q, "Na24Si136", q(1.70, "mg"));
        assertEquals(1 - 3.17 / 24, f, 1e-12);
    }

    @Test
    void chargeNumberAndOtherIon() {
        Quantity mg = (Quantity) call(c, "faraday_charge", "MgSi2", q(10, "mg"), n("ion", "Mg"), n("z", 2L));
        double m = 24.305 + 2 * 28.085;
        assertEquals(10e-3 / m * 2 * 96485.33212, mg.si(), 1e-12);
    }

    @Test
    void faradayChargeErrors() {
        AdcError e = assertThrows(AdcError.class, () -> call(c, "faraday_charge", "Na24Si136", q(1.7, "mg"), n("ion", "Li")));
        assertTrue(e.getMessage().contains("ion 'Li' is not in formula 'Na24Si136'"), e.getMessage());
        assertThrows(AdcError.class, () -> call(c, "faraday_charge", "Na24Si136", q(1.7, "mg"), n("fraction", 1.5)));
        assertThrows(AdcError.class, () -> call(c, "faraday_charge", "Na24Si136", q(1.7, "mg"), n("z", 0L)));
        AdcError m = assertThrows(AdcError.class, () -> call(c, "faraday_charge", "Na24Si136", q(1.7, "mL")));
        assertTrue(m.getMessage().contains("bad argument #2 'mass' to 'faraday_charge' (mass expected"), m.getMessage());
        assertThrows(AdcError.class, () -> call(c, "faraday_charge", "Na24Xx136", q(1.7, "mg")));
    }

    @Test
    void integrateTrapezoidGivesCoulomb() {
        Quantity qq = (Quantity) call(c, "integrate", AdcList.of(q(0, "h"), q(1, "h"), q(2, "h")),
            AdcList.of(q(1.04, "mA"), q(0.8, "mA"), q(0.5, "mA")));
        assertEquals("C", qq.unit().symbol());
        assertEquals(5.652, qq.si(), 1e-9);
        AdcList cum = (AdcList) call(c, "integrate_cumulative", AdcList.of(q(0, "s"), q(10, "s"), q(30, "s")),
            AdcList.of(q(1, "A"), q(1, "A"), q(2, "A")));
        assertEquals(0.0, ((Quantity) cum.get(0)).si());
        assertEquals(10.0, ((Quantity) cum.get(1)).si(), 1e-12);
        assertEquals(40.0, ((Quantity) cum.get(2)).si(), 1e-12);
    }

    @Test
    void integratePlainNumbersAndOtherUnits() {
        assertEquals(4.0, (Double) call(c, "integrate", AdcList.of(0L, 1L, 2L), AdcList.of(1L, 2L, 3L)), 1e-12);
        Quantity e = (Quantity) call(c, "integrate", AdcList.of(q(0, "s"), q(2, "s")), AdcList.of(q(3, "W"), q(3, "W")));
        assertEquals(6.0, e.si(), 1e-12);
    }

    @Test
    void integrateErrors() {
        assertThrows(AdcError.class, () -> call(c, "integrate", AdcList.of(q(0, "s")), AdcList.of(q(1, "A"))));
        assertThrows(AdcError.class, () -> call(c, "integrate", AdcList.of(q(0, "s"), q(1, "s")), AdcList.of(q(1, "A"))));
        AdcError e = assertThrows(AdcError.class,
            () -> call(c, "integrate", AdcList.of(q(0, "s"), q(1, "V")), AdcList.of(q(1, "A"), q(1, "A"))));
        assertTrue(e.getMessage().contains("element #2"), e.getMessage());
    }

    @Test
    void ionWithCharge() {
        Quantity plain = (Quantity) call(c, "faraday_charge", "MgSi2", q(10, "mg"), n("ion", "Mg"), n("z", 2L));
        assertEquals(plain, call(c, "faraday_charge", "MgSi2", q(10, "mg"), n("ion", "Mg2+")));
        assertEquals(call(c, "faraday_charge", "Na24Si136", q(1.7, "mg")), call(c, "faraday_charge", "Na24Si136", q(1.7, "mg"), n("ion", "Na+")));
        AdcError conflict = assertThrows(AdcError.class, () -> call(c, "faraday_charge", "MgSi2", q(10, "mg"), n("ion", "Mg2+"), n("z", 3L)));
        assertTrue(conflict.getMessage().contains("charge number 2 but z = 3"), conflict.getMessage());
        assertThrows(AdcError.class, () -> call(c, "faraday_charge", "MgSi2", q(10, "mg"), n("ion", "Mg2")));
        assertThrows(AdcError.class, () -> call(c, "faraday_charge", "MgSi2", q(10, "mg"), n("ion", "mg")));
    }
}
