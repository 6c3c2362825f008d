package org.adc.kmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adc.random.ParallelTasks;
import org.junit.jupiter.api.Test;

/**
 * Tracer correlation factor of vacancy diffusion (one vacancy in a periodic crystal, all other
 * sites occupied), estimator f = Σ|R|²/(Σ n λ²). Reference values: Compaan &amp; Haven, Trans.
 * Faraday Soc. 52 (1956) 786 and 54 (1958) 1498; Mehrer, "Diffusion in Solids" (2007) Table 7.2:
 * sc 0.6531, bcc 0.7272, fcc 0.7815, diamond 0.5.
 */
class CorrelationFactorTest {
    private static final int REPS = 12;
    private static final long EVENTS = 400_000;

    private static void check(Lattice lat, double reference) {
        List<Double> fs = ParallelTasks.map(REPS, 2, 2024, (i, rng) -> {
            KmcSimulation sim = KmcSimulation.builder(lat).species("A").fill("A").randomReplace("A", "Va", 1)
                    .barriers(new BarrierTable().set("A", "nn", 0.0, 1.0)).temperature(300).rng(rng).build();
            sim.runEvents(EVENTS);
            return sim.tracer("A").correlationFactor();
        });
        double f = KmcTestSupport.mean(fs), err = KmcTestSupport.stderr(fs);
        System.out.printf("f(%d sites) = %.4f ± %.4f (reference %.4f)%n", lat.siteCount(), f, err, reference);
        assertTrue(err < 0.009, "statistical error " + err);
        assertEquals(reference, f, 4 * err + 0.002, "correlation factor");
    }

    @Test
    void simpleCubic() {
        check(CrystalLattices.simpleCubic(12, 1.0, null), 0.6531);
    }

    @Test
    void bcc() {
        check(CrystalLattices.bcc(8, 1.0), 0.7272);
    }

    @Test
    void fcc() {
        check(CrystalLattices.fcc(6, 1.0), 0.7815);
    }

    @Test
    void diamond() {
        check(CrystalLattices.diamond(5, 1.0), 0.5);
    }
}
