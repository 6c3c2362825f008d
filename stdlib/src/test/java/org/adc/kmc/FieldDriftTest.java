package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.adc.random.ParallelTasks;
import org.junit.jupiter.api.Test;

/**
 * Field-driven hopping: a lone ion (z = +1) on a simple cubic lattice in a field E along x drifts
 * with v = λ k0 (e^u − e^(−u)), u = eEλ/(2 kB T), exactly; no drift across the field.
 */
class FieldDriftTest {
    @Test
    void driftVelocityMatchesBiasedHopping() {
        double ea = 0.3, nu = 1e13, t = 600, a = 3.0;
        double kT = Constants.KB_EV * t;
        double field = 2 * 0.5 * kT / a; // V/Å, gives u = 0.5
        double k0 = nu * Math.exp(-ea / kT);
        double u = field * a / (2 * kT);
        double vExact = a * k0 * (Math.exp(u) - Math.exp(-u)); // Å/s
        Lattice lat = CrystalLattices.simpleCubic(10, a, null);
        double tEnd = 300 / (6 * k0);
        List<double[]> r = ParallelTasks.map(800, 2, 13, (i, rng) -> {
            KmcSimulation sim = KmcSimulation.builder(lat).species("Na").charge("Na", 1).electricField(field, 0, 0)
                    .set(0, "Na").barriers(new BarrierTable().set("Na", "nn", ea, nu)).temperature(t).rng(rng).build();
            sim.runUntil(tEnd, 0, null);
            TracerSums ts = sim.tracer("Na");
            return new double[] {ts.collectiveX() / tEnd, ts.collectiveY() / tEnd};
        });
        double mx = 0, my = 0, vx = 0, vy = 0;
        for (double[] v : r) {
            mx += v[0];
            my += v[1];
        }
        mx /= r.size();
        my /= r.size();
        for (double[] v : r) {
            vx += (v[0] - mx) * (v[0] - mx);
            vy += (v[1] - my) * (v[1] - my);
        }
        double ex = Math.sqrt(vx / (r.size() - 1) / r.size()), ey = Math.sqrt(vy / (r.size() - 1) / r.size());
        System.out.printf("drift v_x = %.4g ± %.2g Å/s (exact %.4g), v_y = %.2g ± %.2g%n", mx, ex, vExact, my, ey);
        assertEquals(vExact, mx, 4 * ex);
        assertEquals(0.0, my, 4 * ey);
    }
}
