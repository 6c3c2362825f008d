package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Module;
import org.adc.lang.Record;
import org.adc.units.Constants;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.UnitException;
import org.junit.jupiter.api.Test;

class MathLibTest {
    private final Module m = MathLib.module();

    @Test
    void transcendentalOnNumbersAndRatios() {
        assertEquals(Math.E, (Double) call(m, "exp", 1L), 1e-15);
        assertEquals(Math.log(2), (Double) call(m, "ln", 2.0), 1e-15);
        assertEquals(-3.0, (Double) call(m, "log10", 1e-3), 1e-12);
        assertEquals(3.0, (Double) call(m, "log", 8L, 2L), 1e-12);
        assertEquals(Math.log(100), (Double) call(m, "log", 100L), 1e-12);
        Quantity kT = Constants.kB().mul(q(450, "degC"));
        double boltz = (Double) call(m, "exp", q(-0.903, "eV").div(kT));
        assertEquals(Math.exp(-0.903 / (8.617333262e-5 * 723.15)), boltz, 1e-18);
        assertEquals(Math.log(1000), (Double) call(m, "ln", q(1, "kHz").div(q(1, "Hz"))), 1e-12);
    }

    @Test
    void transcendentalRefusesDimensions() {
        UnitException e = assertThrows(UnitException.class, () -> call(m, "exp", q(0.903, "eV")));
        assertTrue(e.getMessage().startsWith("exp of energy (0.903 eV)"), e.getMessage());
        assertTrue(e.hint().contains("kB*T"), e.hint());
        UnitException molar = assertThrows(UnitException.class, () -> call(m, "exp", q(6, "kJ/mol")));
        assertTrue(molar.hint().contains("Rgas"), molar.hint());
        UnitException mixed = assertThrows(UnitException.class,
            () -> call(m, "exp", q(6, "kJ/mol").div(Constants.kB().mul(q(300, "K")))));
        assertTrue(mixed.hint().contains("molar"), mixed.hint());
        UnitException len = assertThrows(UnitException.class, () -> call(m, "ln", q(2, "m")));
        assertTrue(len.hint().contains("1 m"), len.hint());
        assertThrows(AdcError.class, () -> call(m, "ln", "x"));
        assertThrows(AdcError.class, () -> call(m, "log", 8L, 1L));
    }

    @Test
    void sqrtTakesTheRootOfTheUnit() {
        assertEquals(q(2, "m"), call(m, "sqrt", q(4, "m^2")));
        assertEquals("2 m", call(m, "sqrt", q(4, "m^2")).toString());
        assertEquals(Math.sqrt(2), (Double) call(m, "sqrt", 2L), 1e-15);
        Quantity l = (Quantity) call(m, "sqrt", q(1e-8, "cm^2/s").mul(q(1, "s")));
        assertEquals(1e-6, l.si(), 1e-18);
        UnitException odd = assertThrows(UnitException.class, () -> call(m, "sqrt", q(2, "m")));
        assertTrue(odd.getMessage().contains("no square root"), odd.getMessage());
        assertThrows(AdcError.class, () -> call(m, "sqrt", -1L));
        assertInstanceOf(Double.class, call(m, "sqrt", q(4, "eV").div(q(1, "eV"))));
    }

    @Test
    void absMinMax() {
        assertEquals(3L, call(m, "abs", -3L));
        assertEquals(q(0.2, "V"), call(m, "abs", q(-0.2, "V")));
        assertEquals(1L, call(m, "min", 3L, 1L, 2L));
        assertEquals(3L, call(m, "max", 3L, 1L, 2L));
        assertEquals(q(62, "meV"), call(m, "min", AdcList.of(q(0.903, "eV"), q(62, "meV"))));
        assertEquals("0.903 eV", call(m, "max", AdcList.of(q(0.903, "eV"), q(62, "meV"))).toString());
        assertEquals(2.5, call(m, "max", 1L, 2.5));
        UnitException e = assertThrows(UnitException.class, () -> call(m, "min", q(1, "eV"), q(5, "V")));
        assertTrue(e.getMessage().contains("element #2"), e.getMessage());
        assertThrows(AdcError.class, () -> call(m, "max", new AdcList()));
        assertThrows(AdcError.class, () -> call(m, "max", 1L, "a"));
    }

    @Test
    void sumMeanStd() {
        assertEquals(6L, call(m, "sum", AdcList.of(1L, 2L, 3L)));
        assertEquals(6.5, call(m, "sum", 1L, 2L, 3.5));
        assertEquals(0L, call(m, "sum", new AdcList()));
        Quantity s = (Quantity) call(m, "sum", AdcList.of(q(0.5, "C"), q(120, "mC")));
        assertEquals(0.62, s.si(), 1e-12);
        assertEquals("C", s.unit().symbol());
        assertThrows(UnitException.class, () -> call(m, "sum", q(450, "degC"), q(20, "degC")));
        assertEquals(2.5, call(m, "mean", AdcList.of(1L, 2L, 3L, 4L)));
        Quantity mt = (Quantity) call(m, "mean", AdcList.of(q(449, "degC"), q(451, "degC")));
        assertTrue(mt.isAbsoluteTemperature());
        assertEquals(450.0, mt.value(), 1e-9);
        assertEquals(1.2909944487358056, (Double) call(m, "std", AdcList.of(1L, 2L, 3L, 4L)), 1e-12);
        Quantity st = (Quantity) call(m, "std", AdcList.of(q(449, "degC"), q(451, "degC")));
        assertEquals("K", st.unit().symbol());
        assertEquals(Math.sqrt(2), st.si(), 1e-9);
        assertThrows(AdcError.class, () -> call(m, "std", AdcList.of(1L)));
        assertThrows(AdcError.class, () -> call(m, "mean", new AdcList()));
    }

    @Test
    void rounding() {
        assertEquals(3L, call(m, "round", 2.5));
        assertEquals(3.14, call(m, "round", 3.14159, 2L));
        assertEquals(1200L, call(m, "round", 1234L, -2L));
        assertEquals(7L, call(m, "round", 7L));
        Quantity c = (Quantity) call(m, "round", q(0.90047, "C"), 2L);
        assertEquals("0.9 C", c.toString());
        Quantity t = (Quantity) call(m, "round", q(450.46, "degC"), 1L);
        assertTrue(t.isAbsoluteTemperature());
        assertEquals("450.5 degC", t.toString());
        assertEquals(2L, call(m, "floor", 2.7));
        assertEquals(3L, call(m, "ceil", 2.1));
        assertEquals("450 degC", call(m, "floor", q(450.6, "degC")).toString());
        assertEquals("8 C", call(m, "ceil", q(7.34, "C")).toString());
        assertEquals(Double.NaN, call(m, "round", Double.NaN));
    }

    @Test
    void trigonometry() {
        assertEquals(0.5, (Double) call(m, "sin", q(30, "deg")), 1e-12);
        assertEquals(0.5, (Double) call(m, "cos", Math.PI / 3), 1e-12);
        assertEquals(1.0, (Double) call(m, "tan", q(45, "deg")), 1e-12);
        assertEquals(Math.PI / 6, (Double) call(m, "asin", 0.5), 1e-12);
        UnitException e = assertThrows(UnitException.class, () -> call(m, "sin", q(1, "m")));
        assertTrue(e.getMessage().contains("angles"), e.getMessage());
    }

    @Test
    void constantsAndNan() {
        assertEquals(Math.PI, m.member("pi"));
        assertEquals(Double.POSITIVE_INFINITY, m.member("inf"));
        assertEquals(true, call(m, "is_nan", m.member("nan")));
        assertEquals(false, call(m, "is_nan", 1L));
        assertEquals(true, call(m, "is_nan", Quantity.of(Double.NaN, "K")));
    }

    @Test
    void linearFitKeepsUnits() {
        Record f = (Record) call(m, "linear_fit", AdcList.of(q(1, "h"), q(2, "h"), q(3, "h")),
            AdcList.of(q(0.9, "C"), q(1.8, "C"), q(2.7, "C")));
        Quantity slope = (Quantity) f.member("slope");
        assertEquals(Dimension.CURRENT, slope.dimension());
        assertEquals(0.9 / 3600, slope.si(), 1e-15);
        assertEquals(0.0, ((Quantity) f.member("intercept")).si(), 1e-12);
        assertEquals(1.0, (Double) f.member("r2"), 1e-12);
        Record plainFit = (Record) call(m, "linear_fit", AdcList.of(0L, 1L, 2L), AdcList.of(1L, 3L, 5L));
        assertEquals(2.0, (Double) plainFit.member("slope"), 1e-12);
        assertEquals(1.0, (Double) plainFit.member("intercept"), 1e-12);
        assertThrows(AdcError.class, () -> call(m, "linear_fit", AdcList.of(1L, 1L), AdcList.of(1L, 2L)));
        assertThrows(AdcError.class, () -> call(m, "linear_fit", AdcList.of(1L), AdcList.of(1L)));
    }

    @Test
    void powerFitRecoversTheCvExponent() {
        AdcList nu = new AdcList();
        AdcList ip = new AdcList();
        for (double v : new double[] {0.1, 0.2, 0.5, 1, 2, 5}) {
            nu.add(q(v, "mV/s"));
            ip.add(q(0.76 * Math.pow(v, 0.55), "mA"));
        }
        Record f = (Record) call(m, "power_fit", nu, ip);
        assertEquals(0.55, (Double) f.member("b"), 1e-12);
        Quantity a = (Quantity) f.member("a");
        assertEquals("mA", a.unit().symbol());
        assertEquals(0.76, a.value(), 1e-12);
        assertEquals(1.0, (Double) f.member("r2"), 1e-12);
        assertThrows(AdcError.class, () -> call(m, "power_fit", AdcList.of(1L, 2L), AdcList.of(1L, -2L)));
    }

    @Test
    void interpolation() {
        Quantity t = (Quantity) call(m, "interp", q(450, "W"), AdcList.of(q(0, "W"), q(300, "W"), q(600, "W")),
            AdcList.of(q(25, "degC"), q(550, "degC"), q(1000, "degC")));
        assertTrue(t.isAbsoluteTemperature());
        assertEquals("775 degC", t.toString());
        assertEquals(25.0, (Double) call(m, "interp", 2.5, AdcList.of(1L, 2L, 3L), AdcList.of(10L, 20L, 30L)), 1e-12);
        assertEquals(10.0, (Double) call(m, "interp", 1L, AdcList.of(1L, 2L), AdcList.of(10L, 20L)), 1e-12);
        assertEquals(40.0, (Double) call(m, "interp", 4L, AdcList.of(1L, 2L, 3L), AdcList.of(10L, 20L, 30L), true), 1e-12);
        AdcError out = assertThrows(AdcError.class, () -> call(m, "interp", q(700, "W"), AdcList.of(q(0, "W"), q(600, "W")),
            AdcList.of(q(25, "degC"), q(1000, "degC"))));
        assertTrue(out.getMessage().contains("700 W is outside the table (0 W .. 600 W)"), out.getMessage());
        assertThrows(AdcError.class, () -> call(m, "interp", 1L, AdcList.of(2L, 1L), AdcList.of(1L, 2L)));
        assertThrows(AdcError.class, () -> call(m, "interp", q(1, "V"), AdcList.of(q(0, "W"), q(1, "W")), AdcList.of(1L, 2L)));
        Quantity y = (Quantity) call(m, "interp", q(0.5, "h"), AdcList.of(q(0, "h"), q(1, "h")), AdcList.of(q(0, "C"), q(2, "C")));
        assertEquals(1.0, y.si(), 1e-12);
    }

    @Test
    void randomNormalIsSeededAndHasTheRequestedMoments() {
        AdcList a = (AdcList) call(m, "random_normal", 20000L, 7L);
        AdcList b = (AdcList) call(m, "random_normal", 20000L, 7L);
        AdcList c = (AdcList) call(m, "random_normal", 20000L, 8L);
        assertEquals(20000, a.size());
        double s = 0, s2 = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i));
            double x = (Double) a.get(i);
            s += x;
            s2 += x * x;
        }
        assertTrue(!a.get(0).equals(c.get(0)));
        double mean = s / a.size();
        double var = s2 / a.size() - mean * mean;
        assertEquals(0, mean, 0.03);
        assertEquals(1, var, 0.04);
        AdcList t = (AdcList) call(m, "random_normal", 4000L, 3L, Call.n("sd", q(0.5, "K")), Call.n("mean", q(300, "K")));
        double st = 0;
        for (int i = 0; i < t.size(); i++) {
            Quantity x = (Quantity) t.get(i);
            assertEquals(Dimension.TEMPERATURE, x.dimension());
            st += x.si();
        }
        assertEquals(300, st / t.size(), 0.05);
        assertThrows(AdcError.class, () -> call(m, "random_normal", 3L, 1L, Call.n("sd", q(1, "K")), Call.n("mean", q(1, "eV"))));
        assertThrows(AdcError.class, () -> call(m, "random_normal", 3L, 1L, Call.n("sd", -1.0)));
        assertThrows(AdcError.class, () -> call(m, "random_normal", -1L, 1L));
    }

    @Test
    void randomSampleDrawsDistinctElementsReproducibly() {
        AdcList pop = new AdcList();
        for (long i = 0; i < 81; i++) {
            pop.add(i);
        }
        AdcList a = (AdcList) call(m, "random_sample", pop, 14L, 5L);
        assertEquals(a.toString(), call(m, "random_sample", pop, 14L, 5L).toString());
        assertEquals(14, new java.util.HashSet<>(a.items()).size());
        AdcList all = (AdcList) call(m, "random_sample", pop, 81L, 9L);
        assertEquals(81, new java.util.HashSet<>(all.items()).size());
        // every element is drawn about equally often
        int[] hits = new int[81];
        for (long seed = 0; seed < 2000; seed++) {
            for (Object x : (AdcList) call(m, "random_sample", pop, 3L, seed)) {
                hits[(int) (long) (Long) x]++;
            }
        }
        for (int h : hits) {
            assertTrue(h > 40 && h < 115, "hits " + h);
        }
        assertThrows(AdcError.class, () -> call(m, "random_sample", pop, 82L, 1L));
    }
}
