package org.adc.kmc;

import org.adc.units.Constants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Na24Si136 cage lattice with seed 000 Table 1 barriers and a Si vacancy at 8a. */
class ClathrateTest {
    private static final double A = ClathrateLattices.A_DFT;

    @Test
    void cageConnectivity() {
        BoundaryCondition p = BoundaryCondition.PERIODIC;
        Lattice lat = ClathrateLattices.typeII(A, new int[] {2, 2, 2}, new BoundaryCondition[] {p, p, p});
        assertEquals(192, lat.siteCount());
        String[] types = lat.siteTypeNames();
        for (int i = 0; i < lat.siteCount(); i++) {
            int n20 = 0, n28 = 0;
            for (int h = lat.outStart(i); h < lat.outStart(i + 1); h++) {
                if (types[lat.siteType(lat.hopTarget(h))].equals("Si20")) {
                    n20++;
                } else {
                    n28++;
                }
            }
            if (types[lat.siteType(i)].equals("Si20")) {
                assertEquals(6, n20, "Si20 site " + i);
                assertEquals(6, n28);
            } else {
                assertEquals(12, n20, "Si28 site " + i);
                assertEquals(4, n28);
            }
        }
        int k = lat.hopKind(lat.outStart(0));
        double len = Math.sqrt(Math.pow(lat.kindVector(k, 0), 2) + Math.pow(lat.kindVector(k, 1), 2)
                + Math.pow(lat.kindVector(k, 2), 2));
        assertTrue(Math.abs(len - A * Math.sqrt(11) / 8) < 1e-9 || Math.abs(len - A * Math.sqrt(3) / 4) < 1e-9);
    }

    @Test
    void siVacancyAt8aLowersSi20Si20Barriers() {
        BoundaryCondition p = BoundaryCondition.PERIODIC;
        Lattice lat = ClathrateLattices.typeII(A, new int[] {2, 2, 2}, new BoundaryCondition[] {p, p, p})
                .withEnvironment(ClathrateLattices.siVacancy8aEnvironment(
                        ClathrateLattices.typeII(A, new int[] {2, 2, 2}, new BoundaryCondition[] {p, p, p}), A, 0, 0, 0));
        int labelled = 0;
        for (int h = 0; h < lat.hopCount(); h++) {
            if (lat.hopEnvironment(h).equals("SiVac-8a")) {
                labelled++;
                assertEquals("Si20-Si20", lat.hopPath(h));
            }
        }
        assertEquals(12, labelled, "the 6 edges of the Si20 tetrahedron around the vacancy, both directions");
        // Na vacancy in one of the four Si20 cages around the Si vacancy, plus bulk Na vacancies elsewhere
        int cage = -1;
        for (int h = 0; h < lat.hopCount() && cage < 0; h++) {
            if (lat.hopEnvironment(h).equals("SiVac-8a")) {
                cage = lat.hopSource(h);
            }
        }
        BarrierTable table = ClathrateLattices.seed000Table1(1e13);
        KmcSimulation sim = KmcSimulation.builder(lat).species("Na").fill("Na").set(cage, "Va")
                .randomReplace("Na", "Va", 7).barriers(table).temperature(723).seed(5).build();
        assertEquals(4, sim.rateClassCount());
        TimeSeriesRecorder rec = new TimeSeriesRecorder("Na", 2, 4);
        double kFast = 1e13 * Math.exp(-0.272 / (Constants.KB_EV * 723));
        sim.runUntil(2e4 / kFast, 1e3 / kFast, rec);
        long fast = sim.hopCount("Si20-Si20", "SiVac-8a");
        long all = sim.eventCount();
        System.out.printf("clathrate 723 K: %d events, %d Si20-Si20 next to the 8a Si vacancy, %d Si28-Si20%n", all, fast,
                sim.hopCount("Si28-Si20", "*"));
        assertTrue(fast > 0.95 * all, "Na rattles around the Si vacancy (0.272 eV) far more often than it leaves");
        assertEquals(0, sim.hopCount("Si20-Si20", Lattice.BULK), "3.04 eV bulk Si20-Si20 hops are frozen out");
        double[] occ = sim.occupancyBySiteType("Na");
        assertEquals(184.0 / 192, (occ[0] * 64 + occ[1] * 128) / 192, 1e-12, "Na conserved");
        assertTrue(rec.toTable().contains("occ_Si28\tocc_Si20"));
    }

    /** Directed hops per "path|environment" after placing vacancies at the given Wyckoff fractions in one periodic cell. */
    private static java.util.Map<String, Integer> labelled(java.util.Map<String, Double> fraction, java.util.Map<String, Integer> counts) {
        BoundaryCondition p = BoundaryCondition.PERIODIC;
        int[] n = {1, 1, 1};
        Lattice lat = ClathrateLattices.typeII(A, n, new BoundaryCondition[] {p, p, p});
        org.adc.structure.Structure s = org.adc.structure.Prototypes.na24si136();
        java.util.List<double[]> si = new java.util.ArrayList<>();
        java.util.List<String> wy = new java.util.ArrayList<>();
        for (org.adc.structure.Site site : s.sites()) {
            if (site.species().equals("Si")) {
                si.add(site.frac());
                wy.add(site.wyckoff());
            }
        }
        Lattice v = ClathrateLattices.withSiVacancies(lat, A, n, si.toArray(new double[0][]), wy.toArray(new String[0]),
            fraction, 7, counts);
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (int h = 0; h < v.hopCount(); h++) {
            int k = v.hopKind(h);
            if (!v.kindEnvironment(k).equals("bulk")) {
                out.merge(v.kindPath(k) + "|" + v.kindEnvironment(k), 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void oneSiVacancyAt96gOpensTheFourCagesAroundIt() {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        // one of 96: two Si28 + two Si20 share it -> 6 cage pairs, 12 directed hops
        java.util.Map<String, Integer> m = labelled(java.util.Map.of("96g", 1.0 / 96), counts);
        assertEquals(1, counts.get("96g"));
        assertEquals(java.util.Map.of("Si28-Si28|96g", 2, "Si20-Si20|96g", 2, "Si28-Si20|96g A", 4, "Si28-Si20|96g B", 4), m);
    }

    @Test
    void oneSiVacancyAt32eAndAllAt8a() {
        java.util.Map<String, Integer> m = labelled(java.util.Map.of("32e", 1.0 / 32), null);
        // Si28 + three Si20: 3 Si28-Si20 and 3 Si20-Si20 pairs
        assertEquals(java.util.Map.of("Si28-Si20|32e", 6, "Si20-Si20|32e", 6), m);
        // every 8a Si missing: each of the 48 Si20-Si20 pairs of the cell lies on exactly one 8a tetrahedron
        java.util.Map<String, Integer> all = labelled(java.util.Map.of("8a", 1.0), null);
        assertEquals(java.util.Map.of("Si20-Si20|8a", 96), all);
    }

    @Test
    void placementIsFixedBySeedAndCounted() {
        java.util.Map<String, Integer> c1 = new java.util.HashMap<>();
        java.util.Map<String, Integer> c2 = new java.util.HashMap<>();
        java.util.Map<String, Double> f = java.util.Map.of("96g", 0.25, "32e", 0.25, "8a", 0.5);
        assertEquals(labelled(f, c1), labelled(f, c2));
        assertEquals(java.util.Map.of("96g", 24, "32e", 8, "8a", 4), c1);
    }
}
