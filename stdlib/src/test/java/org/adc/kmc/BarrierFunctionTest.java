package org.adc.kmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** User barrier functions: equivalence with a table, and complete local updates for neighbour-dependent rates. */
class BarrierFunctionTest {
    @Test
    void functionEqualToTableGivesSameTrajectory() {
        Lattice lat = CrystalLattices.bcc(4, 3.0);
        BarrierTable t = new BarrierTable().set("Na", "nn", 0.3, 1e13);
        Barrier b = new Barrier(0.3, 1e13);
        KmcSimulation a = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", 60).barriers(t)
                .perHopCatalogue().temperature(500).seed(8).build();
        KmcSimulation f = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", 60)
                .barrierFunction((hop, sp, st) -> b, false).temperature(500).seed(8).build();
        a.runEvents(20_000);
        f.runEvents(20_000);
        assertEquals(a.time(), f.time());
        assertEquals(a.tracer("Na"), f.tracer("Na"));
    }

    @Test
    void neighbourDependentBarrierStaysConsistent() {
        // barrier rises by 0.05 eV per occupied neighbour of the source (a bond-breaking model)
        Lattice lat = CrystalLattices.simpleCubic(6, 2.5, null);
        HopBarrierFunction fn = (hop, sp, st) -> {
            Lattice l = st.lattice();
            int s = l.hopSource(hop);
            int occupied = 0;
            for (int h = l.outStart(s); h < l.outStart(s + 1); h++) {
                if (st.occupancy(l.hopTarget(h)) != KmcSimulation.VACANCY) {
                    occupied++;
                }
            }
            return new Barrier(0.2 + 0.05 * occupied, 1e13);
        };
        int[] face = Reservoir.faceSites(lat, 0, 0.1, true);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", 100)
                .barrierFunction(fn, true).temperature(600)
                .reservoir(new Reservoir("contact", face, "Na", new Barrier(0.3, 1e13), new Barrier(0.35, 1e13)))
                .seed(21).build();
        assertEquals(0, sim.verifyEventCatalogue());
        for (int k = 0; k < 10; k++) {
            sim.runEvents(2000);
            assertEquals(0, sim.verifyEventCatalogue(), "after " + sim.eventCount() + " events");
        }
        assertTrue(sim.rateClassCount() >= 3, "several barrier values seen: " + sim.rateClassCount());
    }

    @Test
    void tableCatalogueStaysConsistentWithReservoirsAndRamp() {
        Lattice lat = CrystalLattices.fcc(3, 4.0);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").immobileSpecies("Si").randomReplace("Va", "Si", 10)
                .randomReplace("Va", "Na", 40).barriers(new BarrierTable().set("Na", "nn", 0.3, 1e13))
                .temperature(TemperatureProgram.startAt(300).rampTo(700, 1e10).build())
                .reservoir(new Reservoir("sink", Reservoir.faceSites(lat, 2, 0.1, false), "Na", new Barrier(0.2, 1e12), null))
                .seed(4).build();
        sim.runEvents(5000);
        assertEquals(0, sim.verifyEventCatalogue());
        assertEquals(10, sim.count("Si"), "immobile species never moves or leaves");
    }
}
