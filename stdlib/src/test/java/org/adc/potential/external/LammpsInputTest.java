package org.adc.potential.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Issue 14 item 5: LAMMPS and pw.x inputs from a recipe by allow-list; every file through the sandbox check. */
class LammpsInputTest {
    /** A file check that records what it was asked and refuses everything outside /ok/. */
    private final List<String> asked = new ArrayList<>();
    private final Function<String, Path> sandbox = w -> {
        asked.add(w);
        if (w.startsWith("/") || w.contains("..")) {
            throw new SecurityException("reading '" + w + "' is not allowed");
        }
        return Path.of("/ok", w);
    };

    private static void refused(String message, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void pairStylesComeFromTheList() {
        assertEquals("sw", LammpsInput.pairStyle(" sw "));
        assertEquals("lj/cut 8.5", LammpsInput.pairStyle("lj/cut 8.5"));
        assertEquals("hybrid/overlay sw zbl 4.0 5.0", LammpsInput.pairStyle("hybrid/overlay sw zbl 4.0 5.0"));
        assertEquals("table linear 1000", LammpsInput.pairStyle("table linear 1000"));
        refused("'python' is not allowed", () -> LammpsInput.pairStyle("python 2.5"));
        refused("'python' is not allowed", () -> LammpsInput.pairStyle("hybrid/overlay python 2.5 sw"));
        refused("'kim' is not allowed", () -> LammpsInput.pairStyle("kim SW_StillingerWeber_1985_Si__MO_405512056662_006"));
        refused("'list' is not allowed", () -> LammpsInput.pairStyle("list /etc/passwd 8.0"));
        refused("'/etc/passwd' is not allowed", () -> LammpsInput.pairStyle("lj/cut /etc/passwd"));
        refused("without quotes, &, #, $", () -> LammpsInput.pairStyle("lj/cut $(is_file(/etc/hostname))"));
        refused("without quotes, &, #, $", () -> LammpsInput.pairStyle("lj/cut ${x}"));
        refused("without quotes, &, #, $", () -> LammpsInput.pairStyle("sw\nshell rm -rf /"));
        refused("needs at least one sub-style", () -> LammpsInput.pairStyle("hybrid 2.0"));
    }

    @Test
    void everyFileOfPairCoeffGoesThroughTheSandboxCheck() {
        assertEquals("* * /ok/Si.sw Si", LammpsInput.pairCoeff("sw", "* * Si.sw Si", sandbox));
        assertEquals("* * /ok/library.meam Si C /ok/SiC.meam Si C", LammpsInput.pairCoeff("meam", "* * library.meam Si C SiC.meam Si C", sandbox));
        assertEquals("1 1 0.0104 3.4", LammpsInput.pairCoeff("lj/cut 8.5", "1 1 0.0104 3.4", sandbox));
        assertEquals("* * sw /ok/Si.sw Si NULL", LammpsInput.pairCoeff("hybrid/overlay sw zbl 4 5", "* * sw Si.sw Si NULL", sandbox));
        assertEquals("1 1 /ok/pot.table LJ_AB 8.0", LammpsInput.pairCoeff("table linear 1000", "1 1 pot.table LJ_AB 8.0", sandbox));
        // a file without a dot or slash is a file too (the old heuristic let it through unchecked)
        assertEquals("* * /ok/SiPOT Si", LammpsInput.pairCoeff("sw", "* * SiPOT Si", sandbox));
        assertTrue(asked.containsAll(List.of("Si.sw", "library.meam", "SiC.meam", "pot.table", "SiPOT")), asked.toString());
        assertThrows(SecurityException.class, () -> LammpsInput.pairCoeff("sw", "* * /etc/passwd Si", sandbox));
        assertThrows(SecurityException.class, () -> LammpsInput.pairCoeff("sw", "* * ../../etc/passwd Si", sandbox));
        refused("refers to a LAMMPS variable", () -> LammpsInput.pairCoeff("lj/cut 8", "1 1 v_eps 3.4", sandbox));
        refused("without quotes, &, #, $", () -> LammpsInput.pairCoeff("lj/cut 8", "1 1 $(is_file(/etc/hostname)) 3.4", sandbox));
        refused("starts with two atom types", () -> LammpsInput.pairCoeff("sw", "Si.sw Si", sandbox));
    }

    @Test
    void pairModifyTakesKeywordsOnly() {
        assertEquals("shift yes mix arithmetic", LammpsInput.pairModify("shift yes mix arithmetic"));
        refused("'shell' is not allowed", () -> LammpsInput.pairModify("shell ls"));
        refused("refers to a LAMMPS variable", () -> LammpsInput.pairModify("table v_n"));
    }

    @Test
    void theCalculatorAppliesTheSameList() {
        Path d = Path.of("/tmp/never-used");
        refused("'python' is not allowed", () -> new LammpsCalculator("hybrid/overlay python 2.5 sw", List.of("* * /x/Si.sw Si"), List.of(),
            new String[]{"Si"}, d, false));
        refused("without quotes", () -> new LammpsCalculator("sw", List.of("* * /x/Si.sw Si"), List.of("shift $(v)"), new String[]{"Si"}, d, false));
    }

    @Test
    void pwInputsAreAllowListedToo() {
        Map<String, Path> pp = Map.of("Si", Path.of("/ok/Si.pz-vbc.UPF"));
        int[] k = {2, 2, 2};
        int[] off = {0, 0, 0};
        new EspressoCalculator.Settings(pp, 20, 0, k, off, "mv", 0.01, 1e-8, "PBE");
        refused("smearing 'mv\\n/' is not one of", () -> new EspressoCalculator.Settings(pp, 20, 0, k, off, "mv\n/", 0.01, 1e-8, null));
        refused("smearing 'cold', outdir='/etc' is not one of",
            () -> new EspressoCalculator.Settings(pp, 20, 0, k, off, "cold', outdir='/etc", 0.01, 1e-8, null));
        refused("input_dft", () -> new EspressoCalculator.Settings(pp, 20, 0, k, off, null, 0.01, 1e-8, "PBE'\n/\n&control"));
        refused("pseudopotential file", () -> new EspressoCalculator.Settings(Map.of("Si", Path.of("/ok/Si pz.UPF")), 20, 0, k, off, null, 0.01,
            1e-8, null));
        refused("positive and finite", () -> new EspressoCalculator.Settings(pp, Double.POSITIVE_INFINITY, 0, k, off, null, 0.01, 1e-8, null));
        refused("positive and finite", () -> new EspressoCalculator.Settings(pp, 20, 0, k, off, null, Double.NaN, 1e-8, null));
    }
}
