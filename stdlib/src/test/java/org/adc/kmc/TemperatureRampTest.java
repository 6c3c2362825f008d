package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.adc.random.ParallelTasks;
import org.junit.jupiter.api.Test;

/**
 * Time-dependent rates: a lone particle on a chain hops with total rate R(t) = 2 ν exp(−Ea/kT(t))
 * whatever its position, so the number of hops in [0, t] is Poisson with mean ∫R dt. Checked
 * against a fine Simpson integral over a ramp + hold + ramp-down program.
 */
class TemperatureRampTest {
    @Test
    void hopCountMatchesIntegratedRate() {
        double ea = 0.5, nu = 1e8;
        TemperatureProgram p = TemperatureProgram.startAt(300).rampTo(420, 60).hold(0.5).rampTo(380, 40).build();
        double tEnd = p.duration() + 0.2;
        int m = 200_000;
        double h = tEnd / m, integral = 0;
        for (int k = 0; k <= m; k++) {
            double w = (k == 0 || k == m) ? 1 : (k % 2 == 1 ? 4 : 2);
            integral += w * 2 * nu * Math.exp(-ea / (Constants.KB_EV * p.temperatureAt(k * h)));
        }
        integral *= h / 3;
        Lattice lat = CrystalLattices.chain(50, 2.0);
        List<Double> counts = ParallelTasks.map(200, 2, 5, (i, rng) -> {
            KmcSimulation sim = KmcSimulation.builder(lat).species("Na").set(0, "Na")
                    .barriers(new BarrierTable().set("Na", "nn", ea, nu)).temperature(p).rng(rng).build();
            return (double) sim.runUntil(tEnd, 0, null);
        });
        double mean = KmcTestSupport.mean(counts);
        double err = Math.sqrt(integral / counts.size()); // Poisson
        System.out.printf("hops: %.2f  expected %.2f ± %.2f%n", mean, integral, err);
        assertEquals(integral, mean, 4 * err);
        assertEquals(380.0, p.temperatureAt(tEnd), 1e-12);
        List<Double> tr = new ArrayList<>();
        tr.add(p.temperatureAt(1.0));
        assertEquals(360.0, tr.get(0), 1e-9, "ramp 300 -> 420 at 60 K/s");
    }
}
