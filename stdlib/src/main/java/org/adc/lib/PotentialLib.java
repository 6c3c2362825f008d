package org.adc.lib;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.neb.Neb;
import org.adc.neb.NebResult;
import org.adc.optimize.AtomsObjective;
import org.adc.optimize.Fire;
import org.adc.optimize.Lbfgs;
import org.adc.optimize.OptimizationResult;
import org.adc.optimize.Optimizer;
import org.adc.potential.Atoms;
import org.adc.potential.Calculator;
import org.adc.potential.Eam;
import org.adc.potential.Emt;
import org.adc.potential.Evaluation;
import org.adc.potential.LennardJones;
import org.adc.potential.Morse;
import org.adc.potential.PotentialFileException;
import org.adc.potential.SimulationException;
import org.adc.potential.StillingerWeber;
import org.adc.potential.Tersoff;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Library {@code potential} ({@code import potential}): interatomic potentials, energies and forces, relaxation
 * (FIRE, L-BFGS) and the nudged elastic band. Atoms are the module's own value ({@code bulk}, {@code atoms}) or a
 * record {symbols, positions, cell[, pbc]} with positions and cell vectors as lists [x, y, z] in Å.
 */
public final class PotentialLib {
    private PotentialLib() {
    }

    private static final Unit EV = Units.parse("eV");
    private static final Unit ANG = Units.parse("Å");
    private static final Unit RY = Units.parse("Ry");
    private static final Dimension SPRING = Dimension.of(0, 1, -2, 0, 0, 0, 0);
    private static final Dimension INV_LENGTH = Dimension.of(-1, 0, 0, 0, 0, 0, 0);
    private static final String SOURCES = "Potentials as in LAMMPS (pair_style lj/cut, lj/smooth/linear, morse, sw, tersoff, eam, "
        + "eam/alloy) and ASE 3.22 (EMT); FIRE: Bitzek et al., PRL 97, 170201 (2006); L-BFGS: Liu and Nocedal, Math. Prog. 45, "
        + "503 (1989); NEB: Henkelman and Jónsson, JCP 113, 9978 (2000), climbing image: Henkelman et al., JCP 113, 9901 (2000).";

    private static double ev(Args a, int i) {
        return a.quantity(i, Dimension.ENERGY).valueIn(EV);
    }

    private static double ang(Args a, int i) {
        return a.quantity(i, Dimension.LENGTH).valueIn(ANG);
    }

    /** Runs {@code f}, turning library exceptions into script errors. */
    private static Object guard(Args a, Function<Args, Object> f) {
        try {
            return f.apply(a);
        } catch (PotentialFileException e) {
            throw new AdcError("bad potential file " + e.getMessage(), e.line() > 0
                ? "check that line of the file against the format in the help of " + a.functionName()
                : "ask only for elements the file has parameters for (elements = [...]), or use a file for all of them");
        } catch (SimulationException e) {
            throw new AdcError(e.getMessage(), e.hint() != null ? e.hint() : e.step() >= 0 ? "lower the step size or start from a better structure"
                : "move the atoms apart or check the cell and units (positions are in Å)");
        } catch (org.adc.potential.external.ExternalProgramException e) {
            throw new AdcError(e.getMessage(), e.hint());
        } catch (IllegalArgumentException e) {
            throw new AdcError(e.getMessage(), "see help(" + a.functionName() + ")");
        }
    }

    private static String[] strings(Args a, int i) {
        AdcList l = a.list(i);
        String[] s = new String[l.size()];
        for (int k = 0; k < s.length; k++) {
            if (!(l.items().get(k) instanceof String str)) {
                throw a.bad(i, "list of element symbols");
            }
            s[k] = str;
        }
        return s;
    }

    private static String readAll(Args a, String path) {
        try (Reader r = a.env().openRead(path)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1 << 16];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (java.io.IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file name");
        }
    }

    static Calculator calculator(Args a, int i) {
        if (a.get(i) instanceof CalculatorValue c) {
            return c.calculator();
        }
        throw a.bad(i, "calculator (lj(...), sw(\"Si.sw\"), eam(...), emt(), ...)");
    }

    private static double coord(Object o, Args a, int i) {
        if (o instanceof Quantity q && q.dimension().equals(Dimension.LENGTH)) {
            return q.valueIn(ANG);
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Double d) {
            return d;
        }
        throw a.bad(i, "lengths (Å) in lists [x, y, z]");
    }

    private static double[] vectors(Object o, Args a, int i) {
        if (!(o instanceof AdcList l)) {
            throw a.bad(i, "list of [x, y, z]");
        }
        double[] v = new double[3 * l.size()];
        for (int k = 0; k < l.size(); k++) {
            if (!(l.items().get(k) instanceof AdcList p) || p.size() != 3) {
                throw a.bad(i, "list of [x, y, z] (entry " + k + " is " + Values.describe(l.items().get(k)) + ")");
            }
            for (int c = 0; c < 3; c++) {
                v[3 * k + c] = coord(p.items().get(c), a, i);
            }
        }
        return v;
    }

    /** Atoms from argument i: an atoms value or a record {symbols, positions, cell[, pbc]}. */
    static Atoms atoms(Args a, int i) {
        Object o = a.get(i);
        if (o instanceof AtomsValue v) {
            return v.atoms();
        }
        if (o instanceof StructureValue sv) {
            return fromStructure(sv.structure(), a, i);
        }
        if (o instanceof HasMembers r && r.member("symbols") != null && r.member("positions") != null && r.member("cell") != null) {
            if (!(r.member("symbols") instanceof AdcList sl)) {
                throw a.bad(i, "atoms (symbols must be a list of strings)");
            }
            String[] sym = new String[sl.size()];
            for (int k = 0; k < sym.length; k++) {
                sym[k] = String.valueOf(sl.items().get(k));
            }
            double[] x = vectors(r.member("positions"), a, i);
            double[] cell = vectors(r.member("cell"), a, i);
            if (cell.length != 9) {
                throw a.bad(i, "atoms with a cell of three vectors");
            }
            boolean[] pbc = {true, true, true};
            if (r.member("pbc") instanceof AdcList pl && pl.size() == 3) {
                for (int k = 0; k < 3; k++) {
                    pbc[k] = Boolean.TRUE.equals(pl.items().get(k));
                }
            }
            if (x.length != 3 * sym.length) {
                throw new AdcError(sym.length + " symbols but " + x.length / 3 + " positions", "give one [x, y, z] per atom");
            }
            return new Atoms(sym, x, cell, pbc);
        }
        throw a.bad(i, "atoms (from bulk(...) or atoms(...), or a record {symbols, positions, cell})");
    }

    /** Atoms from a structure of the structure layer (every site fully occupied; periodic in all directions). */
    static Atoms fromStructure(org.adc.structure.Structure st, Args a, int i) {
        for (int k = 0; k < st.size(); k++) {
            if (st.site(k).occupancy() < 1 - 1e-6) {
                throw new AdcError("site " + k + " (" + st.site(k).species() + ") is only partly occupied ("
                    + st.site(k).occupancy() + "): a potential needs every atom in place",
                    "make an ordered structure first, e.g. s.ordered(...), or remove the partial sites");
            }
        }
        return new Atoms(st.species(), st.cartesianPositions(), st.cell(), new boolean[] {true, true, true});
    }

    private static boolean[] fixedMask(Args a, int i, int n) {
        boolean[] m = new boolean[n];
        if (!a.has(i)) {
            return m;
        }
        for (Object o : a.list(i)) {
            if (!(o instanceof Long idx) || idx < 0 || idx >= n) {
                throw a.bad(i, "list of atom indices 0.." + (n - 1));
            }
            m[(int) (long) idx] = true;
        }
        return m;
    }

    private static AdcList evList(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double x : v) {
            l.add(Quantity.of(x, EV));
        }
        return new AdcList(l);
    }

    private static AdcList angList(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double x : v) {
            l.add(Quantity.of(x, ANG));
        }
        return new AdcList(l);
    }

    // ---- constructors of calculators

    private static Object lj(Args a) {
        double eps = ev(a, 0);
        double sig = ang(a, 1);
        double rc = a.has(2) ? ang(a, 2) : 2.5 * sig;
        String t = a.string(3);
        LennardJones.Truncation tr = switch (t) {
            case "cut" -> LennardJones.Truncation.CUT;
            case "shifted" -> LennardJones.Truncation.SHIFTED;
            case "linear" -> LennardJones.Truncation.FORCE_SHIFTED;
            default -> throw new AdcError("unknown truncation '" + t + "'", "use \"cut\", \"shifted\" or \"linear\"");
        };
        return new CalculatorValue(new LennardJones(eps, sig, rc, tr));
    }

    private static Object morse(Args a) {
        double d0 = ev(a, 0);
        Object al = a.get(1);
        double alpha;
        if (al instanceof Quantity q && q.dimension().equals(INV_LENGTH)) {
            alpha = q.valueIn(Units.parse("1/Å"));
        } else if (al instanceof Number n) {
            alpha = n.doubleValue();
        } else {
            throw a.bad(1, "inverse length (1/Å)");
        }
        return new CalculatorValue(new Morse(d0, alpha, ang(a, 2), ang(a, 3), a.bool(4)));
    }

    private static Object sw(Args a) {
        String path = a.string(0);
        return new CalculatorValue(new StillingerWeber(path, new java.io.StringReader(readAll(a, path)), strings(a, 1)));
    }

    private static List<String> stringOrList(Args a, int i) {
        List<String> out = new ArrayList<>();
        if (a.get(i) instanceof String str) {
            out.add(str);
            return out;
        }
        for (Object o : a.list(i)) {
            if (!(o instanceof String str)) {
                throw a.bad(i, "a string or a list of strings");
            }
            out.add(str);
        }
        return out;
    }

    /** LAMMPS executable as a calculator; potential files named in pair_coeff are resolved next to the script. */
    private static Object lammps(Args a) {
        String style;
        List<String> coeff = new ArrayList<>();
        List<String> inferred = new ArrayList<>();
        try {
            style = org.adc.potential.external.LammpsInput.pairStyle(a.string(0));
            for (String line : stringOrList(a, 1)) {
                // every potential file goes through the recipe's sandbox (one check) and comes back absolute for LAMMPS
                String checked = org.adc.potential.external.LammpsInput.pairCoeff(style, line, a.env()::readablePath);
                String[] t = checked.split(" ");
                List<String> els = new ArrayList<>();
                for (int k = 3; k < t.length; k++) {
                    if (org.adc.chem.Elements.isElement(t[k])) {
                        els.add(t[k]);
                    }
                }
                if (inferred.isEmpty() && t.length > 3 && t[0].equals("*") && t[1].equals("*") && els.size() == t.length - 3) {
                    inferred.addAll(els);
                }
                coeff.add(checked);
            }
        } catch (IllegalArgumentException e) {
            throw new AdcError(e.getMessage(), "LAMMPS inputs from a recipe use listed pair styles, numbers, elements and potential files "
                + "inside the recipe's folder; see the reference of potential.lammps");
        }
        String[] el = strings(a, 2);
        if (el.length == 0) {
            if (inferred.isEmpty()) {
                throw new AdcError("which element is LAMMPS atom type 1, 2, ...?", "give elements = [\"Ar\"] (type 1 first)");
            }
            el = inferred.toArray(String[]::new);
        }
        List<String> modify = a.string(3).isBlank() ? List.of() : List.of(a.string(3));
        long ranks = a.integer(5), threads = a.integer(6);
        if (ranks < 1 || ranks > 100_000) {
            throw a.bad(5, "a number of MPI ranks ≥ 1");
        }
        if (threads < 1 || threads > 10_000) {
            throw a.bad(6, "a number of threads per rank ≥ 1");
        }
        return new CalculatorValue(new org.adc.potential.external.LammpsCalculator(style, coeff, modify, el,
            a.env().workDirectory("lammps"), a.bool(4)).launch(a.env().executor("auto").launchPrefix((int) ranks, (int) threads)));
    }

    /** Quantum ESPRESSO pw.x as a calculator. */
    private static Object espresso(Args a) {
        if (!(a.get(0) instanceof HasMembers pp)) {
            throw a.bad(0, "a record {Si: \"Si.pz-vbc.UPF\"} of pseudopotential files per element");
        }
        Map<String, java.nio.file.Path> files = new LinkedHashMap<>();
        for (String el : pp.memberNames()) {
            if (!(pp.member(el) instanceof String f)) {
                throw a.bad(0, "a record of file names per element (" + el + " is " + Values.describe(pp.member(el)) + ")");
            }
            files.put(el, a.env().readablePath(f));
        }
        double ecut = a.quantity(1, Dimension.ENERGY).valueIn(RY);
        int[] k = ints(a, 2);
        int[] off = ints(a, 3);
        double ecutrho = a.has(4) ? a.quantity(4, Dimension.ENERGY).valueIn(RY) : 0;
        String smearing = a.has(5) ? a.string(5) : null;
        double degauss = a.quantity(6, Dimension.ENERGY).valueIn(RY);
        double conv = a.quantity(7, Dimension.ENERGY).valueIn(RY);
        String dft = a.has(8) ? a.string(8) : null;
        var settings = new org.adc.potential.external.EspressoCalculator.Settings(files, ecut, ecutrho, k, off, smearing, degauss, conv, dft);
        Map<String, Double> mag = new LinkedHashMap<>();
        if (a.has(10)) {
            if (!(a.get(10) instanceof HasMembers m)) {
                throw a.bad(10, "a record of starting magnetizations per element, e.g. {Fe: 0.5}");
            }
            for (String el : m.memberNames()) {
                if (!(m.member(el) instanceof Number x)) {
                    throw a.bad(10, "numbers between -1 and 1 (" + el + " is " + Values.describe(m.member(el)) + ")");
                }
                mag.put(el, x.doubleValue());
            }
        }
        var options = new org.adc.potential.external.EspressoOptions(mag.isEmpty() ? 1 : 2, mag, a.number(11), (int) a.integer(12),
            a.number(13), (int) a.integer(14), a.bool(15), a.has(16) ? a.string(16) : null, (int) a.integer(17), (int) a.integer(18),
            (int) a.integer(19), a.string(20));
        var calc = new org.adc.potential.external.EspressoCalculator(settings, options, a.env().workDirectory("espresso"), a.bool(9));
        // inside a Slurm allocation (adc run --executor slurm) the executor launches pw.x as srun --exact steps
        List<String> exe = a.env().executor("auto").launchPrefix(options.ranks(), options.threads());
        if (!exe.isEmpty() && exe.get(0).equals("srun")) {
            calc.launch(exe);
        }
        a.env().externalProgram("pw.x", calc.commandLine(), calc::version);
        return new CalculatorValue(calc);
    }

    private static int[] ints(Args a, int i) {
        AdcList l = a.list(i);
        if (l.size() != 3) {
            throw a.bad(i, "three integers");
        }
        int[] v = new int[3];
        for (int k = 0; k < 3; k++) {
            if (!(l.items().get(k) instanceof Long x)) {
                throw a.bad(i, "three integers");
            }
            v[k] = (int) (long) x;
        }
        return v;
    }

    private static Object tersoff(Args a) {
        String path = a.string(0);
        return new CalculatorValue(new Tersoff(path, new java.io.StringReader(readAll(a, path)), strings(a, 1)));
    }

    private static Object eam(Args a) {
        String path = a.string(0);
        String[] el = strings(a, 1);
        String fmt = a.string(2);
        if (fmt.equals("auto")) {
            fmt = path.endsWith(".alloy") || path.endsWith(".setfl") ? "setfl" : "funcfl";
        }
        String text = readAll(a, path);
        if (fmt.equals("setfl")) {
            return new CalculatorValue(Eam.setfl(path, new java.io.StringReader(text), el));
        }
        if (!fmt.equals("funcfl")) {
            throw new AdcError("unknown EAM format '" + fmt + "'", "use \"setfl\" (eam/alloy), \"funcfl\" (eam) or \"auto\"");
        }
        if (el.length != 1) {
            throw new AdcError("a funcfl file holds one element; give elements = [\"Cu\"]", "for alloys use a setfl (.eam.alloy) file");
        }
        return new CalculatorValue(Eam.funcfl(el, new String[] {path}, new Reader[] {new java.io.StringReader(text)}));
    }

    private static Object buckingham(Args a) {
        String[] el = strings(a, 0);
        AdcList ql = a.list(1);
        if (ql.size() != el.length) {
            throw a.bad(1, "one charge per element (" + el.length + ")");
        }
        double[] q = new double[el.length];
        for (int k = 0; k < q.length; k++) {
            if (!(ql.items().get(k) instanceof Number num)) {
                throw a.bad(1, "charges as numbers (units of e)");
            }
            q[k] = num.doubleValue();
        }
        int n = el.length;
        double[] bigA = new double[n * n], rho = new double[n * n], bigC = new double[n * n];
        java.util.Arrays.fill(rho, 1.0);
        for (Object o : a.list(2)) {
            if (!(o instanceof HasMembers r) || !(r.member("pair") instanceof AdcList pr) || pr.size() != 2) {
                throw a.bad(2, "records {pair: [\"Na\", \"O\"], a: eV, rho: Å, c: eV·Å^6}");
            }
            int i = java.util.Arrays.asList(el).indexOf(String.valueOf(pr.items().get(0)));
            int j = java.util.Arrays.asList(el).indexOf(String.valueOf(pr.items().get(1)));
            if (i < 0 || j < 0) {
                throw new AdcError("pair " + pr.items() + " names an element not in " + java.util.Arrays.toString(el), "list every element in elements");
            }
            double av = r.member("a") instanceof Quantity qa ? qa.valueIn(EV) : ((Number) r.member("a")).doubleValue();
            double rv = r.member("rho") instanceof Quantity qr ? qr.valueIn(ANG) : ((Number) r.member("rho")).doubleValue();
            Object co = r.member("c");
            double cv = co == null ? 0 : co instanceof Quantity qc ? qc.valueIn(Units.parse("eV*Å^6")) : ((Number) co).doubleValue();
            bigA[i * n + j] = bigA[j * n + i] = av;
            rho[i * n + j] = rho[j * n + i] = rv;
            bigC[i * n + j] = bigC[j * n + i] = cv;
        }
        return new CalculatorValue(new org.adc.potential.BuckinghamCoulomb(el, q, bigA, rho, bigC, ang(a, 3), a.number(4)));
    }

    // ---- atoms

    private static Object bulk(Args a) {
        String sym = a.string(0);
        String lat = a.string(1);
        double l = ang(a, 2);
        double[][] basis = switch (lat) {
            case "sc" -> new double[][] {{0, 0, 0}};
            case "bcc" -> new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}};
            case "fcc" -> new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
            case "diamond" -> new double[][] {{0, 0, 0}, {0.25, 0.25, 0.25}, {0, 0.5, 0.5}, {0.25, 0.75, 0.75}, {0.5, 0, 0.5},
                {0.75, 0.25, 0.75}, {0.5, 0.5, 0}, {0.75, 0.75, 0.25}};
            default -> throw new AdcError("unknown lattice '" + lat + "'", "use \"sc\", \"bcc\", \"fcc\" or \"diamond\" (cubic cells)");
        };
        AdcList rep = a.list(3);
        if (rep.size() != 3) {
            throw a.bad(3, "three repetitions [na, nb, nc]");
        }
        int[] n = new int[3];
        for (int k = 0; k < 3; k++) {
            if (!(rep.items().get(k) instanceof Long v) || v < 1) {
                throw a.bad(3, "three positive integers");
            }
            n[k] = (int) (long) v;
        }
        int count = basis.length * n[0] * n[1] * n[2];
        String[] s = new String[count];
        double[] x = new double[3 * count];
        int p = 0;
        for (int i = 0; i < n[0]; i++) {
            for (int j = 0; j < n[1]; j++) {
                for (int k = 0; k < n[2]; k++) {
                    for (double[] b : basis) {
                        s[p] = sym;
                        x[3 * p] = (i + b[0]) * l;
                        x[3 * p + 1] = (j + b[1]) * l;
                        x[3 * p + 2] = (k + b[2]) * l;
                        p++;
                    }
                }
            }
        }
        return new AtomsValue(new Atoms(s, x, new double[] {n[0] * l, 0, 0, 0, n[1] * l, 0, 0, 0, n[2] * l}));
    }

    private static Object makeAtoms(Args a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("symbols", a.get(0));
        f.put("positions", a.get(1));
        f.put("cell", a.get(2));
        f.put("pbc", a.get(3));
        return new AtomsValue(atomsFrom(new Record(f), a));
    }

    private static Atoms atomsFrom(Object rec, Args a) {
        HasMembers r = (HasMembers) rec;
        String[] sym;
        if (r.member("symbols") instanceof AdcList sl) {
            sym = new String[sl.size()];
            for (int k = 0; k < sym.length; k++) {
                if (!(sl.items().get(k) instanceof String s)) {
                    throw a.bad(0, "list of element symbols");
                }
                sym[k] = s;
            }
        } else {
            throw a.bad(0, "list of element symbols");
        }
        double[] x = vectors(r.member("positions"), a, 1);
        double[] cell = vectors(r.member("cell"), a, 2);
        if (cell.length != 9) {
            throw a.bad(2, "three cell vectors [x, y, z]");
        }
        if (x.length != 3 * sym.length) {
            throw new AdcError(sym.length + " symbols but " + x.length / 3 + " positions", "give one [x, y, z] per atom");
        }
        boolean[] pbc = new boolean[3];
        AdcList pl = (AdcList) r.member("pbc");
        for (int k = 0; k < 3; k++) {
            pbc[k] = Boolean.TRUE.equals(pl.items().get(k));
        }
        return new Atoms(sym, x, cell, pbc);
    }

    private static Object removeAtom(Args a) {
        Atoms at = atoms(a, 0);
        long idx = a.integer(1);
        if (idx < 0 || idx >= at.size()) {
            throw a.bad(1, "atom index 0.." + (at.size() - 1));
        }
        int n = at.size() - 1;
        String[] s = new String[n];
        double[] x = new double[3 * n];
        for (int i = 0, p = 0; i <= n; i++) {
            if (i == idx) {
                continue;
            }
            s[p] = at.symbols()[i];
            System.arraycopy(at.positions(), 3 * i, x, 3 * p, 3);
            p++;
        }
        return new AtomsValue(new Atoms(s, x, at.cell(), at.pbc()));
    }

    private static Object moveAtom(Args a) {
        Atoms at = atoms(a, 0);
        long idx = a.integer(1);
        if (idx < 0 || idx >= at.size()) {
            throw a.bad(1, "atom index 0.." + (at.size() - 1));
        }
        AdcList p = a.list(2);
        if (p.size() != 3) {
            throw a.bad(2, "position [x, y, z] in Å");
        }
        for (int c = 0; c < 3; c++) {
            at.positions()[3 * (int) idx + c] = coord(p.items().get(c), a, 2);
        }
        return new AtomsValue(at);
    }

    /** Index of the atom nearest to a point (minimum image in periodic directions). */
    private static Object nearestAtom(Args a) {
        Atoms at = atoms(a, 0);
        AdcList p = a.list(1);
        if (p.size() != 3) {
            throw a.bad(1, "position [x, y, z] in Å");
        }
        double[] q = new double[3];
        for (int c = 0; c < 3; c++) {
            q[c] = coord(p.items().get(c), a, 1);
        }
        double[] cell = at.cell();
        double[] inv = org.adc.structure.Lattice.fromVectors(cell).inverseMatrix();
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < at.size(); i++) {
            double[] d = new double[3];
            for (int c = 0; c < 3; c++) {
                d[c] = at.positions()[3 * i + c] - q[c];
            }
            double[] f = new double[3];
            for (int k = 0; k < 3; k++) {
                f[k] = d[0] * inv[k] + d[1] * inv[3 + k] + d[2] * inv[6 + k];
                if (at.pbc()[k]) {
                    f[k] -= Math.rint(f[k]);
                }
            }
            double r2 = 0;
            for (int c = 0; c < 3; c++) {
                double x = f[0] * cell[c] + f[1] * cell[3 + c] + f[2] * cell[6 + c];
                r2 += x * x;
            }
            if (r2 < bd) {
                bd = r2;
                best = i;
            }
        }
        if (best < 0) {
            throw new AdcError("there are no atoms", "give a structure with atoms");
        }
        return (long) best;
    }

    /** A text table of a NEB energy profile: image, reaction coordinate, energy, a bar. */
    static String profile(double[] s, double[] e, int climbing) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : e) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        StringBuilder b = new StringBuilder("image  s (Å)   E − E0 (eV)\n");
        for (int i = 0; i < e.length; i++) {
            int bar = hi > lo ? (int) Math.round(30 * (e[i] - lo) / (hi - lo)) : 0;
            double de = Math.abs(e[i] - e[0]) < 5e-6 ? 0 : e[i] - e[0];
            b.append(String.format(java.util.Locale.ROOT, "%5d %7.3f %12.5f  %s%s", i, s[i], de, "#".repeat(bar),
                i == climbing ? " (climbing)" : "").stripTrailing()).append('\n');
        }
        return b.toString().stripTrailing();
    }

    // ---- evaluation

    private static Object energy(Args a) {
        return Quantity.of(calculator(a, 0).compute(atoms(a, 1)).energy(), EV);
    }

    private static Object forces(Args a) {
        Evaluation ev = calculator(a, 0).compute(atoms(a, 1));
        List<Object> out = new ArrayList<>();
        Unit u = Units.parse("eV/Å");
        double[] f = ev.forces();
        for (int i = 0; i < f.length; i += 3) {
            out.add(AdcList.of(Quantity.of(f[i], u), Quantity.of(f[i + 1], u), Quantity.of(f[i + 2], u)));
        }
        return new AdcList(out);
    }

    private static Object stress(Args a) {
        Atoms at = atoms(a, 1);
        Calculator calc = calculator(a, 0);
        if (!calc.hasVirial()) {
            throw new AdcError("stress: " + calc.describe() + " gives no virial", "stress needs a potential with a virial (lj, sw, eam, ...)");
        }
        double[] s = calc.compute(at).stressGPa(at.volume());
        Unit u = Units.parse("GPa");
        List<Object> rows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            rows.add(AdcList.of(Quantity.of(s[3 * r], u), Quantity.of(s[3 * r + 1], u), Quantity.of(s[3 * r + 2], u)));
        }
        return new AdcList(rows);
    }

    private static Optimizer optimizer(Args a, int i) {
        String o = a.string(i);
        return switch (o) {
            case "fire" -> new Fire();
            case "lbfgs" -> new Lbfgs();
            default -> throw new AdcError("unknown optimizer '" + o + "'", "use \"fire\" or \"lbfgs\"");
        };
    }

    private static Object relax(Args a) {
        Calculator c = calculator(a, 0);
        Atoms at = atoms(a, 1);
        double fmax = a.quantity(2, Dimension.FORCE).valueIn(Units.parse("eV/Å"));
        Optimizer opt = optimizer(a, 4).fmax(fmax).maxSteps((int) a.integer(3)).maxStep(maxStep(a, 8)).fixed(fixedMask(a, 5, at.size()));
        OptimizationResult r;
        if (a.bool(6)) {
            if (!c.hasVirial()) {
                throw new AdcError("relax: cell = true needs the virial, which " + c.describe() + " does not give",
                    "relax the positions only (cell = false)");
            }
            double p = a.quantity(7, Dimension.PRESSURE).valueIn(Units.parse("GPa")) / Evaluation.EV_PER_A3_IN_GPA;
            r = org.adc.optimize.CellObjective.relax(at, c, opt, p);
        } else {
            r = AtomsObjective.relax(at, c, opt);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("atoms", new AtomsValue(at));
        f.put("volume", Quantity.of(at.volume(), Units.parse("Å^3")));
        f.put("energy", Quantity.of(r.energy(), EV));
        f.put("converged", r.converged());
        f.put("steps", (long) r.steps());
        f.put("max_force", Quantity.of(r.maxForce(), Units.parse("eV/Å")));
        return new Record(f);
    }

    private static double maxStep(Args a, int i) {
        double v = a.quantity(i, Dimension.LENGTH).valueIn(ANG);
        if (!(v > 0)) {
            throw a.bad(i, "a positive length (largest move of one atom per step)");
        }
        return v;
    }

    private static double spring(Object kk, Args a) {
        if (kk instanceof Quantity q && q.dimension().equals(SPRING)) {
            return q.valueIn(Units.parse("eV/Å^2"));
        } else if (kk instanceof Number n) {
            return n.doubleValue();
        }
        throw a.bad(5, "spring constant (eV/Å^2), or a list of one per segment");
    }

    private static Object neb(Args a) {
        Atoms ini = atoms(a, 0);
        Atoms fin = atoms(a, 1);
        Calculator c = calculator(a, 2);
        long images = a.integer(3);
        if (images < 3) {
            throw a.bad(3, "at least 3 images (end points included)");
        }
        Object kk = a.get(5);
        double k = 0.1;
        double[] ks = null;
        if (kk instanceof AdcList kl) {
            if (kl.size() != images - 1) {
                throw a.bad(5, "one spring constant per segment between images (" + (images - 1) + " values for " + images + " images)");
            }
            ks = new double[kl.size()];
            for (int s = 0; s < ks.length; s++) {
                ks[s] = spring(kl.items().get(s), a);
            }
        } else {
            k = spring(kk, a);
        }
        double fmax = a.quantity(6, Dimension.FORCE).valueIn(Units.parse("eV/Å"));
        String method = a.string(7);
        Neb neb = new Neb(c).images((int) images).climb(a.bool(4)).spring(k).fmax(fmax).maxSteps((int) a.integer(8))
            .method(switch (method) {
                case "linear" -> Neb.Method.LINEAR;
                case "idpp" -> Neb.Method.IDPP;
                default -> throw new AdcError("unknown interpolation '" + method + "'", "use \"linear\" or \"idpp\"");
            })
            .optimizer(switch (a.string(9)) {
                case "fire" -> Neb.OptimizerKind.FIRE;
                case "lbfgs" -> Neb.OptimizerKind.LBFGS;
                default -> throw new AdcError("unknown optimizer '" + a.string(9) + "'", "use \"fire\" or \"lbfgs\"");
            })
            .fixed(fixedMask(a, 10, ini.size())).maxStep(maxStep(a, 11));
        if (c instanceof org.adc.potential.external.LammpsCalculator || c instanceof org.adc.potential.external.EspressoCalculator) {
            // external-program images run at the same time, as many as the executor has slots (allocation steps under Slurm)
            int slots = a.env().executor("auto").concurrentSlots();
            if (slots > 1) {
                neb.concurrency(Math.min(slots, (int) images - 2));
            }
        }
        if (ks != null) {
            neb.springs(ks);
        }
        NebResult r = neb.run(ini, fin);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("converged", r.converged());
        f.put("barrier", Quantity.of(r.barrier(), EV));
        f.put("barrier_images", Quantity.of(r.barrierImages(), EV));
        f.put("reverse_barrier", Quantity.of(r.reverseBarrier(), EV));
        double[] rel = r.energies().clone();
        for (int i = rel.length - 1; i >= 0; i--) {
            rel[i] -= r.energies()[0];
        }
        f.put("energies", evList(rel));
        f.put("reaction_coordinate", angList(r.reactionCoordinate()));
        f.put("steps", (long) r.steps());
        f.put("max_force", Quantity.of(r.maxForce(), Units.parse("eV/Å")));
        f.put("climbing_image", (long) r.climbingImage());
        f.put("saddle", new AtomsValue(r.saddle()));
        List<Object> imgs = new ArrayList<>();
        for (Atoms im : r.images()) {
            imgs.add(new AtomsValue(im));
        }
        f.put("images", new AdcList(imgs));
        f.put("profile", profile(r.reactionCoordinate(), r.energies(), r.climbingImage()));
        return new Record(f);
    }

    private static NativeFunction fn(String name, String returns, Doc doc, Function<Args, Object> body, Param... params) {
        return new NativeFunction(name, returns, doc, a -> guard(a, body), params);
    }

    private static Doc doc(String summary, String sig, String example, String text, String units, String errors, String see) {
        return new Doc(summary, sig, example, text, units, errors, SOURCES, see);
    }

    /** The {@code potential} module with its functions and reference pages. */
    public static Module module() {
        Module m = new Module("potential", "interatomic potentials, relaxation and the nudged elastic band");
        AdcList none = new AdcList();
        m.add(fn("lj", "calculator", doc("Lennard-Jones 12-6 pair potential for all atoms",
            "lj(epsilon, sigma, cutoff = 2.5 sigma, truncation = \"shifted\")",
            "calc = lj(epsilon = 0.0104 eV, sigma = 3.4 Å, cutoff = 8.5 Å)",
            "φ(r) = 4ε[(σ/r)^12 − (σ/r)^6] for r < cutoff. truncation \"cut\" (LAMMPS lj/cut), \"shifted\" (φ − φ(rc); "
                + "lj/cut with pair_modify shift yes; ASE LennardJones) or \"linear\" (energy and force shifted; lj/smooth/linear).",
            "epsilon energy (eV); sigma, cutoff length (Å)", "unknown truncation; non-positive parameters", "morse, energy"),
            PotentialLib::lj, Param.required("epsilon", "energy", "well depth ε"), Param.required("sigma", "length", "σ"),
            Param.optional("cutoff", "length", org.adc.lang.None.INSTANCE, "cutoff radius (default 2.5 σ)"),
            Param.optional("truncation", "string", "shifted", "\"cut\", \"shifted\" or \"linear\"")));
        m.add(fn("morse", "calculator", doc("Morse pair potential for all atoms",
            "morse(d0, alpha, r0, cutoff, shifted = false)", "calc = morse(0.3429 eV, 1.3588 / Å, 2.866 Å, 6 Å)",
            "φ(r) = D0 [e^(−2α(r − r0)) − 2 e^(−α(r − r0))] for r < cutoff (LAMMPS pair_style morse); shifted subtracts φ(cutoff).",
            "d0 eV; alpha 1/Å; r0, cutoff Å", "non-positive parameters", "lj"),
            PotentialLib::morse, Param.required("d0", "energy", "well depth"), Param.required("alpha", "[1/Å]", "stiffness (1/Å)"),
            Param.required("r0", "length", "equilibrium distance"), Param.required("cutoff", "length", "cutoff radius"),
            Param.optional("shifted", "bool", false, "subtract φ(cutoff)")));
        m.add(fn("sw", "calculator", doc("Stillinger-Weber potential from a LAMMPS .sw file", "sw(file, elements = [])",
            "calc = sw(\"Si.sw\")\ncalc = sw(\"GaN.sw\", [\"Ga\", \"N\"])",
            "Reads the LAMMPS pair_style sw format (entries: 3 elements + ε σ a λ γ cosθ0 A B p q tol). elements picks and orders "
                + "the elements like pair_coeff * * file el1 el2 (default: all in file order).",
            "metal units: eV, Å", "a malformed entry names the file and line; a missing element triplet is reported", "tersoff"),
            PotentialLib::sw, Param.required("file", "string", "path of the .sw file, relative to the script").reads(),
            Param.optional("elements", "list", none, "elements to use")));
        m.add(fn("tersoff", "calculator", doc("Tersoff potential from a LAMMPS .tersoff file", "tersoff(file, elements = [])",
            "calc = tersoff(\"SiC.tersoff\", [\"Si\", \"C\"])",
            "Reads the LAMMPS pair_style tersoff format (entries: 3 elements + m γ λ3 c d cosθ0 n β λ2 B R D λ1 A).",
            "metal units: eV, Å", "a malformed entry names the file and line; a missing element triplet is reported", "sw"),
            PotentialLib::tersoff, Param.required("file", "string", "path of the .tersoff file").reads(),
            Param.optional("elements", "list", none, "elements to use")));
        m.add(fn("eam", "calculator", doc("Embedded-atom potential from a DYNAMO setfl or funcfl file",
            "eam(file, elements = [], format = \"auto\")", "calc = eam(\"Cu_u3.eam\", [\"Cu\"])\ncalc = eam(\"CuNi.eam.alloy\")",
            "setfl (.eam.alloy, LAMMPS pair_style eam/alloy) or funcfl (.eam, pair_style eam, one element). Interpolation as LAMMPS.",
            "metal units: eV, Å", "a malformed file names the file and line", "emt"),
            PotentialLib::eam, Param.required("file", "string", "path of the EAM file").reads(),
            Param.optional("elements", "list", none, "elements (required for funcfl)"),
            Param.optional("format", "string", "auto", "\"setfl\", \"funcfl\" or \"auto\" (by file name)")));
        m.add(fn("buckingham", "calculator", doc("Buckingham pair potential plus Coulomb (Ewald) for ionic solids",
            "buckingham(elements, charges, pairs, cutoff = 10 Å, accuracy = 1e-8)",
            "calc = buckingham([\"Na\", \"Cl\"], [1, -1], [{pair: [\"Na\", \"Cl\"], a: 1170 eV, rho: 0.317 Å, c: 0},\n"
                + "    {pair: [\"Cl\", \"Cl\"], a: 1227.2 eV, rho: 0.3214 Å, c: 29.06}])",
            "φ(r) = A e^(−r/ρ) − C/r^6 for the listed pairs (others: Coulomb only) plus the Ewald sum of the charges "
                + "(LAMMPS buck/coul/long + kspace ewald, exact erfc). The cell must be periodic and neutral.",
            "A eV; rho Å; C eV·Å^6 (plain numbers are read in these units); charges in e; cutoff Å",
            "charged cell; unknown element in a pair", "lj"),
            PotentialLib::buckingham, Param.required("elements", "list", "element symbols"),
            Param.required("charges", "list", "charge of each element (e)"), Param.required("pairs", "list", "Buckingham pair records"),
            Param.optional("cutoff", "length", Quantity.of(10, "Å"), "real-space and Buckingham cutoff"),
            Param.optional("accuracy", "number", 1e-8, "relative accuracy of the Ewald sum")));
        m.add(fn("lammps", "calculator", doc("The LAMMPS executable (lmp) as a calculator: energy, forces and stress from any LAMMPS pair style",
            "lammps(pair_style, pair_coeff, elements = [], pair_modify = \"\", keep = false, ranks = 1, threads = 1)",
            "calc = lammps(\"sw\", \"* * Si.sw Si\")\ncalc = lammps(\"lj/cut 8.5\", \"1 1 0.0104 3.4\", [\"Ar\"], pair_modify = \"shift yes\")",
            "Each evaluation writes a data file and an input (units metal, run 0) into a new folder under lammps/ in the run "
                + "directory, runs lmp there and reads the energy, forces (dump, 17 digits) and virial (compute pressure NULL virial). "
                + "Potential files named in pair_coeff are read next to the script. elements gives LAMMPS types 1, 2, ... (default: "
                + "the element names at the end of a '* * file El ...' line). Any cell works: it is rotated into LAMMPS's triclinic "
                + "frame and back. The program is lmp (or lmp_serial, lmp_mpi) on the PATH, or the command line in the environment "
                + "variable ADC_LAMMPS; scripts cannot start other programs. Folders are removed after a successful call unless keep.\n"
                + "What a recipe may pass is an allow-list: pair styles of a fixed list (lj/cut, morse, buck, table, sw, tersoff, eam, "
                + "eam/alloy, eam/fs, meam, snap, airebo, pace, zbl, ... and hybrid/hybrid/overlay of them; not python, kim or list), "
                + "numbers, element symbols, NULL, atom types, table/pair_modify keywords, and potential files, every one of which goes "
                + "through the recipe's sandbox (inside its folder or --allow-read). LAMMPS variables ($x, ${x}, $(...), v_name), "
                + "quotes, &, # and line breaks are refused.",
            "metal units: eV, Å, eV/Å, GPa",
            "LAMMPS not installed (names the package); LAMMPS's own ERROR line and the work folder when it fails; no run directory",
            "espresso, sw"),
            PotentialLib::lammps, Param.required("pair_style", "string", "LAMMPS pair_style arguments, e.g. \"sw\" or \"lj/cut 8.5\""),
            Param.required("pair_coeff", "string|list", "pair_coeff arguments: a string or a list of strings (one per pair_coeff line)").reads(),
            Param.optional("elements", "list", none, "element of LAMMPS type 1, 2, ..."),
            Param.optional("pair_modify", "string", "", "pair_modify arguments, e.g. \"shift yes\""),
            Param.optional("keep", "bool", false, "keep every call's folder (inputs and outputs)"),
            Param.optional("ranks", "int", 1L, "MPI ranks per LAMMPS call (srun -n ranks under adc run --executor slurm)"),
            Param.optional("threads", "int", 1L, "threads per rank (srun -c threads, OMP_NUM_THREADS)")));
        m.add(fn("espresso", "calculator", doc("Quantum ESPRESSO pw.x as a calculator: DFT energy, forces and stress (one SCF per call)",
            "espresso(pseudopotentials, ecutwfc, kpoints, koffset = [0, 0, 0], ecutrho, smearing, degauss = 0.01 Ry, conv_thr = 1e-10 Ry, "
                + "input_dft, keep = false, magnetization, tot_charge = 0, electron_maxstep = 100, mixing_beta = 0.7, nbnd = 0, nosym = false, "
                + "vdw_corr, ranks = 1, pools = 1, threads = 1, launcher = \"mpirun\")",
            "calc = espresso({Si: \"Si.pz-vbc.UPF\"}, ecutwfc = 16 Ry, kpoints = [2, 2, 2])",
            "Writes a pw.x input (calculation 'scf', tprnfor, tstress, ibrav 0, positions and cell in Å) into a new folder under "
                + "espresso/ in the run directory, runs pw.x there and reads the '!' total energy, the forces and the total stress. "
                + "Pseudopotential files are read next to the script (all from one folder). conv_thr is per atom. The program is pw.x "
                + "on the PATH or the command line in ADC_PW (e.g. \"mpirun -np 2 pw.x\").\n"
                + "A Γ-only grid (kpoints = [1, 1, 1], no offset) is written as K_POINTS gamma (real wavefunctions: about half the "
                + "time). magnetization = {Fe: 0.5} turns on collinear spin (nspin = 2); tot_charge, electron_maxstep, mixing_beta, "
                + "nbnd, nosym and vdw_corr are pw.x's options of the same names. Parallel runs: ranks = 4 starts `mpirun -np 4 pw.x` "
                + "(launcher = \"srun\" inside a Slurm allocation: `srun -n 4 pw.x`), pools = 2 adds `-nk 2`, threads sets "
                + "OMP_NUM_THREADS; the command line and pw.x's version go into run.json (external_programs). A pw.x still running when "
                + "adc ends (error, Ctrl-C, SIGTERM) is ended with its MPI children. A failed SCF quotes pw.x's last estimated "
                + "accuracies and names the options that help.\n"
                + "Only allow-listed values reach the input: smearing one of pw.x's names (gaussian, methfessel-paxton/m-p, "
                + "marzari-vanderbilt/cold, fermi-dirac ...), input_dft one word (PBE, PBEsol, B3LYP), pseudopotential files one-word "
                + "names checked by the recipe's sandbox, energies finite.",
            "ecutwfc, ecutrho, degauss, conv_thr energies (Ry or any energy unit); results in eV, Å (Ry = 13.605693122994 eV, "
                + "a0 = 0.529177210903 Å)",
            "pw.x not installed; pw.x's 'Error in routine' message or 'convergence NOT achieved' with the work folder; a non-periodic cell",
            "lammps"),
            PotentialLib::espresso, Param.required("pseudopotentials", "record|map", "pseudopotential file per element").reads(),
            Param.required("ecutwfc", "energy", "wave-function cutoff"), Param.required("kpoints", "list", "Monkhorst-Pack grid [k1, k2, k3]"),
            Param.optional("koffset", "list", new AdcList(List.of(0L, 0L, 0L)), "grid offsets (0 or 1)"),
            Param.optional("ecutrho", "energy", org.adc.lang.None.INSTANCE, "charge-density cutoff (default 4 ecutwfc)"),
            Param.optional("smearing", "string", org.adc.lang.None.INSTANCE, "e.g. \"mv\" for metals (occupations 'smearing')"),
            Param.optional("degauss", "energy", Quantity.of(0.01, "Ry"), "smearing width"),
            Param.optional("conv_thr", "energy", Quantity.of(1e-10, "Ry"), "SCF convergence per atom"),
            Param.optional("input_dft", "string", org.adc.lang.None.INSTANCE, "override the functional of the pseudopotentials"),
            Param.optional("keep", "bool", false, "keep every call's folder"),
            Param.optional("magnetization", "any", org.adc.lang.None.INSTANCE, "starting magnetization per element (-1..1); turns on nspin = 2"),
            Param.optional("tot_charge", "number", 0.0, "extra charge of the cell in e (+1: one electron removed)"),
            Param.optional("electron_maxstep", "int", 100L, "SCF iteration limit"),
            Param.optional("mixing_beta", "number", 0.7, "charge mixing factor (0, 1]"),
            Param.optional("nbnd", "int", 0L, "number of bands (0: pw.x's default)"),
            Param.optional("nosym", "bool", false, "switch symmetry off"),
            Param.optional("vdw_corr", "string", org.adc.lang.None.INSTANCE, "dispersion correction: grimme-d2, grimme-d3, ts, xdm"),
            Param.optional("ranks", "int", 1L, "MPI ranks of each pw.x run (srun --exact -n ranks inside a Slurm allocation)"),
            Param.optional("pools", "int", 1L, "k-point pools (pw.x -nk), dividing ranks"),
            Param.optional("threads", "int", 1L, "OpenMP threads per rank"),
            Param.optional("launcher", "string", "mpirun", "MPI launcher for ranks > 1: mpirun, mpiexec or srun")));
        m.add(fn("emt", "calculator", doc("Effective medium theory with ASE's parameters (Al, Cu, Ag, Au, Ni, Pd, Pt)", "emt()",
            "calc = emt()", "Same equations, parameters and cutoff as ase.calculators.emt.EMT (ASE 3.22).", "eV, Å",
            "other elements are refused", "eam"), a -> new CalculatorValue(new Emt())));
        m.add(fn("muller_brown", "calculator", doc("The Müller–Brown model energy surface",
            "muller_brown()",
            "let mb = muller_brown()\nlet box = [[100 Å, 0 Å, 0 Å], [0 Å, 100 Å, 0 Å], [0 Å, 0 Å, 100 Å]]\n"
                + "let a = atoms([\"H\"], [[-0.558 Å, 1.442 Å, 0 Å]], box, pbc = [false, false, false])\n"
                + "let b = atoms([\"H\"], [[0.623 Å, 0.028 Å, 0 Å]], box, pbc = [false, false, false])\n"
                + "let r = neb(a, b, mb, images = 9, fmax = 0.01 eV/Å)",
            "V(x, y) = Σ_k A_k exp[a_k (x − x0_k)² + b_k (x − x0_k)(y − y0_k) + c_k (y − y0_k)²] with the four terms of "
                + "Müller and Brown, applied to every atom's x and y (z feels no force). Minima at (−0.558, 1.442), "
                + "(0.623, 0.028), (−0.050, 0.467); saddles at (−0.822, 0.624) and (0.212, 0.293). A test surface for relax and "
                + "neb: no virial (stress and cell = true refuse it), no cutoff. Source: K. Müller and L. D. Brown, Theor. Chim. "
                + "Acta 53, 75 (1979).",
            "energies in the surface's units read as eV; coordinates in Å", "stress or cell relaxation",
            "from_function, neb, relax"),
            a -> new CalculatorValue(new org.adc.potential.MullerBrown())));
        m.add(fn("from_function", "calculator", doc("A calculator from recipe functions of the atoms",
            "from_function(energy, forces = none, cutoff = 0 Å, min_distance = 0 Å, description = \"function\")",
            "fn well(a) {\n    let p = a.positions[0]\n    return 0.5 eV * ((p[0] / 1 Å)^2 + 4 * (p[1] / 1 Å)^2)\n}\n"
                + "fn well_forces(a) {\n    let p = a.positions[0]\n    return [[-(p[0] / 1 Å) * 1 eV/Å, -4 * (p[1] / 1 Å) * 1 eV/Å, 0 eV/Å]]\n}\n"
                + "let calc = from_function(energy = well, forces = well_forces)\n"
                + "let r = relax(calc, atoms([\"H\"], [[1 Å, 1 Å, 0 Å]], [[50 Å, 0 Å, 0 Å], [0 Å, 50 Å, 0 Å], [0 Å, 0 Å, 50 Å]]))",
            "energy(atoms) returns the energy (an energy quantity); forces(atoms) returns [[fx, fy, fz], ...] in force units, "
                + "one per atom. Without forces they are central differences of the energy (step 1e-4 Å, error O(h²), 6N extra "
                + "calls). The functions receive atoms values (members symbols, positions, cell, pbc). Usable in energy, forces, "
                + "relax and neb; no virial (stress and cell = true refuse it); NEB images are evaluated one after the other. "
                + "cutoff and min_distance only feed the too-close-atoms check before a run (0 Å: none).",
            "energy eV; forces eV/Å; positions Å",
            "a function that returns something other than an energy, or a forces list of the wrong shape or units; stress or "
                + "cell relaxation", "muller_brown, relax, neb"),
            a -> new CalculatorValue(new FunctionCalculator(a.function(0), a.has(1) ? a.function(1) : null,
                a.quantity(2, Dimension.LENGTH).valueIn(ANG), a.quantity(3, Dimension.LENGTH).valueIn(ANG), a.string(4))),
            Param.required("energy", "function", "energy(atoms) → energy"),
            Param.optional("forces", "function", org.adc.lang.None.INSTANCE, "forces(atoms) → [[fx, fy, fz], ...] (default: finite differences)"),
            Param.optional("cutoff", "length", Quantity.of(0, "Å"), "interaction range, for the distance check"),
            Param.optional("min_distance", "length", Quantity.of(0, "Å"), "closest allowed distance between atoms"),
            Param.optional("description", "string", "function", "text for calc.description")));
        m.add(fn("bulk", "atoms", doc("Cubic crystal supercell", "bulk(symbol, lattice, a, repeat = [1, 1, 1])",
            "si = bulk(\"Si\", \"diamond\", 5.431 Å, [2, 2, 2])     # 64 atoms",
            "Conventional cubic cell of sc, bcc, fcc or diamond with lattice constant a, repeated na × nb × nc.", "a in Å",
            "unknown lattice", "atoms, remove_atom"),
            PotentialLib::bulk, Param.required("symbol", "string", "element"), Param.required("lattice", "string", "sc, bcc, fcc, diamond"),
            Param.required("a", "length", "lattice constant"), Param.optional("repeat", "list", AdcList.of(1L, 1L, 1L), "repetitions")));
        m.add(fn("atoms", "atoms", doc("Atoms from symbols, positions and a cell",
            "atoms(symbols, positions, cell, pbc = [true, true, true])",
            "a = atoms([\"Cu\", \"Cu\"], [[0 Å, 0 Å, 0 Å], [1.8 Å, 1.8 Å, 0 Å]], [[3.6 Å, 0 Å, 0 Å], [0 Å, 3.6 Å, 0 Å], [0 Å, 0 Å, 3.6 Å]])",
            "positions and cell vectors are lists [x, y, z] of lengths (plain numbers are read as Å).", "Å",
            "counts that do not match", "bulk"),
            PotentialLib::makeAtoms, Param.required("symbols", "list", "element of each atom"),
            Param.required("positions", "list", "[x, y, z] of each atom"), Param.required("cell", "list", "three lattice vectors"),
            Param.optional("pbc", "list", AdcList.of(true, true, true), "periodic along a, b, c")));
        m.add(fn("remove_atom", "atoms", doc("Copy without atom i (0-based)", "remove_atom(atoms, index)",
            "vac = remove_atom(bulk(\"Ar\", \"fcc\", 5.26 Å, [3, 3, 3]), 0)", "Makes a vacancy.", "positions stay in Å; the cell is unchanged", "index out of range",
            "move_atom"), PotentialLib::removeAtom, Param.required("atoms", "atoms", "atoms"), Param.required("index", "int", "0-based")));
        m.add(fn("move_atom", "atoms", doc("Copy with atom i at a new position", "move_atom(atoms, index, position)",
            "fin = move_atom(vac, 0, [0 Å, 0 Å, 0 Å])", "Moves one atom (e.g. into a vacancy for a NEB end point).", "Å",
            "index out of range", "remove_atom"), PotentialLib::moveAtom, Param.required("atoms", "atoms", "atoms"),
            Param.required("index", "int", "0-based"), Param.required("position", "list", "[x, y, z]")));
        m.add(fn("nearest_atom", "int", doc("Index of the atom nearest to a point", "nearest_atom(atoms, position)",
            "let s = nearest_atom(vac, [a / 4, a / 4, a / 4])", "Minimum-image distance in periodic directions; finds the atoms of a hop "
                + "in a structure whose site order you do not know.", "position in Å", "no atoms", "move_atom"),
            PotentialLib::nearestAtom, Param.required("atoms", "atoms|structure", "atoms or structure"), Param.required("position", "list", "[x, y, z]")));
        m.add(fn("energy", "energy", doc("Potential energy of atoms", "energy(calc, atoms)",
            "print(energy(sw(\"Si.sw\"), bulk(\"Si\", \"diamond\", 5.431 Å)) to eV)", "Total potential energy.", "eV",
            "elements without parameters", "forces, stress"), PotentialLib::energy,
            Param.required("calc", "calculator", "calculator"), Param.required("atoms", "atoms", "atoms")));
        m.add(fn("forces", "list", doc("Forces on atoms", "forces(calc, atoms)", "f = forces(calc, a)\nprint(f[0])",
            "−∂E/∂x for each atom as [fx, fy, fz].", "eV/Å", "elements without parameters", "energy"), PotentialLib::forces,
            Param.required("calc", "calculator", "calculator"), Param.required("atoms", "atoms", "atoms")));
        m.add(fn("stress", "list", doc("Stress tensor", "stress(calc, atoms)", "s = stress(calc, a)",
            "σ = −W/V (virial W = Σ r⊗f), positive = tensile (ASE convention), 3×3 rows.", "GPa", "elements without parameters in the calculator; atoms closer than the potential allows", "energy"), PotentialLib::stress,
            Param.required("calc", "calculator", "calculator"), Param.required("atoms", "atoms", "atoms")));
        m.add(fn("relax", "record", doc("Relaxes atomic positions (fixed cell)",
            "relax(calc, atoms, fmax = 0.01 eV/Å, steps = 1000, optimizer = \"fire\", fixed = [], cell = false, pressure = 0 GPa, max_step = 0.2 Å)",
            "r = relax(calc, vac, fmax = 0.001 eV/Å)\nif !r.converged { print(\"not converged\") }",
            "FIRE or L-BFGS until the largest force is below fmax. With cell = true the cell relaxes too (enthalpy E + pV at the given pressure; unit-cell filter). "
                + "Returns {atoms, volume, energy, converged, steps, max_force}. "
                + "Atoms closer than the potential allows are reported before starting; NaN/inf forces stop with the step and atom. "
                + "steps counts the updates of the positions (at most the limit; forces are evaluated steps + 1 times, as ASE's nsteps). "
                + "No atom moves more than max_step per step. A run that diverges stops with an error and a hint instead of "
                + "returning converged = false: the largest force growing 1000-fold over max(start, 1 eV/Å), the energy rising more "
                + "than max(10 eV per atom, 10 × |start energy|) above the start, or a non-finite energy.",
            "fmax eV/Å; energy eV; max_step Å", "too close atoms; non-finite forces; a diverging run (hint: optimizer = \"fire\")", "neb"),
            PotentialLib::relax, Param.required("calc", "calculator", "calculator"), Param.required("atoms", "atoms", "atoms"),
            Param.optional("fmax", "force", Quantity.of(0.01, "eV/Å"), "convergence on the max force"),
            Param.optional("steps", "int", 1000L, "step limit"), Param.optional("optimizer", "string", "fire", "\"fire\" or \"lbfgs\""),
            Param.optional("fixed", "list", none, "indices of atoms that do not move"),
            Param.optional("cell", "bool", false, "also relax the cell (to the given pressure)"),
            Param.optional("pressure", "pressure", Quantity.of(0, "GPa"), "external pressure for cell relaxation"),
            Param.optional("max_step", "length", Quantity.of(0.2, "Å"), "largest move of one atom per step")));
        m.add(fn("neb", "record", doc("Nudged elastic band between two relaxed end points",
            "neb(initial, final, calc, images = 7, climb = true, k = 0.1, fmax = 0.05 eV/Å, method = \"linear\", steps = 1000, "
                + "optimizer = \"fire\", fixed = [], max_step = 0.2 Å)",
            "r = neb(ini.atoms, fin.atoms, lj(0.0104 eV, 3.4 Å, 8.5 Å), images = 7, fmax = 0.001 eV/Å)\n"
                + "if r.converged { print(r.barrier to meV) } else { print(\"NEB did not converge\") }\n"
                + "for i, e in r.energies { print(r.reaction_coordinate[i], e) }",
            "Improved-tangent NEB with optional climbing image; images evaluated in parallel. Returns {converged, barrier (spline), "
                + "barrier_images, reverse_barrier, energies (relative to the initial image), reaction_coordinate, steps, max_force, "
                + "climbing_image, saddle, images, profile (a printable table of the energy profile)}. Atoms may be structure values "
                + "(structure module) as well. A band that does not converge returns converged = false: check it. steps counts the "
                + "updates of the band (at most the limit). A band that diverges stops with an error and a hint (use FIRE): forces "
                + "growing 1000-fold, the highest image energy rising more than max(10 eV per atom of the band, 10 × |start|), or the band growing "
                + "longer than 5 × its start + 1 Å.",
            "energies eV; reaction coordinate Å; k eV/Å^2 (number or quantity, or a list with one per segment); fmax eV/Å",
            "fewer than 3 images; different atoms in the end points; too close atoms; non-finite forces; a diverging band", "relax"),
            PotentialLib::neb, Param.required("initial", "atoms|structure", "initial end point"), Param.required("final", "atoms|structure", "final end point"),
            Param.required("calc", "calculator", "calculator"), Param.optional("images", "int", 7L, "images including end points"),
            Param.optional("climb", "bool", true, "climbing image"), Param.optional("k", "[eV/Å^2]|number|list", 0.1, "spring constant, eV/Å^2, or a list of images − 1 per-segment constants"),
            Param.optional("fmax", "force", Quantity.of(0.05, "eV/Å"), "convergence on the max NEB force"),
            Param.optional("method", "string", "linear", "\"linear\" or \"idpp\""), Param.optional("steps", "int", 1000L, "step limit"),
            Param.optional("optimizer", "string", "fire", "\"fire\" or \"lbfgs\""),
            Param.optional("fixed", "list", none, "indices of atoms fixed in all images"),
            Param.optional("max_step", "length", Quantity.of(0.2, "Å"), "largest move of one atom per step")));
        m.add(MorseEmbeddingFunction.function());
        return m;
    }
}
