package org.adc.analysis;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Parameters: "ln_tau0" (τ0 in s) and "ea" (eV).
     *
     * @param fast two-step: invert on the fast-motion branch (ω0 τc < 0.616, above the T1 minimum in temperature),
     *             else the slow-motion branch; direct: only the starting guess depends on it
     */
    public static FitResult fit(double[] t, double[] t1, double cq, double larmor, double eta, double spin, String method, boolean fast) {
        int n = t.length;
        if (t1.length != n || n < 2) {
            throw new AdcError("bpp_fit needs two or more (T, T1) pairs of equal count, got " + n + " temperatures and " + t1.length
                + " T1 values", "give one T1 per temperature");
        }
        double kb = Constants.KB / Constants.QE;
        double[] y = new double[n];
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
        if (twoStep) {
            return line(t1, cq, larmor, eta, spin, fast, inv, true);
        }
        // direct: Levenberg–Marquardt from the two-step estimates on both branches and a generic guess; keep the best
        // third start: the T1 minimum placed at the shortest measured T1 (ω0 τc = 0.616 there), Ea from a grid
        int imin = 0;
        for (int i = 1; i < n; i++) {
            if (t1[i] < t1[imin]) {
                imin = i;
            }
        }
        double lw = Math.log(Bpp.peakProduct() / (2 * Math.PI * larmor));
        double[] grid = null;
        double gridRss = Double.MAX_VALUE;
        for (double ea = 0.02; ea <= 2.0; ea += 0.02) {
            double lt0 = lw - ea * inv[imin];
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = Math.log(Bpp.rate(Math.exp(lt0 + ea * inv[i]), cq, larmor, eta, spin)) - y[i];
                rss += r * r;
            }
            if (rss < gridRss) {
                gridRss = rss;
                grid = new double[] {lt0, ea};
            }
        }
        FitResult best = null;
        List<double[]> starts = new ArrayList<>();
        for (FitResult g : new FitResult[] {line(t1, cq, larmor, eta, spin, fast, inv, false), line(t1, cq, larmor, eta, spin, !fast, inv, false)}) {
            if (g != null && g.values()[1] > 0) {
                starts.add(g.values());
            }
        }
        starts.add(grid);
        for (double[] start : starts) {
            FitResult f = LeastSquares.nonlinear("bpp_fit", new String[] {"ln_tau0", "ea"}, (p, i) -> {
                double tc = Math.exp(p[0] + p[1] * inv[i]);
                return Math.log(Bpp.rate(tc, cq, larmor, eta, spin));
            }, y, start, new double[] {1, 0.01});
            if (best == null || f.rss() < best.rss()) {
                best = f;
            }
        }
        return best;
    }

    /** Two-step estimate: τc from each T1 on one branch, then ln τc = ln τ0 + Ea/kT; null if fewer than two invert. */
    private static FitResult line(double[] t1, double cq, double larmor, double eta, double spin, boolean fast, double[] inv,
                                  boolean strict) {
        int n = t1.length;
        double[][] design = new double[n][];
        double[] lt = new double[n];
        int ok = 0;
        for (int i = 0; i < n; i++) {
            try {
                double tau = Bpp.tauC(1 / t1[i], cq, larmor, eta, spin, fast);
                design[ok] = new double[] {1, inv[i]};
                lt[ok] = Math.log(tau);
                ok++;
            } catch (AdcError e) {
                if (strict) {
                    throw new AdcError("bpp_fit (two_step): " + e.getMessage(), e.hint());
                }
            }
        }
        if (ok < 2) {
            return null;
        }
        return LeastSquares.linear("bpp_fit", new String[] {"ln_tau0", "ea"}, java.util.Arrays.copyOf(design, ok),
            java.util.Arrays.copyOf(lt, ok));
    }
}
