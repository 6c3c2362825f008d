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
import org.adc.lang.Record;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;
import org.junit.jupiter.api.Test;

class ElectrochemLibTest {
    private final Module e = ElectrochemLib.module();

    @Test
    void voltageShiftReproducesSeed003Table1() {
        assertEquals(0.13, ((Quantity) call(e, "voltage_shift", q(0.13, "eV"), n("x", 1L))).si(), 1e-12);
        assertEquals(0.0347, ((Quantity) call(e, "voltage_shift", q(0.13, "eV"), n("x", 3.75))).si(), 1e-4);
        assertEquals(0.0325, ((Quantity) call(e, "voltage_shift", q(0.13, "eV"), n("x", 2L), n("z", 2L))).si(), 1e-12);
        assertEquals("V", ((Quantity) call(e, "voltage_shift", q(0.13, "eV"), 1L)).unit().symbol());
        assertThrows(AdcError.class, () -> call(e, "voltage_shift", q(0.13, "eV"), 0L));
    }

    @Test
    void averageVoltageAndFormationEnergy() {
        // E(NaSi) - E(Si) - E(Na) = -0.5 eV per Si, one electron: 0.5 V
        Quantity v = (Quantity) call(e, "average_voltage", q(-7.0, "eV"), q(-5.4, "eV"), q(-1.1, "eV"), 1L);
        assertEquals(0.5, v.si(), 1e-12);
        Quantity mg = (Quantity) call(e, "average_voltage", q(-10.0, "eV"), q(-5.4, "eV"), q(-1.5, "eV"), 2L, 2L);
        assertEquals(0.4, mg.si(), 1e-12);
        Quantity ef = (Quantity) call(e, "formation_energy", q(-350.2, "eV"), q(-347.9, "eV"), q(-1.9, "eV"));
        assertEquals(-0.4, ef.value(), 1e-9);
        assertEquals("eV", ef.unit().symbol());
        assertThrows(AdcError.class, () -> call(e, "formation_energy", q(1, "eV"), q(1, "V"), q(1, "eV")));
    }

    @Test
    void specificCapacityAndCRate() {
        Quantity sb = (Quantity) call(e, "specific_capacity", "Sb", 3L);
        assertEquals("mAh/g", sb.unit().symbol());
        assertEquals(3 * 96485.33212 / 121.76 / 3.6, sb.value(), 1e-9);
        assertEquals(660.3, sb.value(), 0.1);
        Quantity si = (Quantity) call(e, "specific_capacity", "Si", 3.75);
        assertEquals(3579, si.value(), 1.0);
        Quantity cap = q(1.2, "mAh");
        Quantity i = (Quantity) call(e, "c_rate_current", cap, 1.0 / 8);
        assertEquals(0.15, i.valueIn(Units.parse("mA")), 1e-12);
        assertEquals(Dimension.CURRENT, i.dimension());
        assertThrows(AdcError.class, () -> call(e, "c_rate_current", cap, 0L));
    }

    @Test
    void energyDensityMolarAndPerCharge() {
        Quantity perCharge = (Quantity) call(e, "energy_density", q(3.35, "V"), q(15, "Å^3"), 2.8);
        double expected = 1.602176634e-19 * 3.35 / 15e-30 * 2.8 / 3.8;
        assertEquals(expected, perCharge.si(), expected * 1e-12);
        assertEquals("Wh/L", perCharge.unit().symbol());
        double vm = 15e-30 * 6.02214076e23;
        Quantity molar = (Quantity) call(e, "energy_density", q(3.35, "V"), Quantity.ofSi(vm, Units.parse("m^3/mol")), 2.8);
        assertEquals(perCharge.si(), molar.si(), perCharge.si() * 1e-9);
        assertThrows(AdcError.class, () -> call(e, "energy_density", q(3.35, "V"), q(15, "Å"), 2.8));
        assertThrows(AdcError.class, () -> call(e, "energy_density", q(3.35, "V"), q(15, "Å^3"), -1L));
    }

    @Test
    void capacitiveSplitRecoversK1K2() {
        double k1 = 0.3;   // mA per mV/s
        double k2 = 0.2;   // mA per (mV/s)^0.5
        AdcList nu = new AdcList();
        AdcList cur = new AdcList();
        double[] rates = {0.1, 0.2, 0.5, 1, 2, 5};
        for (double v : rates) {
            nu.add(q(v, "mV/s"));
            cur.add(q(k1 * v + k2 * Math.sqrt(v), "mA"));
        }
        Record r = (Record) call(e, "capacitive_split", nu, cur);
        Quantity qk1 = (Quantity) r.member("k1");
        assertEquals(k1, qk1.value(), 1e-12);
        assertEquals(k2, ((Quantity) r.member("k2")).value(), 1e-12);
        AdcList frac = (AdcList) r.member("capacitive");
        assertEquals(k1 * 0.1 / (k1 * 0.1 + k2 * Math.sqrt(0.1)), (Double) frac.get(0), 1e-12);
        assertTrue((Double) frac.get(5) > (Double) frac.get(0));
        assertThrows(AdcError.class, () -> call(e, "capacitive_split", AdcList.of(q(1, "mV/s")), AdcList.of(q(1, "mA"))));
        assertThrows(AdcError.class, () -> call(e, "capacitive_split", AdcList.of(1L, 2L), AdcList.of(q(1, "mA"), q(2, "mA"))));
    }
}
