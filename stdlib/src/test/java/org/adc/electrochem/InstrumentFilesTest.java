package org.adc.electrochem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.table.Table;
import org.adc.units.Quantity;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;

/**
 * BioLogic .mpt and Gamry .DTA files in the vendors' exact layouts (written by make_instrument_files.py beside
 * them, impedances from numpy) read into tables with the right units and signs, and equivalent-circuit fits
 * recover the circuits' parameters.
 */
class InstrumentFilesTest {
    static final Path DIR = Path.of("src/test/resources/electrochem");

    static List<String> lines(String name) throws IOException {
        return Files.readAllLines(DIR.resolve(name), Charset.forName("windows-1252"));
    }

    static double[] si(Table t, String col) {
        List<Object> v = t.values(col);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Quantity) v.get(i)).si();
        }
        return out;
    }

    @Test
    void circuitMatchesIndependentFormulas() throws IOException {
        String[][] circuits = {{"randles_cpe", "R0-p(R1,CPE1)-W1"}, {"randles_wo", "R0-p(R1,C1)-Wo1"}, {"ws_l", "L0-R0-Ws1"}};
        double[][] params = {{12, 85, 2.2e-5, 0.87, 35}, {4.7, 150, 3.3e-6, 220, 2.5}, {1.5e-6, 2, 40, 0.8}};
        int checked = 0;
        for (String line : Files.readAllLines(DIR.resolve("impedance_reference.csv"))) {
            if (line.startsWith("#") || line.startsWith("circuit")) {
                continue;
            }
            String[] c = line.split(",");
            for (int k = 0; k < circuits.length; k++) {
                if (circuits[k][0].equals(c[0])) {
                    Complex z = EquivalentCircuit.parse(circuits[k][1]).impedance(params[k], Double.parseDouble(c[1]));
                    double re = Double.parseDouble(c[2]);
                    double im = Double.parseDouble(c[3]);
                    double mod = Math.hypot(re, im);
                    assertEquals(re, z.getReal(), 1e-12 * mod, line);
                    assertEquals(im, z.getImaginary(), 1e-12 * mod, line);
                    checked++;
                }
            }
        }
        assertEquals(3 * 43, checked);
    }

    @Test
    void biologicEisReadsAndFits() throws IOException {
        for (String file : List.of("cell_PEIS_C02.mpt", "cell_PEIS_comma.mpt")) {
            Table t = BiologicMpt.read(file, lines(file));
            assertEquals(43, t.size(), file);
            double[] f = si(t, "freq");
            double[] re = si(t, "z_re");
            double[] im = si(t, "z_im");
            assertEquals(1e5, f[0], 1e-2);
            assertTrue(im[0] < 0, "capacitive arc has Im Z < 0 (the file stores -Im(Z) > 0)");
            assertEquals(-((Quantity) t.values("minus_Im_Z").get(5)).si(), im[5], 0);
            assertEquals("µF", ((Quantity) t.values("Cs").get(0)).unit().symbol());
            assertEquals("mA", ((Quantity) t.values("I").get(0)).unit().symbol());
            EquivalentCircuit c = EquivalentCircuit.parse("R0-p(R1,CPE1)-W1");
            ImpedanceFit fit = ImpedanceFit.fit(c, f, re, im, new double[] {10, 100, 1e-5, 0.9, 50});
            double[] truth = {12, 85, 2.2e-5, 0.87, 35};
            for (int k = 0; k < truth.length; k++) {
                assertEquals(truth[k], fit.values()[k], 2e-5 * truth[k], file + " " + c.parameterNames().get(k));
                assertTrue(fit.errors()[k] < 1e-4 * truth[k], "8-digit data give tiny errors");
            }
        }
    }

    @Test
    void biologicCv() throws IOException {
        Table t = BiologicMpt.read("cv_CV_C01.mpt", lines("cv_CV_C01.mpt"));
        assertEquals(42, t.size());
        assertEquals(2L, t.values("cycle").get(41));
        assertEquals(0.8e-3 * Math.sin(Math.PI * 5 / 10) + 1e-5, si(t, "current")[5], 1e-12);
        assertEquals(0.75, si(t, "potential")[5], 1e-12);
        assertTrue(t.values("ox_red").get(0) instanceof Long, "ox/red is a unitless column");
        assertEquals("C", ((Quantity) t.values("Q_Qo").get(3)).unit().symbol());
    }

    @Test
    void gamryEisAndCv() throws IOException {
        Table t = GamryDta.read("EISPOT_randles.DTA", lines("EISPOT_randles.DTA"), "");
        assertEquals(43, t.size());
        EquivalentCircuit c = EquivalentCircuit.parse("R0-p(R1,C1)-Wo1");
        ImpedanceFit fit = ImpedanceFit.fit(c, si(t, "freq"), si(t, "z_re"), si(t, "z_im"), new double[] {5, 100, 1e-6, 100, 1});
        double[] truth = {4.7, 150, 3.3e-6, 220, 2.5};
        for (int k = 0; k < truth.length; k++) {
            assertEquals(truth[k], fit.values()[k], 1e-4 * truth[k], c.parameterNames().get(k));
        }
        assertEquals("deg", ((Quantity) t.values("Zphz").get(0)).unit().symbol().replace("°", "deg"));

        Table cv = GamryDta.read("CV_gamry.DTA", lines("CV_gamry.DTA"), "");
        assertEquals(42, cv.size());
        assertEquals(2L, cv.values("cycle").get(30));
        assertEquals(2e-4 * Math.sin(Math.PI * 9 / 10), si(cv, "current")[21 + 9], 1e-9);
        assertEquals("...........", cv.values("Over").get(0));
        Table ocv = GamryDta.read("CV_gamry.DTA", lines("CV_gamry.DTA"), "OCVCURVE");
        assertEquals(3, ocv.size());
        AdcError e = assertThrows(AdcError.class, () -> GamryDta.read("CV_gamry.DTA", lines("CV_gamry.DTA"), "ZCURVE"));
        assertTrue(e.getMessage().contains("no data block 'ZCURVE'") && e.hint().contains("CURVE1"), e.getMessage() + " / " + e.hint());
    }

    @Test
    void damagedFilesAreLocated() throws IOException {
        List<String> l = new ArrayList<>(lines("cell_PEIS_C02.mpt"));
        int n = l.size();
        l.set(n - 3, l.get(n - 3).replaceFirst("\t[^\t]+\t", "\t1.2x\t"));
        AdcError e = assertThrows(AdcError.class, () -> BiologicMpt.read("cell.mpt", l));
        assertTrue(e.getMessage().startsWith("cell.mpt:" + (n - 2) + ": cannot read '1.2x'"), e.getMessage());
        List<String> cut = new ArrayList<>(lines("cell_PEIS_C02.mpt").subList(0, 20));
        e = assertThrows(AdcError.class, () -> BiologicMpt.read("cut.mpt", cut));
        assertTrue(e.getMessage().startsWith("cut.mpt:2: the file says it has"), e.getMessage());
        List<String> shortRow = new ArrayList<>(lines("EISPOT_randles.DTA"));
        shortRow.set(25, "\t3\t7\t100");
        e = assertThrows(AdcError.class, () -> GamryDta.read("g.DTA", shortRow, ""));
        assertTrue(e.getMessage().startsWith("g.DTA:26: data row has 3 cells"), e.getMessage());
        List<String> inf = new ArrayList<>(lines("EISPOT_randles.DTA"));
        inf.set(25, inf.get(25).replaceFirst("\t1\t", "\tInfinity\t"));
        assertThrows(AdcError.class, () -> GamryDta.read("g.DTA", inf, ""));
        e = assertThrows(AdcError.class, () -> BiologicMpt.read("x.txt", List.of("hello")));
        assertTrue(e.getMessage().contains("not a BioLogic EC-Lab text export"));
        assertThrows(AdcError.class, () -> EquivalentCircuit.parse("R0-p(R1,C1"));
        assertThrows(AdcError.class, () -> EquivalentCircuit.parse("R0-X1"));
        assertThrows(AdcError.class, () -> EquivalentCircuit.parse("R1-R1"));
    }
}
