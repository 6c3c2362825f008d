package org.adc.lib;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.structure.Lattice;
import org.adc.structure.Prototypes;
import org.adc.structure.Site;
import org.adc.structure.SiteClass;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.structure.cage.CageNetwork;
import org.adc.structure.cage.MigrationPaths;
import org.adc.structure.io.StructureIO;
import org.adc.symmetry.CrystalBuilder;
import org.adc.symmetry.SpaceGroup;
import org.adc.symmetry.SymmetryDataset;
import org.adc.symmetry.SymmetryFinder;
import org.adc.symmetry.WyckoffPosition;
import org.adc.symmetry.WyckoffTable;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * Library {@code structure} ({@code import structure}): crystal structures with units — prototypes
 * ({@code structure.na24si136()}, {@code structure.diamond("Si", a = 5.431 Å)}), crystals from a space group and
 * Wyckoff sites, reading and writing CIF/POSCAR/extxyz/LAMMPS data/seed-003 tables through the sandbox, symmetry
 * detection, symmetry-distinct sites, cages and migration paths. The Java layer is {@code org.adc.structure},
 * {@code org.adc.symmetry} (see stdlib/README-structure.md); this class only converts units, arguments and errors.
 */
public final class StructureLib {
    private StructureLib() {
    }

    static final String FORMATS_READ = "Formats: cif (symmetry operations or a space-group name expanded, occupancies), poscar "
        + "(VASP 5 POSCAR/CONTCAR, Direct or Cartesian), extxyz (extended XYZ as ASE writes it), lammps-data (atomic style, "
        + "Masses give the elements), si-table (lattice vectors + fractional coordinates tables of seed 003's supporting "
        + "information). The format is guessed from the name: *.cif, POSCAR*/CONTCAR*/*.vasp, *.xyz/*.extxyz, *.data/*.lmp, *.sitable.";
    static final String FORMATS_WRITE = "Formats: cif (P1 with occupancies), cif-symmetrized (space group detected within "
        + "`tolerance`, standard conventional cell, the group's symmetry operations and one site per orbit with its occupancy), poscar (VASP 5, Direct), extxyz (ASE style, "
        + "Lattice and Properties=species:S:1:pos:R:3), lammps-data (atomic style with Masses). The format is guessed from the "
        + "file name (*.cif, POSCAR, *.xyz, *.data) unless given. Every writer keeps the atom order (POSCAR lists consecutive "
        + "runs of a species, as ASE with sort=False; sort = true groups them). POSCAR, extxyz and lammps-data cannot express "
        + "partial occupancy and refuse it (s.ordered(seed) picks one configuration; cif keeps occupancies). ASE 3.22 reads these files back with the same cell and "
        + "positions within 1e-8 Å (stored cross-checks in stdlib/src/test/resources/structure/ref).";
    private static final String ITA = "Space groups: International Tables for Crystallography Vol. A (standard settings; Fd-3m and "
        + "the other two-origin groups in origin choice 2, R groups in hexagonal axes), operations generated from Hall symbols "
        + "(S. R. Hall, Acta Cryst. A37, 517 (1981)) and checked against spglib 2.0.2 for all 230 groups";
    private static final String UNITS = "lengths are quantities (Å, nm, bohr, ... are converted; results in Å), angles in deg; a "
        + "plain number where a length is expected is an error";
    private static final String RELATED = "read, crystal, symmetry, distinct_sites, cages, migration_paths, na24si136";
    private static final Quantity SYMPREC = StructureValue.len(1e-3);

    // ---- argument helpers ---------------------------------------------------------------------

    /** Runs a library body and turns structure-layer exceptions into script errors. */
    static Object guard(Supplier<Object> body) {
        try {
            return body.get();
        } catch (StructureException e) {
            throw new AdcError(message(e), hint(e));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
            throw new AdcError(String.valueOf(e.getMessage()), "check the structure and the arguments");
        }
    }

    private static String message(StructureException e) {
        String m = e.getMessage();
        if (e.file() != null && e.line() == 0) {
            String p = e.file() + ":0: ";
            if (m.startsWith(p)) {
                m = e.file() + ": " + m.substring(p.length());
            }
        }
        return m;
    }

    private static String hint(StructureException e) {
        String m = e.getMessage();
        if (m.contains("cannot express partial occupancy")) {
            return "s.ordered(seed = 1) gives one ordered configuration to write; cif keeps the occupancies";
        }
        if (m.contains("special position")) {
            return "use the special position's letter, or free parameters off the special value";
        }
        if (m.contains("two origin choices")) {
            return "add the origin choice to the symbol in the file (':1' or ':2'), or give the operations loop";
        }
        if (m.contains("does not have the symmetry of")) {
            return "check the cell parameters and the space-group setting in the file (':H'/':R' for rhombohedral groups)";
        }
        if (m.contains("overlap")) {
            return "atoms this close are a duplicated site or wrong coordinates; min_distance = 0 Å keeps them (structure.read, structure.crystal)";
        }
        if (m.contains("occupancy")) {
            return "occupancies are between 0 and 1, and sites sharing a position may not add up to more than 1";
        }
        if (m.contains("space group")) {
            return "give an ITA number 1..230 or a Hermann-Mauguin symbol such as \"Fd-3m\"";
        }
        if (e.file() != null) {
            return "fix the file at the line shown, or check that the format matches (format = \"cif\", \"poscar\", ...)";
        }
        return null;
    }

    /** Argument {@code i} as a length in Å; a plain number is refused with a hint. */
    static double length(Args a, int i) {
        Object x = a.get(i);
        if (x instanceof Long || x instanceof Double) {
            throw new AdcError("bad argument #" + (i + 1) + " to '" + a.functionName() + "' (length expected, got the plain number "
                + Values.repr(x) + ")", "give the length with a unit, e.g. " + Values.repr(x) + " Å");
        }
        return a.si(i, Dimension.LENGTH) * 1e10;
    }

    private static double angle(Args a, int i) {
        Object x = a.get(i);
        if (x instanceof Quantity q && q.dimension().isNone()) {
            return Math.toDegrees(q.si());
        }
        if (x instanceof Long || x instanceof Double) {
            throw new AdcError("bad argument #" + (i + 1) + " to '" + a.functionName() + "' (angle expected, got the plain number "
                + Values.repr(x) + ")", "give the angle with a unit, e.g. " + Values.repr(x) + " deg");
        }
        throw a.bad(i, "angle (deg)");
    }

    static double[] fractional(Args a, int i) {
        Object x = a.get(i);
        if (x instanceof AdcList l && l.size() == 3) {
            double[] f = new double[3];
            for (int k = 0; k < 3; k++) {
                if (!(l.get(k) instanceof Number n)) {
                    throw a.bad(i, "fractional coordinates [x, y, z]");
                }
                f[k] = n.doubleValue();
            }
            return f;
        }
        throw a.bad(i, "fractional coordinates [x, y, z]");
    }

    private static Structure structure(Args a, int i) {
        if (a.get(i) instanceof StructureValue v) {
            return v.structure();
        }
        throw a.bad(i, "structure");
    }

    private static Object value(Structure s) {
        return new StructureValue(s);
    }

    private static Doc doc(String summary, String syntax, String examples, String description, String units, String errors, String source) {
        return new Doc(summary, syntax, examples, description, units, errors, source, RELATED);
    }

    private static NativeFunction fn(String name, String returns, Doc doc, java.util.function.Function<Args, Object> body, Param... params) {
        return new NativeFunction(name, returns, doc, a -> guard(() -> body.apply(a)), params);
    }

    // ---- records ----------------------------------------------------------------------------

    static Record symmetryRecord(SymmetryDataset d, double symprec) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("number", (long) d.number());
        f.put("symbol", d.symbol());
        f.put("crystal_system", d.spaceGroup().crystalSystem());
        f.put("operations", (long) d.operations().size());
        f.put("point_group_order", (long) d.pointGroupOrder());
        f.put("tolerance", StructureValue.len(symprec));
        List<Object> ops = new ArrayList<>();
        for (SymmetryDataset.SymOpReal o : d.operations()) {
            ops.add(xyz(o.rotation(), o.translation()));
        }
        f.put("symops", new AdcList(ops));
        List<Object> eq = new ArrayList<>();
        for (int x : d.equivalentAtoms()) {
            eq.add((long) x);
        }
        f.put("equivalent_atoms", new AdcList(eq));
        List<Object> rows = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            rows.add(AdcList.of((long) d.transformation()[3 * r], (long) d.transformation()[3 * r + 1], (long) d.transformation()[3 * r + 2]));
        }
        f.put("transformation", new AdcList(rows));
        f.put("origin_shift", AdcList.of(d.originShift()[0], d.originShift()[1], d.originShift()[2]));
        return new Record(f);
    }

    /**
     * "x,y,z" text of an operation with real coefficients (the rotation of a supercell basis may have entries such as
     * 2 or 1/2): coefficients and translations (mod 1) as fractions with denominators up to 24, else decimals.
     */
    static String xyz(double[] w, double[] t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            StringBuilder c = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                double v = w[3 * i + j];
                if (Math.abs(v) < 1e-8) {
                    continue;
                }
                c.append(v < 0 ? "-" : c.length() > 0 ? "+" : "");
                String m = frac(Math.abs(v));
                c.append(m.equals("1") ? "" : m + "*").append((char) ('x' + j));
            }
            double x = t[i] - Math.floor(t[i]);
            if (x > 1 - 1e-8) {
                x = 0;
            }
            if (x > 1e-8) {
                c.append(c.length() > 0 ? "+" : "").append(frac(x));
            }
            b.append(i > 0 ? "," : "").append(c.length() == 0 ? "0" : c);
        }
        return b.toString();
    }

    private static String frac(double x) {
        for (int d = 1; d <= 24; d++) {
            double n = x * d;
            if (Math.abs(n - Math.rint(n)) < 1e-6 * d) {
                long nn = Math.round(n);
                long g = java.math.BigInteger.valueOf(nn).gcd(java.math.BigInteger.valueOf(d)).longValue();
                return g == 0 ? "0" : d / g == 1 ? String.valueOf(nn / g) : (nn / g) + "/" + (d / g);
            }
        }
        return org.adc.units.Format.number(x);
    }

    /** A space group's data: operations, Wyckoff positions and site symmetries (standard settings). */
    private static Object spacegroup(Args a) {
        Object g = a.get(0);
        SpaceGroup group;
        if (g instanceof Long n) {
            group = SpaceGroup.of((int) (long) n);
        } else if (g instanceof String sym) {
            List<SpaceGroup> c = SpaceGroup.settingsOf(sym);
            if (c.size() > 1) {
                throw new AdcError("'" + sym + "' leaves the setting open (" + c.size() + " settings: origin choice or axes)",
                    "add ':1'/':2' (origin choice) or ':H'/':R' (axes) to the symbol, or give the number for adc's standard setting");
            }
            group = c.get(0);
        } else {
            throw a.bad(0, "space group number or symbol");
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("number", (long) group.number());
        f.put("symbol", group.symbol());
        f.put("full_symbol", group.fullSymbol());
        f.put("hall", group.hallSymbol());
        f.put("setting", group.setting());
        f.put("crystal_system", group.crystalSystem());
        List<Object> ops = new ArrayList<>();
        for (org.adc.symmetry.SymOp o : group.operations()) {
            ops.add(o.toXyz());
        }
        f.put("operations", new AdcList(ops));
        boolean standard = SpaceGroup.of(group.number()).hallNumber() == group.hallNumber();
        if (standard) {
            List<Object> ws = new ArrayList<>();
            for (WyckoffPosition w : WyckoffTable.positions(group.number())) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("label", w.label());
                r.put("letter", w.letter());
                r.put("multiplicity", (long) w.multiplicity());
                r.put("site_symmetry", w.siteSymmetry());
                r.put("triplet", w.triplet());
                r.put("free", w.freeParameters());
                ws.add(new Record(r));
            }
            f.put("wyckoff", new AdcList(ws));
        } else {
            f.put("wyckoff", None.INSTANCE);
        }
        return new Record(f);
    }

    // ---- functions --------------------------------------------------------------------------

    static void write(Args a, Structure s, String path, String format) {
        write(a, s, path, format, org.adc.symmetry.SymmetryFinder.DEFAULT_SYMPREC);
    }

    static void write(Args a, Structure s, String path, String format, double symprec) {
        write(a, s, path, format, symprec, false);
    }

    static void write(Args a, Structure s, String path, String format, double symprec, boolean sort) {
        String fmt = format != null ? format : StructureIO.guessFormat(Path.of(path));
        String text = StructureIO.format(s, fmt, symprec, sort);
        try (Writer w = a.env().openWrite(path)) {
            w.write(text);
        } catch (IOException e) {
            throw new AdcError("cannot write '" + path + "': " + e.getMessage(), "check the run directory is writable");
        }
    }

    private static Object read(Args a) {
        String path = a.string(0);
        String fmt = a.has(1) ? a.string(1) : StructureIO.guessFormat(Path.of(path));
        double minD = length(a, 2);
        Integer index = a.has(3) ? Math.toIntExact(a.integer(3)) : null;
        List<String> types = null;
        if (a.has(4)) {
            types = new ArrayList<>();
            for (Object o : a.list(4)) {
                if (!(o instanceof String t)) {
                    throw a.bad(4, "list of element symbols for atom types 1, 2, ...");
                }
                types.add(t);
            }
        }
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = a.env().openRead(path)) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file exists next to the script");
        }
        return value(StructureIO.parse(sb.toString(), fmt, path, minD, index, types));
    }

    private static Object crystal(Args a) {
        Object g = a.get(0);
        SpaceGroup group;
        if (g instanceof Long n) {
            group = SpaceGroup.of((int) (long) n);
        } else if (g instanceof String sym) {
            group = SpaceGroup.of(sym);
        } else {
            throw a.bad(0, "space group number or symbol");
        }
        double la = length(a, 1);
        double lb = a.has(2) ? length(a, 2) : la;
        double lc = a.has(3) ? length(a, 3) : la;
        double al = angle(a, 4), be = angle(a, 5);
        double ga = a.has(6) ? angle(a, 6) : (group.crystalSystem().equals("hexagonal") || group.crystalSystem().equals("trigonal") ? 120 : 90);
        Lattice lat = Lattice.fromParameters(la, lb, lc, al, be, ga);
        List<Site> asym = new ArrayList<>();
        AdcList sites = a.list(7);
        for (int k = 0; k < sites.size(); k++) {
            Object o = sites.get(k);
            if (!(o instanceof Record r)) {
                throw new AdcError("site #" + (k + 1) + " of 'sites' is " + Values.describe(o) + ", not a record",
                    "write sites = [{species: \"Si\", wyckoff: \"e\", x: 0.2167}, ...]");
            }
            asym.add(siteFromRecord(group, r, k));
        }
        double tol = length(a, 8);
        String title = a.has(9) ? a.string(9) : group.symbol();
        Structure s = CrystalBuilder.build(group, lat, asym, tol).withTitle(title);
        double minD = length(a, 10);
        if (minD > 0) {
            s.checkOverlaps(minD);
        }
        return value(s);
    }

    private static Site siteFromRecord(SpaceGroup g, Record r, int k) {
        Map<String, Object> f = r.fields();
        for (String key : f.keySet()) {
            if (!List.of("species", "wyckoff", "x", "y", "z", "position", "occupancy", "label").contains(key)) {
                throw new AdcError("site #" + (k + 1) + " has an unknown field '" + key + "'",
                    "fields: species, wyckoff, x, y, z (free parameters) or position: [x, y, z], occupancy, label");
            }
        }
        if (!(f.get("species") instanceof String sp)) {
            throw new AdcError("site #" + (k + 1) + " needs species: \"El\"", "write {species: \"Si\", wyckoff: \"a\"}");
        }
        double occ = f.containsKey("occupancy") ? num(f.get("occupancy"), k, "occupancy") : 1.0;
        String label = f.get("label") instanceof String l ? l : null;
        if (f.get("position") instanceof AdcList p) {
            if (p.size() != 3) {
                throw new AdcError("site #" + (k + 1) + ": position needs 3 fractional coordinates", "write position: [0.1, 0.2, 0.3]");
            }
            double[] x = {num(p.get(0), k, "position"), num(p.get(1), k, "position"), num(p.get(2), k, "position")};
            return new Site(sp, x, occ, label, null);
        }
        if (!(f.get("wyckoff") instanceof String w)) {
            throw new AdcError("site #" + (k + 1) + " needs wyckoff: \"letter\" or position: [x, y, z]",
                "Wyckoff letters of group " + g.number() + ": " + letters(g.number()));
        }
        try {
            WyckoffTable.position(g.number(), w);
        } catch (StructureException e) {
            throw new AdcError("site #" + (k + 1) + ": " + (e.getMessage().contains("multiplicity") ? e.getMessage()
                : "space group " + g.symbol() + " (No. " + g.number() + ") has no Wyckoff position '" + w + "'"),
                "its positions are " + letters(g.number()));
        }
        Map<String, Double> free = new java.util.LinkedHashMap<>();
        for (String c : List.of("x", "y", "z")) {
            if (f.containsKey(c)) {
                free.put(c, num(f.get(c), k, c));
            }
        }
        double[] x;
        try {
            x = CrystalBuilder.wyckoffPoint(g.number(), w, free);
        } catch (StructureException e) {
            throw new AdcError("site #" + (k + 1) + ": " + e.getMessage(),
                "give only the free parameters of ITA's first triplet; positions of group " + g.number() + ": " + letters(g.number()));
        }
        return new Site(sp, x, occ, label, WyckoffTable.position(g.number(), w).label());
    }

    private static String letters(int group) {
        StringBuilder b = new StringBuilder();
        for (WyckoffPosition p : WyckoffTable.positions(group)) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(p.label()).append(" (").append(p.triplet()).append(')');
        }
        return b.toString();
    }

    private static double num(Object o, int k, String field) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Double d) {
            return d;
        }
        throw new AdcError("site #" + (k + 1) + ": " + field + " must be a number, got " + Values.describe(o),
            "fractional coordinates and occupancies are plain numbers");
    }

    private static Object symmetry(Args a) {
        double tol = length(a, 1);
        return symmetryRecord(SymmetryFinder.find(structure(a, 0), tol), tol);
    }

    private static Object distinctSites(Args a) {
        Structure s = structure(a, 0);
        String only = a.has(1) ? a.string(1) : null;
        AdcList out = new AdcList();
        for (SiteClass c : org.adc.structure.Defects.distinctSites(s, length(a, 2))) {
            if (only != null && !c.species().equals(only)) {
                continue;
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("label", c.label());
            f.put("species", c.species());
            f.put("wyckoff", c.wyckoff() == null ? None.INSTANCE : c.wyckoff());
            f.put("multiplicity", (long) c.multiplicity());
            f.put("representative", (long) c.representative());
            List<Object> idx = new ArrayList<>();
            for (int i : c.indices()) {
                idx.add((long) i);
            }
            f.put("indices", new AdcList(idx));
            out.add(new Record(f));
        }
        return out;
    }

    private static List<double[]> guestSites(Structure s, String guest) {
        List<double[]> c = new ArrayList<>();
        for (Site x : s.sites()) {
            if (x.species().equals(guest)) {
                c.add(x.frac());
            }
        }
        if (c.isEmpty()) {
            throw new AdcError("no " + guest + " sites in " + s.formula() + " to centre the cages on", "pass guest = the element inside the cages");
        }
        return c;
    }

    private static String faceName(int n) {
        return switch (n) {
            case 3 -> "triangle";
            case 4 -> "square";
            case 5 -> "pentagon";
            case 6 -> "hexagon";
            default -> n + "-ring";
        };
    }

    private static Object cages(Args a) {
        Structure s = structure(a, 0);
        String fw = a.string(1);
        String guest = a.string(2);
        double bond = length(a, 3);
        int maxRing = (int) a.integer(4);
        CageNetwork net = CageNetwork.analyze(s, fw, bond, maxRing, guestSites(s, guest));
        List<Object> cages = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        List<String> names = new ArrayList<>();
        int[] guestIndex = new int[net.cages().size()];
        int g = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.site(i).species().equals(guest)) {
                guestIndex[g++] = i;
            }
        }
        for (CageNetwork.Cage c : net.cages()) {
            String name = c.name(s);
            names.add(name);
            counts.merge(name, 1L, Long::sum);
            Map<String, Long> faceCount = new TreeMap<>();
            for (int fi : c.faces()) {
                faceCount.merge(faceName(net.faces().get(fi).size()), 1L, Long::sum);
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("index", (long) c.index());
            f.put("name", name);
            f.put("guest", (long) guestIndex[c.index()]);
            f.put("atoms", (long) c.atoms().length);
            f.put("pentagons", faceCount.getOrDefault("pentagon", 0L));
            f.put("hexagons", faceCount.getOrDefault("hexagon", 0L));
            cages.add(new Record(f));
        }
        // shared faces grouped by the names of the two cages and the ring size
        Map<String, double[]> shared = new TreeMap<>();
        for (CageNetwork.Face face : net.faces()) {
            if (face.cageB() < 0) {
                continue;
            }
            String x = names.get(face.cageA()), y = names.get(face.cageB());
            String pair = org.adc.structure.cage.MigrationPaths.pairName(x, y);
            String key = pair + "|" + face.size();
            double[] acc = shared.computeIfAbsent(key, k -> new double[]{0, 0, Double.MAX_VALUE, 0});
            acc[0]++;
            acc[1] += face.area();
            acc[2] = Math.min(acc[2], face.area());
            acc[3] = Math.max(acc[3], face.area());
        }
        List<Object> faces = new ArrayList<>();
        for (Map.Entry<String, double[]> e : shared.entrySet()) {
            String[] k = e.getKey().split("\\|");
            double[] v = e.getValue();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("cages", k[0]);
            f.put("face", faceName(Integer.parseInt(k[1])));
            f.put("count", (long) v[0]);
            f.put("area", Quantity.of(v[1] / v[0], "Å^2"));
            f.put("area_min", Quantity.of(v[2], "Å^2"));
            f.put("area_max", Quantity.of(v[3], "Å^2"));
            faces.add(new Record(f));
        }
        Map<String, Object> kinds = new LinkedHashMap<>();
        counts.forEach(kinds::put);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("counts", new Record(kinds));
        r.put("cages", new AdcList(cages));
        r.put("shared_faces", new AdcList(faces));
        return new Record(r);
    }

    private static Object migrationPaths(Args a) {
        Structure s = structure(a, 0);
        String mobile = a.string(1), fw = a.string(2);
        double bond = length(a, 3), cutoff = length(a, 4), tol = length(a, 5);
        int maxRing = (int) a.integer(6);
        List<MigrationPaths.PathClass> cls;
        if (a.has(7)) {
            long v = a.integer(7);
            if (v < 0 || v >= s.size() || !s.site((int) v).species().equals(fw)) {
                throw new AdcError("vacancy = " + v + " is not the index of a " + fw + " atom of " + s.formula(),
                    "give the index of the " + fw + " atom to remove, e.g. s.indices(\"96g\")[0]");
            }
            cls = MigrationPaths.throughVacancy(s, (int) v, mobile, fw, bond, maxRing, cutoff, tol);
        } else {
            cls = MigrationPaths.cageHops(s, mobile, fw, bond, maxRing, cutoff, tol);
        }
        List<Integer> guests = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.site(i).species().equals(mobile)) {
                guests.add(i);
            }
        }
        AdcList out = new AdcList();
        for (MigrationPaths.PathClass c : cls) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", c.name());
            f.put("length", StructureValue.len(c.length()));
            f.put("multiplicity", (long) c.multiplicity());
            f.put("from", (long) guests.get(c.representative().from()));
            f.put("to", (long) guests.get(c.representative().to()));
            f.put("start", fracList(c.representative().start()));
            f.put("end", fracList(c.representative().end()));
            CageNetwork.Face b = c.bottleneck();
            f.put("bottleneck", b == null ? None.INSTANCE : faceName(b.size()));
            f.put("bottleneck_area", b == null ? None.INSTANCE : Quantity.of(b.area(), "Å^2"));
            out.add(new Record(f));
        }
        return out;
    }

    private static Object interstitialSites(Args a) {
        Structure s = structure(a, 0);
        AdcList out = new AdcList();
        for (org.adc.structure.Interstitials.Candidate c : org.adc.structure.Interstitials.voronoiCandidates(s, length(a, 1), length(a, 2), length(a, 3))) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("position", fracList(c.frac()));
            f.put("radius", StructureValue.len(c.radius()));
            f.put("multiplicity", (long) c.multiplicity());
            out.add(new Record(f));
        }
        return out;
    }

    private static AdcList fracList(double[] x) {
        return AdcList.of(x[0], x[1], x[2]);
    }

    // ---- module ----------------------------------------------------------------------------

    private static final String NA24 = "Na24Si136: Fd-3m (227, origin choice 2); Si on 96g (Si1), 32e (Si2), 8a (Si3); Na on 16c "
        + "(centres of the 16 Si20 cages, label Na20) and 8b (centres of the 8 Si28 cages, label Na28). Lattice constant: DFT "
        + "value of seed 000 (Iwasaki et al., Adv. Mater. 34, 2106754 (2022)). Internal coordinates x(32e) = 0.2167, "
        + "x(96g) = 0.1823, z(96g) = 0.3697 come from a Stillinger-Weber relaxation (Phys. Rev. B 31, 5262 (1985); LAMMPS, box "
        + "fixed at that a, Na omitted, Fd-3m kept; stdlib/src/test/resources/structure/ref/relax_si136_sw.py), not from a refinement "
        + "(no published refinement could be consulted; Reny et al., J. Mater. Chem. 8, 2839 (1998) and Beekman et al. "
        + "refined NaxSi136 by Rietveld and would be the sources to use); relax before computing energies.";

    /** Room-temperature lattice constants (Å) used when a prototype is called without a. */
    private static final Map<String, Double> FCC_A = Map.of("Cu", 3.61, "Al", 4.05, "Ni", 3.52, "Ag", 4.09, "Au", 4.08, "Pb", 4.95);
    private static final Map<String, Double> BCC_A = Map.of("Na", 4.29, "Li", 3.49, "K", 5.23, "Fe", 2.87);
    private static final Map<String, Double> ROCKSALT_A = Map.of("NaCl", 5.64, "LiF", 4.02, "KCl", 6.29, "MgO", 4.21);
    private static final String TABLE_A = "lattice constants without a: N. W. Ashcroft & N. D. Mermin, Solid State Physics (1976), "
        + "ch. 4 tables (the values ASE lists in ase.data.reference_states; Li/Na at low temperature there, Na 4.29 Å from seed 003 here)";

    private static String known(Map<String, Double> t) {
        StringBuilder b = new StringBuilder();
        for (String k : new java.util.TreeSet<>(t.keySet())) {
            b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(t.get(k)).append(" Å");
        }
        return b.toString();
    }

    private static double latticeConstant(Args a, int i, Map<String, Double> table, String what) {
        return latticeConstant(a, i, table, what, a.string(0));
    }

    private static double latticeConstant(Args a, int i, Map<String, Double> table, String what, String key) {
        if (a.has(i)) {
            return length(a, i);
        }
        Double v = table.get(key);
        if (v == null) {
            throw new AdcError("no tabulated " + what + " lattice constant for " + key, "give it, e.g. structure." + what + "(..., a = 4.0 Å); tabulated: " + known(table));
        }
        return v;
    }

    private static Param el(String name, String def, String doc) {
        return def == null ? Param.required(name, "string", doc) : Param.optional(name, "string", def, doc);
    }

    private static Param lenP(String name, double def, String doc) {
        return Param.optional(name, "length", StructureValue.len(def), doc);
    }

    public static Module module() {
        Module m = new Module("structure", "crystal structures: prototypes, space groups, files, symmetry, defects, cages, migration paths");
        String protoErr = "a plain number for a length (\"give the length with a unit\"); a non-positive lattice constant";
        m.add(fn("na24si136", "structure", doc("The type-II clathrate Na24Si136 of seed 000 (160 atoms)",
            "na24si136(a = 14.770535 Å)", "let s = structure.na24si136()\nprint(s.natoms, s.spacegroup.number)    # 160 227\n"
                + "structure.na24si136(a = 14.62 Å)", "Conventional cubic cell: 136 Si (96g + 32e + 8a) forming 16 Si20 and 8 Si28 "
                + "cages, 24 Na at the cage centres. Site labels Si1 (96g), Si2 (32e), Si3 (8a) as in seed 000 Fig. 1, Na20, Na28.",
            UNITS, protoErr, NA24),
            a -> value(Prototypes.clathrateII("Si", "Na", length(a, 0), Prototypes.X32E_NA24SI136, Prototypes.X96G_NA24SI136, Prototypes.Z96G_NA24SI136).withTitle("Na24Si136 type-II clathrate")),
            lenP("a", Prototypes.A_NA24SI136, "cubic lattice constant")));
        m.add(fn("clathrate_ii", "structure", doc("A type-II clathrate G24H136 (Fd-3m) with chosen elements and parameters",
            "clathrate_ii(host = \"Si\", guest = \"Na\", a = 14.770535 Å, x32e = 0.2167, x96g = 0.1823, z96g = 0.3697)",
            "structure.clathrate_ii(\"Ge\", \"Na\", a = 15.4 Å)\nstructure.clathrate_ii(guest = \"\")     # empty Si136 framework",
            "Host on 8a, 32e (x,x,x), 96g (x,x,z); guest on 16c (H20 cage centres) and 8b (H28 cage centres). guest = \"\" gives "
                + "the guest-free framework.", UNITS + "; x32e, x96g, z96g are fractional", protoErr + "; parameters that make "
                + "atoms coincide", NA24),
            a -> value(Prototypes.clathrateII(a.string(0), a.string(1).isEmpty() ? null : a.string(1), length(a, 2), a.number(3),
                a.number(4), a.number(5))),
            el("host", "Si", "framework element"), el("guest", "Na", "guest element (\"\" for none)"), lenP("a", Prototypes.A_NA24SI136, "lattice constant"),
            Param.optional("x32e", "number", Prototypes.X32E_NA24SI136, "32e parameter"), Param.optional("x96g", "number", Prototypes.X96G_NA24SI136, "96g x"),
            Param.optional("z96g", "number", Prototypes.Z96G_NA24SI136, "96g z")));
        m.add(fn("clathrate_i", "structure", doc("A type-I clathrate G8H46 (Pm-3n)",
            "clathrate_i(host = \"Si\", guest = \"Na\", a = 10.19 Å, x16i = 0.1838, y24k = 0.3069, z24k = 0.1178)",
            "structure.clathrate_i()     # Na8Si46, 54 atoms", "Host on 6c, 16i (x,x,x), 24k (0,y,z); guest on 2a (H20) and 6d "
                + "(H24). guest = \"\" gives the empty framework.", UNITS, protoErr,
            "Pm-3n (223), ITA Vol. A; Na8Si46 a = 10.19 Å, the cubic cell edge of about 10.19-10.20 Å reported for Na8Si46 (Reny et al., J. Mater. Chem. 8, 2839 (1998) "
                + "refined it as impurity phase; Kasper et al., Science 150, 1713 (1965)); internal coordinates x16i = 0.1838, y24k = 0.3069, z24k = 0.1178 "
                + "from a Stillinger-Weber relaxation of the Si46 framework at that a (LAMMPS, stdlib/src/test/resources/structure/ref/"
                + "relax_si136_sw.py); relax before computing energies; " + ITA),
            a -> value(Prototypes.clathrateI(a.string(0), a.string(1).isEmpty() ? null : a.string(1), length(a, 2), a.number(3),
                a.number(4), a.number(5))),
            el("host", "Si", "framework element"), el("guest", "Na", "guest element (\"\" for none)"), lenP("a", 10.19, "lattice constant"),
            Param.optional("x16i", "number", Prototypes.X16I_NA8SI46, "16i parameter"), Param.optional("y24k", "number", Prototypes.Y24K_NA8SI46, "24k y"),
            Param.optional("z24k", "number", Prototypes.Z24K_NA8SI46, "24k z")));
        m.add(fn("diamond", "structure", doc("Diamond structure (Fd-3m, 8a): 8 atoms", "diamond(element = \"Si\", a = 5.431020511 Å)",
            "structure.diamond(\"Si\", a = 5.431 Å)\nstructure.diamond(\"Ge\", a = 5.658 Å)", "Conventional cubic cell, atoms on 8a "
                + "(1/8,1/8,1/8) of origin choice 2.", UNITS, protoErr, "Si lattice constant: CODATA 2018 d220 (a = 5.431020511 Å); " + ITA),
            a -> value(Prototypes.diamond(a.string(0), length(a, 1))), el("element", "Si", "element"), lenP("a", Prototypes.A_SI, "lattice constant")));
        m.add(fn("fcc", "structure", doc("Face-centred cubic (Fm-3m, 4a): 4 atoms", "fcc(element = \"Cu\", a = none)", "structure.fcc()    # Cu, a = 3.61 Å\nstructure.fcc(\"Al\")\nstructure.fcc(\"Cu\", a = 3.615 Å)",
            "Conventional cubic cell. Without a: the room-temperature value for " + known(FCC_A) + ".", UNITS, protoErr + "; no a for an element not in the table",
            TABLE_A + "; " + ITA), a -> value(Prototypes.fcc(a.string(0), latticeConstant(a, 1, FCC_A, "fcc"))),
            el("element", "Cu", "element"), Param.optional("a", "length", None.INSTANCE, "lattice constant (default: table)")));
        m.add(fn("bcc", "structure", doc("Body-centred cubic (Im-3m, 2a): 2 atoms", "bcc(element = \"Na\", a = none)", "structure.bcc()    # Na, a = 4.29 Å\nstructure.bcc(\"Fe\")\nstructure.bcc(\"Na\", a = 4.23 Å)",
            "Conventional cubic cell. Without a: " + known(BCC_A) + ".", UNITS, protoErr + "; no a for an element not in the table",
            ITA + "; Na 4.29 Å: seed 003 Table G (experimental); others: " + TABLE_A), a -> value(Prototypes.bcc(a.string(0), latticeConstant(a, 1, BCC_A, "bcc"))),
            el("element", "Na", "element"), Param.optional("a", "length", None.INSTANCE, "lattice constant (default: table)")));
        m.add(fn("hcp", "structure", doc("Hexagonal close packed (P6_3/mmc, 2c): 2 atoms", "hcp(element = \"Mg\", a = 3.21 Å, c = 5.21 Å)",
            "structure.hcp()    # Mg\nstructure.hcp(\"Ti\", a = 2.95 Å, c = 4.68 Å)", "Atoms at (1/3,2/3,1/4) and (2/3,1/3,3/4). The defaults are Mg's.", UNITS, protoErr,
            ITA + "; Mg 3.21/5.21 Å: seed 003 Table G (experimental)"), a -> value(Prototypes.hcp(a.string(0), length(a, 1), length(a, 2))),
            el("element", "Mg", "element"), lenP("a", 3.21, "a"), lenP("c", 5.21, "c")));
        m.add(fn("rocksalt", "structure", doc("Rock salt AX (Fm-3m, 4a + 4b): 8 atoms", "rocksalt(cation = \"Na\", anion = \"Cl\", a = none)",
            "structure.rocksalt()    # NaCl, a = 5.64 Å\nstructure.rocksalt(\"Li\", \"F\")\nstructure.rocksalt(\"Mg\", \"O\", a = 4.21 Å)",
            "Cation on 4a (0,0,0), anion on 4b (1/2,1/2,1/2). Without a: " + known(ROCKSALT_A) + ".", UNITS, protoErr + "; no a for a pair not in the table",
            TABLE_A + "; " + ITA), a -> value(Prototypes.rocksalt(a.string(0), a.string(1), latticeConstant(a, 2, ROCKSALT_A, "rocksalt", a.string(0) + a.string(1)))),
            el("cation", "Na", "cation"), el("anion", "Cl", "anion"), Param.optional("a", "length", None.INSTANCE, "lattice constant (default: table)")));
        m.add(fn("perovskite", "structure", doc("Cubic perovskite ABX3 (Pm-3m): 5 atoms", "perovskite(a_site = \"Sr\", b_site = \"Ti\", x = \"O\", a = 3.905 Å)",
            "structure.perovskite()    # SrTiO3\nstructure.perovskite(\"Ba\", \"Zr\", \"O\", a = 4.19 Å)", "A on 1a (0,0,0), B on 1b (1/2,1/2,1/2), X on 3c (0,1/2,1/2). The defaults are cubic SrTiO3's.",
            UNITS, protoErr, "SrTiO3 a = 3.905 Å at room temperature: Schmidbauer, Kwasniewski & Schwarzkopf, Acta Cryst. B68, 8 (2012); " + ITA),
            a -> value(Prototypes.perovskite(a.string(0), a.string(1), a.string(2), length(a, 3))),
            el("a_site", "Sr", "A cation"), el("b_site", "Ti", "B cation"), el("x", "O", "anion"), lenP("a", 3.905, "lattice constant")));
        m.add(fn("antiperovskite", "structure", doc("Cubic antiperovskite X3AB (Pm-3m): 5 atoms, setting of seed 001",
            "antiperovskite(x = \"Na\", a_site = \"O\", b_site = \"B\", a = 4.70 Å)", "structure.antiperovskite()    # Na3OB: BH4- as its B",
            "X on the face centres 3c, A on the body centre 1b, B on the corner 1a; a cluster anion (BH4-) is represented by its "
                + "central atom.", UNITS, protoErr, "Na2(NH2)(BH4) at 15 °C, a = 4.70 Å: seed 001 (Tsai et al.); " + ITA),
            a -> value(Prototypes.antiperovskite(a.string(0), a.string(1), a.string(2), length(a, 3))),
            el("x", "Na", "X (face centres)"), el("a_site", "O", "A (body centre)"), el("b_site", "B", "B (corner)"), lenP("a", 4.70, "lattice constant")));
        m.add(fn("crystal", "structure", doc("A crystal from a space group, lattice parameters and occupied Wyckoff sites",
            "crystal(spacegroup, a, b = a, c = a, alpha = 90 deg, beta = 90 deg, gamma = 90|120 deg, sites, tolerance = 1e-3 Å, title = none, min_distance = 0.5 Å)",
            "structure.crystal(spacegroup = 227, a = 5.431 Å, sites = [{species: \"Si\", wyckoff: \"a\"}])\n"
                + "structure.crystal(spacegroup = \"Fd-3m\", a = 14.77 Å, sites = [\n"
                + "    {species: \"Si\", wyckoff: \"g\", x: 0.1823, z: 0.3697, label: \"Si1\"},\n"
                + "    {species: \"Si\", wyckoff: \"e\", x: 0.2167, label: \"Si2\"},\n"
                + "    {species: \"Si\", wyckoff: \"a\", label: \"Si3\"},\n"
                + "    {species: \"Na\", wyckoff: \"c\", occupancy: 0.5}])\n"
                + "structure.crystal(spacegroup = 194, a = 3.21 Å, c = 5.21 Å, sites = [{species: \"Mg\", position: [1/3, 2/3, 1/4]}])",
            "Each site is a record {species, wyckoff: letter (\"e\" or \"32e\") with free parameters x, y, z as in ITA's first "
                + "coordinate triplet (all 1731 positions of the 230 groups, in the settings of structure.symmetry: origin choice 2, "
                + "hexagonal axes for R groups, unique axis b; e.g. R-3m 18f is (x,0,0), so only x is given), or position: [x, y, z]; "
                + "occupancy (default 1); label}. Every site is expanded by all operations of the group; images closer than "
                + "tolerance merge, so a site given by position gets its multiplicity; a Wyckoff site must have exactly the "
                + "multiplicity of its position. "
                + "gamma defaults to 120 deg for trigonal and hexagonal groups. Atoms of the expanded crystal closer than min_distance "
                + "are an error (sites sharing a position with total occupancy ≤ 1 are allowed).",
            UNITS, "an unknown space group (number outside 1..230 or unknown symbol); a Wyckoff letter the group does not have (the "
                + "hint lists its positions), or a multiplicity prefix that is not its (\"16e\" in Fd-3m); a free parameter the position "
                + "does not have (z for R-3m 18f); free parameters that put the site on a special position (Fd-3m 32e with x = 1/8 "
                + "has 8 images, 8a); occupancy outside (0, 1]; two sites whose images coincide with total occupancy above 1; "
                + "lattice parameters incompatible with the group; atoms closer than min_distance (\"atoms 0 (Na) and 4 (Cl) overlap\")", ITA),
            StructureLib::crystal, Param.required("spacegroup", "int|string", "ITA number 1..230 or Hermann-Mauguin symbol"),
            Param.required("a", "length", "a"), Param.optional("b", "length", None.INSTANCE, "b (default a)"),
            Param.optional("c", "length", None.INSTANCE, "c (default a)"), Param.optional("alpha", "dimensionless", Quantity.of(90, "deg"), "α"),
            Param.optional("beta", "dimensionless", Quantity.of(90, "deg"), "β"), Param.optional("gamma", "dimensionless|none", None.INSTANCE, "γ"),
            Param.required("sites", "list", "list of site records"), lenP("tolerance", 1e-3, "merge tolerance"),
            Param.optional("title", "string", None.INSTANCE, "title"),
            lenP("min_distance", StructureIO.MIN_DISTANCE, "atoms closer than this are an error (0 Å: no check)")));
        m.add(fn("read", "structure", doc("Reads a structure file (below the recipe's folder)",
            "read(path, format = none, min_distance = 0.5 Å, index = none, types = none)",
            "let s = structure.read(\"data/a-Si.sitable\")\nstructure.read(\"Na24Si136.cif\")\n"
                + "structure.read(\"data/c-Si_Li.sitable\", min_distance = 0 Å)   # keep a duplicated atom as printed\n"
                + "structure.read(\"neb.xyz\", index = 0)      # first frame (default: the last, as ase.io.read)\n"
                + "structure.read(\"cell.data\", types = [\"Na\", \"Si\"])   # LAMMPS atom types 1, 2",
            FORMATS_READ + " The file is read through the sandbox (relative to the script's folder). Atoms closer than "
                + "min_distance are refused (sites sharing a position with total occupancy ≤ 1 are allowed); 0 Å disables the check. "
                + "A CIF with several data blocks or an extxyz file with several frames gives the one at index (0 first, -1 last; "
                + "default the last, as ase.io.read). CIF symmetry: the operations loop, else the Hall symbol, else the H-M symbol in "
                + "any of the 530 settings with its suffix (':1'/':2' or ' S'/' Z' origin choice, ':H'/':R' axes, non-standard settings "
                + "such as 'P b n m' or 'P 1 1 21/b'), else the IT number; R groups without a suffix take the axes that fit the cell, "
                + "a group with two origin choices and no suffix is refused unless both origins give the same crystal, and the "
                + "cell must have the group's symmetry. LAMMPS data: types names the elements of atom types 1, 2, ... (needed when "
                + "the file has no Masses section; otherwise the '# Symbol' comments or the masses identify them).",
            UNITS, "a malformed file: \"file:line: what is wrong\" (e.g. \"bad.cif:16: expected a number for _atom_site_fract_y, "
                + "found '0.12x5'\"); an unknown format; occupancy above 1; atoms closer than min_distance (\"atoms 5 (Si) "
                + "and 21 (Si) overlap: 0.0220 Å apart\"); an empty (truncated) CIF loop or a short row, at its line; a CIF "
                + "group whose origin choice is missing and matters, or whose symmetry the cell lacks; an index outside the "
                + "blocks/frames; a missing file or one outside the recipe's folder.",
            "CIF 1.1 (Hall, Allen & Brown, Acta Cryst. A47, 655 (1991)); VASP POSCAR (VASP wiki); extended XYZ (ASE, libAtoms); "
                + "LAMMPS read_data; seed 003 supporting information section F"),
            StructureLib::read, Param.required("path", "string", "file relative to the script's folder").reads(),
            Param.optional("format", "string", None.INSTANCE, "cif, poscar, extxyz, lammps-data or si-table"),
            lenP("min_distance", StructureIO.MIN_DISTANCE, "smallest allowed interatomic distance"),
            Param.optional("index", "int", None.INSTANCE, "CIF data block or extxyz frame: 0 first, -1 last (default: the last, as ase.io.read)"),
            Param.optional("types", "list", None.INSTANCE, "LAMMPS data: elements of atom types 1, 2, ... (needed without a Masses section)")));
        m.add(fn("write", "none", doc("Writes a structure to a file in the run directory", "write(s, path, format = none, tolerance = 1e-3 Å, sort = false)",
            "structure.write(s, \"Na24Si136.cif\")\nstructure.write(s, \"POSCAR\")\nstructure.write(s, \"Na24Si136_sym.cif\", format = \"cif-symmetrized\")", FORMATS_WRITE, UNITS,
            "an unknown format; a path outside the run directory (sandbox)", "CIF 1.1; VASP POSCAR; extended XYZ (ASE); LAMMPS data"),
            a -> {
                write(a, structure(a, 0), a.string(1), a.has(2) ? a.string(2) : null, length(a, 3), a.bool(4));
                return None.INSTANCE;
            }, Param.required("s", "structure", "structure"), Param.required("path", "string", "output file").writes(),
            Param.optional("format", "string", None.INSTANCE, "cif, cif-symmetrized, poscar, extxyz, lammps-data"),
            Param.optional("tolerance", "length", SYMPREC, "symmetry tolerance for cif-symmetrized"),
            Param.optional("sort", "bool", Boolean.FALSE, "POSCAR: group atoms by species (default: keep the structure's order)")));
        m.add(fn("symmetry", "record", doc("Detects the space group of a structure within a tolerance",
            "symmetry(s, tolerance = 1e-3 Å)", "let g = structure.symmetry(s)\nprint(g.number, g.symbol)     # 227 Fd-3m\n"
                + "structure.symmetry(s.remove(s.indices(\"Na28\")[0])).number    # 215",
            "Returns {number, symbol, crystal_system, operations (their number, per input cell), point_group_order, tolerance, "
                + "symops (the operations as \"x,y,z\" strings in the input cell's fractional coordinates), equivalent_atoms (for "
                + "each atom the index of the first atom of its orbit), transformation (integer 3×3 M) and origin_shift (p) to the "
                + "standard setting: x_std = M⁻¹(x − p) in the reduced primitive basis, as spglib}. Atoms map onto "
                + "atoms of the same species and occupancy within tolerance (Å).",
            UNITS, "a non-positive tolerance", "Grosse-Kunstleve, Acta Cryst. A55, 383 (1999); Togo & Tanaka, spglib, arXiv:1808.01590 "
                + "(same route; results checked against spglib 2.0.2 for 242 structures); " + ITA),
            StructureLib::symmetry, Param.required("s", "structure", "structure"), Param.optional("tolerance", "length", SYMPREC, "symprec")));
        m.add(fn("spacegroup", "record", doc("A space group's operations, Wyckoff positions and site symmetries",
            "spacegroup(group)",
            "let g = structure.spacegroup(166)\nfor w in g.wyckoff { print(w.label, w.site_symmetry, w.triplet) }   # ... 18f .2 x,0,0 ...\n"
                + "print(len(structure.spacegroup(\"P b n m\").operations))   # 8",
            "group is an ITA number (adc's standard setting: origin choice 2, hexagonal axes for R groups, unique axis b) or an "
                + "H-M symbol of any of the 530 settings (with ':1'/':2', ':H'/':R' where the symbol leaves it open). Returns {number, "
                + "symbol, full_symbol, hall, setting, crystal_system, operations (\"x,y,z\" strings of the conventional cell, "
                + "centring included), wyckoff: [{label, letter, multiplicity, site_symmetry (oriented, ITA), triplet (ITA's first), "
                + "free (the free parameters, e.g. \"xz\")}] in letter order, none for a non-standard setting}.",
            UNITS, "an unknown number or symbol; a symbol whose origin choice or axes are open",
            ITA + "; Wyckoff positions: ITA Vol. A via spglib's database"),
            StructureLib::spacegroup, Param.required("group", "any", "ITA number or H-M symbol")));
        m.add(fn("distinct_sites", "list", doc("Symmetry-distinct sites with their multiplicities",
            "distinct_sites(s, species = none, tolerance = 1e-3 Å)",
            "for c in structure.distinct_sites(s, \"Si\") { print(c.label, c.wyckoff, c.multiplicity) }    # Si1 96g 96, Si2 32e 32, Si3 8a 8",
            "One record per orbit of the detected space group: {label, species, wyckoff, multiplicity, representative (first "
                + "site index), indices}. These are the distinct choices for a vacancy or a substitution.",
            UNITS, "a non-positive tolerance", "symmetry detection as structure.symmetry"),
            StructureLib::distinctSites, Param.required("s", "structure", "structure"),
            Param.optional("species", "string", None.INSTANCE, "only this element"), Param.optional("tolerance", "length", SYMPREC, "symprec")));
        m.add(fn("interstitial_sites", "list", doc("Candidate interstitial sites from the Voronoi construction, symmetry-distinct",
            "interstitial_sites(s, min_radius = 1 Å, tolerance = 1e-3 Å, merge = 0.5 Å)",
            "for c in structure.interstitial_sites(structure.diamond(\"Si\")) { print(c.position, c.radius, c.multiplicity) }\n"
                + "let li = structure.diamond(\"Si\").interstitial(\"Li\", structure.interstitial_sites(structure.diamond(\"Si\"))[0].position)",
            "Voronoi vertices of the atoms (centres of empty spheres touching four or more atoms, found as local maxima of the "
                + "distance to the nearest atom on a 0.3 Å grid and refined); vertices closer than merge are replaced by their "
                + "centroid (the split vertices of a slightly irregular cage become its centre), kept when the empty sphere has at "
                + "least min_radius, grouped by the structure's symmetry. Each record: {position (fractional), radius (distance to the nearest atom), "
                + "multiplicity}; largest first. For diamond Si this gives the tetrahedral (Td) and hexagonal sites.",
            UNITS, "a non-positive tolerance", "Voronoi interstitial candidates as in pymatgen-analysis-defects (VoronoiInterstitialGenerator); "
                + "symmetry as structure.symmetry"),
            StructureLib::interstitialSites, Param.required("s", "structure", "structure"), lenP("min_radius", 1.0, "smallest empty-sphere radius"),
            Param.optional("tolerance", "length", SYMPREC, "symprec"), lenP("merge", org.adc.structure.Interstitials.DEFAULT_MERGE,
                "vertices closer than this are merged (0 Å keeps all)")));
        m.add(fn("cages", "record", doc("Polyhedral cages of a framework around guest atoms, and the faces they share",
            "cages(s, framework = \"Si\", guest = \"Na\", bond = 2.6 Å, max_ring = 6)",
            "let c = structure.cages(structure.na24si136())\nprint(c.counts)             # {Si20: 16, Si28: 8}\n"
                + "for f in c.shared_faces { print(f.cages, f.face, f.count, f.area) }",
            "Faces are the primitive rings (up to max_ring atoms) of the framework bond graph (bonds shorter than `bond`); each "
                + "face separates the two guest-centred cages on either side; a cage is the union of its faces and is named by "
                + "its atom count (Si20, Si28). Returns {counts: cages per name, cages: [{index, name, guest (site index), atoms, "
                + "pentagons, hexagons}], shared_faces: [{cages, face, count, area, area_min, area_max}]}. Face areas are vector "
                + "areas (ring projected on its mean plane), as quoted in seed 000 (9.79 Å² for pentagons).",
            UNITS + "; areas in Å^2", "no guest atoms; no rings found with that bond length",
            "cage decomposition of seed 000 (Iwasaki et al. 2022) Fig. 1/S11; primitive rings: Franzblau, Phys. Rev. B 44, 4925 (1991)"),
            StructureLib::cages, Param.required("s", "structure", "structure"), el("framework", "Si", "framework element"),
            el("guest", "Na", "element at the cage centres"), lenP("bond", 2.6, "framework bond cutoff"),
            Param.optional("max_ring", "int", 6L, "largest face ring")));
        m.add(fn("migration_paths", "list", doc("Symmetry-distinct hops of a guest between cages (optionally through a vacancy)",
            "migration_paths(s, mobile = \"Na\", framework = \"Si\", bond = 2.6 Å, cutoff = 6.5 Å, tolerance = 1e-3 Å, max_ring = 6, vacancy = none)",
            "for p in structure.migration_paths(structure.na24si136()) {\n    print(p.path, p.length, p.multiplicity, p.bottleneck, p.bottleneck_area)\n}\n"
                + "structure.migration_paths(s, vacancy = s.indices(\"Si1\")[0])    # hops between the cages around a 96g vacancy",
            "All hops of `mobile` between guest sites shorter than cutoff, grouped into classes related by the structure's space "
                + "group (either direction). Each class: {path (cage names, larger cage first as in seed 000 Table 1: Si28-Si28, Si28-Si20, Si20-Si20; names ending in a number are ordered by it, descending, others by name, descending), length, multiplicity (undirected hops "
                + "per cell), from, to (site indices of a representative hop, from = the first-named cage), start, end (fractional, unwrapped: the NEB end "
                + "points), bottleneck (face crossed: \"pentagon\"/\"hexagon\" or none), bottleneck_area}. With vacancy = index of a "
                + "framework atom, the classes use the symmetry of the structure without that atom and keep only hops between "
                + "the cages that contained it (seed 000 Fig. S13).",
            UNITS + "; areas in Å^2", "no mobile atoms; vacancy not the index of a framework atom",
            "seed 000 (Iwasaki et al., Adv. Mater. 34, 2106754 (2022)) Table 1, Fig. S11, S13"),
            StructureLib::migrationPaths, Param.required("s", "structure", "structure"), el("mobile", "Na", "moving element"),
            el("framework", "Si", "framework element"), lenP("bond", 2.6, "framework bond cutoff"), lenP("cutoff", 6.5, "longest hop"),
            Param.optional("tolerance", "length", SYMPREC, "symprec"), Param.optional("max_ring", "int", 6L, "largest face ring"),
            Param.optional("vacancy", "int", None.INSTANCE, "index of a removed framework atom")));
        return m;
    }
}
