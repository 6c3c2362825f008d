package org.adc.analysis;

import org.adc.lang.AdcError;
import org.adc.units.Constants;

/**
 * The classical vacancy model of ionic conductivity of seed 001 (P.-C. Tsai et al., "Double Paddle-Wheel
 * Enhanced Sodium Ion Conduction in an Antiperovskite Solid Electrolyte", Experimental Section):
 *
 * <pre>
 * eq. 7   σ = q² z / (6 k T) · N c (1 − c) f a0² ν0 exp(−ΔG_m / kT)
 * eq. 8   log σ = A + log[c(1 − c)] − log T − B / T
 * </pre>
 *
 * Eq. 8 is printed as "log σ = A + log[c(1 − c)] − log σ0 − B/T"; taking the logarithm of eq. 7 gives
 * −log T in that place (the 1/T prefactor), so {@code withT = true} (the default in the library) fits that
 * form, and {@code withT = false} fits the printed one with σ0 = 1 S/cm folded into A. Logarithms are
 * decimal and σ is in S/cm, T in K, so A is dimensionless and B in K; B·k·ln 10 is an apparent activation
 * energy (the paper warns that f and ν0 may depend on T, so B is not exactly ΔG_m/k).
 */
public final class VacancyModel {
    private VacancyModel() {
    }

    /** Eq. 7 in SI units: σ in S/m (n in 1/m³, a0 in m, nu0 in Hz, dg in J, t in K, q in C). */
    public static double conductivity(double c, double t, double n, double z, double f, double a0, double nu0, double dg, double q) {
        return q * q * z / (6 * Constants.KB * t) * n * c * (1 - c) * f * a0 * a0 * nu0 * Math.exp(-dg / (Constants.KB * t));
    }

    /** Eq. 8: σ in S/cm from fitted A and B at vacancy-model concentration c and temperature t (K). */
    public static double predict(double a, double b, double c, double t, boolean withT) {
        return Math.pow(10, a + Math.log10(c * (1 - c)) - (withT ? Math.log10(t) : 0) - b / t);
    }

    /**
     * Fits A and B of eq. 8 to conductivities {@code sigma} (S/cm) measured at ion fractions {@code c}
     * (0 < c < 1) and temperatures {@code t} (K).
     */
    public static FitResult fit(double[] c, double[] t, double[] sigma, boolean withT) {
        int n = sigma.length;
        if (c.length != n || t.length != n) {
            throw new AdcError("vacancy_fit: " + c.length + " concentrations, " + t.length + " temperatures and " + n
                + " conductivities", "give one c and one T per conductivity");
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(c[i] > 0 && c[i] < 1)) {
                throw new AdcError("vacancy_fit: c #" + (i + 1) + " = " + c[i] + " is not between 0 and 1",
                    "c is the occupied fraction of the ion sites, e.g. (3 − x)/3 for Na(3−x)O(1−x)(NH2)x(BH4)");
            }
            if (!(t[i] > 0) || !(sigma[i] > 0)) {
                throw new AdcError("vacancy_fit: point #" + (i + 1) + " has T ≤ 0 K or σ ≤ 0", "the fit takes logarithms of σ and T");
            }
            x[i] = new double[] {1, -1 / t[i]};
            y[i] = Math.log10(sigma[i]) - Math.log10(c[i] * (1 - c[i])) + (withT ? Math.log10(t[i]) : 0);
        }
        return LeastSquares.linear("vacancy_fit", new String[] {"A", "B"}, x, y);
    }
}
