package org.adc.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.adc.fit.LinearFit;
import org.adc.kinetics.Arrhenius;
import org.adc.kinetics.ArrheniusFit;
import org.adc.kinetics.Bpp;
import org.adc.lang.AdcError;
import org.adc.units.Constants;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** Fits recover known parameters exactly from noise-free data and report standard errors that match the scatter. */
class FitsTest {
    private static final double EV = Constants.QE;
    private static final double KB_EV = Constants.KB / Constants.QE;

    @Test
    void lineFitEqualsCommonsMathSimpleRegression() {
        Random r = new Random(7);
        double[] x = new double[25];
        double[] y = new double[25];
        SimpleRegression ref = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.3 * i + 1;
            y[i] = 2.5 * x[i] - 4 + 0.2 * r.nextGaussian();
            ref.addData(x[i], y[i]);
        }
        LinearFit f = LinearFit.fit(x, y);
        assertEquals(ref.getSlope(), f.slope(), 1e-12);
        assertEquals(ref.getIntercept(), f.intercept(), 1e-12);
        assertEquals(ref.getSlopeStdErr(), f.slopeError(), 1e-12);
        assertEquals(ref.getInterceptStdErr(), f.interceptError(), 1e-12);
        assertEquals(ref.getRSquare(), f.r2(), 1e-12);
        assertTrue(Double.isNaN(LinearFit.fit(new double[] {1, 2}, new double[] {3, 5}).slopeError()));
    }

    @Test
    void qrLeastSquaresEqualsCommonsMathOls() {
        Random r = new Random(11);
        int n = 40;
        double[][] x = new double[n][];
        double[][] xr = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble(), b = r.nextDouble() * 3;
            x[i] = new double[] {1, a, b};
            xr[i] = new double[] {a, b};
            y[i] = 0.5 + 2 * a - 1.5 * b + 0.1 * r.nextGaussian();
        }
        FitResult f = LeastSquares.linear("test", new String[] {"c", "a", "b"}, x, y);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, xr);
        double[] p = ols.estimateRegressionParameters();
        double[] e = ols.estimateRegressionParametersStandardErrors();
        for (int k = 0; k < 3; k++) {
            assertEquals(p[k], f.values()[k], 1e-10);
            assertEquals(e[k], f.errors()[k], 1e-10);
        }
        assertEquals(ols.calculateRSquared(), f.r2(), 1e-10);
        assertEquals(n - 3, f.dof());
    }

    private static double[] temps() {
        double[] t = new double[8];
        for (int i = 0; i < t.length; i++) {
            t[i] = 313.15 + 20 * i;
        }
        return t;
    }

    @Test
    void arrheniusExactAndNoisy() {
        double[] t = temps();
        double ea = 0.358 * EV;
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 3e4 * Math.exp(-ea / (Constants.KB * t[i]));
        }
        ArrheniusFit f = ArrheniusFit.fit(t, y);
        assertEquals(0.358, f.ea() / EV, 1e-12);
        assertEquals(3e4, f.prefactor(), 3e4 * 1e-10);
        assertEquals(0, f.eaError() / EV, 1e-12);
        // 5 % log-normal noise: the reported σ_Ea matches the spread of 400 replicas within 15 %
        Random r = new Random(2024);
        int reps = 400;
        double s = 0, s2 = 0, sigma = 0;
        for (int k = 0; k < reps; k++) {
            double[] yn = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                yn[i] = y[i] * Math.exp(0.05 * r.nextGaussian());
            }
            ArrheniusFit g = ArrheniusFit.fit(t, yn);
            s += g.ea() / EV;
            s2 += Math.pow(g.ea() / EV, 2);
            sigma += g.eaError() / EV;
        }
        double mean = s / reps;
        double sd = Math.sqrt(s2 / reps - mean * mean);
        sigma /= reps;
        assertEquals(0.358, mean, 3 * sd / Math.sqrt(reps));
        assertEquals(sd, sigma, 0.15 * sd, "mean reported σ_Ea " + sigma + " vs replica spread " + sd);
    }

    @Test
    void vacancyModelEq7MatchesNernstEinsteinChainAndFitRecoversB() {
        double n = 1.2e28, z = 8, f = 0.78, a0 = 3.4e-10, nu0 = 1e13, dg = 0.30 * EV, q = Constants.QE;
        double c = 0.8, t = 353;
        double chain = Arrhenius.nernstEinstein(n, c, q, Arrhenius.ionDiffusivity(Arrhenius.vacancyDiffusivity(z, nu0, a0, dg, t), c, f), t);
        assertEquals(chain, VacancyModel.conductivity(c, t, n, z, f, a0, nu0, dg, q), chain * 1e-12);
        // data from eq. 7 at several c and T: log σ = A + log c(1-c) − log T − B/T is exact with B = ΔG/(k ln 10)
        double[] cs = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.95, 0.8, 0.7};
        double[] ts = {313, 313, 333, 333, 353, 353, 373, 373, 373};
        double[] sig = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            sig[i] = VacancyModel.conductivity(cs[i], ts[i], n, z, f, a0, nu0, dg, q) / 100; // S/cm
        }
        FitResult r = VacancyModel.fit(cs, ts, sig, true);
        assertEquals(0.30 / (KB_EV * Math.log(10)), r.value("B"), 1e-7);
        double aExpected = Math.log10(q * q * z / (6 * Constants.KB) * n * f * a0 * a0 * nu0 / 100);
        assertEquals(aExpected, r.value("A"), 1e-9);
        assertEquals(0, r.error("B"), 1e-6);
        for (int i = 0; i < cs.length; i++) {
            assertEquals(sig[i], VacancyModel.predict(r.value("A"), r.value("B"), cs[i], ts[i], true), sig[i] * 1e-9);
        }
        // one temperature only: A and B cannot be separated
        assertThrows(AdcError.class, () -> VacancyModel.fit(new double[] {0.9, 0.8}, new double[] {300, 300}, new double[] {1e-3, 2e-3}, true));
    }

    @Test
    void bppFitRecoversEaAcrossTheT1Minimum() {
        double cq = 1.2e6, larmor = 132.32e6, eta = 0.1, spin = 1.5, ea = 0.45, tau0 = 1e-13;
        double[] t = new double[14];
        double[] t1 = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 400 + 40 * i; // spans both branches: ω0τc passes 0.616 near 590 K
            double tc = tau0 * Math.exp(ea / (KB_EV * t[i]));
            t1[i] = 1 / Bpp.rate(tc, cq, larmor, eta, spin);
        }
        FitResult d = BppFit.fit(t, t1, cq, larmor, eta, spin, "direct", true);
        assertEquals(ea, d.value("ea"), 1e-6);
        assertEquals(Math.log(tau0), d.value("ln_tau0"), 1e-4);
        // two-step (the paper's procedure) on the fast branch only
        double[] tf = new double[6];
        double[] t1f = new double[6];
        double[] ts = new double[4];
        double[] t1s = new double[4];
        for (int i = 0; i < 6; i++) {
            tf[i] = t[8 + i];
            t1f[i] = t1[8 + i];
        }
        for (int i = 0; i < 4; i++) {
            ts[i] = t[i];
            t1s[i] = t1[i];
        }
        FitResult s = BppFit.fit(tf, t1f, cq, larmor, eta, spin, "two_step", true);
        assertEquals(ea, s.value("ea"), 1e-6);
        // slow branch (seed 001: τc ~ µs, ω0 τc ~ 10³): the fast-branch inversion would give −Ea
        assertEquals(ea, BppFit.fit(ts, t1s, cq, larmor, eta, spin, "two_step", false).value("ea"), 1e-6);
        assertTrue(BppFit.fit(ts, t1s, cq, larmor, eta, spin, "two_step", true).value("ea") < 0);
        // noise: 3 % on T1; σ_Ea sensible (covers the truth within 4σ, and is not absurdly large)
        Random r = new Random(5);
        double[] t1n = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t1n[i] = t1[i] * Math.exp(0.03 * r.nextGaussian());
        }
        FitResult n = BppFit.fit(t, t1n, cq, larmor, eta, spin, "direct", true);
        assertTrue(Math.abs(n.value("ea") - ea) < 4 * n.error("ea"), n.value("ea") + " ± " + n.error("ea"));
        assertTrue(n.error("ea") > 1e-4 && n.error("ea") < 0.02, "σ_Ea " + n.error("ea"));
        assertThrows(AdcError.class, () -> BppFit.fit(t, t1, cq, larmor, eta, spin, "other", true));
    }
}
