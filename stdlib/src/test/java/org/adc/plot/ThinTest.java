package org.adc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Long logs are thinned for drawing without losing their peaks. */
class ThinTest {
    @Test
    void keepsPeaksAndOrder() {
        int n = 691_200; // 8 days at 1 s
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 5e4) + (i == 3417 ? 10 : 0) - (i == 500_001 ? 5 : 0);
        }
        double[][] t = ChartWriter.thin(x, y, ChartWriter.MAX_POINTS);
        assertTrue(t[0].length <= ChartWriter.MAX_POINTS + 2, "points " + t[0].length);
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t[0].length; i++) {
            max = Math.max(max, t[1][i]);
            min = Math.min(min, t[1][i]);
            if (i > 0) {
                assertTrue(t[0][i] > t[0][i - 1]);
            }
        }
        assertEquals(y[3417], max);
        assertEquals(y[500_001], min);
        double[] sx = {1, 2, 3};
        assertSame(sx, ChartWriter.thin(sx, sx, 10)[0]);
    }
}
