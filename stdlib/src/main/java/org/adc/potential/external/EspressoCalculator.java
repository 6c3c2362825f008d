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

    /** pw.x's smearing names (pw.x input description, "smearing"): the only values a recipe may give. */
    public static final java.util.Set<String> SMEARINGS = java.util.Set.of("gaussian", "gauss", "methfessel-paxton", "m-p", "mp",
        "marzari-vanderbilt", "cold", "m-v", "mv", "fermi-dirac", "f-d", "fd");
    /** A functional name for input_dft: one word of letters, digits and + - _ ( ). */
    static final java.util.regex.Pattern DFT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9+\\-_()]{1,40}");
    /** A pseudopotential file name as pw.x reads it from ATOMIC_SPECIES: one word. */
    static final java.util.regex.Pattern PSEUDO_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._+\\-]{1,200}");

    /**
     * Settings of the SCF; energies in Ry as pw.x takes them. Every value a recipe gives is checked
     * against what pw.x accepts (an allow-list: smearing names, a functional name, one-word file
     * names, finite positive energies), so nothing else can reach the namelist.
     */
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
                Path name = e.getValue().getFileName();
                if (name == null || !PSEUDO_NAME.matcher(name.toString()).matches()) {
                    throw new IllegalArgumentException("pseudopotential file name '" + name + "' must be letters, digits and . _ + - only "
                        + "(pw.x reads it as one word)");
                }
            }
            if (!(ecutwfc > 0) || !Double.isFinite(ecutwfc) || !(ecutrho >= 0) || !Double.isFinite(ecutrho) || !(degauss >= 0)
                || !Double.isFinite(degauss) || !(convThr > 0) || !Double.isFinite(convThr)) {
                throw new IllegalArgumentException("ecutwfc and conv_thr must be positive and finite, ecutrho and degauss finite and not "
                    + "negative; got ecutwfc " + ecutwfc + ", ecutrho " + ecutrho + ", degauss " + degauss + ", conv_thr " + convThr + " (Ry)");
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
            if (smearing != null && !SMEARINGS.contains(smearing)) {
                throw new IllegalArgumentException("smearing '" + smearing.replace("\n", "\\n") + "' is not one of pw.x's: "
                    + String.join(", ", new java.util.TreeSet<>(SMEARINGS)));
            }
            if (inputDft != null && !DFT_NAME.matcher(inputDft).matches()) {
                throw new IllegalArgumentException("input_dft '" + inputDft.replace("\n", "\\n") + "' must be a functional name such as PBE, "
                    + "PBEsol or B3LYP (letters, digits and + - _ ( ), at most 40)");
            }
        }
    }

    private final Settings s;
    private final EspressoOptions o;
    private final Path workDir;
    private final boolean keep;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String version;

    public EspressoCalculator(Settings settings, Path workDir, boolean keep) {
        this(settings, EspressoOptions.DEFAULT, workDir, keep);
    }

    /** A calculator with pw.x options and a parallel launch ({@link EspressoOptions}). */
    public EspressoCalculator(Settings settings, EspressoOptions options, Path workDir, boolean keep) {
        this.s = settings;
        this.o = options;
        this.workDir = workDir;
        this.keep = keep;
    }

    /** The command line pw.x runs with (launcher, pw.x, its parallel arguments, -in pw.in), for the run record. */
    public List<String> commandLine() {
        List<String> args = new ArrayList<>(o.programArguments());
        args.addAll(List.of("-in", "pw.in"));
        return PROGRAM.commandLine(prefix(), args);
    }

    /** The executor's launch inside a Slurm allocation (srun --exact ...) when set, else the options' MPI launcher. */
    private List<String> prefix() {
        return launch.isEmpty() ? o.launchPrefix() : launch;
    }

    /** pw.x's version as it printed it ("6.7MaX"), known after the first call; null before. */
    public String version() {
        return version;
    }

    /** The options of this calculator. */
    public EspressoOptions options() {
        return o;
    }

    private List<String> launch = List.of();

    /**
     * Starts pw.x through {@code prefix} (the executor's launch for this calculator's ranks and threads, e.g.
     * {@code srun --exact -n 4 -c 1} inside a Slurm allocation), instead of the options' MPI launcher. Set by the
     * library binding, not by recipes.
     */
    public EspressoCalculator launch(List<String> prefix) {
        launch = List.copyOf(prefix);
        return this;
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
        List<String> args = new ArrayList<>(o.programArguments());
        args.addAll(List.of("-in", "pw.in"));
        PROGRAM.run(dir, prefix(), args, launch.isEmpty() ? o.threads() : 0, null, "pw.out",
            d -> error(ExternalProgram.lines(d.resolve("pw.out"))));
        List<String> out = ExternalProgram.lines(dir.resolve("pw.out"));
        if (version == null) {
            version = version(out);
        }
        Evaluation ev = parse(out, atoms.size(), atoms.volume(), dir.resolve("pw.out").toString());
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
        if (o.nspin() == 2) {
            b.append("  nspin = 2\n");
            List<String> order = new ArrayList<>(pp.keySet());
            for (var e : o.startingMagnetization().entrySet()) {
                int i = order.indexOf(e.getKey());
                if (i < 0) {
                    throw new IllegalArgumentException("starting magnetization for " + e.getKey() + ", which has no pseudopotential");
                }
                b.append("  starting_magnetization(").append(i + 1).append(") = ").append(g(e.getValue())).append('\n');
            }
        }
        if (o.totCharge() != 0) {
            b.append("  tot_charge = ").append(g(o.totCharge())).append('\n');
        }
        if (o.nbnd() > 0) {
            b.append("  nbnd = ").append(o.nbnd()).append('\n');
        }
        if (o.nosym()) {
            b.append("  nosym = .true.\n");
        }
        if (o.vdwCorr() != null) {
            b.append("  vdw_corr = '").append(o.vdwCorr()).append("'\n");
        }
        b.append("/\n&electrons\n  conv_thr = ").append(g(s.convThr() * atoms.size())).append('\n');
        if (o.electronMaxstep() != 100) {
            b.append("  electron_maxstep = ").append(o.electronMaxstep()).append('\n');
        }
        if (o.mixingBeta() != 0.7) {
            b.append("  mixing_beta = ").append(g(o.mixingBeta())).append('\n');
        }
        b.append("/\n");
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
        int[] off = s.koffset();
        if (gamma()) {
            // Γ only: real wavefunctions, about half the CPU and memory of "automatic 1 1 1 0 0 0" (INPUT_PW, K_POINTS)
            b.append("K_POINTS gamma\n");
        } else {
            b.append("K_POINTS automatic\n").append(k[0]).append(' ').append(k[1]).append(' ').append(k[2]).append(' ')
                .append(off[0]).append(' ').append(off[1]).append(' ').append(off[2]).append('\n');
        }
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

    /** True for a Γ-only grid (1×1×1 without offset): written as K_POINTS gamma. */
    boolean gamma() {
        int[] k = s.kpoints();
        int[] off = s.koffset();
        return k[0] == 1 && k[1] == 1 && k[2] == 1 && off[0] == 0 && off[1] == 0 && off[2] == 0;
    }

    /** The version pw.x prints in its header ("Program PWSCF v.6.7MaX starts on ..."), or null. */
    static String version(List<String> out) {
        for (String l : out) {
            int i = l.indexOf("Program PWSCF v.");
            if (i >= 0) {
                String rest = l.substring(i + "Program PWSCF v.".length()).trim();
                return rest.split("\\s+")[0];
            }
        }
        return null;
    }

    /** The last SCF iterations' "estimated scf accuracy" values, as pw.x printed them (for a convergence failure). */
    static List<String> scfHistory(List<String> out) {
        List<String> acc = new ArrayList<>();
        for (String l : out) {
            if (l.contains("estimated scf accuracy")) {
                acc.add(l.substring(l.indexOf('<') + 1).replace("Ry", "").trim());
            }
        }
        return acc.size() > 8 ? acc.subList(acc.size() - 8, acc.size()) : acc;
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
                List<String> h = scfHistory(out);
                return l.trim() + (h.isEmpty() ? "" : "; last estimated scf accuracies (Ry): " + String.join(", ", h))
                    + " (give espresso(..., electron_maxstep = 300), a smaller mixing_beta such as 0.3, or smearing for a metal)";
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
            + (gamma() ? "gamma" : s.kpoints()[0] + "x" + s.kpoints()[1] + "x" + s.kpoints()[2])
            + (o.nspin() == 2 ? ", spin-polarised" : "") + (o.totCharge() != 0 ? ", charge " + g(o.totCharge()) : "")
            + (o.ranks() > 1 ? ", " + o.ranks() + " ranks" : "") + ")";
    }

    /** Settings of this calculator. */
    public Settings settings() {
        return s;
    }

    static List<String> copy(List<String> l) {
        return new ArrayList<>(l);
    }
}
