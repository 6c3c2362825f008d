package org.adc.kmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adc.random.ParallelTasks;
import org.junit.jupiter.api.Test;

/** Seed determinism, thread-count independence, and the errors for bad input. */
class DeterminismAndErrorsTest {


    private static List<Double> run(int threads) {
        Lattice lat = CrystalLattices.fcc(3, 4.0);
        return ParallelTasks.map(6, threads, 77, (i, rng) -> {
            KmcSimulation sim = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", 50)
                    .barriers(new BarrierTable().set("Na", "nn", 0.3, 1e13)).temperature(
                            TemperatureProgram.startAt(300).rampTo(500, 1e9).build()).rng(rng).build();
            sim.runEvents(5000);
            return sim.tracer("Na").sumSquaredDisp() + sim.time();
        });
    }

    @Test
    void sameResultForAnyThreadCount() {
        List<Double> a = run(1), b = run(2), c = run(2);
        assertEquals(a, b);
        assertEquals(b, c);
        assertTrue(a.get(0).doubleValue() != a.get(1).doubleValue(), "replicas differ from each other");
    }

    @Test
    void pathWithoutBarrierIsNamed() {
        Lattice lat = CrystalLattices.simpleCubic(4, 1, null);
        KmcException e = assertThrows(KmcException.class, () -> KmcSimulation.builder(lat).species("Na").fill("Na")
                .randomReplace("Na", "Va", 1).barriers(new BarrierTable().set("Na", "other", 0.3, 1e13)).temperature(300)
                .build());
        assertTrue(e.getMessage().contains("path nn"), e.getMessage());
        assertTrue(e.getMessage().contains("species Na"), e.getMessage());
    }

    @Test
    void badRatesAreRejected() {
        KmcException neg = assertThrows(KmcException.class, () -> new BarrierTable().set("Na", "nn", 0.3, -1e13));
        assertTrue(neg.getMessage().contains("path nn"), neg.getMessage());
        assertThrows(KmcException.class, () -> new BarrierTable().set("Na", "nn", Double.NaN, 1e13));
        assertThrows(KmcException.class, () -> Barrier.fixedRate(Double.POSITIVE_INFINITY));
        assertThrows(KmcException.class, () -> TemperatureProgram.startAt(-5));
    }

    @Test
    void noMobileSpeciesIsRejected() {
        Lattice lat = CrystalLattices.simpleCubic(4, 1, null);
        KmcException e = assertThrows(KmcException.class, () -> KmcSimulation.builder(lat).immobileSpecies("Si")
                .fill("Si").barriers(new BarrierTable()).temperature(300).build());
        assertTrue(e.getMessage().contains("no mobile species"), e.getMessage());
        KmcException e2 = assertThrows(KmcException.class, () -> KmcSimulation.builder(lat).species("Na")
                .barriers(new BarrierTable().set("Na", "nn", 0.3, 1e13)).temperature(300).build());
        assertTrue(e2.getMessage().contains("no particle"), e2.getMessage());
    }
}
