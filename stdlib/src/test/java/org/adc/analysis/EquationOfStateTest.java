package org.adc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.adc.lang.AdcError;
import org.junit.jupiter.api.Test;

/**
 * Equation-of-state fits agree with ASE 3.22.1's EquationOfState on fcc Cu EMT energies, clean and perturbed
 * (reference: src/test/resources/analysis/eos/eos_reference.csv, written by make_eos_reference.py beside it).
 */
class EquationOfStateTest {
    private static final Path REF = Path.of("src/test/resources/analysis/eos/eos_reference.csv");
    private static final double EV_A3_GPA = 160.21766208;

    private record Data(double[] v, double[] e) {
    }

    @Test
    void matchesAse() throws IOException {
        Map<String, List<double[]>> points = new TreeMap<>();
        List<String[]> fits = new ArrayList<>();
        boolean second = false;
        for (String line : Files.readAllLines(REF)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] c = line.split(",");
            if (c[0].equals("set")) {
                second = c[1].equals("eos");
                continue;
            }
            if (second) {
                fits.add(c);
            } else {
                points.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
            }
        }
        assertEquals(6, fits.size());
        for (String[] f : fits) {
            List<double[]> p = points.get(f[0]);
            double[] v = new double[p.size()];
            double[] e = new double[p.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = p.get(i)[0];
                e[i] = p.get(i)[1];
            }
            String form = switch (f[1]) {
                case "birchmurnaghan" -> "birch_murnaghan";
                default -> f[1];
            };
            EquationOfState.Fit r = EquationOfState.fit(form, v, e);
            String what = f[0] + " " + form;
            assertEquals(Double.parseDouble(f[2]), r.v0(), 1e-6 * r.v0(), what + " V0");
            assertEquals(Double.parseDouble(f[3]), r.e0(), 1e-7, what + " E0");
            assertEquals(Double.parseDouble(f[4]), r.b0(), 1e-5 * r.b0(), what + " B0");
            if (f[0].equals("clean")) {
                assertTrue(r.v0Error() < 0.01, what + " small error on EMT data");
            }
        }
        // Cu EMT bulk modulus ≈ 134 GPa (ASE tutorial)
        assertEquals(0.8315, fitClean().b0(), 1e-3);
        assertEquals(133.2, fitClean().b0() * EV_A3_GPA, 0.2);
    }

    private static EquationOfState.Fit fitClean() {
        double a0 = 3.6;
        double[] v = new double[7];
        double[] e = new double[7];
        double[] p = {0, a0 * a0 * a0 / 4, 0.8315, 4.5};
        for (int i = 0; i < 7; i++) {
            v[i] = p[1] * (0.94 + 0.02 * i);
            e[i] = EquationOfState.energy("birch_murnaghan", p, v[i]);
        }
        return EquationOfState.fit("birch_murnaghan", v, e);
    }

    @Test
    void recoversExactParameters() {
        for (String form : EquationOfState.FORMS) {
            double[] p = {-3.5, 20.0, 0.6, 4.8};
            double[] v = new double[9];
            double[] e = new double[9];
            for (int i = 0; i < v.length; i++) {
                v[i] = 20.0 * (0.92 + 0.02 * i);
                e[i] = EquationOfState.energy(form, p, v[i]);
            }
            EquationOfState.Fit f = EquationOfState.fit(form, v, e);
            assertEquals(20.0, f.v0(), 1e-8, form);
            assertEquals(-3.5, f.e0(), 1e-10, form);
            assertEquals(0.6, f.b0(), 1e-7, form);
            assertEquals(4.8, f.b0Prime(), 1e-5, form);
        }
    }

    @Test
    void refusesRatherThanExtrapolates() {
        double[] v = {10, 11, 12, 13, 14};
        double[] p = {0, 16, 0.8, 4};
        double[] e = new double[5];
        for (int i = 0; i < 5; i++) {
            e[i] = EquationOfState.energy("birch_murnaghan", p, v[i]);
        }
        AdcError x = assertThrows(AdcError.class, () -> EquationOfState.fit("birch_murnaghan", v, e));
        assertTrue(x.getMessage().contains("outside the sampled volumes"), x.getMessage());
        assertThrows(AdcError.class, () -> EquationOfState.fit("birch_murnaghan", new double[] {1, 2, 3, 4}, new double[] {1, 0, 0, 1}));
        assertThrows(AdcError.class, () -> EquationOfState.fit("birch_murnaghan", v, new double[] {0, 1, 1.5, 1, 0}));
        AdcError u = assertThrows(AdcError.class, () -> EquationOfState.fit("sj", v, e));
        assertTrue(u.getMessage().contains("unknown equation of state"));
    }
}
