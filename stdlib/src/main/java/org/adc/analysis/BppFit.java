package org.adc.analysis;

import org.adc.kinetics.Bpp;
import org.adc.lang.AdcError;
import org.adc.units.Constants;

/**
 * Fits T1(T) with the quadrupolar BPP rate ({@link Bpp}) and an Arrhenius correlation time
 * τc = τ0 exp(Ea / kB T), as done for ²³Na and ¹¹B in seed 001 (Fig. 5: Ea = 450 meV and 400 meV).
 *
 * <p>Two methods. "direct": Levenberg–Marquardt on ln(1/T1) with parameters ln τ0 and Ea (both branches of
 * the T1 minimum are described at once). "two_step" (the paper's procedure): τc from each T1 on one branch
 * ({@link Bpp#tauC}), then a straight line ln τc = ln τ0 + Ea / kB T. The standard BPP form with spectral
 * densities at ω0 and 2ω0 is used; seed 001 prints the same prefactor 2π²/25 with a garbled denominator
 * (see {@link Bpp}).
 */
public final class BppFit {
    private BppFit() {
    }

    /** Parameters: "ln_tau0" (τ0 in s) and "ea" (eV). */
    public static FitResult fit(double[] t, double[] t1, double cq, double larmor, double eta, double spin, String method) {
        int n = t.length;
        if (t1.length != n || n < 2) {
            throw new AdcError("bpp_fit needs two or more (T, T1) pairs of equal count, got " + n + " temperatures and " + t1.length
                + " T1 values", "give one T1 per temperature");
        }
        double kb = Constants.KB / Constants.QE;
        double[] y = new double[n];
        double[] tau = new double[n];
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(t[i] > 0) || !(t1[i] > 0)) {
                throw new AdcError("bpp_fit: point #" + (i + 1) + " has T ≤ 0 K or T1 ≤ 0", "give absolute temperatures and positive T1");
            }
            y[i] = Math.log(1 / t1[i]);
            inv[i] = 1 / (kb * t[i]);
        }
        boolean twoStep = method.equals("two_step");
        if (!twoStep && !method.equals("direct")) {
            throw new AdcError("bpp_fit: method must be \"direct\" or \"two_step\", got \"" + method + "\"",
                "\"direct\" fits T1 itself; \"two_step\" inverts each T1 on the fast branch, then fits τc");
        }
        // starting point (and the two-step result): invert on the fast branch where possible
        double[] lt = new double[n];
        int ok = 0;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                tau[i] = Bpp.tauC(1 / t1[i], cq, larmor, eta, spin, true);
                xs[ok] = inv[i];
                lt[ok] = Math.log(tau[i]);
                ok++;
            } catch (AdcError e) {
                if (twoStep) {
                    throw new AdcError("bpp_fit (two_step): " + e.getMessage(), e.hint());
                }
            }
        }
        double[][] design = new double[ok][];
        double[] yy = new double[ok];
        for (int i = 0; i < ok; i++) {
            design[i] = new double[] {1, xs[i]};
            yy[i] = lt[i];
        }
        FitResult guess = ok >= 2 ? LeastSquares.linear("bpp_fit", new String[] {"ln_tau0", "ea"}, design, yy) : null;
        if (twoStep) {
            return guess;
        }
        double[] start = guess != null && guess.values()[1] > 0 ? guess.values() : new double[] {Math.log(1e-13), 0.3};
        return LeastSquares.nonlinear("bpp_fit", new String[] {"ln_tau0", "ea"}, (p, i) -> {
            double tc = Math.exp(p[0] + p[1] * inv[i]);
            return Math.log(Bpp.rate(tc, cq, larmor, eta, spin));
        }, y, start, new double[] {1, 0.01});
    }
}
