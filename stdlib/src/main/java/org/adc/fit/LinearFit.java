package org.adc.fit;

import org.adc.lang.AdcError;

/**
 * Ordinary least-squares straight line y = slope · x + intercept.
 *
 * @param slope     dy/dx
 * @param intercept y at x = 0
 * @param r2        coefficient of determination (1 for a perfect line; 1 when all y are equal)
 */
public record LinearFit(double slope, double intercept, double r2) {

    /** Fits paired samples; needs two or more points with at least two distinct x. */
    public static LinearFit fit(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new AdcError("a line fit needs at least two (x, y) pairs of equal count, got " + n + " x and " + y.length + " y",
                "give lists of the same length, two or more points");
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (!(sxx > 0)) {
            throw new AdcError("all x values are equal; the slope is undefined", "fit points with at least two different x");
        }
        double slope = sxy / sxx;
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1.0;
        return new LinearFit(slope, my - slope * mx, r2);
    }
}
