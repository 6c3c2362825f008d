package org.adc.kmc;

import java.util.List;

/** Mean and standard error helpers for statistical tests. */
final class KmcTestSupport {
    private KmcTestSupport() {
    }

    static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.size();
    }

    static double stderr(List<Double> xs) {
        double m = mean(xs), v = 0;
        for (double x : xs) {
            v += (x - m) * (x - m);
        }
        return Math.sqrt(v / (xs.size() - 1) / xs.size());
    }
}
