package org.adc.electrochem;

import java.util.List;

import org.adc.analysis.FitResult;
import org.adc.analysis.LeastSquares;
import org.adc.lang.AdcError;
import org.apache.commons.math3.complex.Complex;

/**
 * Complex nonlinear least-squares fit of an {@link EquivalentCircuit} to an impedance spectrum.
 *
 * <p>Residuals are the real and imaginary parts of (Z_model − Z_data) / |Z_data| ("modulus weighting",
 * B. A. Boukamp, Solid State Ionics 20, 31 (1986); J. R. Macdonald, Impedance Spectroscopy, 2nd ed. (2005),
 * § 3.2.2), minimised by Levenberg–Marquardt over ln p for positive parameters and p itself for CPE exponents,
 * so no parameter can turn negative. Standard errors come from the covariance at the optimum (see
 * {@link FitResult}); for a positive parameter σ_p = p · σ(ln p).
 *
 * @param circuit the circuit
 * @param values  best-fit parameters, SI, in {@link EquivalentCircuit#parameterNames()} order
 * @param errors  their standard errors
 * @param chi2    Σ of squared weighted residuals
 * @param points  number of frequencies
 */
public record ImpedanceFit(EquivalentCircuit circuit, double[] values, double[] errors, double chi2, int points) {

    /**
     * Fits the circuit.
     *
     * @param f     frequencies [Hz], positive
     * @param zre   Re Z [Ω]
     * @param zim   Im Z [Ω] (negative on a capacitive arc)
     * @param start starting values, SI, one per parameter (positive where the parameter must be)
     */
    public static ImpedanceFit fit(EquivalentCircuit circuit, double[] f, double[] zre, double[] zim, double[] start) {
        int n = f.length;
        List<String> names = circuit.parameterNames();
        int p = names.size();
        if (zre.length != n || zim.length != n) {
            throw new AdcError("impedance_fit: " + n + " frequencies but " + zre.length + " real and " + zim.length + " imaginary parts",
                "give one Re Z and one Im Z per frequency");
        }
        if (2 * n <= p) {
            throw new AdcError("impedance_fit: " + p + " parameters need more than " + (p / 2) + " frequencies, got " + n,
                "measure more frequencies or use a simpler circuit");
        }
        double[] mod = new double[n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            if (!(f[i] > 0) || !Double.isFinite(zre[i]) || !Double.isFinite(zim[i])) {
                throw new AdcError("impedance_fit: point #" + (i + 1) + " has f = " + f[i] + " Hz, Z = " + zre[i] + " + " + zim[i] + "j Ω",
                    "frequencies must be positive and impedances finite");
            }
            mod[i] = Math.hypot(zre[i], zim[i]);
            if (!(mod[i] > 0)) {
                throw new AdcError("impedance_fit: |Z| = 0 at point #" + (i + 1), "remove short-circuit points");
            }
            y[i] = zre[i] / mod[i];
            y[n + i] = zim[i] / mod[i];
        }
        double[] q0 = new double[p];
        double[] scale = new double[p];
        for (int k = 0; k < p; k++) {
            if (circuit.positive(k)) {
                if (!(start[k] > 0) || !Double.isFinite(start[k])) {
                    throw new AdcError("impedance_fit: the start value of " + names.get(k) + " must be positive, got " + start[k],
                        "give a positive starting guess (e.g. R from the arc's width, C from 1/(2π f_peak R))");
                }
                q0[k] = Math.log(start[k]);
            } else {
                if (!(start[k] > 0 && start[k] <= 1)) {
                    throw new AdcError("impedance_fit: the CPE exponent " + names.get(k) + " must be in (0, 1], got " + start[k],
                        "start from 0.9");
                }
                q0[k] = start[k];
            }
            scale[k] = 1;
        }
        double[] ff = f.clone();
        FitResult r = LeastSquares.nonlinear("impedance_fit", names.toArray(new String[0]), (q, i) -> {
            double[] par = params(circuit, q);
            int j = i < n ? i : i - n;
            Complex z = circuit.impedance(par, ff[j]);
            return (i < n ? z.getReal() : z.getImaginary()) / mod[j];
        }, y, q0, scale);
        double[] values = params(circuit, r.values());
        double[] errors = new double[p];
        for (int k = 0; k < p; k++) {
            errors[k] = circuit.positive(k) ? values[k] * r.errors()[k] : r.errors()[k];
        }
        return new ImpedanceFit(circuit, values, errors, r.rss(), n);
    }

    private static double[] params(EquivalentCircuit c, double[] q) {
        double[] v = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            v[k] = c.positive(k) ? Math.exp(q[k]) : q[k];
        }
        return v;
    }
}
