package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.callIn;
import static org.adc.lib.Call.method;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Record;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

class StructureLibTest {
    private final Module m = StructureLib.module();

    @Test
    void diamondHasEightAtomsAndLengthsInAngstrom() {
        StructureValue s = (StructureValue) call(m, "diamond", "Si", n("a", q(0.5431, "nm")));
        assertEquals(8L, s.member("natoms"));
        Quantity a = (Quantity) s.member("a");
        assertEquals("Å", a.unit().symbol());
        assertEquals(5.431, a.value(), 1e-9);
        assertEquals(5.431 * 5.431 * 5.431, ((Quantity) s.member("volume")).value(), 1e-6);
        assertEquals(227L, ((Record) s.member("spacegroup")).member("number"));
    }

    @Test
    void plainNumberForALengthIsAnErrorWithAHint() {
        AdcError e = assertThrows(AdcError.class, () -> call(m, "fcc", "Cu", 3.615));
        assertTrue(e.getMessage().contains("length expected, got the plain number 3.615"), e.getMessage());
        assertTrue(e.hint().contains("3.615 Å"), e.hint());
    }

    @Test
    void crystalFromWyckoffSitesEqualsThePrototype() {
        Object sites = AdcList.of(new Record(Map.of("species", "Si", "wyckoff", "a")));
        StructureValue s = (StructureValue) call(m, "crystal", n("spacegroup", "Fd-3m"), n("a", q(5.431, "Å")), n("sites", sites));
        assertEquals(8L, s.member("natoms"));
        assertEquals("8a", ((AdcList) s.member("wyckoff")).get(0));
        AdcError e = assertThrows(AdcError.class, () -> call(m, "crystal", n("spacegroup", 231L), n("a", q(5, "Å")), n("sites", sites)));
        assertTrue(e.getMessage().contains("unknown space group number 231"), e.getMessage());
    }

    @Test
    void na24si136CompositionSymmetryAndNaVacancy() {
        StructureValue s = (StructureValue) call(m, "na24si136");
        assertEquals(160L, s.member("natoms"));
        assertEquals(136L, method(Call.env(Path.of(".")), s, "count", "Si"));
        AdcList na28 = (AdcList) method(Call.env(Path.of(".")), s, "indices", "Na28");
        assertEquals(8, na28.size());
        AdcList cn = (AdcList) method(Call.env(Path.of(".")), s, "coordination", q(2.6, "Å"), n("neighbor", "Si"));
        for (int i = 0; i < 136; i++) {
            assertEquals(4L, cn.get(i));
        }
        List<Object> classes = ((AdcList) call(m, "distinct_sites", s, "Si")).items();
        assertEquals(List.of(96L, 32L, 8L), classes.stream().map(c -> ((Record) c).member("multiplicity")).toList());
        StructureValue d = (StructureValue) method(Call.env(Path.of(".")), s, "vacancy", na28.get(0));
        assertEquals(215L, ((Record) call(m, "symmetry", d)).member("number"));
    }

    @Test
    void readsSeed003TableThroughTheEnvironmentAndReportsOverlaps() {
        Path data = Path.of("..", "examples", "si_anodes", "data");
        StructureValue s = (StructureValue) callIn(Call.env(data), m, "read", "c-Si_Na.sitable");
        assertEquals("NaSi64", s.member("formula"));
        AdcError e = assertThrows(AdcError.class, () -> callIn(Call.env(data), m, "read", "c-Si_Li.sitable"));
        assertTrue(e.getMessage().startsWith("c-Si_Li.sitable: atoms 5 (Si) and 21 (Si) overlap"), e.getMessage());
        StructureValue li = (StructureValue) callIn(Call.env(data), m, "read", "c-Si_Li.sitable", n("min_distance", q(0, "Å")));
        assertEquals(65L, li.member("natoms"));
    }

    @Test
    void rigidGroupsStandardizePrimitiveAndSymmetrizedCif() {
        var env = Call.env(Path.of("."));
        StructureValue ap = (StructureValue) call(m, "antiperovskite");
        long b = (Long) ((AdcList) method(env, ap, "indices", "B")).get(0);
        StructureValue bh4 = (StructureValue) method(env, ap, "place_group", b, "BH4");
        assertEquals(9L, bh4.member("natoms"));
        assertEquals("BH4Na3O", bh4.member("formula"));
        assertEquals(215L, ((Record) call(m, "symmetry", bh4)).member("number"));   // tetrahedron at 1a: Pm-3m -> P-43m
        StructureValue turned = (StructureValue) method(env, ap, "place_group", b, "BH4", n("euler", AdcList.of(q(45, "deg"), q(0, "deg"), q(0, "deg"))));
        assertEquals(115L, ((Record) call(m, "symmetry", turned)).member("number"));   // P-4m2
        AdcList nbrs = (AdcList) method(env, bh4, "neighbors", 4L, q(1.5, "Å"));
        assertEquals(4, nbrs.size());
        for (Object o : nbrs) assertEquals(1.21, ((Quantity) ((Record) o).member("distance")).value(), 1e-9);
        String cif = (String) method(env, bh4, "format", "cif-symmetrized");
        assertTrue(cif.contains("_symmetry_int_tables_number       215"), cif);
        StructureValue sc = (StructureValue) method(env, bh4, "supercell", 2L);
        assertEquals(9L, ((StructureValue) method(env, sc, "primitive")).member("natoms"));
        assertEquals(9L, ((StructureValue) method(env, sc, "standardize")).member("natoms"));
        AdcError e = assertThrows(AdcError.class, () -> method(env, ap, "place_group", b, "CH4"));
        assertTrue(e.getMessage().contains("unknown rigid group"), e.getMessage());
    }

    @Test
    void interstitialCandidatesOfSi136AreTheCageCentres() {
        AdcList c = (AdcList) call(m, "interstitial_sites", call(m, "clathrate_ii", n("guest", "")), n("min_radius", q(2.2, "Å")));
        assertEquals(2, c.size());
        assertEquals(8L, ((Record) c.get(0)).member("multiplicity"));    // Si28 centres (8b)
        assertEquals(16L, ((Record) c.get(1)).member("multiplicity"));   // Si20 centres (16c): split Voronoi vertices merged
    }

    @Test
    void defectsSupercellAndInterstitialCandidates() {
        var env = Call.env(Path.of("."));
        StructureValue si = (StructureValue) call(m, "diamond");
        StructureValue big = (StructureValue) method(env, si, "supercell", 2L);
        assertEquals(64L, big.member("natoms"));
        StructureValue sub = (StructureValue) method(env, si, "substitute", 0L, "Ge");
        assertEquals("GeSi7", sub.member("formula"));
        StructureValue fr = (StructureValue) method(env, si, "frenkel", 0L, AdcList.of(0.5, 0.5, 0.5));
        assertEquals(8L, fr.member("natoms"));
        AdcList cands = (AdcList) call(m, "interstitial_sites", si, n("min_radius", q(2, "Å")));
        Record td = (Record) cands.get(0);
        assertEquals(Math.sqrt(3) / 4 * 5.431020511, ((Quantity) td.member("radius")).value(), 0.02);
        Object sites = AdcList.of(new Record(Map.of("species", "Na", "wyckoff", "c", "occupancy", 0.5)));
        StructureValue half = (StructureValue) call(m, "crystal", n("spacegroup", 227L), n("a", q(14.77, "Å")), n("sites", sites));
        StructureValue one = (StructureValue) method(env, half, "ordered", 42L);
        StructureValue again = (StructureValue) method(env, half, "ordered", 42L);
        assertEquals(8L, one.member("natoms"));
        assertEquals(one.member("sites"), again.member("sites"));
    }

    @Test
    void everyFunctionHasACompleteDocPage() {
        for (Object f : m.members().values()) {
            NativeFunction nf = (NativeFunction) f;
            var d = nf.doc();
            for (String part : new String[]{d.summary(), d.syntax(), d.examples(), d.description(), d.units(), d.errors(), d.source()}) {
                assertTrue(part != null && !part.isBlank(), nf.name() + " has an empty doc section");
            }
        }
    }
}
