package org.adc.fit;

import org.adc.lang.AdcError;

/** Piecewise-linear interpolation in a table of (x, y) samples with strictly increasing x. */
public final class Interpolation {
    private Interpolation() {
    }

    /**
     * y at {@code x}; outside the table the end segments are extended when {@code extrapolate}, otherwise it is an error.
     *
     * @param show formats an SI x value for messages
     */
    public static double at(double[] xs, double[] ys, double x, boolean extrapolate, java.util.function.DoubleFunction<String> show) {
        int n = xs.length;
        if (n < 2 || ys.length != n) {
            throw new AdcError("interpolation needs at least two (x, y) pairs of equal count, got " + n + " x and " + ys.length + " y",
                "give lists of the same length, two or more points");
        }
        for (int i = 1; i < n; i++) {
            if (!(xs[i] > xs[i - 1])) {
                throw new AdcError("x values must increase strictly, but #" + (i + 1) + " (" + show.apply(xs[i]) + ") follows "
                    + show.apply(xs[i - 1]), "sort the table by x first (t.sort_by(\"x\")) and drop repeated x");
            }
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if ((x < xs[0] || x > xs[n - 1]) && !extrapolate) {
            throw new AdcError("x = " + show.apply(x) + " is outside the table (" + show.apply(xs[0]) + " .. " + show.apply(xs[n - 1]) + ")",
                "extend the table, or pass extrapolate = true to extend the end segments");
        }
        int k = 1;
        while (k < n - 1 && x > xs[k]) {
            k++;
        }
        double t = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
        return ys[k - 1] + t * (ys[k] - ys[k - 1]);
    }
}
