package org.adc.potential.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Evaluation;
import org.adc.chem.Elements;

/**
 * The LAMMPS executable as a {@link Calculator}: each call writes a data file and an input script
 * ({@code run 0}) into a fresh folder under the work directory, runs {@code lmp -in in.adc}, and reads the
 * energy and virial from the log (17 digits) and the forces from a dump. Metal units: eV, Å, eV/Å.
 *
 * <p>Cells are rotated into LAMMPS's restricted triclinic frame and forces/virial rotated back, so any cell works.
 * Periodic directions use {@code p}, the others {@code s}. LAMMPS types follow {@code elements} (type 1 = first).
 * The virial comes from {@code compute pressure NULL virial} × V / nktv2p (nktv2p = 1.6021765e6 bar·Å³/eV, LAMMPS metal).
 * Thread-safe: every call has its own folder, so NEB images may run in parallel.
 */
public final class LammpsCalculator implements Calculator {
    /** The LAMMPS executables tried on the PATH; {@code ADC_LAMMPS} overrides (e.g. "mpirun -np 2 lmp"). */
    public static final ExternalProgram PROGRAM = new ExternalProgram("LAMMPS", "ADC_LAMMPS",
        "install it (Debian/Ubuntu: apt-get install lammps)", 3600, "lmp", "lmp_serial", "lmp_mpi");
    /** LAMMPS metal units: pressure (bar) × volume (Å³) per eV. */
    static final double NKTV2P = 1.6021765e6;

    private final String pairStyle;
    private final List<String> pairCoeff;
    private final List<String> pairModify;
    private final String[] elements;
    private final Path workDir;
    private final boolean keep;
    private final AtomicInteger calls = new AtomicInteger();

    /**
     * @param pairStyle  e.g. "sw", "lj/cut 8.5"; only styles of {@link LammpsInput#STYLES}
     * @param pairCoeff  pair_coeff arguments, one entry per line, file names already checked and absolute (e.g. "* * /x/Si.sw Si")
     * @param pairModify pair_modify arguments ("shift yes"), may be empty
     * @param elements   element of LAMMPS type 1, 2, ...
     * @param workDir    folder for the runs (created if missing)
     * @param keep       keep each call's folder (otherwise only failed calls are kept)
     */
    public LammpsCalculator(String pairStyle, List<String> pairCoeff, List<String> pairModify, String[] elements, Path workDir,
                            boolean keep) {
        this.pairStyle = LammpsInput.pairStyle(pairStyle);
        if (pairCoeff.isEmpty()) {
            throw new IllegalArgumentException("give at least one pair_coeff line");
        }
        // files were sandbox-checked and made absolute by the caller (LammpsInput.pairCoeff with the recipe's file check)
        this.pairCoeff = pairCoeff.stream().map(s -> LammpsInput.pairCoeff(this.pairStyle, s, Path::of)).toList();
        this.pairModify = pairModify.stream().map(LammpsInput::pairModify).toList();
        if (elements.length == 0) {
            throw new IllegalArgumentException("give the elements of the LAMMPS atom types (type 1 first)");
        }
        for (String e : elements) {
            if (!Elements.isElement(e)) {
                throw new IllegalArgumentException("'" + e + "' is not an element symbol");
            }
        }
        this.elements = elements.clone();
        this.workDir = workDir;
        this.keep = keep;
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        return computeIn(atoms);
    }

    private List<String> launch = List.of();

    /**
     * Starts LAMMPS through {@code prefix} (the executor's launch for this calculator's ranks and threads, e.g.
     * {@code srun --exact -n 2 -c 1} inside a Slurm allocation). Set by the library binding, not by recipes.
     */
    public LammpsCalculator launch(List<String> prefix) {
        launch = List.copyOf(prefix);
        return this;
    }

    private Evaluation computeIn(Atoms atoms) {
        int[] type = atoms.typesFor(elements, "LAMMPS (" + pairStyle + ")");
        Path dir;
        try {
            Files.createDirectories(workDir);
            dir = Files.createTempDirectory(workDir, String.format(Locale.ROOT, "lammps-%05d-", calls.incrementAndGet()));
        } catch (IOException e) {
            throw new ExternalProgramException("cannot create a work directory in " + workDir + ": " + e.getMessage(),
                "check that the run directory is writable");
        }
        LammpsFrame f = LammpsFrame.of(atoms.cell());
        try {
            Files.writeString(dir.resolve("atoms.data"), data(atoms, type, f), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("in.adc"), input(atoms.pbc(), f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PROGRAM.run(launch, dir, List.of("-in", "in.adc", "-log", "log.lammps", "-screen", "none", "-nocite"), null, "screen.txt",
            LammpsCalculator::lammpsError);
        Evaluation ev = read(dir, atoms.size(), f);
        if (!keep) {
            delete(dir);
        }
        return ev;
    }

    private String data(Atoms atoms, int[] type, LammpsFrame f) {
        StringBuilder sb = new StringBuilder("# written by adc (LammpsCalculator)\n\n");
        int n = atoms.size();
        sb.append(n).append(" atoms\n").append(elements.length).append(" atom types\n");
        sb.append(g(0)).append(' ').append(g(f.lx())).append(" xlo xhi\n");
        sb.append(g(0)).append(' ').append(g(f.ly())).append(" ylo yhi\n");
        sb.append(g(0)).append(' ').append(g(f.lz())).append(" zlo zhi\n");
        if (f.triclinic()) {
            sb.append(g(f.xy())).append(' ').append(g(f.xz())).append(' ').append(g(f.yz())).append(" xy xz yz\n");
        }
        sb.append("\nMasses\n\n");
        for (int t = 0; t < elements.length; t++) {
            sb.append(t + 1).append(' ').append(g(Elements.mass(elements[t]))).append('\n');
        }
        sb.append("\nAtoms # atomic\n\n");
        double[] x = atoms.positions();
        double[] inv = f.inverseCell();
        boolean[] pbc = atoms.pbc();
        double[] c = atoms.cell();
        for (int i = 0; i < n; i++) {
            // wrap periodic directions into the box (fractional coordinates), then rotate into LAMMPS's frame
            double[] s = new double[3];
            for (int k = 0; k < 3; k++) {
                s[k] = x[3 * i] * inv[k] + x[3 * i + 1] * inv[3 + k] + x[3 * i + 2] * inv[6 + k];
                if (pbc[k]) {
                    s[k] -= Math.floor(s[k]);
                }
            }
            double px = s[0] * c[0] + s[1] * c[3] + s[2] * c[6];
            double py = s[0] * c[1] + s[1] * c[4] + s[2] * c[7];
            double pz = s[0] * c[2] + s[1] * c[5] + s[2] * c[8];
            double[] p = f.toLammps(px, py, pz);
            sb.append(i + 1).append(' ').append(type[i] + 1).append(' ').append(g(p[0])).append(' ').append(g(p[1])).append(' ')
                .append(g(p[2])).append('\n');
        }
        return sb.toString();
    }

    private String input(boolean[] pbc, LammpsFrame f) {
        StringBuilder sb = new StringBuilder("# written by adc (LammpsCalculator): one energy/force/virial evaluation\n");
        sb.append("units metal\natom_style atomic\natom_modify map array sort 0 0.0\n");
        sb.append("boundary");
        for (boolean p : pbc) {
            sb.append(p ? " p" : " s");
        }
        sb.append('\n');
        if (f.triclinic()) {
            sb.append("box tilt large\n");
        }
        sb.append("read_data atoms.data\n");
        sb.append("pair_style ").append(pairStyle).append('\n');
        for (String pc : pairCoeff) {
            sb.append("pair_coeff ").append(pc).append('\n');
        }
        for (String pm : pairModify) {
            sb.append("pair_modify ").append(pm).append('\n');
        }
        sb.append("compute adc_virial all pressure NULL virial\n");
        sb.append("thermo_style custom step pe c_adc_virial[1] c_adc_virial[2] c_adc_virial[3] c_adc_virial[4] c_adc_virial[5] "
            + "c_adc_virial[6] vol\n");
        sb.append("thermo_modify format float %.17g\n");
        sb.append("dump adc_forces all custom 1 forces.dump id fx fy fz\ndump_modify adc_forces sort id format float %.17g\n");
        sb.append("run 0\n");
        return sb.toString();
    }

    private Evaluation read(Path dir, int n, LammpsFrame f) {
        List<String> log = ExternalProgram.lines(dir.resolve("log.lammps"));
        double[] thermo = null;
        for (int i = 0; i < log.size() - 1; i++) {
            String[] h = log.get(i).trim().split("\\s+");
            if (h.length >= 2 && h[0].equals("Step") && h[1].equals("PotEng")) {
                thermo = numbers(log.get(i + 1), 9, dir.resolve("log.lammps"));
                break;
            }
        }
        if (thermo == null) {
            throw new ExternalProgramException("LAMMPS wrote no thermo line in " + dir.resolve("log.lammps"), "read that log");
        }
        double vol = thermo[8];
        // pressure tensor order xx yy zz xy xz yz (bar); W = P V / nktv2p
        double[] p = {thermo[2], thermo[5], thermo[6], thermo[5], thermo[3], thermo[7], thermo[6], thermo[7], thermo[4]};
        double[] w = new double[9];
        for (int k = 0; k < 9; k++) {
            w[k] = p[k] * vol / NKTV2P;
        }
        List<String> dump = ExternalProgram.lines(dir.resolve("forces.dump"));
        int start = -1;
        for (int i = 0; i < dump.size(); i++) {
            if (dump.get(i).startsWith("ITEM: ATOMS")) {
                start = i + 1;
                break;
            }
        }
        if (start < 0 || dump.size() < start + n) {
            throw new ExternalProgramException("LAMMPS's force dump " + dir.resolve("forces.dump") + " is incomplete", "read the log in " + dir);
        }
        double[] forces = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] r = numbers(dump.get(start + i), 4, dir.resolve("forces.dump"));
            int id = (int) r[0] - 1;
            double[] fo = f.fromLammps(r[1], r[2], r[3]);
            System.arraycopy(fo, 0, forces, 3 * id, 3);
        }
        return new Evaluation(thermo[1], forces, f.tensorFromLammps(w));
    }

    private static double[] numbers(String line, int count, Path file) {
        String[] t = line.trim().split("\\s+");
        if (t.length < count) {
            throw new ExternalProgramException("unexpected line in " + file + ": '" + line + "'", "check the LAMMPS version (tested with 29 Sep 2021)");
        }
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            try {
                v[k] = Double.parseDouble(t[k]);
            } catch (NumberFormatException e) {
                throw new ExternalProgramException("not a number '" + t[k] + "' in " + file + ": '" + line + "'", "read that file");
            }
        }
        return v;
    }

    /** LAMMPS's own "ERROR: ..." line from the log or the screen output. */
    static String lammpsError(Path dir) {
        for (String name : new String[] {"log.lammps", "screen.txt"}) {
            for (String l : ExternalProgram.lines(dir.resolve(name))) {
                if (l.startsWith("ERROR")) {
                    return l.trim();
                }
            }
        }
        List<String> s = ExternalProgram.lines(dir.resolve("screen.txt"));
        return s.isEmpty() ? null : s.get(s.size() - 1).trim();
    }

    static void delete(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leaving a folder behind is harmless
        }
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    @Override
    public double cutoff() {
        return 0;
    }

    /** 0.5 Å for every pair: closer atoms are an input error for any potential. */
    @Override
    public double minDistance(String a, String b) {
        return 0.5;
    }

    @Override
    public String describe() {
        return "LAMMPS pair_style " + pairStyle + " (" + String.join(" ", elements) + ")";
    }

    /** Arguments kept for messages and tests. */
    public List<String> pairCoeff() {
        return new ArrayList<>(pairCoeff);
    }
}
