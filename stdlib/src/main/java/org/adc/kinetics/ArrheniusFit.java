package org.adc.kinetics;

import org.adc.lang.AdcError;
import org.adc.units.Constants;

/**
 * Least-squares Arrhenius fit: ln y = ln A − Ea / (kB T), a straight line in 1/T.
 *
 * @param ea        activation energy, J per particle
 * @param prefactor A, in the SI unit of y
 * @param r2        coefficient of determination of the linear fit of ln y against 1/T
 */
public record ArrheniusFit(double ea, double prefactor, double r2) {

    /** Fits positive values {@code y} at absolute temperatures {@code t} (K); needs two or more distinct temperatures. */
    public static ArrheniusFit fit(double[] t, double[] y) {
        int n = t.length;
        if (n < 2 || y.length != n) {
            throw new AdcError("an Arrhenius fit needs at least two (temperature, value) pairs of equal count, got "
                + n + " temperatures and " + y.length + " values", "give lists of the same length");
        }
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            if (!(t[i] > 0)) {
                throw new AdcError("temperature #" + (i + 1) + " is not above 0 K", "use absolute temperatures (K or degC)");
            }
            if (!(y[i] > 0)) {
                throw new AdcError("value #" + (i + 1) + " is not positive; an Arrhenius fit takes the logarithm",
                    "fit rates, diffusivities or conductivities, which are positive");
            }
            double x = 1.0 / t[i];
            double v = Math.log(y[i]);
            sx += x;
            sy += v;
            sxx += x * x;
            sxy += x * v;
            syy += v * v;
        }
        double dxx = sxx - sx * sx / n;
        if (!(dxx > 0)) {
            throw new AdcError("all temperatures are equal; the slope is undefined", "measure at two or more temperatures");
        }
        double slope = (sxy - sx * sy / n) / dxx;
        double intercept = (sy - slope * sx) / n;
        double dyy = syy - sy * sy / n;
        double r2 = dyy > 0 ? slope * slope * dxx / dyy : 1.0;
        return new ArrheniusFit(-slope * Constants.KB, Math.exp(intercept), r2);
    }
}
