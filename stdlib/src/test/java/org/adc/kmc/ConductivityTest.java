package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adc.random.ParallelTasks;
import org.junit.jupiter.api.Test;

/**
 * Lattice gas without interactions on a simple cubic lattice (the vacancy model of seed 001).
 * Exact: D_σ = (1 − c) D0 with D0 = z ν a²/6 · exp(−Ea/kT), hence σ = n q² D_σ/kT ∝ c(1 − c);
 * tracer D* = (1 − c) f(c) D0 with f(c) → 1 for c → 0 and → f_v = 0.6531 for c → 1, and the
 * Haven ratio equals f(c). The tracer Nernst–Einstein σ must equal the seed-001 formula
 * q² z/(6kT) N c(1−c) f a0² ν0 exp(−ΔG/kT) with f measured as Σ|R|²/(Σnλ²).
 */
class ConductivityTest {
    private static final double EA = 0.35, NU = 1e13, T = 500, A = 3.0;

    record Point(double dSigma, double dTracer, double f, double sigma, double sigmaTracer) {
    }

    private static List<Point> run(double c, int reps) {
        Lattice lat = CrystalLattices.simpleCubic(10, A, null);
        int n = (int) Math.round(c * lat.siteCount());
        double gamma = 6 * NU * Math.exp(-EA / (Constants.KB_EV * T));
        double interval = 1.0 / gamma; // about one attempted hop per particle per window
        int samples = 300;
        return ParallelTasks.map(reps, 2, 99, (i, rng) -> {
            KmcSimulation sim = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", n)
                    .barriers(new BarrierTable().set("Na", "nn", EA, NU)).temperature(T).rng(rng).build();
            TimeSeriesRecorder rec = new TimeSeriesRecorder("Na");
            sim.runUntil(interval * (samples - 1), interval, rec);
            double ds = DiffusionAnalysis.collectiveDiffusion(rec.collective(), interval, 1, n, 3);
            double dt = DiffusionAnalysis.tracerDiffusion(rec.msd(rec.size() - 1), rec.time(rec.size() - 1), 3);
            double nd = n / (lat.volume() * 1e-30);
            return new Point(ds, dt, sim.tracer("Na").correlationFactor(),
                    DiffusionAnalysis.nernstEinstein(nd, 1, ds, T), DiffusionAnalysis.nernstEinstein(nd, 1, dt, T));
        });
    }

    @Test
    void sigmaFollowsCTimesOneMinusCTimesF() {
        double d0 = NU * Math.exp(-EA / (Constants.KB_EV * T)) * A * A * 1e-20; // zνa²/6 with z=6
        double[] cs = {0.1, 0.5, 0.9};
        double[] fs = new double[cs.length];
        for (int k = 0; k < cs.length; k++) {
            double c = cs[k];
            List<Point> pts = run(c, 12);
            List<Double> ratio = new ArrayList<>(), f = new ArrayList<>(), st = new ArrayList<>(), stRef = new ArrayList<>();
            for (Point p : pts) {
                ratio.add(p.dSigma() / ((1 - c) * d0));
                f.add(p.f());
                st.add(p.sigmaTracer());
                stRef.add(DiffusionAnalysis.vacancyModelConductivity(1000 / (1000 * A * A * A * 1e-30), c, p.f(), 6, A, NU,
                        EA, 1, T));
            }
            double r = KmcTestSupport.mean(ratio), re = KmcTestSupport.stderr(ratio);
            fs[k] = KmcTestSupport.mean(f);
            System.out.printf("c=%.2f  D_sigma/((1-c)D0)=%.4f±%.4f  f(c)=%.4f±%.4f  sigma*=%.4g S/m  model=%.4g S/m%n", c,
                    r, re, fs[k], KmcTestSupport.stderr(f), KmcTestSupport.mean(st), KmcTestSupport.mean(stRef));
            assertEquals(1.0, r, Math.max(4 * re, 0.01), "collective D = (1-c) D0 at c=" + c);
            assertEquals(KmcTestSupport.mean(stRef), KmcTestSupport.mean(st),
                    4 * KmcTestSupport.stderr(st) + 0.02 * KmcTestSupport.mean(stRef),
                    "tracer Nernst-Einstein sigma vs vacancy-model formula at c=" + c);
        }
        assertTrue(fs[0] > fs[1] && fs[1] > fs[2], "f(c) decreases with c");
        assertTrue(fs[0] > 0.9, "f -> 1 at low c");
        assertTrue(fs[2] > 0.6531 && fs[2] < 0.75, "f -> f_v(sc) = 0.6531 at high c: " + fs[2]);
    }
}
