package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adc.random.ParallelTasks;
import org.junit.jupiter.api.Test;

/** Single-particle random walk: D = Γ λ² / (2d), Γ = total jump frequency z ν0 exp(−Ea/kBT). */
class RandomWalkTest {
    private static final double EA = 0.3, NU = 1e13, T = 600, A = 2.5;

    private static double gamma(int z) {
        return z * NU * Math.exp(-EA / (Constants.KB_EV * T));
    }

    private static List<Double> msd(Lattice lat, int reps, double tEnd) {
        return ParallelTasks.map(reps, 2, 7, (i, rng) -> {
            KmcSimulation sim = KmcSimulation.builder(lat).species("Na").set(0, "Na")
                    .barriers(new BarrierTable().set("Na", "nn", EA, NU)).temperature(T).rng(rng).build();
            sim.runUntil(tEnd, 0, null);
            return sim.tracer("Na").msd();
        });
    }

    @Test
    void simpleCubicD() {
        Lattice lat = CrystalLattices.simpleCubic(10, A, null);
        double g = gamma(6);
        double tEnd = 400 / g; // ~400 hops
        List<Double> m = msd(lat, 3000, tEnd);
        double d = DiffusionAnalysis.tracerDiffusion(KmcTestSupport.mean(m), tEnd, 3);
        double err = DiffusionAnalysis.tracerDiffusion(KmcTestSupport.stderr(m), tEnd, 3);
        double expected = g * A * A * 1e-20 / 6;
        assertTrue(err < 0.03 * expected, "statistical error too large: " + err);
        assertEquals(expected, d, 4 * err, "D = Γλ²/6");
    }

    @Test
    void chainD() {
        Lattice lat = CrystalLattices.chain(200, A);
        double g = gamma(2);
        double tEnd = 400 / g;
        List<Double> m = msd(lat, 2000, tEnd);
        double d = DiffusionAnalysis.tracerDiffusion(KmcTestSupport.mean(m), tEnd, 1);
        double err = DiffusionAnalysis.tracerDiffusion(KmcTestSupport.stderr(m), tEnd, 1);
        double expected = g * A * A * 1e-20 / 2;
        assertEquals(expected, d, 4 * err, "D = Γλ²/2 in 1D");
    }
}
