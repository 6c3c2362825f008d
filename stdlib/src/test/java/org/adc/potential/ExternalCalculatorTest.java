package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.adc.potential.external.EspressoCalculator;
import org.adc.potential.external.ExternalProgram;
import org.adc.potential.external.ExternalProgramException;
import org.adc.potential.external.LammpsCalculator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external calculators: LAMMPS (lmp) and Quantum ESPRESSO (pw.x) behind {@link Calculator}. Tests that run a
 * program are skipped with a message when it is not installed (.ci/run installs lammps); parsing and input
 * generation are tested on stored files everywhere.
 */
class ExternalCalculatorTest {
    @TempDir
    Path tmp;

    static final String LMP_MISSING = "LAMMPS (lmp) is not installed: skipped (apt-get install lammps)";
    static final String PW_MISSING = "pw.x is not installed: skipped (apt-get install quantum-espresso)";

    private Path resourceCopy(String name) throws Exception {
        Path p = tmp.resolve(Path.of(name).getFileName());
        try (var in = ExternalCalculatorTest.class.getResourceAsStream("/potential/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static void compare(String name, Evaluation ref, Evaluation ev, int n) {
        double de = Math.abs(ev.energy() - ref.energy()) / n;
        double df = 0;
        for (int k = 0; k < 3 * n; k++) {
            df = Math.max(df, Math.abs(ev.forces()[k] - ref.forces()[k]));
        }
        double dw = 0;
        for (int k = 0; k < 9; k++) {
            dw = Math.max(dw, Math.abs(ev.virial()[k] - ref.virial()[k]) / n);
        }
        System.out.printf("%-22s dE/N %.2e eV  max dF %.2e eV/A  max dW/N %.2e eV%n", name, de, df, dw);
        assertTrue(de <= 1e-8, name + " energy per atom differs by " + de);
        assertTrue(df <= 1e-6, name + " force differs by " + df);
        assertTrue(dw <= 1e-6, name + " virial per atom differs by " + dw);
    }

    /** A rigid rotation of the atoms and cell (not lower-triangular any more), to exercise LAMMPS's frame change. */
    static Atoms rotated(Atoms a) {
        double c = Math.cos(0.4), s = Math.sin(0.4), c2 = Math.cos(0.7), s2 = Math.sin(0.7);
        double[] r = {c, -s, 0, s, c, 0, 0, 0, 1};
        double[] r2 = {1, 0, 0, 0, c2, -s2, 0, s2, c2};
        double[] x = a.positions().clone();
        double[] cell = a.cell().clone();
        for (double[] v : new double[][] {x, cell}) {
            for (int i = 0; i < v.length; i += 3) {
                for (double[] m : new double[][] {r, r2}) {
                    double x0 = v[i], y0 = v[i + 1], z0 = v[i + 2];
                    v[i] = m[0] * x0 + m[1] * y0 + m[2] * z0;
                    v[i + 1] = m[3] * x0 + m[4] * y0 + m[5] * z0;
                    v[i + 2] = m[6] * x0 + m[7] * y0 + m[8] * z0;
                }
            }
        }
        return new Atoms(a.symbols(), x, cell, a.pbc());
    }

    @Test
    void lammpsStillingerWeberEqualsJavaInAnyCell() throws Exception {
        assumeTrue(LammpsCalculator.PROGRAM.available(), LMP_MISSING);
        Path sw = resourceCopy("Si.sw");
        RefData ref = RefData.load("sw_si");
        LammpsCalculator lmp = new LammpsCalculator("sw", List.of("* * " + sw + " Si"), List.of(), new String[] {"Si"}, tmp.resolve("runs"), false);
        StillingerWeber java = new StillingerWeber("Si.sw", RefData.resource("Si.sw"), "Si");
        compare("lammps sw (triclinic)", java.compute(ref.atoms()), lmp.compute(ref.atoms()), ref.atoms().size());
        Atoms rot = rotated(ref.atoms());
        compare("lammps sw (rotated)", java.compute(rot), lmp.compute(rot), rot.size());
        try (var s = Files.list(tmp.resolve("runs"))) {
            assertEquals(0, s.count(), "successful calls leave no folder behind");
        }
    }

    @Test
    void lammpsLennardJonesShiftedEqualsJava() throws Exception {
        assumeTrue(LammpsCalculator.PROGRAM.available(), LMP_MISSING);
        RefData ref = RefData.load("lj_shifted");
        String el = ref.atoms().symbols()[0];
        LennardJones java = new LennardJones(0.0104, 3.4, 8.5, LennardJones.Truncation.SHIFTED);
        LammpsCalculator lmp = new LammpsCalculator("lj/cut 8.5", List.of("1 1 0.0104 3.4"), List.of("shift yes"), new String[] {el},
            tmp.resolve("runs"), true);
        compare("lammps lj/cut shift", java.compute(ref.atoms()), lmp.compute(ref.atoms()), ref.atoms().size());
        try (var s = Files.list(tmp.resolve("runs"))) {
            Path d = s.findFirst().orElseThrow();
            assertTrue(Files.readString(d.resolve("in.adc")).contains("pair_modify shift yes"), "keep = true keeps the input");
        }
    }

    @Test
    void lammpsFailureNamesItsErrorAndFolder() throws Exception {
        assumeTrue(LammpsCalculator.PROGRAM.available(), LMP_MISSING);
        LammpsCalculator lmp = new LammpsCalculator("sw", List.of("* * " + tmp.resolve("missing.sw") + " Si"), List.of(),
            new String[] {"Si"}, tmp.resolve("runs"), false);
        RefData ref = RefData.load("sw_si");
        ExternalProgramException e = assertThrows(ExternalProgramException.class, () -> lmp.compute(ref.atoms()));
        System.out.println("LAMMPS failure: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("LAMMPS failed"), e.getMessage());
        assertTrue(e.getMessage().contains("ERROR"), "LAMMPS's own error line: " + e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("runs").toString()), "names the work folder: " + e.getMessage());
    }

    @Test
    void inputsCannotSmuggleCommands() {
        Path d = tmp.resolve("runs");
        assertThrows(IllegalArgumentException.class, () -> new LammpsCalculator("sw\nshell rm -rf /", List.of("* * Si.sw Si"), List.of(),
            new String[] {"Si"}, d, false));
        assertThrows(IllegalArgumentException.class, () -> new LammpsCalculator("python 2.5", List.of("* * py Si"), List.of(),
            new String[] {"Si"}, d, false));
        assertThrows(IllegalArgumentException.class, () -> new LammpsCalculator("sw", List.of("* * Si.sw Si &"), List.of(),
            new String[] {"Si"}, d, false));
    }

    @Test
    void missingProgramSaysWhatToInstall() {
        ExternalProgram p = new ExternalProgram("LAMMPS", "ADC_TEST_UNSET_VARIABLE", "install it (apt-get install lammps)", 10,
            "adc-no-such-program");
        assertTrue(!p.available());
        ExternalProgramException e = assertThrows(ExternalProgramException.class, () -> p.run(tmp, List.of(), null, "out", d -> null));
        assertEquals("LAMMPS is not installed: none of [adc-no-such-program] is on the PATH", e.getMessage());
        assertTrue(e.hint().contains("apt-get install lammps") && e.hint().contains("ADC_TEST_UNSET_VARIABLE"), e.hint());
    }

    // ---- Quantum ESPRESSO ----

    static Atoms si2() {
        double h = 2.7155;
        return new Atoms(new String[] {"Si", "Si"}, new double[] {0.05, 0, 0, 1.35775, 1.35775, 1.35775},
            new double[] {0, h, h, h, 0, h, h, h, 0});
    }

    private EspressoCalculator pw(Path pseudo) {
        var s = new EspressoCalculator.Settings(Map.of("Si", pseudo), 12, 0, new int[] {2, 2, 2}, new int[] {0, 0, 0}, null, 0.01, 1e-10, null);
        return new EspressoCalculator(s, tmp.resolve("pw-runs"), false);
    }

    @Test
    void espressoInputHasTheStructureInAngstrom() throws Exception {
        String in = pw(tmp.resolve("Si.pz-vbc.UPF")).input(si2());
        System.out.print(in);
        for (String want : new String[] {"calculation = 'scf'", "tprnfor = .true.", "tstress = .true.", "ibrav = 0", "nat = 2", "ntyp = 1",
            "ecutwfc = 12.0000000000000", "pseudo_dir = '" + tmp + "'", "Si 28.085", "Si.pz-vbc.UPF", "CELL_PARAMETERS angstrom",
            "ATOMIC_POSITIONS angstrom", "Si 0.0500000000000000 0.00000000000000 0.00000000000000", "K_POINTS automatic\n2 2 2 0 0 0"}) {
            assertTrue(in.contains(want), "pw.x input lacks '" + want + "'");
        }
        assertThrows(IllegalArgumentException.class, () -> pw(tmp.resolve("Si.UPF")).input(new Atoms(new String[] {"Si"}, new double[3],
            new double[] {5, 0, 0, 0, 5, 0, 0, 0, 5}, new boolean[] {true, true, false})), "pw.x needs 3D periodicity");
    }

    /** Stored pw.x 6.7 output (potential/qe/pw.out, from potential/qe/pw.in): units and signs of the parser. */
    @Test
    void espressoOutputIsParsedIntoEvAndAngstrom() throws Exception {
        List<String> out;
        try (var in = ExternalCalculatorTest.class.getResourceAsStream("/potential/qe/pw.out")) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Atoms a = si2();
        Evaluation ev = EspressoCalculator.parse(out, 2, a.volume(), "pw.out");
        double ry = 13.605693122994, bohr = 0.529177210903;
        assertEquals(-15.61530756 * ry, ev.energy(), 1e-9);
        assertEquals(-0.03402846 * ry / bohr, ev.forces()[0], 1e-9);
        assertEquals(0.03402846 * ry / bohr, ev.forces()[3], 1e-9);
        // pw.x: stress 0.00017598 Ry/bohr^3 = +25.89 kbar (compressed); adc/ASE sign: sigma = -W/V = -25.89 kbar = -2.589 GPa
        double[] sigma = ev.stressGPa(a.volume());
        assertEquals(-2.589, sigma[0], 0.001);
        assertEquals(-2.071, sigma[5], 0.001);
        assertEquals(sigma[5], sigma[7], 1e-12);
        List<String> failed = new java.util.ArrayList<>(out.subList(0, 200));
        failed.add("     convergence NOT achieved after 100 iterations: stopping");
        var e = assertThrows(ExternalProgramException.class, () -> EspressoCalculator.parse(failed, 2, a.volume(), "pw.out"));
        assertTrue(e.getMessage().contains("convergence NOT achieved"), e.getMessage());
    }

    /** Runs pw.x: same numbers as the stored output, and forces equal −dE/dx by central differences. */
    @Test
    void espressoRunsAndForcesMatchEnergyDifferences() throws Exception {
        assumeTrue(EspressoCalculator.PROGRAM.available(), PW_MISSING);
        EspressoCalculator calc = pw(resourceCopy("qe/Si.pz-vbc.UPF"));
        Atoms a = si2();
        Evaluation ev = calc.compute(a);
        assertEquals(-15.61530756 * EspressoCalculator.RY, ev.energy(), 2e-6, "same as the stored output");
        double h = 0.005;
        double[] e = new double[2];
        for (int s = 0; s < 2; s++) {
            Atoms b = a.copy();
            double[] x = b.positions().clone();
            x[0] += s == 0 ? h : -h;
            b.setPositions(x);
            e[s] = calc.compute(b).energy();
        }
        double fd = -(e[0] - e[1]) / (2 * h);
        System.out.printf("pw.x: F_x %.6f eV/A, -dE/dx %.6f eV/A%n", ev.forces()[0], fd);
        assertEquals(fd, ev.forces()[0], 2e-3, "pw.x force vs finite difference of its energy");
        var bad = new EspressoCalculator(new EspressoCalculator.Settings(Map.of("Si", resourceCopy("Si.sw")), 12, 0, new int[] {1, 1, 1},
            new int[] {0, 0, 0}, null, 0.01, 1e-10, null), tmp.resolve("bad"), false);
        var x = assertThrows(ExternalProgramException.class, () -> bad.compute(a));
        System.out.println("pw.x failure: " + x.getMessage());
        assertTrue(x.getMessage().contains("pw.x") && x.getMessage().contains(tmp.resolve("bad").toString()), x.getMessage());
        assertTrue(x.getMessage().contains("Error in routine"), "pw.x's own message: " + x.getMessage());
    }

    @Test
    void espressoOptionsReachTheInputAndBadOnesAreRefused() {
        var s = new EspressoCalculator.Settings(Map.of("Si", tmp.resolve("Si.pz-vbc.UPF")), 12, 0, new int[] {1, 1, 1}, new int[] {0, 0, 0},
            null, 0.01, 1e-10, null);
        var o = new org.adc.potential.external.EspressoOptions(2, Map.of("Si", 0.25), 1.0, 300, 0.3, 24, true, "grimme-d3", 4, 2, 1, "srun");
        var calc = new EspressoCalculator(s, o, tmp.resolve("pw-runs"), false);
        String in = calc.input(si2());
        for (String want : new String[] {"nspin = 2", "starting_magnetization(1) = 0.250000000000000", "tot_charge = 1.00000000000000",
            "nbnd = 24", "nosym = .true.", "vdw_corr = 'grimme-d3'", "electron_maxstep = 300", "mixing_beta = 0.300000000000000",
            "K_POINTS gamma"}) {
            assertTrue(in.contains(want), "pw.x input lacks '" + want + "':\n" + in);
        }
        assertTrue(!in.contains("K_POINTS automatic"), "Γ-only grids use K_POINTS gamma");
        assertEquals(List.of("srun", "-n", "4"), calc.commandLine().subList(0, 3));
        assertEquals(List.of("-nk", "2", "-in", "pw.in"), calc.commandLine().subList(calc.commandLine().size() - 4, calc.commandLine().size()));
        assertTrue(calc.describe().contains("k gamma") && calc.describe().contains("spin-polarised"), calc.describe());
        assertTrue(pw(tmp.resolve("Si.pz-vbc.UPF")).input(si2()).contains("K_POINTS automatic\n2 2 2 0 0 0"));
        for (Runnable bad : List.<Runnable>of(
            () -> new org.adc.potential.external.EspressoOptions(2, Map.of(), 0, 100, 0.7, 0, false, null, 1, 1, 1, "mpirun"),
            () -> new org.adc.potential.external.EspressoOptions(1, Map.of(), 0, 100, 1.5, 0, false, null, 1, 1, 1, "mpirun"),
            () -> new org.adc.potential.external.EspressoOptions(1, Map.of(), 0, 100, 0.7, 0, false, "python", 1, 1, 1, "mpirun"),
            () -> new org.adc.potential.external.EspressoOptions(1, Map.of(), 0, 100, 0.7, 0, false, null, 4, 3, 1, "mpirun"),
            () -> new org.adc.potential.external.EspressoOptions(1, Map.of(), 0, 100, 0.7, 0, false, null, 2, 1, 1, "bash -c"),
            () -> new org.adc.potential.external.EspressoOptions(1, Map.of(), Double.NaN, 100, 0.7, 0, false, null, 1, 1, 1, "mpirun"))) {
            assertThrows(IllegalArgumentException.class, bad::run);
        }
    }

    /** A convergence failure quotes pw.x's SCF history and names options that exist. */
    @Test
    void espressoConvergenceFailureQuotesTheScfHistory() {
        List<String> out = List.of("     Program PWSCF v.6.7MaX starts on  8Dec2026 at  1:00:00",
            "     estimated scf accuracy    <       0.51000000 Ry", "     estimated scf accuracy    <       0.12000000 Ry",
            "     convergence NOT achieved after 2 iterations: stopping");
        var e = assertThrows(ExternalProgramException.class, () -> EspressoCalculator.parse(out, 2, 40, "pw.out"));
        assertTrue(e.getMessage().contains("0.51000000, 0.12000000") && e.getMessage().contains("electron_maxstep = 300")
            && e.getMessage().contains("mixing_beta"), e.getMessage());
    }

    /** K_POINTS gamma gives the energy of the 1×1×1 automatic grid (real wavefunctions), and the version is read. */
    @Test
    void espressoGammaTrickSameEnergy() throws Exception {
        assumeTrue(EspressoCalculator.PROGRAM.available(), PW_MISSING);
        Path pp = resourceCopy("qe/Si.pz-vbc.UPF");
        var gamma = new EspressoCalculator(new EspressoCalculator.Settings(Map.of("Si", pp), 12, 0, new int[] {1, 1, 1}, new int[] {0, 0, 0},
            null, 0.01, 1e-10, null), tmp.resolve("g"), false);
        var s = new EspressoCalculator.Settings(Map.of("Si", pp), 12, 0, new int[] {1, 1, 1}, new int[] {0, 0, 0}, null, 0.01, 1e-10, null);
        // an offset-free 1x1x1 grid with k = (0,0,0) written the old way: force "automatic" through a 1x1x1 grid with pools 1
        String auto = new EspressoCalculator(s, tmp.resolve("a"), false).input(si2()).replace("K_POINTS gamma\n", "K_POINTS automatic\n1 1 1 0 0 0\n");
        Path dir = java.nio.file.Files.createDirectories(tmp.resolve("auto"));
        java.nio.file.Files.writeString(dir.resolve("pw.in"), auto);
        EspressoCalculator.PROGRAM.run(dir, List.of("-in", "pw.in"), null, "pw.out", d -> null);
        Atoms a = si2();
        double eAuto = EspressoCalculator.parse(java.nio.file.Files.readAllLines(dir.resolve("pw.out")), 2, a.volume(), "pw.out").energy();
        double eGamma = gamma.compute(a).energy();
        assertEquals(eAuto, eGamma, 1e-6, "Γ trick: same energy");
        assertTrue(gamma.version() != null && gamma.version().startsWith("6."), "version " + gamma.version());
    }
}
