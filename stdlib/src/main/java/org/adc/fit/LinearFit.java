package org.adc.fit;

import org.adc.lang.AdcError;

/**
 * Ordinary least-squares straight line y = slope · x + intercept, with the standard errors of both.
 *
 * <p>Standard errors from the residual variance s² = Σ r² / (n − 2): σ_slope = s / √Sxx,
 * σ_intercept = s · √(1/n + x̄²/Sxx) (any regression text, e.g. N. R. Draper, H. Smith, Applied Regression
 * Analysis, 3rd ed. (1998), ch. 1). With two points (no degrees of freedom) the errors are NaN; for
 * noise-free data they are 0. Checked against Apache Commons Math {@code SimpleRegression}.
 *
 * @param slope          dy/dx
 * @param intercept      y at x = 0
 * @param r2             coefficient of determination (1 for a perfect line; 1 when all y are equal)
 * @param slopeError     standard error of the slope (NaN with two points)
 * @param interceptError standard error of the intercept (NaN with two points)
 */
public record LinearFit(double slope, double intercept, double r2, double slopeError, double interceptError) {

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
        double intercept = my - slope * mx;
        double r2 = syy > 0 ? sxy * sxy / (sxx * syy) : 1.0;
        double se = Double.NaN;
        double ie = Double.NaN;
        if (n > 2) {
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - (slope * x[i] + intercept);
                rss += r * r;
            }
            double s2 = rss / (n - 2);
            se = Math.sqrt(s2 / sxx);
            ie = Math.sqrt(s2 * (1.0 / n + mx * mx / sxx));
        }
        return new LinearFit(slope, intercept, r2, se, ie);
    }
}
