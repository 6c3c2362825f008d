package org.adc.kinetics;

import org.adc.fit.LinearFit;
import org.adc.lang.AdcError;
import org.adc.units.Constants;

/**
 * Least-squares Arrhenius fit: ln y = ln A − Ea / (kB T), a straight line in 1/T.
 *
 * <p>Standard errors come from the line fit of ln y against 1/T (residual variance with n − 2 degrees of
 * freedom): σ_Ea = kB σ_slope, σ_A = A σ_lnA (first order). NaN with two temperatures.
 *
 * @param ea             activation energy, J per particle
 * @param prefactor      A, in the SI unit of y
 * @param r2             coefficient of determination of the linear fit of ln y against 1/T
 * @param eaError        standard error of ea, J
 * @param prefactorError standard error of A (first order, A · σ(ln A)), SI unit of y
 */
public record ArrheniusFit(double ea, double prefactor, double r2, double eaError, double prefactorError) {

    /** Fits positive values {@code y} at absolute temperatures {@code t} (K); needs two or more distinct temperatures. */
    public static ArrheniusFit fit(double[] t, double[] y) {
        int n = t.length;
        if (n < 2 || y.length != n) {
            throw new AdcError("an Arrhenius fit needs at least two (temperature, value) pairs of equal count, got "
                + n + " temperatures and " + y.length + " values", "give lists of the same length");
        }
        double[] x = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(t[i] > 0)) {
                throw new AdcError("temperature #" + (i + 1) + " is not above 0 K", "use absolute temperatures (K or degC)");
            }
            if (!(y[i] > 0)) {
                throw new AdcError("value #" + (i + 1) + " is not positive; an Arrhenius fit takes the logarithm",
                    "fit rates, diffusivities or conductivities, which are positive");
            }
            x[i] = 1.0 / t[i];
            v[i] = Math.log(y[i]);
        }
        boolean distinct = false;
        for (int i = 1; i < n; i++) {
            distinct |= t[i] != t[0];
        }
        if (!distinct) {
            throw new AdcError("all temperatures are equal; the slope is undefined", "measure at two or more temperatures");
        }
        LinearFit f = LinearFit.fit(x, v);
        double a = Math.exp(f.intercept());
        return new ArrheniusFit(-f.slope() * Constants.KB, a, f.r2(), f.slopeError() * Constants.KB, a * f.interceptError());
    }
}
