package org.adc.lib;

import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Env;
import org.adc.lang.Record;
import org.adc.potential.Atoms;
import org.adc.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Script level: potential.morse_embedding and gcmc.mu_npt (examples/nasb), inputs and errors. */
class GcmcMuNptTest {
    @TempDir
    Path dir;

    Env withModel() throws Exception {
        Files.writeString(dir.resolve("m.morse"), "pair Na Na 0.367 0.7526 3.8527 7.0\npair Sb Sb 0.625 0.8774 3.7262 7.0\n"
            + "pair Na Sb 0.0371 1.2 4.1919 7.0\nembed Na Sb 1.134 1.5 3.2 7.0\n");
        Files.writeString(dir.resolve("bad.morse"), "pair Na Na 0.367 0.75\n");
        return Call.env(dir);
    }

    static AtomsValue sb4(double shear) {
        double a = 4.94;
        return new AtomsValue(new Atoms(new String[] {"Sb", "Sb", "Sb", "Sb"},
            new double[] {0, 0, 0, 0, a / 2, a / 2, a / 2, 0, a / 2, a / 2, a / 2, 0}, new double[] {a, shear, 0, 0, a, 0, 0, 0, a}));
    }

    @Test
    void relaxedAndMetropolisSweepsReturnRunsAndStructures() throws Exception {
        Env env = withModel();
        Object calc = Call.callIn(env, PotentialLib.module(), "morse_embedding", "m.morse");
        for (boolean relaxed : new boolean[] {true, false}) {
            Record r = (Record) Call.callIn(env, GcmcLib.module(), "mu_npt", calc, AdcList.of(sb4(0)),
                AdcList.of(q(-1.0, "eV"), q(0.5, "eV")), n("reference", q(-1.112, "eV")), n("equilibration", 4L),
                n("samples", 3L), n("every", relaxed ? 1L : 50L), n("relaxed", relaxed), n("max_x", 2.0), n("threads", 2L));
            Table runs = (Table) r.member("runs");
            assertEquals(2L, runs.member("len"));
            Table st = (Table) r.member("structures");
            assertTrue((Long) st.member("len") >= 1);
        }
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        Env env = withModel();
        AdcError bad = assertThrows(AdcError.class, () -> Call.callIn(env, PotentialLib.module(), "morse_embedding", "bad.morse"));
        assertTrue(bad.getMessage().contains("bad.morse:1"), bad.getMessage());
        Object calc = Call.callIn(env, PotentialLib.module(), "morse_embedding", "m.morse");
        AdcError shear = assertThrows(AdcError.class, () -> Call.callIn(env, GcmcLib.module(), "mu_npt", calc, AdcList.of(sb4(0.5)),
            q(-1.0, "eV")));
        assertTrue(shear.getMessage().contains("non-orthorhombic"), shear.getMessage());
        Object lj = Call.callIn(env, PotentialLib.module(), "lj", q(0.01, "eV"), q(3.4, "Å"));
        assertThrows(AdcError.class, () -> Call.callIn(env, GcmcLib.module(), "mu_npt", lj, AdcList.of(sb4(0)), q(-1.0, "eV")));
        AdcError temp = assertThrows(AdcError.class, () -> Call.callIn(env, GcmcLib.module(), "mu_npt", calc, AdcList.of(sb4(0)),
            q(300, "K")));
        assertTrue(temp.getMessage().contains("energy per particle"), temp.getMessage());
        AdcError sp = assertThrows(AdcError.class, () -> Call.callIn(env, GcmcLib.module(), "mu_npt", calc, AdcList.of(sb4(0)),
            q(-1.0, "eV"), n("species", "Li")));
        assertTrue(sp.getMessage().contains("no element Li"), sp.getMessage());
    }
}
