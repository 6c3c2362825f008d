package org.adc.kmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The per-vacancy event lists (default for the barrier-table model) against the per-hop catalogue:
 * complete local updates with several species, an immobile species, a field (many rate classes and
 * multi-class vacancy signatures) and a temperature ramp; and the same process in distribution.
 */
class VacancyEventListsTest {
    private static KmcSimulation build(Lattice lat, long seed, boolean perHop) {
        BarrierTable t = new BarrierTable().set("Na", "nn", 0.30, 1e13).set("K", "nn", 0.36, 2e13);
        KmcSimulation.Builder b = KmcSimulation.builder(lat).species("Na").species("K").immobileSpecies("Sb")
                .randomReplace("Va", "Na", 300).randomReplace("Va", "K", 80).randomReplace("Va", "Sb", 40).barriers(t)
                .electricField(0.02, 0, 0.01).charge("Na", 1).charge("K", 1)
                .temperature(TemperatureProgram.startAt(450).rampTo(650, 1e8).build()).seed(seed);
        if (perHop) {
            b.perHopCatalogue();
        }
        return b.build();
    }

    @Test
    void catalogueStaysConsistent() {
        Lattice lat = CrystalLattices.bcc(6, 3.0).reorderedForLocality(); // 432 sites, 12 vacancies
        KmcSimulation sim = build(lat, 3, false);
        assertTrue(sim.rateClassCount() > 2, "field splits the classes per hop direction");
        for (int k = 0; k < 40; k++) {
            sim.runEvents(500);
            assertEquals(0, sim.verifyEventCatalogue(), "after " + (k + 1) * 500 + " events");
        }
        assertEquals(300, sim.count("Na"));
        assertEquals(40, sim.count("Sb"));
    }

    @Test
    void shortRowsAndTwoSublattices() {
        BoundaryCondition r = BoundaryCondition.REFLECTING;
        // reflecting faces: surface sites have fewer hops than z (padded rows); diamond: two sublattices
        Lattice[] lattices = {CrystalLattices.simpleCubic(5, 2.0, new BoundaryCondition[] {r, r, r}).reorderedForLocality(),
            CrystalLattices.diamond(2, 5.43)};
        for (Lattice lat : lattices) {
            int ions = lat.siteCount() * 2 / 3;
            KmcSimulation sim = KmcSimulation.builder(lat).species("Na").randomReplace("Va", "Na", ions)
                    .barriers(new BarrierTable().set("Na", "nn", 0.3, 1e13)).temperature(600).seed(5).build();
            for (int k = 0; k < 20; k++) {
                assertEquals(500, sim.runEvents(500));
                assertEquals(0, sim.verifyEventCatalogue(), lat.siteCount() + " sites, after " + (k + 1) * 500 + " events");
            }
            assertEquals(ions, sim.count("Na"));
        }
    }

    @Test
    void sameProcessAsThePerHopCatalogue() {
        Lattice lat = CrystalLattices.bcc(6, 3.0);
        int runs = 24;
        double[][] jumps = new double[2][2];
        double[][] sq = new double[2][2];
        double tEnd = 2e-9;
        for (int mode = 0; mode < 2; mode++) {
            for (int r = 0; r < runs; r++) {
                KmcSimulation sim = build(lat, 100 + r, mode == 1);
                sim.runUntil(tEnd, 1, null);
                double na = sim.tracer("Na").jumps(), k = sim.tracer("K").jumps();
                jumps[mode][0] += na;
                jumps[mode][1] += k;
                sq[mode][0] += na * na;
                sq[mode][1] += k * k;
            }
        }
        for (int s = 0; s < 2; s++) {
            double m0 = jumps[0][s] / runs, m1 = jumps[1][s] / runs;
            double v0 = sq[0][s] / runs - m0 * m0, v1 = sq[1][s] / runs - m1 * m1;
            double err = Math.sqrt((v0 + v1) / runs);
            System.out.printf("species %d: jumps per run %.1f (vacancy lists) vs %.1f (per-hop) ± %.1f%n", s, m0, m1, err);
            assertEquals(m1, m0, 4 * err + 1e-9);
        }
    }
}
