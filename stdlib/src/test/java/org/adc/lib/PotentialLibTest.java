package org.adc.lib;

import static org.adc.lib.Call.call;
import static org.adc.lib.Call.callIn;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Env;
import org.adc.lang.Module;
import org.adc.lang.Record;
import org.adc.units.Quantity;
import org.adc.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script-facing potential module: constructors, energy, relax, neb records, errors. */
class PotentialLibTest {
    static final Module M = PotentialLib.module();

    static double ev(Object q) {
        return ((Quantity) q).valueIn(Units.parse("eV"));
    }

    @Test
    void ljEnergyOfARecordOfAtoms() {
        Object calc = call(M, "lj", n("epsilon", q(0.0104, "eV")), n("sigma", q(3.4, "Å")), n("cutoff", q(8.5, "Å")));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("symbols", AdcList.of("Ar", "Ar"));
        f.put("positions", AdcList.of(AdcList.of(q(0, "Å"), q(0, "Å"), q(0, "Å")), AdcList.of(q(3.8, "Å"), 0.0, 0.0)));
        f.put("cell", AdcList.of(AdcList.of(30.0, 0.0, 0.0), AdcList.of(0.0, 30.0, 0.0), AdcList.of(0.0, 0.0, 30.0)));
        double e = ev(call(M, "energy", calc, new Record(f)));
        double s6 = Math.pow(3.4 / 3.8, 6), c6 = Math.pow(3.4 / 8.5, 6);
        assertEquals(4 * 0.0104 * (s6 * s6 - s6) - 4 * 0.0104 * (c6 * c6 - c6), e, 1e-12);
    }

    @Test
    void swFromScriptFolderAndVacancyNeb(@TempDir Path dir) throws Exception {
        try (var in = PotentialLibTest.class.getResourceAsStream("/potential/Si.sw")) {
            Files.copy(in, dir.resolve("Si.sw"));
        }
        Env env = Env.local(dir, System.out);
        Object calc = callIn(env, M, "sw", "Si.sw");
        Object si = call(M, "bulk", "Si", "diamond", q(5.431, "Å"), AdcList.of(2L, 2L, 2L));
        assertEquals(-4.3366 * 64, ev(call(M, "energy", calc, si)), 0.01);
        AdcList stress = (AdcList) call(M, "stress", calc, si);
        assertEquals(3, stress.size());
        Object vac = call(M, "remove_atom", si, 0L);
        Record ini = (Record) call(M, "relax", calc, vac, n("fmax", q(0.01, "eV/Å")));
        assertEquals(true, ini.member("converged"));
        Object fin = call(M, "move_atom", ini.member("atoms"), 0L, AdcList.of(q(0, "Å"), q(0, "Å"), q(0, "Å")));
        Record fr = (Record) call(M, "relax", calc, fin, n("fmax", q(0.01, "eV/Å")), n("optimizer", "lbfgs"));
        Record r = (Record) call(M, "neb", ini.member("atoms"), fr.member("atoms"), calc, n("images", 5L), n("fmax", q(0.05, "eV/Å")));
        assertTrue(r.member("converged") instanceof Boolean);
        assertEquals(5, ((AdcList) r.member("energies")).size());
        assertEquals(5, ((AdcList) r.member("reaction_coordinate")).size());
        assertEquals(5, ((AdcList) r.member("images")).size());
        assertTrue(r.member("saddle") instanceof AtomsValue);
        assertTrue(r.memberNames().containsAll(java.util.List.of("barrier", "barrier_images", "reverse_barrier", "steps", "max_force")));
    }

    /** Structure values of the structure layer are atoms; per-segment springs; nearest_atom; the printable profile. */
    @Test
    void structureValuesSpringListAndProfile() {
        Object calc = call(M, "lj", n("epsilon", q(0.0104, "eV")), n("sigma", q(3.4, "Å")), n("cutoff", q(8.5, "Å")));
        StructureValue fcc = new StructureValue(org.adc.structure.Prototypes.fcc("Ar", 5.26));
        Object own = call(M, "bulk", "Ar", "fcc", q(5.26, "Å"), AdcList.of(1L, 1L, 1L));
        assertEquals(ev(call(M, "energy", calc, own)), ev(call(M, "energy", calc, fcc)), 1e-12, "structure value = same crystal");
        long i0 = (Long) call(M, "nearest_atom", fcc, AdcList.of(q(0, "Å"), q(0, "Å"), q(0, "Å")));
        long i1 = (Long) call(M, "nearest_atom", fcc, AdcList.of(q(5.2, "Å"), q(2.6, "Å"), q(0.1, "Å")));   // (a, a/2, 0) ≡ (0, a/2, 0)
        AdcList pos = (AdcList) ((AtomsValue) call(M, "move_atom", fcc, 0L, AdcList.of(q(0, "Å"), q(0, "Å"), q(0, "Å")))).member("positions");
        assertEquals(0.0, ((Quantity) ((AdcList) pos.items().get((int) i0)).items().get(0)).valueIn(Units.parse("Å")), 1e-9);
        assertTrue(i0 != i1);
        Object big = call(M, "bulk", "Ar", "fcc", q(5.26, "Å"), AdcList.of(2L, 2L, 2L));
        Object vac = call(M, "remove_atom", big, 0L);
        Record ini = (Record) call(M, "relax", calc, vac, n("fmax", q(0.001, "eV/Å")));
        Object moved = call(M, "move_atom", ini.member("atoms"), (Long) call(M, "nearest_atom", vac,
            AdcList.of(q(2.63, "Å"), q(2.63, "Å"), q(0, "Å"))), AdcList.of(q(0, "Å"), q(0, "Å"), q(0, "Å")));
        Record fin = (Record) call(M, "relax", calc, moved, n("fmax", q(0.001, "eV/Å")));
        AdcList k = AdcList.of(0.1, 0.1, 0.1, 0.1);
        Record r = (Record) call(M, "neb", ini.member("atoms"), fin.member("atoms"), calc, n("images", 5L), n("k", k),
            n("fmax", q(0.01, "eV/Å")));
        assertEquals(true, r.member("converged"));
        String profile = (String) r.member("profile");
        assertTrue(profile.startsWith("image  s (Å)   E − E0 (eV)\n    0   0.000      0.00000\n"), profile);
        assertTrue(profile.contains("(climbing)"), profile);
        AdcError e = assertThrows(AdcError.class, () -> call(M, "neb", ini.member("atoms"), fin.member("atoms"), calc, n("images", 5L),
            n("k", AdcList.of(0.1, 0.1))));
        assertTrue(e.getMessage().contains("4 values for 5 images"), e.getMessage());
        assertTrue(((AtomsValue) r.member("saddle")).member("structure") instanceof StructureValue);
    }

    @Test
    void badFileNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.sw"), "Si Si Si 2.1683 2.0951 1.80 21.0\n1.20 -0.3333 7.049556277 x 4.0 0.0 0.0\n");
        Env env = Env.local(dir, System.out);
        AdcError e = assertThrows(AdcError.class, () -> callIn(env, M, "sw", "bad.sw"));
        assertTrue(e.getMessage().contains("bad.sw:2"), e.getMessage());
    }

    @Test
    void tooCloseAtomsIsAScriptError() {
        Object calc = call(M, "lj", q(0.0104, "eV"), q(3.4, "Å"));
        Object a = call(M, "atoms", AdcList.of("Ar", "Ar"), AdcList.of(AdcList.of(0.0, 0.0, 0.0), AdcList.of(1.0, 0.0, 0.0)),
            AdcList.of(AdcList.of(20.0, 0.0, 0.0), AdcList.of(0.0, 20.0, 0.0), AdcList.of(0.0, 0.0, 20.0)));
        AdcError e = assertThrows(AdcError.class, () -> call(M, "relax", calc, a));
        assertTrue(e.getMessage().contains("1.0000 Å apart"), e.getMessage());
    }

    @Test
    void wrongArgumentKinds() {
        assertThrows(AdcError.class, () -> call(M, "lj", q(3.4, "Å"), q(3.4, "Å")));
        assertThrows(AdcError.class, () -> call(M, "energy", "not a calculator", 1L));
        assertThrows(AdcError.class, () -> call(M, "lj", q(0.01, "eV"), q(3.4, "Å"), n("truncation", "smooth")));
    }
}
