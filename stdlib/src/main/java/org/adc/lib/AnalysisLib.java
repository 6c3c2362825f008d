package org.adc.lib;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.analysis.BppFit;
import org.adc.analysis.EquationOfState;
import org.adc.analysis.FitResult;
import org.adc.analysis.Msd;
import org.adc.analysis.RotationalCorrelation;
import org.adc.analysis.Trajectory;
import org.adc.analysis.VacancyModel;
import org.adc.analysis.Xdatcar;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.structure.io.ExtXyz;
import org.adc.table.Table;
import org.adc.units.Constants;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Library {@code analysis} (issue 8): fits with standard errors that belong to no other module (the vacancy
 * model of ionic conductivity and the BPP relaxation fit of seed 001) and trajectory analysis (MSD,
 * diffusivity, rotational autocorrelation) from extended-XYZ and VASP XDATCAR files. {@code import analysis}.
 */
public final class AnalysisLib {
    private AnalysisLib() {
    }

    static final String SEED001 = "seed 001: P.-C. Tsai et al., \"Double Paddle-Wheel Enhanced Sodium Ion Conduction in an "
        + "Antiperovskite Solid Electrolyte\", Adv. Energy Mater. (2023)";

    /** SI values of a list argument whose elements have dimension {@code d} (null: plain numbers). */
    static double[] siList(Args a, int i, Dimension d, String what) {
        AdcList l = a.list(i);
        double[] r = new double[l.size()];
        for (int k = 0; k < r.length; k++) {
            Object x = l.items().get(k);
            if (d != null && x instanceof Quantity q && q.dimension().equals(d)) {
                r[k] = q.si();
            } else if (d == null && x instanceof Number n) {
                r[k] = n.doubleValue();
            } else if (d == null && x instanceof Quantity q && q.dimension().isNone()) {
                r[k] = q.si();
            } else {
                throw new AdcError("element #" + (k + 1) + " of '" + what + "' to '" + a.functionName() + "' is " + Values.describe(x)
                    + ", expected " + (d == null ? "a number" : d.name()), "give a list of " + (d == null ? "numbers" : d.name() + "s"));
            }
        }
        return r;
    }

    static Record rec(Object... kv) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            f.put((String) kv[i], kv[i + 1]);
        }
        return new Record(f);
    }

    private static Quantity q(double si, String unit) {
        return Quantity.ofSi(si, Units.parse(unit));
    }

    // ---- equation of state (ASE's EquationOfState)

    private static Object eosFit(Args a) {
        double[] v = siList(a, 0, Dimension.VOLUME, "volumes");
        double[] e = siList(a, 1, Dimension.ENERGY, "energies");
        for (int k = 0; k < v.length; k++) {
            v[k] /= 1e-30;         // m^3 -> Å^3
        }
        for (int k = 0; k < e.length; k++) {
            e[k] /= Constants.QE;  // J -> eV
        }
        EquationOfState.Fit f = EquationOfState.fit(a.string(2), v, e);
        double gpa = Constants.QE / 1e-30;   // eV/Å^3 -> Pa
        return rec("v0", q(f.v0() * 1e-30, "Å^3"), "v0_error", q(f.v0Error() * 1e-30, "Å^3"),
            "e0", q(f.e0() * Constants.QE, "eV"), "e0_error", q(f.e0Error() * Constants.QE, "eV"),
            "b0", q(f.b0() * gpa, "GPa"), "b0_error", q(f.b0Error() * gpa, "GPa"),
            "b0_prime", f.b0Prime(), "b0_prime_error", f.b0PrimeError(), "eos", f.form(), "r2", f.r2(), "points", (long) f.points());
    }

    // ---- vacancy model (seed 001, eqs. 7-8)

    private static Object vacancyFit(Args a) {
        double[] c = siList(a, 0, null, "c");
        double[] t = siList(a, 1, Dimension.TEMPERATURE, "t");
        double[] s = siList(a, 2, Dimension.CONDUCTIVITY, "sigma");
        double[] scm = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            scm[k] = s[k] / 100.0; // S/m → S/cm
        }
        boolean withT = a.bool(3);
        FitResult f = VacancyModel.fit(c, t, scm, withT);
        double ln10k = Math.log(10) * Constants.KB;
        return rec("a", f.value("A"), "a_error", f.error("A"), "b", Quantity.of(f.value("B"), "K"), "b_error", Quantity.of(f.error("B"), "K"),
            "ea", q(f.value("B") * ln10k, "eV"), "ea_error", q(f.error("B") * ln10k, "eV"), "r2", f.r2(), "points", (long) c.length,
            "log_t", withT);
    }

    private static Object vacancyModel(Args a) {
        double c = a.number(0);
        double t = KineticsLib.temperature(a, 1);
        if (!(c > 0 && c < 1)) {
            throw new AdcError("c must be between 0 and 1, got " + Values.repr(a.get(0)), "c is the occupied fraction of the ion sites");
        }
        double b = a.si(3, Dimension.TEMPERATURE);
        return q(100 * VacancyModel.predict(a.number(2), b, c, t, a.bool(4)), "S/cm");
    }

    private static Object vacancyConductivity(Args a) {
        double c = a.number(0);
        if (!(c >= 0 && c <= 1)) {
            throw new AdcError("c must be between 0 and 1, got " + Values.repr(a.get(0)), "c is the occupied fraction of the ion sites");
        }
        double t = KineticsLib.temperature(a, 1);
        Object nArg = a.get(2);
        if (!(nArg instanceof Quantity nq) || !nq.dimension().equals(Dimension.of(-3, 0, 0, 0, 0, 0, 0))) {
            throw a.bad(2, "number density (1/cm^3)");
        }
        double z = a.number(3);
        double a0 = a.si(4, Dimension.LENGTH);
        double dg = a.si(5, Dimension.ENERGY);
        double f = a.number(6);
        double nu0 = a.si(7, Dimension.FREQUENCY);
        double qq = a.si(8, Dimension.CHARGE);
        return q(VacancyModel.conductivity(c, t, nq.si(), z, f, a0, nu0, dg, qq), "S/cm");
    }

    // ---- BPP fit (seed 001, Fig. 5)

    private static Object bppFit(Args a) {
        double[] t = siList(a, 0, Dimension.TEMPERATURE, "temperatures");
        double[] t1 = siList(a, 1, Dimension.TIME, "t1");
        double cq = a.si(2, Dimension.FREQUENCY);
        double larmor = a.si(3, Dimension.FREQUENCY);
        String method = a.string(6);
        String branch = a.string(7);
        if (!branch.equals("fast") && !branch.equals("slow")) {
            throw new AdcError("bpp_fit: branch must be \"fast\" or \"slow\", got " + Values.repr(branch),
                "\"slow\" when τc is longer than 1/ω0 (seed 001: τc ~ 1 µs at 160 MHz), \"fast\" above the T1 minimum");
        }
        FitResult f = BppFit.fit(t, t1, cq, larmor, a.number(4), a.number(5), method, branch.equals("fast"));
        double lt = f.value("ln_tau0");
        double tau0 = Math.exp(lt);
        return rec("ea", Quantity.of(f.value("ea"), "eV"), "ea_error", Quantity.of(f.error("ea"), "eV"),
            "tau0", q(tau0, "s"), "tau0_error", q(tau0 * f.error("ln_tau0"), "s"), "r2", f.r2(), "method", method);
    }

    // ---- trajectories

    private static Object trajectory(Args a) {
        String path = a.string(0);
        double dt = a.si(1, Dimension.TIME);
        String fmt = a.string(2);
        if (fmt.isEmpty()) {
            String name = Path.of(path).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            fmt = name.contains("xdatcar") ? "xdatcar" : name.endsWith(".xyz") || name.endsWith(".extxyz") ? "extxyz" : "";
            if (fmt.isEmpty()) {
                throw new AdcError("cannot tell the format of '" + path + "' from its name",
                    "give format = \"extxyz\" or format = \"xdatcar\"");
            }
        }
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = a.env().openRead(path)) {
            char[] buf = new char[65536];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file exists next to the script");
        }
        List<Structure> frames;
        try {
            frames = switch (fmt) {
                case "extxyz", "xyz" -> ExtXyz.readAll(sb.toString(), path);
                case "xdatcar", "vasp-xdatcar" -> Xdatcar.read(sb.toString(), path);
                default -> throw new AdcError("unknown trajectory format \"" + fmt + "\"", "use \"extxyz\" or \"xdatcar\"");
            };
        } catch (StructureException e) {
            throw new AdcError(e.getMessage(), "check the file is a complete " + fmt + " trajectory");
        }
        return new TrajectoryValue(Trajectory.of(frames, dt, path));
    }

    static Trajectory traj(Args a, int i) {
        if (a.get(i) instanceof TrajectoryValue tv) {
            return tv.trajectory();
        }
        throw a.bad(i, "trajectory (from analysis.trajectory)");
    }

    private static int maxLag(Args a, int i, Trajectory tr) {
        long m = a.integer(i);
        return m <= 0 ? Math.max(1, (tr.frames() - 1) / 2) : (int) m;
    }

    /** Per-atom masses (u) of a trajectory's atoms, for centre-of-mass drift removal. */
    private static double[] masses(Trajectory tr) {
        String[] sp = tr.species();
        double[] m = new double[sp.length];
        for (int i = 0; i < sp.length; i++) {
            m[i] = org.adc.chem.Elements.mass(sp[i]);
        }
        return m;
    }

    private static double[] msdOf(Args a, Trajectory tr, int speciesArg, int lagArg, int everyArg, int driftArg, boolean collective) {
        int[] atoms = tr.indices(a.string(speciesArg));
        double[] masses = a.bool(driftArg) ? masses(tr) : null;
        int lag = maxLag(a, lagArg, tr);
        int every = (int) a.integer(everyArg);
        return collective ? Msd.collective(tr, atoms, lag, every, masses) : Msd.compute(tr, atoms, lag, every, masses);
    }

    private static Object msd(Args a) {
        Trajectory tr = traj(a, 0);
        double[] m = msdOf(a, tr, 1, 2, 3, 4, a.bool(5));
        List<Object> rows = new ArrayList<>();
        for (int k = 0; k < m.length; k++) {
            rows.add(rec("t", q(k * tr.dt(), "ps"), "msd", Quantity.of(m[k], "Å^2")));
        }
        return Table.fromRecords(rows, List.of());
    }

    private static Object diffusivity(Args a) {
        Trajectory tr = traj(a, 0);
        boolean collective = a.bool(8);
        double[] m = msdOf(a, tr, 1, 4, 5, 6, collective);
        double from = a.number(2);
        double to = a.number(3);
        if (!(from >= 0 && from < to && to <= 1)) {
            throw new AdcError("fit_from and fit_to are fractions of the largest lag with 0 ≤ fit_from < fit_to ≤ 1, got "
                + from + " and " + to, "the default fits the middle of the MSD: fit_from = 0.2, fit_to = 0.8");
        }
        int last = m.length - 1;
        int i0 = (int) Math.round(from * last);
        int i1 = (int) Math.round(to * last);
        int dim = (int) a.integer(7);
        if (dim < 1 || dim > 3) {
            throw new AdcError("dim must be 1, 2 or 3, got " + dim, "3 for bulk diffusion");
        }
        double[] d = Msd.diffusivity(m, tr.dt(), i0, i1, dim);
        double a2 = 1e-20; // Å² → m²
        return rec("d", q(d[0] * a2, "cm^2/s"), "d_error", q(d[1] * a2, "cm^2/s"), "r2", d[2],
            "fit_from", q(i0 * tr.dt(), "ps"), "fit_to", q(i1 * tr.dt(), "ps"), "atoms", (long) tr.indices(a.string(1)).length,
            "kind", collective ? "collective" : "tracer");
    }

    private static Object rotationalAcf(Args a) {
        Trajectory tr = traj(a, 0);
        double cutoff = a.si(3, Dimension.LENGTH) * 1e10;
        int[] pairs = RotationalCorrelation.pairs(tr, a.string(1), a.string(2), cutoff);
        double[] c = RotationalCorrelation.compute(tr, pairs, maxLag(a, 4, tr), (int) a.integer(5), (int) a.integer(6));
        List<Object> rows = new ArrayList<>();
        for (int k = 0; k < c.length; k++) {
            rows.add(rec("t", q(k * tr.dt(), "ps"), "c", c[k]));
        }
        return Table.fromRecords(rows, List.of());
    }

    private static Object runTable(Args a) {
        String path = a.string(0);
        a.env().procedures().flushLogs(); // rows logged so far are on disk
        return org.adc.table.CsvReader.read(path, a.env().openReadRun(path), ',', false);
    }

    private static final String TRAJ_UNITS = "dt: time between stored frames (fs); positions in Å; t in ps";

    public static Module module() {
        Module m = new Module("analysis", "fits with standard errors (vacancy model, BPP) and trajectory analysis (MSD, D, C(t))");
        m.add(new NativeFunction("eos_fit", "record", new Doc(
            "Fits an energy–volume equation of state (Birch–Murnaghan, Murnaghan, Vinet): V0, E0, B0, B0'",
            "analysis.eos_fit(volumes, energies, eos = \"birch_murnaghan\")",
            "import analysis\n# fcc Cu, EMT energies per atom at nine volumes (ASE's EOS tutorial)\n"
                + "let v = [9.826 Å^3, 10.266 Å^3, 10.719 Å^3, 11.185 Å^3, 11.664 Å^3, 12.157 Å^3, 12.663 Å^3, 13.184 Å^3, 13.718 Å^3]\n"
                + "let e = [0.13577 eV, 0.06774 eV, 0.02258 eV, -0.00146 eV, -0.00669 eV, 0.00460 eV, 0.03030 eV, 0.06864 eV, 0.11808 eV]\n"
                + "let fit = analysis.eos_fit(v, e)\nprint(fit.v0, fit.b0, fit.b0_prime)     # 11.569 Å^3, 133.2 GPa, ...",
            "Least-squares fit of E(V) as ASE's EquationOfState: starts from a parabola (V0, E0, B0 from its vertex and "
                + "curvature, B0' = 4), then Levenberg–Marquardt on all four parameters. Forms: birch_murnaghan (third order), "
                + "murnaghan, vinet. Returns {v0, e0, b0, b0_prime, and *_error for each, eos, r2, points}: B0 = V ∂²E/∂V² at "
                + "V0 in GPa. Refuses rather than extrapolates: the minimum must lie inside the sampled volumes.",
            "volumes: any volume unit (per cell or per atom, as the energies); energies: any energy unit; v0 in Å^3, e0 in eV, b0 in GPa",
            "fewer than 5 points; lists of different length; energies with no minimum (curving downwards); a minimum "
                + "outside the sampled volumes; an unknown eos name.",
            "F. Birch, Phys. Rev. 71, 809 (1947); F. D. Murnaghan, Proc. Natl. Acad. Sci. 30, 244 (1944); P. Vinet et al., "
                + "J. Phys.: Condens. Matter 1, 1941 (1989); forms and start as ase.eos.EquationOfState (checked against ASE 3.22.1)",
            "poly_fit, linear_fit"),
            AnalysisLib::eosFit,
            Param.required("volumes", "list", "cell volumes, e.g. [40.0 Å^3, ...]"),
            Param.required("energies", "list", "energies, one per volume"),
            Param.optional("eos", "string", "birch_murnaghan", "birch_murnaghan, murnaghan or vinet")));
        m.add(new NativeFunction("vacancy_fit", "record", new Doc(
            "Fits the classical vacancy model log σ = A + log[c(1 − c)] − log T − B/T to conductivities",
            "analysis.vacancy_fit(c, t, sigma, log_t = true)",
            "import analysis\n"
                + "# Na(3-x)O(1-x)(NH2)x(BH4): c = (3 - x)/3 is the occupied fraction of the Na sites\n"
                + "let f = analysis.vacancy_fit([1.0 - 0.2/3, 1.0 - 0.5/3, 1.0 - 0.2/3, 1.0 - 0.5/3], [313 K, 313 K, 353 K, 353 K],\n"
                + "                              [2e-7 S/cm, 1e-6 S/cm, 2e-6 S/cm, 9e-6 S/cm])\n"
                + "print(f.a, f.b, f.ea, f.ea_error)",
            "Least-squares fit (QR, Apache Commons Math) of eq. 8 of seed 001 with decimal logarithms, σ in S/cm and T in K, "
                + "to conductivities measured at several ion-site fractions c and temperatures. Eq. 8 is printed with '− log σ0' "
                + "where the logarithm of eq. 7 has '− log T' (the 1/T prefactor): log_t = true (default) fits eq. 7's form, "
                + "log_t = false the printed form (σ0 = 1 S/cm folded into A). Returns {a, a_error, b, b_error, ea, ea_error, r2, "
                + "points, log_t}; ea = B·kB·ln 10 is an apparent activation energy (the paper: f and ν0 may depend on T, so B is "
                + "not exactly ΔG_m/k). Use vacancy_model to draw the fitted baseline, whose c(1 − c) dependence the measured "
                + "conductivities of the x = 1 compound exceed by 10².",
            "c dimensionless (0 < c < 1); t absolute temperature; sigma conductivity (S/cm); a dimensionless; b in K; ea in eV",
            "lists of different length; c outside (0, 1); σ ≤ 0 or T ≤ 0 K; fewer than two points; data that cannot separate A and B "
                + "(all at one temperature).",
            SEED001 + ", Experimental Section, eqs. 7-8 and Fig. 1C",
            "vacancy_model, vacancy_conductivity, arrhenius_fit, nernst_einstein"),
            AnalysisLib::vacancyFit,
            Param.required("c", "list", "occupied fraction of the ion sites, one per point"),
            Param.required("t", "list", "absolute temperatures"),
            Param.required("sigma", "list", "conductivities"),
            Param.optional("log_t", "bool", Boolean.TRUE, "include the − log T term of eq. 7")));
        m.add(new NativeFunction("vacancy_model", "conductivity", new Doc(
            "Conductivity of the fitted vacancy model (eq. 8) at ion fraction c and temperature t",
            "analysis.vacancy_model(c, t, a, b, log_t = true)",
            "import analysis\nlet f = analysis.vacancy_fit(cs, ts, sigmas)\nanalysis.vacancy_model(c = 2/3, t = 353 K, a = f.a, b = f.b)",
            "σ = 10^(A + log[c(1 − c)] − log T − B/T) S/cm with T in K (without the log T term when log_t = false).",
            "c dimensionless; t absolute temperature; a dimensionless; b temperature (K); result in S/cm",
            "c outside (0, 1); T ≤ 0 K.",
            SEED001 + ", eq. 8",
            "vacancy_fit, vacancy_conductivity"),
            AnalysisLib::vacancyModel,
            Param.required("c", "number", "occupied fraction of the ion sites"),
            Param.required("t", "temperature", "absolute temperature"),
            Param.required("a", "number", "fitted A"),
            Param.required("b", "temperature", "fitted B in K"),
            Param.optional("log_t", "bool", Boolean.TRUE, "as in vacancy_fit")));
        m.add(new NativeFunction("vacancy_conductivity", "conductivity", new Doc(
            "Ionic conductivity of the vacancy mechanism from its physical parameters (eq. 7)",
            "analysis.vacancy_conductivity(c, t, n, z, a0, dg, f = 1.0, nu0 = 1e13 Hz, q = qe)",
            "import analysis\nanalysis.vacancy_conductivity(c = 2/3, t = 353 K, n = 1.2e22 cm^-3, z = 8, a0 = 3.4 Å, dg = 0.3 eV)",
            "σ = q² z / (6 k T) · N c (1 − c) f a0² ν0 exp(−ΔG_m / kT): vacancy diffusivity, (1 − c) D_v f and Nernst–Einstein in "
                + "one step. Equal to nernst_einstein(diffusivity_ion(diffusivity_vacancy(...)), ...).",
            "c, z, f dimensionless; t absolute temperature; n number density (1/cm^3); a0 length; dg energy; nu0 frequency; "
                + "q charge; result in S/cm",
            "c outside 0..1; T ≤ 0 K; n not a number density.",
            SEED001 + ", eq. 7",
            "vacancy_fit, diffusivity_vacancy, nernst_einstein"),
            AnalysisLib::vacancyConductivity,
            Param.required("c", "number", "occupied fraction of the ion sites"),
            Param.required("t", "temperature", "absolute temperature"),
            Param.required("n", "[cm^-3]|number", "ion site concentration N (cm^-3)"),
            Param.required("z", "number", "number of adjacent sites"),
            Param.required("a0", "length", "jump distance"),
            Param.required("dg", "energy", "migration barrier ΔG_m"),
            Param.optional("f", "number", 1.0, "correlation factor"),
            Param.optional("nu0", "frequency", KineticsLib.NU0_DEFAULT, "attempt frequency"),
            Param.optional("q", "charge", Quantity.of(Constants.QE, "C"), "ion charge")));
        m.add(new NativeFunction("bpp_fit", "record", new Doc(
            "Fits T1(T) with the quadrupolar BPP rate and an Arrhenius correlation time τc = τ0 exp(Ea/kT)",
            "analysis.bpp_fit(temperatures, t1, cq, larmor, eta = 0, spin = 1.5, method = \"direct\", branch = \"fast\")",
            "import analysis\n"
                + "let f = analysis.bpp_fit([300 K, 320 K, 340 K, 360 K], [40 ms, 25 ms, 16 ms, 11 ms], cq = 1.2 MHz, larmor = 132.32 MHz)\n"
                + "print(f.ea, f.ea_error, f.tau0)",
            "1/T1 = (3π²/50)(2I+3)/(I²(2I−1)) C_Q² (1 + η²/3) [τc/(1 + ω0²τc²) + 4τc/(1 + 4ω0²τc²)] (standard BPP form, see bpp_rate; "
                + "seed 001 prints the same 2π²/25 prefactor for I = 3/2 with a garbled denominator) with τc = τ0 exp(Ea/kB T). "
                + "method \"direct\": Levenberg–Marquardt (Apache Commons Math) on ln(1/T1), both sides of the T1 minimum at once; "
                + "\"two_step\": the paper's procedure, τc from each T1 on one branch (bpp_tau_c; branch \"fast\": ω0 τc < 0.616, "
                + "\"slow\": beyond the T1 minimum, as for seed 001 where τc ≈ 1-7 µs at 160 MHz), then a straight line ln τc vs "
                + "1/kT; on the wrong branch Ea comes out with the wrong sign. Returns {ea, ea_error, tau0, tau0_error, r2, "
                + "method}; errors from the residual scatter.",
            "temperatures absolute; t1 times; cq, larmor frequencies (Hz, MHz); ea in eV; tau0 in s",
            "lists of different length or fewer than two points; T1 below the BPP minimum in two_step; method other than "
                + "\"direct\" or \"two_step\"; a fit that does not converge.",
            SEED001 + ", Fig. 5 (Ea = 450 meV for 23Na, 400 meV for 11B); N. Bloembergen, E. M. Purcell, R. V. Pound, Phys. Rev. 73, "
                + "679 (1948); A. Abragam, The Principles of Nuclear Magnetism (1961), ch. VIII",
            "bpp_rate, bpp_tau_c, arrhenius_fit"),
            AnalysisLib::bppFit,
            Param.required("temperatures", "list", "absolute temperatures"),
            Param.required("t1", "list", "spin-lattice relaxation times"),
            Param.required("cq", "frequency", "quadrupolar coupling constant C_Q = e²qQ/h"),
            Param.required("larmor", "frequency", "Larmor frequency"),
            Param.optional("eta", "number", 0.0, "asymmetry parameter η_Q"),
            Param.optional("spin", "number", 1.5, "nuclear spin I"),
            Param.optional("method", "string", "direct", "\"direct\" or \"two_step\""),
            Param.optional("branch", "string", "fast", "\"fast\" or \"slow\" side of the T1 minimum (two_step; start of direct)")));
        m.add(new NativeFunction("trajectory", "trajectory", new Doc(
            "Reads a molecular-dynamics trajectory (extended XYZ or VASP XDATCAR)",
            "analysis.trajectory(path, dt, format = \"\")",
            "import analysis\nlet tr = analysis.trajectory(\"XDATCAR\", dt = 0.5 fs)      # every step stored\n"
                + "let tr2 = analysis.trajectory(\"md.extxyz\", dt = 10 fs)\nprint(tr.frames, tr.counts, tr.duration)",
            "All frames of the file, the same atoms in the same order in each; dt is the time between stored frames (MD time step × "
                + "output interval). Positions are unwrapped on reading: each atom's step between consecutive frames is taken as the "
                + "minimum image, so crossing the cell boundary is not a jump (valid while no atom moves half a cell between frames). "
                + "XDATCAR: VASP 5 layout (element line present); variable-cell files with a header per frame are read frame by frame. "
                + "extxyz: ASE's layout with Lattice= on every frame. The format is taken from the name (XDATCAR*, *.xyz, *.extxyz) "
                + "unless given. Members: frames, atoms, dt, duration, species, counts, source.",
            TRAJ_UNITS,
            "a missing or unreadable file; frames with different atoms; XDATCAR without element symbols (VASP 4); a frame without "
                + "Lattice=; dt ≤ 0. Messages name the file and line.",
            "VASP XDATCAR and ASE extended XYZ formats; seed 001 AIMD (3×3×3 antiperovskite supercells, 0.5 fs steps, 250-700 K)",
            "msd, diffusivity, rotational_acf"),
            AnalysisLib::trajectory,
            Param.required("path", "string", "trajectory file, relative to the recipe").reads(),
            Param.required("dt", "time", "time between stored frames"),
            Param.optional("format", "string", "", "\"extxyz\" or \"xdatcar\" (default: from the name)")));
        m.add(new NativeFunction("msd", "table", new Doc(
            "Mean-squared displacement MSD(t) of one species (or all atoms) along a trajectory",
            "analysis.msd(traj, species = \"\", max_lag = 0, every = 1, remove_drift = false, collective = false)",
            "import analysis\nlet tr = analysis.trajectory(\"XDATCAR\", dt = 0.5 fs)\nlet m = analysis.msd(tr, \"Na\")\nprint_table(m)",
            "MSD(τ) = ⟨|r_i(t0 + τ) − r_i(t0)|²⟩ over the atoms of the species and over time origins t0 every `every` frames, from "
                + "the unwrapped positions. max_lag = 0 takes half the trajectory. remove_drift subtracts the displacement of the "
                + "centre of mass of all atoms (mass-weighted, standard atomic weights) at each lag. collective = true gives the "
                + "collective (charge) MSD ⟨|Σ_i Δr_i|²⟩ / N, whose slope is the conductivity's D_σ. Returns a table {t, msd}.",
            "t in ps; msd in Å²",
            "a species not in the trajectory; max_lag beyond the trajectory; every < 1.",
            "Einstein relation; seed 001 AIMD analysis (MSD and diffusivity of Na); centre-of-mass drift: D. Frenkel, B. Smit, "
                + "Understanding Molecular Simulation, 2nd ed. (2002), § 4.4.1",
            "diffusivity, trajectory, rotational_acf"),
            AnalysisLib::msd,
            Param.required("traj", "trajectory", "trajectory from analysis.trajectory"),
            Param.optional("species", "string", "", "element symbol (\"\" = all atoms)"),
            Param.optional("max_lag", "int", 0L, "largest lag in frames (0 = half the trajectory)"),
            Param.optional("every", "int", 1L, "frames between time origins"),
            Param.optional("remove_drift", "bool", Boolean.FALSE, "subtract the centre-of-mass displacement of all atoms"),
            Param.optional("collective", "bool", Boolean.FALSE, "collective (charge) MSD instead of the tracer MSD")));
        m.add(new NativeFunction("diffusivity", "record", new Doc(
            "Tracer (or collective) diffusivity D = slope/(2d) of the MSD, with its standard error",
            "analysis.diffusivity(traj, species = \"\", fit_from = 0.2, fit_to = 0.8, max_lag = 0, every = 1, remove_drift = false, dim = 3, collective = false)",
            "import analysis\nlet tr = analysis.trajectory(\"XDATCAR\", dt = 0.5 fs)\nlet d = analysis.diffusivity(tr, \"Na\")\n"
                + "print(d.d, d.d_error)",
            "Straight line through MSD(τ) (as analysis.msd) for lags between fit_from and fit_to, given as fractions of the largest "
                + "lag (skip the ballistic start and the noisy end); D = slope / (2·dim). d_error is the standard error of the slope "
                + "/ (2·dim): MSD values at neighbouring lags are correlated, so it is a lower bound — compare independent parts of "
                + "the run. Returns {d, d_error, r2, fit_from, fit_to, atoms, kind}.\n"
                + "Tracer vs conductivity: the default is the tracer diffusivity D*. Ionic conductivity follows the collective "
                + "diffusivity D_σ (collective = true: the MSD of Σ_i r_i / N); D* / D_σ is the Haven ratio H_R (often 0.3-0.7 in "
                + "superionic conductors), so nernst_einstein(D*) underestimates σ by H_R. D_σ is about √N times noisier from the "
                + "same trajectory; report both, with the Haven ratio, when the run is long enough.",
            "d in cm²/s; fit_from, fit_to in ps",
            "fit_from/fit_to outside 0 ≤ from < to ≤ 1; fewer than two lags in the window; dim not 1-3; errors of analysis.msd.",
            "Einstein relation ⟨r²⟩ = 2 d D t; seed 001 AIMD analysis",
            "msd, nernst_einstein, arrhenius_fit"),
            AnalysisLib::diffusivity,
            Param.required("traj", "trajectory", "trajectory from analysis.trajectory"),
            Param.optional("species", "string", "", "element symbol (\"\" = all atoms)"),
            Param.optional("fit_from", "number", 0.2, "start of the fit window, fraction of the largest lag"),
            Param.optional("fit_to", "number", 0.8, "end of the fit window, fraction of the largest lag"),
            Param.optional("max_lag", "int", 0L, "largest lag in frames (0 = half the trajectory)"),
            Param.optional("every", "int", 1L, "frames between time origins"),
            Param.optional("remove_drift", "bool", Boolean.FALSE, "subtract the centre-of-mass displacement of all atoms"),
            Param.optional("dim", "int", 3L, "dimensionality of the motion"),
            Param.optional("collective", "bool", Boolean.FALSE, "collective (charge) diffusivity D_σ instead of the tracer D*")));
        m.add(new NativeFunction("rotational_acf", "table", new Doc(
            "Rotational autocorrelation C(t) = ⟨u(t)·u(0)⟩ of centre→ligand bond vectors (BH4, NH2 rotors)",
            "analysis.rotational_acf(traj, centre, ligand, cutoff = 1.3 Å, max_lag = 0, every = 1, order = 1)",
            "import analysis\nlet tr = analysis.trajectory(\"XDATCAR\", dt = 0.5 fs)\n"
                + "let cb = analysis.rotational_acf(tr, \"B\", \"H\")              # BH4- reorientation\n"
                + "let cn = analysis.rotational_acf(tr, \"N\", \"H\", cutoff = 1.2 Å)",
            "Unit vectors u from every centre atom to every ligand atom within cutoff of it in the first frame (minimum image); "
                + "the pairs stay fixed and each vector follows the unwrapped displacements of its two atoms. C(τ) = ⟨P_l(u(t0+τ)·u(t0))⟩ "
                + "over pairs and time origins every `every` frames; order 1 (default) is ⟨u(t)·u(0)⟩ as in seed 001, order 2 the "
                + "P2 correlation measured by NMR. C(0) = 1; isotropic free rotation decays to 0. Returns a table {t, c}.",
            "t in ps; c dimensionless; cutoff length",
            "no ligand within cutoff of any centre in frame 1; order not 1 or 2; errors of analysis.msd.",
            SEED001 + ", AIMD section: rotational autocorrelation C(t) = ⟨u(t)·u(0)⟩ of NH2- and BH4-",
            "msd, trajectory"),
            AnalysisLib::rotationalAcf,
            Param.required("traj", "trajectory", "trajectory from analysis.trajectory"),
            Param.required("centre", "string", "centre element (B for BH4, N for NH2)"),
            Param.required("ligand", "string", "ligand element (H)"),
            Param.optional("cutoff", "length", Quantity.of(1.3, "Å"), "bond length cutoff in the first frame"),
            Param.optional("max_lag", "int", 0L, "largest lag in frames (0 = half the trajectory)"),
            Param.optional("every", "int", 1L, "frames between time origins"),
            Param.optional("order", "int", 1L, "Legendre order l (1 or 2)")));
        m.add(new NativeFunction("run_table", "table", new Doc(
            "Reads back a CSV table that this run wrote (a log_to log or a write_csv file) from the run directory",
            "analysis.run_table(path)",
            "import analysis\nimport plot\nlog_to(\"adc_current.csv\", furnace, smu, every = 1 min)\n# ... recipe ...\n"
                + "let log = analysis.run_table(\"adc_current.csv\")\n"
                + "plot.current_charge(log.column(\"t\"), log.column(\"smu_current\"), \"current\", charge = log.column(\"smu_charge\"))",
            "table(path) reads below the recipe's folder; run_table reads what the run itself wrote, relative to the run "
                + "directory, with the units of the header (\"t [s]\", \"smu.current [uA]\"; dots in names become underscores: "
                + "column \"smu_current\"). The run's data logs are flushed first, so every row logged so far is seen.",
            "columns carry the units of their headers",
            "a file that is not in the run directory (\"the file must have been written earlier in this run\"); a malformed CSV.",
            "CSV with units in the header (SI Brochure 9th ed. 5.4.6), as written by log_to and write_csv",
            "table, log_to, write_csv, plot.current_charge, integrate"),
            AnalysisLib::runTable,
            Param.required("path", "string", "file in the run directory").reads()));
        return m;
    }
}
