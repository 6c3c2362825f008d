package org.adc.potential.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;
import org.adc.chem.Elements;

/**
 * Quantum ESPRESSO {@code pw.x} as a {@link Calculator}: one SCF per call (tprnfor, tstress) in a fresh folder under
 * the work directory; energy from the "!" line, forces from "Forces acting on atoms", stress from "total stress".
 *
 * <p>Units: pw.x works in Rydberg atomic units; results are converted with Ry = 13.605693122994 eV and
 * a₀ = 0.529177210903 Å (CODATA 2018). pw.x's stress is positive under compression; the virial is W = σ_pw·V
 * (adc/ASE convention σ = −W/V). The "!" energy is the total (with smearing: free) energy.
 */
public final class EspressoCalculator implements Calculator {
    /** pw.x on the PATH; {@code ADC_PW} overrides (e.g. "mpirun -np 2 pw.x"). */
    public static final ExternalProgram PROGRAM = new ExternalProgram("Quantum ESPRESSO (pw.x)", "ADC_PW",
        "install it (Debian/Ubuntu: apt-get install quantum-espresso)", 24 * 3600, "pw.x");
    /** Rydberg in eV (CODATA 2018). */
    public static final double RY = 13.605693122994;
    /** Bohr radius in Å (CODATA 2018). */
    public static final double BOHR = 0.529177210903;

    /** Settings of the SCF; energies in Ry as pw.x takes them. */
    public record Settings(Map<String, Path> pseudopotentials, double ecutwfc, double ecutrho, int[] kpoints, int[] koffset,
                           String smearing, double degauss, double convThr, String inputDft) {
        public Settings {
            pseudopotentials = new LinkedHashMap<>(pseudopotentials);
            if (pseudopotentials.isEmpty()) {
                throw new IllegalArgumentException("give a pseudopotential file per element, e.g. {Si: \"Si.pz-vbc.UPF\"}");
            }
            for (var e : pseudopotentials.entrySet()) {
                if (!Elements.isElement(e.getKey())) {
                    throw new IllegalArgumentException("'" + e.getKey() + "' is not an element symbol");
                }
                ExternalProgram.singleLine("pseudopotential file", e.getValue().toString(), "'\"!&");
            }
            if (!(ecutwfc > 0)) {
                throw new IllegalArgumentException("ecutwfc must be positive (Ry), got " + ecutwfc);
            }
            if (kpoints.length != 3 || koffset.length != 3) {
                throw new IllegalArgumentException("kpoints and koffset need three numbers");
            }
            for (int k = 0; k < 3; k++) {
                if (kpoints[k] < 1 || koffset[k] < 0 || koffset[k] > 1) {
                    throw new IllegalArgumentException("kpoints must be ≥ 1 and offsets 0 or 1, got " + java.util.Arrays.toString(kpoints)
                        + " " + java.util.Arrays.toString(koffset));
                }
            }
            if (smearing != null) {
                ExternalProgram.singleLine("smearing", smearing, "'\"!&/");
            }
            if (inputDft != null) {
                ExternalProgram.singleLine("input_dft", inputDft, "'\"!&/");
            }
        }
    }

    private final Settings s;
    private final Path workDir;
    private final boolean keep;
    private final AtomicInteger calls = new AtomicInteger();

    public EspressoCalculator(Settings settings, Path workDir, boolean keep) {
        this.s = settings;
        this.workDir = workDir;
        this.keep = keep;
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        String[] species = s.pseudopotentials().keySet().toArray(String[]::new);
        atoms.typesFor(species, "pw.x (pseudopotentials)");
        Path dir;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, String.format(Locale.ROOT, "pw-%05d-", calls.incrementAndGet()));
            Files.writeString(dir.resolve("pw.in"), input(atoms), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExternalProgramException("cannot write the pw.x input in " + workDir + ": " + e.getMessage(),
                "check that the run directory is writable");
        }
        PROGRAM.run(dir, List.of("-in", "pw.in"), null, "pw.out", d -> error(ExternalProgram.lines(d.resolve("pw.out"))));
        Evaluation ev = parse(ExternalProgram.lines(dir.resolve("pw.out")), atoms.size(), atoms.volume(), dir.resolve("pw.out").toString());
        if (!keep) {
            LammpsCalculator.delete(dir);
        }
        return ev;
    }

    /** The pw.x input for {@code atoms} (public for tests). */
    public String input(Atoms atoms) {
        StringBuilder b = new StringBuilder();
        Map<String, Path> pp = s.pseudopotentials();
        Path pseudoDir = null;
        for (Path p : pp.values()) {
            Path parent = p.toAbsolutePath().getParent();
            if (pseudoDir == null) {
                pseudoDir = parent;
            } else if (!pseudoDir.equals(parent)) {
                throw new IllegalArgumentException("pw.x reads all pseudopotentials from one folder; " + pseudoDir + " and " + parent + " differ");
            }
        }
        boolean[] pbc = atoms.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("pw.x needs a periodic cell in all three directions (add vacuum for surfaces/molecules)");
        }
        b.append("&control\n  calculation = 'scf'\n  prefix = 'adc'\n  outdir = './tmp'\n  pseudo_dir = '").append(pseudoDir)
            .append("'\n  tprnfor = .true.\n  tstress = .true.\n  disk_io = 'none'\n/\n");
        b.append("&system\n  ibrav = 0\n  nat = ").append(atoms.size()).append("\n  ntyp = ").append(pp.size())
            .append("\n  ecutwfc = ").append(g(s.ecutwfc())).append('\n');
        if (s.ecutrho() > 0) {
            b.append("  ecutrho = ").append(g(s.ecutrho())).append('\n');
        }
        if (s.smearing() != null) {
            b.append("  occupations = 'smearing'\n  smearing = '").append(s.smearing()).append("'\n  degauss = ").append(g(s.degauss())).append('\n');
        }
        if (s.inputDft() != null) {
            b.append("  input_dft = '").append(s.inputDft()).append("'\n");
        }
        b.append("/\n&electrons\n  conv_thr = ").append(g(s.convThr() * atoms.size())).append("\n/\n");
        b.append("ATOMIC_SPECIES\n");
        for (var e : pp.entrySet()) {
            b.append(e.getKey()).append(' ').append(g(Elements.mass(e.getKey()))).append(' ').append(e.getValue().getFileName()).append('\n');
        }
        double[] c = atoms.cell();
        b.append("CELL_PARAMETERS angstrom\n");
        for (int r = 0; r < 3; r++) {
            b.append(g(c[3 * r])).append(' ').append(g(c[3 * r + 1])).append(' ').append(g(c[3 * r + 2])).append('\n');
        }
        b.append("ATOMIC_POSITIONS angstrom\n");
        String[] sym = atoms.symbols();
        double[] x = atoms.positions();
        for (int i = 0; i < sym.length; i++) {
            b.append(sym[i]).append(' ').append(g(x[3 * i])).append(' ').append(g(x[3 * i + 1])).append(' ').append(g(x[3 * i + 2])).append('\n');
        }
        int[] k = s.kpoints();
        int[] o = s.koffset();
        b.append("K_POINTS automatic\n").append(k[0]).append(' ').append(k[1]).append(' ').append(k[2]).append(' ')
            .append(o[0]).append(' ').append(o[1]).append(' ').append(o[2]).append('\n');
        return b.toString();
    }

    /**
     * Reads energy, forces and stress from pw.x's output (public for tests on stored outputs).
     *
     * @param volume cell volume in Å³ (for the virial)
     */
    public static Evaluation parse(List<String> out, int n, double volume, String file) {
        String err = error(out);
        if (err != null) {
            throw new ExternalProgramException("pw.x failed: " + err + " (" + file + ")", "read that output");
        }
        Double energy = null;
        double[] forces = null;
        double[] stress = null;
        for (int i = 0; i < out.size(); i++) {
            String l = out.get(i);
            if (l.startsWith("!") && l.contains("total energy")) {
                energy = num(l.substring(l.indexOf('=') + 1).trim().split("\\s+")[0], file, l) * RY;
            } else if (l.contains("Forces acting on atoms") && forces == null) {
                forces = new double[3 * n];
                int found = 0;
                for (int j = i + 1; j < out.size() && found < n; j++) {
                    String t = out.get(j);
                    if (t.trim().startsWith("atom") && t.contains("force =")) {
                        String[] u = t.trim().split("\\s+");
                        int a = (int) num(u[1], file, t) - 1;
                        String[] f = t.substring(t.indexOf('=') + 1).trim().split("\\s+");
                        for (int k = 0; k < 3; k++) {
                            forces[3 * a + k] = num(f[k], file, t) * RY / BOHR;
                        }
                        found++;
                    }
                }
                if (found < n) {
                    throw new ExternalProgramException("pw.x printed forces for " + found + " of " + n + " atoms (" + file + ")", "read that output");
                }
            } else if (l.contains("total   stress") && l.contains("Ry/bohr**3")) {
                stress = new double[9];
                for (int r = 0; r < 3; r++) {
                    String t = out.get(i + 1 + r);
                    String[] u = t.trim().split("\\s+");
                    for (int k = 0; k < 3; k++) {
                        stress[3 * r + k] = num(u[k], file, t) * RY / (BOHR * BOHR * BOHR);
                    }
                }
            }
        }
        if (energy == null || forces == null || stress == null) {
            throw new ExternalProgramException("pw.x output " + file + " has no " + (energy == null ? "final total energy ('!' line)"
                : forces == null ? "forces" : "stress"), out.stream().anyMatch(s -> s.contains("JOB DONE")) ? "check tprnfor/tstress"
                : "pw.x did not finish; read that output");
        }
        double[] w = new double[9];
        for (int k = 0; k < 9; k++) {
            w[k] = stress[k] * volume;
        }
        return new Evaluation(energy, forces, w);
    }

    /** pw.x's own error message ("Error in routine ...") or "convergence NOT achieved", else null. */
    static String error(List<String> out) {
        for (int i = 0; i < out.size(); i++) {
            String l = out.get(i);
            if (l.contains("Error in routine")) {
                StringBuilder m = new StringBuilder(l.trim());
                if (i + 1 < out.size()) {
                    m.append(": ").append(out.get(i + 1).trim());
                }
                return m.toString();
            }
            if (l.contains("convergence NOT achieved")) {
                return l.trim() + " (raise electron_maxstep or use smearing)";
            }
        }
        return null;
    }

    private static double num(String t, String file, String line) {
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ExternalProgramException("not a number '" + t + "' in " + file + ": '" + line.trim() + "'", "read that output");
        }
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.15g", v);
    }

    @Override
    public double cutoff() {
        return 0;
    }

    /** 0.5 Å for every pair: closer atoms are an input error for any pseudopotential calculation. */
    @Override
    public double minDistance(String a, String b) {
        return 0.5;
    }

    @Override
    public String describe() {
        return "Quantum ESPRESSO pw.x (" + String.join(" ", s.pseudopotentials().keySet()) + ", ecutwfc " + g(s.ecutwfc()) + " Ry, k "
            + s.kpoints()[0] + "x" + s.kpoints()[1] + "x" + s.kpoints()[2] + ")";
    }

    /** Settings of this calculator. */
    public Settings settings() {
        return s;
    }

    static List<String> copy(List<String> l) {
        return new ArrayList<>(l);
    }
}
