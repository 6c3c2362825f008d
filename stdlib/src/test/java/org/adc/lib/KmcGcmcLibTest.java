package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Callable;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Record;
import org.adc.table.Table;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

/** Script modules kmc and gcmc: results with units, thread-count independence, errors naming the item, docs. */
class KmcGcmcLibTest {
    private final Module kmc = KmcLib.module();
    private final Module gcmc = GcmcLib.module();

    private Object nnBarriers() {
        return call(kmc, "barriers", AdcList.of(new Record(java.util.Map.of("path", "nn", "barrier", q(0.4, "eV")))), n("species", "Na"));
    }

    @Test
    void runGivesUnitsAndDoesNotDependOnThreads() {
        Object lat = call(kmc, "lattice", "bcc", 3L, q(3, "Å"));
        Object b = nnBarriers();
        Record r1 = (Record) call(kmc, "run", lat, b, q(600, "K"), n("events", 3000L), n("concentration", 0.5), n("replicas", 3L),
            n("threads", 1L), n("seed", 5L));
        Record r2 = (Record) call(kmc, "run", lat, b, q(600, "K"), n("events", 3000L), n("concentration", 0.5), n("replicas", 3L),
            n("threads", 2L), n("seed", 5L));
        for (String k : new String[] {"d_tracer", "d_jump", "f", "sigma", "events", "time"}) {
            assertEquals(r1.member(k), r2.member(k), k + ": same seed, different thread count");
        }
        Quantity d = (Quantity) r1.member("d_tracer");
        assertEquals("cm^2/s", d.unit().symbol());
        assertEquals("S/cm", ((Quantity) r1.member("sigma")).unit().symbol());
        assertTrue(r1.member("series") instanceof Table);
    }

    private static java.util.Map<String, Integer> hopsPerPath(org.adc.kmc.Lattice lat) {
        java.util.Map<String, Integer> m = new java.util.TreeMap<>();
        for (int h = 0; h < lat.hopCount(); h++) {
            String p = lat.hopPath(h);
            String[] ab = p.split("-");
            String key = ab.length == 2 && ab[0].compareTo(ab[1]) > 0 ? ab[1] + "-" + ab[0] : p; // undirected name
            String types = lat.siteTypeNames()[lat.siteType(lat.hopSource(h))] + ">" + lat.siteTypeNames()[lat.siteType(lat.hopTarget(h))];
            m.merge(key + " " + types, 1, Integer::sum);
        }
        return m;
    }

    @Test
    void latticeFromStructureMatchesTheCageLattice() {
        Object s = call(StructureLib.module(), "na24si136");
        KmcLib.KmcLattice fromS = (KmcLib.KmcLattice) call(kmc, "from_structure", s, n("cells", 2L));
        KmcLib.KmcLattice ref = (KmcLib.KmcLattice) call(kmc, "clathrate", n("cells", 2L));
        assertEquals(ref.lattice.siteCount(), fromS.lattice.siteCount());
        assertEquals(192, fromS.lattice.siteCount());
        assertEquals(hopsPerPath(ref.lattice), hopsPerPath(fromS.lattice), "same hops per path and per site-type pair");
        // Table 1 names the path Si28-Si20; the structure names it Si20-Si28: the table keys both
        Object b = call(kmc, "barriers", AdcList.of(
            new Record(java.util.Map.of("path", "Si20-Si20", "barrier", q(0.6, "eV"))),
            new Record(java.util.Map.of("path", "Si28-Si20", "barrier", q(0.5, "eV"))),
            new Record(java.util.Map.of("path", "Si28-Si28", "barrier", q(0.7, "eV")))));
        Record r = (Record) call(kmc, "run", fromS, b, q(700, "K"), n("events", 2000L), n("vacancies", 4L));
        assertTrue(((Quantity) r.member("d_tracer")).si() > 0);
        // a plain sublattice without cages: bcc Li, 8 nearest-neighbour hops per site
        Object li = call(StructureLib.module(), "crystal", n("spacegroup", 229L), n("a", q(3.5, "Å")),
            n("sites", AdcList.of(new Record(java.util.Map.of("species", "Li", "wyckoff", "a")))));
        KmcLib.KmcLattice bcc = (KmcLib.KmcLattice) call(kmc, "from_structure", li, n("mobile", "Li"),
            n("framework", org.adc.lang.None.INSTANCE), n("cells", 4L), n("cutoff", q(3.1, "Å")));
        assertEquals(128, bcc.lattice.siteCount());
        assertEquals(8 * 128, bcc.lattice.hopCount());
        AdcError e = assertThrows(AdcError.class, () -> call(kmc, "from_structure", li, n("mobile", "Na")));
        assertTrue(e.getMessage().contains("no Na sites"), e.getMessage());
    }

    @Test
    void missingBarrierNamesThePath() {
        Object lat = call(kmc, "clathrate");
        Object b = call(kmc, "barriers", AdcList.of(new Record(java.util.Map.of("path", "Si28-Si20", "barrier", q(0.9, "eV")))));
        AdcError e = assertThrows(AdcError.class, () -> call(kmc, "run", lat, b, q(700, "K"), n("events", 10L)));
        assertTrue(e.getMessage().contains("no barrier") && e.getMessage().contains("Si"), e.getMessage());
        assertNotNull(e.hint());
    }

    @Test
    void noMobileSpeciesAndBadRateFunction() {
        Object lat = call(kmc, "lattice", "sc", 4L, q(3, "Å"));
        AdcError e = assertThrows(AdcError.class,
            () -> call(kmc, "run", lat, nnBarriers(), q(600, "K"), n("events", 10L), n("concentration", 0.0)));
        assertTrue(e.getMessage().contains("mobile"), e.getMessage());
        Callable negative = new Callable() {
            @Override
            public Object call(Object... args) {
                return q(-5, "Hz");
            }

            @Override
            public String name() {
                return "neg";
            }
        };
        AdcError e2 = assertThrows(AdcError.class,
            () -> call(kmc, "run", lat, org.adc.lang.None.INSTANCE, q(600, "K"), n("events", 10L), n("concentration", 0.5), n("rate", negative)));
        assertTrue(e2.getMessage().contains("-5 Hz") && e2.getMessage().contains("nn"), e2.getMessage());
    }

    @Test
    void siteEnergiesAndClosingFace() {
        Object lat = call(kmc, "clathrate", n("cells", AdcList.of(1L, 1L, 2L)), n("vacancy_96g", 0.3),
            n("boundary", AdcList.of("periodic", "periodic", "reflecting")));
        Object b = call(kmc, "barriers", AdcList.of(new Record(java.util.Map.of("path", "Si28-Si20", "barrier", q(0.4, "eV"))),
            new Record(java.util.Map.of("path", "Si20-Si20", "barrier", q(0.4, "eV"))),
            new Record(java.util.Map.of("path", "Si28-Si28", "barrier", q(0.4, "eV")))), n("species", "Na"));
        Object face = call(kmc, "reservoir", lat, n("face", "z-"), n("depth", q(2, "Å")), n("extract", q(0.1, "eV")), n("capacity", 5L));
        Record r = (Record) call(kmc, "run", lat, b, q(723, "K"), n("time", q(20, "ns")), n("reservoirs", face),
            n("site_energies", new Record(java.util.Map.of("Si20", q(0.3, "eV")))));
        assertEquals(5L, ((Number) r.member("extracted")).longValue(), "the face closes after 5 ions");
        Table series = (Table) r.member("series");
        Record last = (Record) series.rows().get(series.rows().size() - 1);
        double o20 = ((Number) last.member("occ_Si20")).doubleValue(), o28 = ((Number) last.member("occ_Si28")).doubleValue();
        assertTrue(o28 > o20, "Na gathers in the lower-energy Si28 cages: Si20 " + o20 + ", Si28 " + o28);
        AdcError e = assertThrows(AdcError.class, () -> call(kmc, "run", lat, b, q(723, "K"), n("events", 10L),
            n("site_energies", new Record(java.util.Map.of("Si24", q(0.3, "eV"))))));
        assertTrue(e.getMessage().contains("Si24") && e.getMessage().contains("Si20"), e.getMessage());
        AdcError e2 = assertThrows(AdcError.class, () -> call(kmc, "reservoir", lat, n("inject", q(1, "GHz")), n("capacity", 5L)));
        assertTrue(e2.getMessage().contains("capacity"), e2.getMessage());
    }

    @Test
    void chemicalPotentialInKelvinIsRefused() {
        AdcError e = assertThrows(AdcError.class, () -> call(gcmc, "lattice_gas", q(300, "K"), q(300, "K")));
        assertTrue(e.getMessage().contains("energy per particle"), e.getMessage());
    }

    @Test
    void langmuirTableMatchesExact() {
        Table t = (Table) call(gcmc, "lattice_gas", AdcList.of(q(-0.05, "eV")), q(300, "K"), n("sites", 200L), n("samples", 100L));
        Record r = t.rows().get(0);
        double cov = (Double) r.member("coverage"), err = (Double) r.member("error"), exact = (Double) r.member("exact");
        assertEquals(exact, cov, 5 * err + 1e-3);
    }

    @Test
    void hullMarksStablePhases() {
        Table t = (Table) call(gcmc, "hull", AdcList.of(new Record(java.util.Map.of("x", 0.5, "energy", q(-0.3, "eV"))),
            new Record(java.util.Map.of("x", 0.75, "energy", q(-0.1, "eV")))));
        assertEquals(true, t.rows().get(0).member("stable"));
        assertEquals(0.05, ((Quantity) t.rows().get(1).member("above_hull")).si() / 1.602176634e-19, 1e-9);
    }

    @Test
    void everyFunctionHasACompleteDocPage() {
        for (Module m : new Module[] {kmc, gcmc}) {
            for (Object o : m.members().values()) {
                Doc d = ((NativeFunction) o).doc();
                String name = ((NativeFunction) o).name();
                for (String s : new String[] {d.summary(), d.syntax(), d.examples(), d.description(), d.units(), d.errors(), d.source()}) {
                    assertTrue(s != null && !s.isBlank(), m.name() + "." + name + " lacks a doc section");
                }
            }
        }
    }
}
