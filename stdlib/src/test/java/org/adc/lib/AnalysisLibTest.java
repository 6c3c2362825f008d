package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.callIn;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Env;
import org.adc.lang.Module;
import org.adc.lang.Record;
import org.adc.table.Table;
import org.adc.units.Constants;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis module and the fit functions extended with standard errors, as scripts call them. */
class AnalysisLibTest {
    private final Module an = AnalysisLib.module();

    private static double ev(Object q) {
        return ((Quantity) q).valueIn(org.adc.units.Units.parse("eV"));
    }

    @Test
    void arrheniusFitOfSigmaTimesTRecoversSeed001Energies() {
        // σT = A exp(−Ea/kT) with the activation energies of seed 001, Fig. 1B
        double[] eas = {0.358, 0.299, 0.301, 0.278, 0.268};
        for (double ea : eas) {
            AdcList ts = new AdcList();
            AdcList ss = new AdcList();
            for (int i = 0; i < 6; i++) {
                double t = 313.15 + 12 * i;
                ts.add(q(t, "K"));
                ss.add(q(2e5 / t * Math.exp(-ea / (Constants.KB / Constants.QE * t)), "S/cm"));
            }
            Record f = (Record) call(KineticsLib.module(), "arrhenius_fit", ts, ss, n("times_t", true));
            assertEquals(ea, ev(f.member("ea")), 1e-10);
            assertEquals(0, ev(f.member("ea_error")), 1e-10);
            assertEquals(2e5, ((Quantity) f.member("prefactor")).valueIn(org.adc.units.Units.parse("S*K/cm")), 1e-3);
        }
    }

    @Test
    void powerFitAndCapacitiveSplitCarryErrors() {
        AdcList nu = AdcList.of(q(0.1, "mV/s"), q(0.2, "mV/s"), q(0.5, "mV/s"), q(1, "mV/s"), q(2, "mV/s"), q(5, "mV/s"));
        AdcList ip = new AdcList();
        AdcList ic = new AdcList();
        for (Object o : nu) {
            double v = ((Quantity) o).value();
            ip.add(q(0.3 * Math.pow(v, 0.55), "mA"));
            ic.add(q(0.2 * v + 0.0981 * Math.sqrt(v), "mA")); // k2/k1 = 0.4905: 39.2 % capacitive at 0.1 mV/s (seed 004)
        }
        Record p = (Record) call(MathLib.module(), "power_fit", nu, ip);
        assertEquals(0.55, (Double) p.member("b"), 1e-12);
        assertEquals(0, (Double) p.member("b_error"), 1e-12);
        Record s = (Record) call(ElectrochemLib.module(), "capacitive_split", nu, ic);
        assertEquals(0.2, ((Quantity) s.member("k1")).value(), 1e-12);
        assertEquals(0.0981, ((Quantity) s.member("k2")).value(), 1e-12);
        assertEquals(0.392, (Double) ((AdcList) s.member("capacitive")).get(0), 5e-4);
        assertEquals(0, ((Quantity) s.member("k1_error")).value(), 1e-12);
        Record l = (Record) call(MathLib.module(), "linear_fit", AdcList.of(1.0, 2.0, 3.0, 4.0), AdcList.of(1.1, 1.9, 3.2, 3.9));
        assertTrue((Double) l.member("slope_error") > 0);
    }

    @Test
    void capacitiveShareOverAVoltammogram() {
        double[] rates = {0.1, 0.2, 0.5, 1, 2, 5};
        AdcList nu = new AdcList();
        AdcList v = new AdcList();
        AdcList curves = new AdcList();
        for (int k = 0; k <= 20; k++) {
            v.add(q(0.05 + 0.07 * k, "V"));
        }
        for (double r : rates) {
            nu.add(q(r, "mV/s"));
            AdcList c = new AdcList();
            for (int k = 0; k <= 20; k++) {
                double shape = 1 + Math.sin(0.3 * k); // same shape for both parts: share = 1 / (1 + 0.4905/√ν)
                c.add(q(shape * (0.2 * r + 0.0981 * Math.sqrt(r)), "mA"));
            }
            curves.add(c);
        }
        Record res = (Record) call(ElectrochemLib.module(), "capacitive_share", nu, v, curves);
        Table sh = (Table) res.member("shares");
        for (int i = 0; i < rates.length; i++) {
            double expected = 1 / (1 + 0.4905 / Math.sqrt(rates[i]));
            assertEquals(expected, (Double) sh.rows().get(i).member("capacitive"), 1e-9);
        }
        assertEquals(0.392, (Double) sh.rows().get(0).member("capacitive"), 5e-4);
        assertThrows(AdcError.class, () -> call(ElectrochemLib.module(), "capacitive_share", nu, v, AdcList.of(AdcList.of(q(1, "mA")))));
    }

    @Test
    void vacancyFitFromLists() {
        AdcList cs = new AdcList();
        AdcList ts = new AdcList();
        AdcList ss = new AdcList();
        double a = 5.2, b = 1700;
        for (double x : new double[] {0, 0.2, 0.5, 0.75}) {
            for (double t : new double[] {313, 333, 353, 373}) {
                double c = (3 - x) / 3 - 0.01; // a few thermal vacancies at x = 0
                cs.add(c);
                ts.add(q(t, "K"));
                ss.add(q(Math.pow(10, a + Math.log10(c * (1 - c)) - Math.log10(t) - b / t), "S/cm"));
            }
        }
        Record f = (Record) call(an, "vacancy_fit", cs, ts, ss);
        assertEquals(a, (Double) f.member("a"), 1e-9);
        assertEquals(b, ((Quantity) f.member("b")).value(), 1e-6);
        assertEquals(b * Constants.KB * Math.log(10) / Constants.QE, ev(f.member("ea")), 1e-9);
        Quantity m = (Quantity) call(an, "vacancy_model", 0.8, q(353, "K"), a, q(b, "K"));
        assertEquals(Math.pow(10, a + Math.log10(0.16) - Math.log10(353) - b / 353), m.valueIn(org.adc.units.Units.parse("S/cm")), 1e-15);
        Quantity s7 = (Quantity) call(an, "vacancy_conductivity", 2.0 / 3, q(353, "K"), q(1.2e22, "cm^-3"), 8.0, q(3.4, "Å"), q(0.3, "eV"));
        Quantity chain = (Quantity) call(KineticsLib.module(), "nernst_einstein",
            call(KineticsLib.module(), "diffusivity_ion", call(KineticsLib.module(), "diffusivity_vacancy", n("z", 8.0), n("a0", q(3.4, "Å")),
                n("dg", q(0.3, "eV")), n("t", q(353, "K"))), 2.0 / 3), q(1.2e22, "cm^-3"), 2.0 / 3, q(353, "K"));
        assertEquals(chain.si(), s7.si(), chain.si() * 1e-12);
        assertThrows(AdcError.class, () -> call(an, "vacancy_fit", AdcList.of(1.2), AdcList.of(q(300, "K")), AdcList.of(q(1, "S/cm"))));
    }

    @Test
    void bppFitFromLists() {
        AdcList ts = new AdcList();
        AdcList t1 = new AdcList();
        for (int i = 0; i < 8; i++) {
            double t = 288 + 8 * i;
            double tc = 1e-13 * Math.exp(0.45 / (Constants.KB / Constants.QE * t));
            ts.add(q(t, "K"));
            t1.add(Quantity.ofSi(1 / org.adc.kinetics.Bpp.rate(tc, 1.2e6, 132.32e6, 0, 1.5), org.adc.units.Units.parse("ms")));
        }
        Record d = (Record) call(an, "bpp_fit", ts, t1, q(1.2, "MHz"), q(132.32, "MHz"));
        assertEquals(0.45, ev(d.member("ea")), 1e-6);
        Record s = (Record) call(an, "bpp_fit", ts, t1, q(1.2, "MHz"), q(132.32, "MHz"), n("method", "two_step"), n("branch", "slow"));
        assertEquals(0.45, ev(s.member("ea")), 1e-8);
        assertEquals(1e-13, ((Quantity) s.member("tau0")).si(), 1e-19);
    }

    @Test
    void trajectoryFunctionsReadXdatcar(@TempDir Path dir) throws Exception {
        // 8 Li atoms walking on a 1 Å grid, 2 fs per frame
        Random r = new Random(1);
        double[][] pos = new double[100][3];
        StringBuilder sb = new StringBuilder("walk\n1.0\n12 0 0\n0 12 0\n0 0 12\nLi\n100\n");
        for (int k = 0; k < 101; k++) {
            sb.append("Direct configuration=  ").append(k + 1).append('\n');
            for (double[] p : pos) {
                sb.append(String.format(java.util.Locale.ROOT, "%.8f %.8f %.8f%n", fr(p[0]), fr(p[1]), fr(p[2])));
            }
            for (double[] p : pos) {
                p[r.nextInt(3)] += r.nextBoolean() ? 1 : -1;
            }
        }
        Files.writeString(dir.resolve("XDATCAR"), sb.toString());
        Env env = Call.env(dir);
        TrajectoryValue tr = (TrajectoryValue) callIn(env, an, "trajectory", "XDATCAR", q(2, "fs"));
        assertEquals(101L, tr.member("frames"));
        Table m = (Table) callIn(env, an, "msd", tr, "Li");
        assertEquals(51, m.size());
        assertEquals(1.0, ((Quantity) m.rows().get(1).member("msd")).value(), 1e-6); // 8-digit coordinates
        Record d = (Record) callIn(env, an, "diffusivity", tr, "Li");
        double dd = ((Quantity) d.member("d")).si();
        assertEquals(1e-20 / (6 * 2e-15), dd, 0.15 * 1e-20 / (6 * 2e-15)); // 100 walkers
        assertThrows(AdcError.class, () -> callIn(env, an, "msd", tr, "Na"));
        assertThrows(AdcError.class, () -> callIn(env, an, "trajectory", "walk.dat", q(2, "fs")));
        List<Object> cs = new ArrayList<>();
        assertTrue(cs.isEmpty());
    }

    private static double fr(double x) {
        double f = x / 12;
        return f - Math.floor(f);
    }
}
