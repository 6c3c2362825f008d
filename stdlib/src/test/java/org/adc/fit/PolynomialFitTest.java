package org.adc.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.adc.lang.AdcError;
import org.junit.jupiter.api.Test;

/** Polynomial fits agree with exact rational least squares (reference written by make_polyfit_reference.py). */
class PolynomialFitTest {
    @Test
    void matchesNumpy() throws IOException {
        Map<String, double[]> ref = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/fit/polyfit_reference.csv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] c = line.split(",");
            double[] v = new double[c.length - 1];
            for (int i = 1; i < c.length; i++) {
                v[i - 1] = Double.parseDouble(c[i]);
            }
            ref.put(c[0], v);
        }
        for (int deg = 1; deg <= 3; deg++) {
            PolynomialFit f = PolynomialFit.fit(ref.get("x"), ref.get("y"), deg);
            double[] c = ref.get("coef" + deg);
            double[] e = ref.get("err" + deg);
            for (int k = 0; k <= deg; k++) {
                assertEquals(c[k], f.coefficients()[k], 1e-9 * Math.max(1, Math.abs(c[k])), "deg " + deg + " c" + k);
                assertEquals(e[k], f.error(k), 1e-8 * e[k], "deg " + deg + " error of c" + k);
            }
        }
    }

    @Test
    void exactDataAndScaleInvariance() {
        double[] x = {1e-29, 2e-29, 3e-29, 4e-29};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = 2 - 3e29 * x[i] + 0.5e58 * x[i] * x[i];
        }
        PolynomialFit f = PolynomialFit.fit(x, y, 2);
        assertEquals(2, f.coefficients()[0], 1e-9);
        assertEquals(-3e29, f.coefficients()[1], 1e20);
        assertEquals(0.5e58, f.coefficients()[2], 1e48);
        assertEquals(1.0, f.r2(), 1e-12);
        assertEquals(0.5e58 * 9e-58 - 3e29 * 3e-29 + 2, f.at(3e-29), 1e-9);
        assertTrue(Double.isNaN(PolynomialFit.fit(new double[] {1, 2, 3}, new double[] {1, 4, 9}, 2).error(0)));
    }

    @Test
    void refusesUnderdetermined() {
        assertThrows(AdcError.class, () -> PolynomialFit.fit(new double[] {1, 2}, new double[] {1, 2}, 2));
        assertThrows(AdcError.class, () -> PolynomialFit.fit(new double[] {1, 1, 1}, new double[] {1, 2, 3}, 1));
        assertThrows(AdcError.class, () -> PolynomialFit.fit(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}, 1));
        assertThrows(AdcError.class, () -> PolynomialFit.fit(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 11));
    }
}
