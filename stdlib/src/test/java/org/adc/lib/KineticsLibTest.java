package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Module;
import org.adc.lang.Record;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

class KineticsLibTest {
    private final Module k = KineticsLib.module();

    @Test
    void arrheniusSi28Si20At450C() {
        Quantity r = (Quantity) call(k, "arrhenius", n("ea", q(0.903, "eV")), n("t", q(450, "degC")));
        assertEquals(Dimension.FREQUENCY, r.dimension());
        assertEquals("Hz", r.unit().symbol());
        double expected = 1e13 * Math.exp(-0.903 / (8.617333262e-5 * 723.15));
        assertEquals(expected, r.si(), expected * 1e-9);
        assertEquals(5.091e6, r.si(), 0.001e6);
    }

    @Test
    void arrheniusPositionalAndMolarBarrier() {
        Quantity a = (Quantity) call(k, "arrhenius", q(1e12, "Hz"), q(6, "kJ/mol"), q(298, "K"));
        double eaJ = 6000 / 6.02214076e23;
        double expected = 1e12 * Math.exp(-eaJ / (1.380649e-23 * 298));
        assertEquals(expected, a.si(), expected * 1e-12);
        // kJ/mol and the equivalent meV give the same rate
        Quantity b = (Quantity) call(k, "arrhenius", q(1e12, "Hz"), q(6, "kJ/mol").to(org.adc.units.Units.parse("meV")), q(298, "K"));
        assertEquals(a.si(), b.si(), a.si() * 1e-12);
    }

    @Test
    void arrheniusDefaultNu0IsTerahertz() {
        Quantity r = (Quantity) call(k, "arrhenius", n("ea", q(0, "eV")), n("t", q(300, "K")));
        assertEquals(1e13, r.si(), 1e-3);
    }

    @Test
    void arrheniusRefusesNonPositiveTemperature() {
        AdcError e = assertThrows(AdcError.class, () -> call(k, "arrhenius", n("ea", q(0.9, "eV")), n("t", q(0, "K"))));
        assertTrue(e.getMessage().contains("above 0 K"), e.getMessage());
        assertThrows(AdcError.class, () -> call(k, "arrhenius", n("ea", q(0.9, "eV")), n("t", q(-300, "degC"))));
    }

    @Test
    void arrheniusWrongDimensionsNameTheArgument() {
        AdcError e = assertThrows(AdcError.class, () -> call(k, "arrhenius", n("ea", q(450, "degC")), n("t", q(0.9, "eV"))));
        assertTrue(e.getMessage().contains("bad argument #2 'ea' to 'arrhenius' (energy expected, got temperature 450 degC)"), e.getMessage());
        AdcError e2 = assertThrows(AdcError.class, () -> call(k, "arrhenius", n("ea", q(0.9, "eV")), n("t", 723.0)));
        assertTrue(e2.getMessage().contains("temperature expected"), e2.getMessage());
    }

    @Test
    void vacancyDiffusivityFollowsSeed001() {
        Quantity d = (Quantity) call(k, "diffusivity_vacancy", n("z", 8L), n("a0", q(3.4, "Å")), n("dg", q(0.3, "eV")), n("t", q(353.15, "K")));
        double expected = 8 * 1e13 * Math.pow(3.4e-10, 2) / 6 * Math.exp(-0.3 / (8.617333262e-5 * 353.15));
        assertEquals(expected, d.si(), expected * 1e-9);
        assertEquals("cm^2/s", d.unit().symbol());
        assertEquals(expected * 1e4, d.value(), expected * 1e-4);
    }

    @Test
    void ionDiffusivityAndNernstEinstein() {
        Quantity dv = q(1e-6, "cm^2/s");
        Quantity d = (Quantity) call(k, "diffusivity_ion", dv, 0.75, 0.5);
        assertEquals(1e-10 * 0.25 * 0.5, d.si(), 1e-22);
        Quantity s = (Quantity) call(k, "nernst_einstein", n("d", d), n("n", q(1e22, "1/cm^3")), n("c", 0.75), n("t", q(300, "K")));
        double expected = 1e28 * 0.75 * Math.pow(1.602176634e-19, 2) * d.si() / (1.380649e-23 * 300);
        assertEquals(expected, s.si(), expected * 1e-12);
        assertEquals(Dimension.CONDUCTIVITY, s.dimension());
        assertThrows(AdcError.class, () -> call(k, "diffusivity_ion", dv, 1.5, 1.0));
    }

    @Test
    void arrheniusFitRecoversBarrier() {
        AdcList ts = new AdcList();
        AdcList rs = new AdcList();
        for (double t : new double[] {300, 350, 400, 450}) {
            ts.add(q(t, "K"));
            rs.add(q(2e12 * Math.exp(-0.45 / (8.617333262e-5 * t)), "Hz"));
        }
        Record fit = (Record) call(k, "arrhenius_fit", ts, rs);
        Quantity ea = (Quantity) fit.member("ea");
        assertEquals(0.45, ea.value(), 1e-9);
        assertEquals("eV", ea.unit().symbol());
        assertEquals(2e12, ((Quantity) fit.member("prefactor")).si(), 2e12 * 1e-9);
        assertEquals(1.0, (Double) fit.member("r2"), 1e-12);
    }

    @Test
    void arrheniusFitErrors() {
        assertThrows(AdcError.class, () -> call(k, "arrhenius_fit", AdcList.of(q(300, "K")), AdcList.of(1.0)));
        assertThrows(AdcError.class, () -> call(k, "arrhenius_fit", AdcList.of(q(300, "K"), q(300, "K")), AdcList.of(1.0, 2.0)));
        assertThrows(AdcError.class, () -> call(k, "arrhenius_fit", AdcList.of(q(300, "K"), q(400, "K")), AdcList.of(1.0, -2.0)));
        Object r = call(k, "arrhenius_fit", AdcList.of(q(300, "K"), q(400, "K")), AdcList.of(1.0, 2.0));
        assertInstanceOf(Double.class, ((Record) r).member("prefactor"));
    }

    @Test
    void bppFunctionsRoundTrip() {
        Quantity r = (Quantity) call(k, "bpp_rate", n("tau_c", q(0.1, "ns")), n("cq", q(1.2, "MHz")), n("larmor", q(132.32, "MHz")));
        assertEquals(Dimension.FREQUENCY, r.dimension());
        Quantity t1 = Quantity.ofSi(1 / r.si(), org.adc.units.Units.parse("ms"));
        Quantity tau = (Quantity) call(k, "bpp_tau_c", t1, q(1.2, "MHz"), q(132.32, "MHz"));
        assertEquals(1e-10, tau.si(), 1e-19);
        Quantity slow = (Quantity) call(k, "bpp_tau_c", t1, q(1.2, "MHz"), q(132.32, "MHz"), n("branch", "slow"));
        assertTrue(slow.si() * 2 * Math.PI * 132.32e6 > 0.616, slow.toString());
        assertThrows(AdcError.class, () -> call(k, "bpp_tau_c", t1, q(1.2, "MHz"), q(132.32, "MHz"), n("branch", "medium")));
        assertThrows(AdcError.class, () -> call(k, "bpp_rate", q(1, "ns"), q(1.2, "MHz"), q(132.32, "MHz"), n("spin", 0.5)));
    }
}
