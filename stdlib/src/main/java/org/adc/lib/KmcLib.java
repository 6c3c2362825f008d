package org.adc.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.kmc.Barrier;
import org.adc.kmc.BlockStatistics;
import org.adc.kmc.BarrierTable;
import org.adc.kmc.BoundaryCondition;
import org.adc.kmc.ClathrateLattices;
import org.adc.kmc.CrystalLattices;
import org.adc.kmc.DiffusionAnalysis;
import org.adc.kmc.HopBarrierFunction;
import org.adc.kmc.KmcException;
import org.adc.kmc.KmcSimulation;
import org.adc.kmc.Lattice;
import org.adc.kmc.LatticeBuilder;
import org.adc.kmc.Reservoir;
import org.adc.kmc.TemperatureProgram;
import org.adc.kmc.TracerSums;
import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Callable;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.table.Table;
import org.adc.units.Constants;
import org.adc.units.Dimension;
import org.adc.units.Quantity;
import org.adc.units.Units;

/**
 * Library {@code kmc}: lattice kinetic Monte Carlo of ion diffusion (issue 5) on top of the Java
 * engine {@link org.adc.kmc}. A script builds a lattice ({@code kmc.lattice("bcc", 8, 3 Å)} or
 * {@code kmc.clathrate(...)}), a barrier table from a CSV table or records, optional temperature
 * program and sink/source faces, then {@code kmc.run(...)} returns a record of observables with
 * units (D in cm^2/s, σ in S/cm) and tables over time and depth.
 */
public final class KmcLib {
    private KmcLib() {
    }

    static final double EV = Constants.QE;
    static final Quantity NU0 = Quantity.of(1e13, "Hz");
    private static final String SRC_BKL = "rejection-free kMC: Bortz, Kalos & Lebowitz, J. Comput. Phys. 17, 10 (1975); "
        + "Gillespie, J. Comput. Phys. 22, 403 (1976); barriers: seed 000 (Iwasaki et al., Adv. Mater. 34, 2106754 (2022)), Table 1";

    // ------------------------------------------------------------------ values

    /** A kMC lattice as a script value. */
    public static final class KmcLattice implements HasMembers {
        final Lattice lattice;
        final int dim;
        final String kind;
        Record siVacancies;

        KmcLattice(Lattice lattice, int dim, String kind) {
            this.lattice = lattice;
            this.dim = dim;
            this.kind = kind;
        }

        @Override
        public Object member(String name) {
            return switch (name) {
                case "sites" -> (long) lattice.siteCount();
                case "hops" -> (long) lattice.hopCount();
                case "volume" -> Quantity.ofSi(lattice.volume() * 1e-30, Units.parse("Å^3"));
                case "density" -> Quantity.ofSi(lattice.siteCount() / (lattice.volume() * 1e-30), Units.parse("cm^-3"));
                case "site_types" -> new AdcList(Arrays.asList(lattice.siteTypeNames()));
                case "paths" -> new AdcList(lattice.pathNames());
                case "environments" -> {
                    List<Object> l = new ArrayList<>();
                    for (int k = 0; k < lattice.kindCount(); k++) {
                        if (!l.contains(lattice.kindEnvironment(k))) {
                            l.add(lattice.kindEnvironment(k));
                        }
                    }
                    yield new AdcList(l);
                }
                case "kind" -> kind;
                case "dimensions" -> (long) dim;
                case "si_vacancies" -> siVacancies;
                default -> null;
            };
        }

        @Override
        public Collection<String> memberNames() {
            return siVacancies == null
                ? List.of("sites", "hops", "volume", "density", "site_types", "paths", "environments", "kind", "dimensions")
                : List.of("sites", "hops", "volume", "density", "site_types", "paths", "environments", "kind", "dimensions", "si_vacancies");
        }

        @Override
        public String typeName() {
            return "kmc lattice";
        }

        @Override
        public String toString() {
            return "<kmc lattice " + kind + ": " + lattice.siteCount() + " sites, " + lattice.hopCount() + " hops>";
        }
    }

    /** A barrier table as a script value. */
    public static final class Barriers implements HasMembers {
        final BarrierTable table;
        final List<Record> rows;

        Barriers(BarrierTable table, List<Record> rows) {
            this.table = table;
            this.rows = rows;
        }

        @Override
        public Object member(String name) {
            return switch (name) {
                case "rows" -> Table.fromRecords(rows, List.of());
                case "len" -> (long) rows.size();
                default -> null;
            };
        }

        @Override
        public Collection<String> memberNames() {
            return List.of("rows", "len");
        }

        @Override
        public String typeName() {
            return "kmc barriers";
        }

        @Override
        public String toString() {
            return "<kmc barriers: " + rows.size() + " entries>";
        }
    }

    /** A temperature program as a script value. */
    public static final class Program implements HasMembers {
        final TemperatureProgram program;

        Program(TemperatureProgram p) {
            this.program = p;
        }

        @Override
        public Object member(String name) {
            return switch (name) {
                case "duration" -> Quantity.ofSi(program.duration(), Units.parse("h"));
                case "at" -> new NativeFunction("at", "temperature", null,
                    a -> Quantity.ofSi(program.temperatureAt(a.si(0, Dimension.TIME)), Units.parse("K")),
                    Param.required("t", "time", "time since the start"));
                default -> null;
            };
        }

        @Override
        public Collection<String> memberNames() {
            return List.of("duration", "at");
        }

        @Override
        public String typeName() {
            return "temperature program";
        }

        @Override
        public String toString() {
            return "<temperature program, " + Values.display(Quantity.ofSi(program.duration(), Units.parse("h"))) + ">";
        }
    }

    /** A sink/source face as a script value. */
    public static final class Face implements HasMembers {
        final Reservoir reservoir;

        Face(Reservoir r) {
            this.reservoir = r;
        }

        @Override
        public Object member(String name) {
            return switch (name) {
                case "name" -> reservoir.name();
                case "sites" -> (long) reservoir.sites().length;
                case "species" -> reservoir.species();
                default -> null;
            };
        }

        @Override
        public Collection<String> memberNames() {
            return List.of("name", "sites", "species");
        }

        @Override
        public String typeName() {
            return "kmc reservoir";
        }

        @Override
        public String toString() {
            return "<kmc reservoir " + reservoir.name() + ": " + reservoir.sites().length + " sites>";
        }
    }

    // ------------------------------------------------------------------ helpers

    static AdcError wrap(KmcException e, String fn) {
        return new AdcError(fn + ": " + e.getMessage(), hintFor(e.getMessage()));
    }

    private static String hintFor(String m) {
        if (m.contains("no barrier")) {
            return "add a row for that path (and environment) to the barrier table, or a row with environment \"-\" that applies to all";
        }
        if (m.contains("mobile")) {
            return "give the mobile species (species = \"Na\") and a concentration above 0, or a reservoir that injects it";
        }
        if (m.contains("rate") || m.contains("frequency")) {
            return "rates must be finite and positive; a barrier gives ν0·exp(−Ea/kB T)";
        }
        if (m.contains("periodic axis")) {
            return "use more cells along that axis or a reflecting boundary";
        }
        return "see help(kmc.run) for the inputs";
    }

    static Record rec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] == null ? None.INSTANCE : kv[i + 1]);
        }
        return new Record(m);
    }

    static Quantity q(double si, String unit) {
        return Quantity.ofSi(si, Units.parse(unit));
    }

    private static double angstrom(Args a, int i) {
        double v = a.si(i, Dimension.LENGTH) * 1e10;
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new AdcError("bad argument #" + (i + 1) + " to '" + a.functionName() + "': length must be > 0, got " + Values.display(a.get(i)),
                "give a lattice parameter such as 3 Å");
        }
        return v;
    }

    private static int[] cells(Args a, int i) {
        Object x = a.get(i);
        if (x instanceof Long l) {
            return new int[] {l.intValue(), l.intValue(), l.intValue()};
        }
        if (x instanceof AdcList l && l.size() == 3) {
            int[] r = new int[3];
            for (int k = 0; k < 3; k++) {
                if (!(l.items().get(k) instanceof Long v) || v < 1) {
                    throw a.bad(i, "a positive int or a list of 3 positive ints");
                }
                r[k] = v.intValue();
            }
            return r;
        }
        throw a.bad(i, "a positive int or a list of 3 positive ints");
    }

    private static BoundaryCondition[] boundary(Args a, int i) {
        Object x = a.get(i);
        List<Object> items = x instanceof AdcList l ? l.items() : List.of(x, x, x);
        if (items.size() != 3) {
            throw a.bad(i, "\"periodic\", \"reflecting\" or a list of 3 of them");
        }
        BoundaryCondition[] bc = new BoundaryCondition[3];
        for (int k = 0; k < 3; k++) {
            Object o = items.get(k);
            if ("periodic".equals(o)) {
                bc[k] = BoundaryCondition.PERIODIC;
            } else if ("reflecting".equals(o)) {
                bc[k] = BoundaryCondition.REFLECTING;
            } else {
                throw a.bad(i, "\"periodic\", \"reflecting\" or a list of 3 of them");
            }
        }
        return bc;
    }

    static int axis(Args a, int i) {
        String s = a.string(i);
        return switch (s) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> throw a.bad(i, "\"x\", \"y\" or \"z\"");
        };
    }

    /**
     * kMC lattice from a structure: the sites of the mobile species (the sublattice) and the hop
     * classes of {@link org.adc.structure.cage.MigrationPaths} (cage hops when a framework element
     * is given, else hops classified by the structure's space group), repeated over cells×cells×cells.
     */
    private static Object fromStructure(Args a) {
        if (!(a.get(0) instanceof StructureValue sv)) {
            throw a.bad(0, "structure");
        }
        org.adc.structure.Structure s = sv.structure();
        String mobile = a.string(1);
        Object fwArg = a.get(2);
        int[] n = cells(a, 3);
        double cutoff = angstrom(a, 4);
        double bond = angstrom(a, 5);
        int maxRing = (int) a.integer(6);
        List<Integer> guests = new ArrayList<>();
        List<double[]> fr = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.site(i).species().equals(mobile)) {
                guests.add(i);
                fr.add(s.site(i).frac());
            }
        }
        if (guests.isEmpty()) {
            throw new AdcError("kmc.from_structure: no " + mobile + " sites in " + s.formula(),
                "give the mobile element present in the structure, e.g. mobile = \"Na\"");
        }
        List<org.adc.structure.cage.MigrationPaths.PathClass> cls;
        List<String> typeNames = new ArrayList<>();
        try {
            if (fwArg instanceof String fw) {
                org.adc.structure.cage.CageNetwork net = org.adc.structure.cage.CageNetwork.analyze(s, fw, bond, maxRing, fr);
                for (org.adc.structure.cage.CageNetwork.Cage c : net.cages()) {
                    typeNames.add(c.name(s));
                }
                cls = org.adc.structure.cage.MigrationPaths.cageHops(s, mobile, fw, bond, maxRing, cutoff, 1e-3);
            } else {
                for (int g : guests) {
                    String l = s.site(g).label();
                    typeNames.add(l == null ? mobile : l);
                }
                cls = org.adc.structure.cage.MigrationPaths.find(s.lattice(), fr, cutoff,
                    org.adc.symmetry.SymmetryFinder.find(s, 1e-3), null, typeNames, 2e-3);
            }
        } catch (org.adc.structure.StructureException e) {
            throw new AdcError("kmc.from_structure: " + e.getMessage(), "check mobile, framework and cutoff");
        }
        if (cls.isEmpty()) {
            throw new AdcError("kmc.from_structure: no hop of " + mobile + " shorter than " + cutoff + " Å",
                "raise cutoff above the shortest " + mobile + "-" + mobile + " distance");
        }
        double[] m = s.lattice().matrix(); // rows a, b, c
        double longest = 0;
        for (org.adc.structure.cage.MigrationPaths.PathClass pc : cls) {
            longest = Math.max(longest, pc.length());
        }
        double[] cell = new double[9];
        for (int k = 0; k < 3; k++) {
            cell[k] = m[k] * n[0];
            cell[3 + k] = m[3 + k] * n[1];
            cell[6 + k] = m[6 + k] * n[2];
        }
        for (int ax = 0; ax < 3; ax++) {
            double len = Math.sqrt(cell[3 * ax] * cell[3 * ax] + cell[3 * ax + 1] * cell[3 * ax + 1] + cell[3 * ax + 2] * cell[3 * ax + 2]);
            if (len < 2 * longest) {
                throw new AdcError("kmc.from_structure: periodic axis " + "abc".charAt(ax) + " is " + String.format(java.util.Locale.ROOT,
                    "%.3f", len) + " Å, shorter than twice the longest hop (" + String.format(java.util.Locale.ROOT, "%.3f", longest)
                    + " Å)", "use more cells along that axis (cells = [nx, ny, nz])");
            }
        }
        int ng = guests.size();
        LatticeBuilder b = new LatticeBuilder();
        for (int cx = 0; cx < n[0]; cx++) {
            for (int cy = 0; cy < n[1]; cy++) {
                for (int cz = 0; cz < n[2]; cz++) {
                    for (int g = 0; g < ng; g++) {
                        double[] f = fr.get(g);
                        double u = f[0] + cx, v = f[1] + cy, w = f[2] + cz;
                        b.addSite(u * m[0] + v * m[3] + w * m[6], u * m[1] + v * m[4] + w * m[7], u * m[2] + v * m[5] + w * m[8],
                            typeNames.get(g));
                    }
                }
            }
        }
        for (org.adc.structure.cage.MigrationPaths.PathClass pc : cls) {
            for (org.adc.structure.cage.MigrationPaths.Hop h : pc.members()) {
                double[] d = {h.end()[0] - h.start()[0], h.end()[1] - h.start()[1], h.end()[2] - h.start()[2]};
                // cell offset of the target image: end = frac(to) + shift
                double[] ft = fr.get(h.to());
                int[] shift = {(int) Math.round(h.end()[0] - ft[0]), (int) Math.round(h.end()[1] - ft[1]),
                    (int) Math.round(h.end()[2] - ft[2])};
                double dx = d[0] * m[0] + d[1] * m[3] + d[2] * m[6], dy = d[0] * m[1] + d[1] * m[4] + d[2] * m[7],
                    dz = d[0] * m[2] + d[1] * m[5] + d[2] * m[8];
                for (int cx = 0; cx < n[0]; cx++) {
                    for (int cy = 0; cy < n[1]; cy++) {
                        for (int cz = 0; cz < n[2]; cz++) {
                            int from = ((cx * n[1] + cy) * n[2] + cz) * ng + h.from();
                            int tx = Math.floorMod(cx + shift[0], n[0]), ty = Math.floorMod(cy + shift[1], n[1]),
                                tz = Math.floorMod(cz + shift[2], n[2]);
                            int to = ((tx * n[1] + ty) * n[2] + tz) * ng + h.to();
                            b.addHopPair(from, to, dx, dy, dz, pc.name());
                        }
                    }
                }
            }
        }
        try {
            return new KmcLattice(b.cell(cell).build().reorderedForLocality(), 3, "structure " + s.formula());
        } catch (KmcException e) {
            throw wrap(e, "kmc.from_structure");
        }
    }

    // ------------------------------------------------------------------ lattice

    private static Object lattice(Args a) {
        String kind = a.string(0);
        int[] n = cells(a, 1);
        double al = angstrom(a, 2);
        BoundaryCondition[] bc = boundary(a, 3);
        double nn;
        double[][] basis;
        switch (kind) {
            case "sc" -> {
                basis = new double[][] {{0, 0, 0}};
                nn = al;
            }
            case "bcc" -> {
                basis = new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}};
                nn = al * Math.sqrt(3) / 2;
            }
            case "fcc" -> {
                basis = new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
                nn = al / Math.sqrt(2);
            }
            case "diamond" -> {
                double[][] f = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
                basis = new double[8][];
                for (int k = 0; k < 4; k++) {
                    basis[k] = f[k];
                    basis[k + 4] = new double[] {f[k][0] + 0.25, f[k][1] + 0.25, f[k][2] + 0.25};
                }
                nn = al * Math.sqrt(3) / 4;
            }
            case "chain" -> {
                try {
                    return new KmcLattice(CrystalLattices.chain(n[0], al).reorderedForLocality(), 1, "chain");
                } catch (KmcException e) {
                    throw wrap(e, "kmc.lattice");
                }
            }
            case "clathrate" -> {
                return clathrateLattice(n, al, bc, 0.0, 1, "kmc.lattice");
            }
            default -> throw new AdcError("unknown lattice kind '" + kind + "'",
                "use \"sc\", \"bcc\", \"fcc\", \"diamond\", \"chain\" or \"clathrate\"");
        }
        String[] types = new String[basis.length];
        Arrays.fill(types, "site");
        try {
            Lattice lat = CrystalLattices.build(new double[] {al, 0, 0, 0, al, 0, 0, 0, al}, basis, types, n, bc,
                List.of(new org.adc.kmc.HopRule("*", "*", 0.0, nn * 1.0001, "nn")));
            return new KmcLattice(lat.reorderedForLocality(), 3, kind);
        } catch (KmcException e) {
            throw wrap(e, "kmc.lattice");
        }
    }

    private static Object clathrate(Args a) {
        int[] n = cells(a, 0);
        double al = angstrom(a, 1);
        BoundaryCondition[] bc = boundary(a, 2);
        java.util.Map<String, Double> frac = new java.util.LinkedHashMap<>();
        String[] keys = {"8a", "32e", "96g"};
        int[] argIndex = {3, 5, 6};
        for (int k = 0; k < 3; k++) {
            double p = a.number(argIndex[k]);
            if (!(p >= 0 && p <= 1)) {
                throw a.bad(argIndex[k], "a fraction between 0 and 1");
            }
            frac.put(keys[k], p);
        }
        return clathrateLattice(n, al, bc, frac, a.integer(4), "kmc.clathrate");
    }

    static KmcLattice clathrateLattice(int[] n, double a, BoundaryCondition[] bc, double p, long seed, String fn) {
        return clathrateLattice(n, a, bc, java.util.Map.of("8a", p), seed, fn);
    }

    /**
     * Cage lattice of Na24Si136 with a fraction of the framework Si at 96g, 32e and 8a removed at random
     * (seeded); the hops between the cages sharing each missing Si get its Wyckoff label (see
     * {@link ClathrateLattices#withSiVacancies}); Si positions from {@link org.adc.structure.Prototypes#na24si136()}.
     */
    static KmcLattice clathrateLattice(int[] n, double a, BoundaryCondition[] bc, java.util.Map<String, Double> frac, long seed,
                                       String fn) {
        Lattice lat;
        try {
            lat = ClathrateLattices.typeII(a, n, bc);
        } catch (KmcException e) {
            throw wrap(e, fn);
        }
        org.adc.structure.Structure s = org.adc.structure.Prototypes.na24si136();
        List<double[]> si = new ArrayList<>();
        List<String> wy = new ArrayList<>();
        for (org.adc.structure.Site site : s.sites()) {
            if (site.species().equals("Si")) {
                si.add(site.frac());
                wy.add(site.wyckoff() == null ? "" : site.wyckoff());
            }
        }
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        lat = ClathrateLattices.withSiVacancies(lat, a, n, si.toArray(new double[0][]), wy.toArray(new String[0]), frac, seed, counts);
        KmcLattice kl = new KmcLattice(lat.reorderedForLocality(), 3, "clathrate");
        kl.siVacancies = rec("96g", (long) counts.getOrDefault("96g", 0), "32e", (long) counts.getOrDefault("32e", 0),
            "8a", (long) counts.getOrDefault("8a", 0));
        return kl;
    }

    // ------------------------------------------------------------------ barriers

    private static Object barriers(Args a) {
        List<Object> rows;
        Object x = a.get(0);
        if (x instanceof Table t) {
            rows = new ArrayList<>(t.rows());
        } else if (x instanceof AdcList l) {
            rows = l.items();
        } else {
            throw a.bad(0, "table or list of records");
        }
        String species = a.string(1);
        Quantity nu0d = a.quantity(2, Dimension.FREQUENCY);
        String pathCol = a.string(3);
        String barrierCol = a.string(4);
        String envCol = a.string(5);
        BarrierTable table = new BarrierTable();
        List<Record> out = new ArrayList<>();
        int k = 0;
        for (Object o : rows) {
            k++;
            if (!(o instanceof Record r)) {
                throw new AdcError("kmc.barriers: row " + k + " is " + Values.describe(o) + ", not a record",
                    "give a table (table(\"file.csv\")) or records such as {path: \"nn\", barrier: 0.5 eV}");
            }
            Object path = r.member(pathCol);
            if (!(path instanceof String ps)) {
                throw new AdcError("kmc.barriers: row " + k + " has no path in column '" + pathCol + "'",
                    "fields of the row: " + String.join(", ", r.memberNames()));
            }
            Object bar = r.member(barrierCol);
            double ea;
            if (bar instanceof Quantity bq && (bq.dimension().equals(Dimension.ENERGY) || bq.dimension().amountOffset(Dimension.ENERGY) != null)) {
                ea = bq.siIn(Dimension.ENERGY, "kmc.barriers") / EV;
            } else {
                throw new AdcError("kmc.barriers: row " + k + " (path " + ps + ") has barrier " + Values.describe(bar)
                    + ", expected an energy", "the CSV header should carry the unit: barrier [eV]");
            }
            String env = "*";
            Object e = r.member(envCol);
            if (e instanceof String es && !es.isBlank() && !es.equals("-") && !es.equalsIgnoreCase("none")) {
                env = es;
            }
            String sp = species;
            if (r.member("species") instanceof String ss) {
                sp = ss;
            }
            double nu0 = nu0d.si();
            if (r.member("nu0") instanceof Quantity nq && nq.dimension().equals(Dimension.FREQUENCY)) {
                nu0 = nq.si();
            }
            java.util.regex.Matcher variant = java.util.regex.Pattern.compile("(.*\\S)\\s*\\(path ([A-Za-z0-9]+)\\)").matcher(ps);
            if (variant.matches() && !env.equals("*")) { // "Si28-Si20 (path A)" next to 96g -> path Si28-Si20, environment "96g A"
                ps = variant.group(1);
                env = env + " " + variant.group(2);
            }
            try {
                table.set(sp, ps, env, ea, nu0);
            } catch (KmcException ex) {
                throw wrap(ex, "kmc.barriers");
            }
            out.add(rec("species", sp, "path", ps, "environment", env, "barrier", Quantity.of(ea, "eV"), "nu0", q(nu0, "Hz")));
        }
        return new Barriers(table, out);
    }

    // ------------------------------------------------------------------ temperature program

    private static Object program(Args a) {
        double t0 = KineticsLib.temperature(a, 0);
        try {
            TemperatureProgram.Builder b = TemperatureProgram.startAt(t0);
            int k = 0;
            for (Object o : a.list(1)) {
                k++;
                if (!(o instanceof Record r)) {
                    throw new AdcError("kmc.program: step " + k + " is " + Values.describe(o) + ", not a record",
                        "steps are {ramp: 450 degC, rate: 5 degC/min} or {dwell: 8 d}");
                }
                Object dw = r.member("dwell") != null ? r.member("dwell") : r.member("hold");
                if (dw instanceof Quantity h && h.dimension().equals(Dimension.TIME)) {
                    b.hold(h.si());
                } else if ((r.member("ramp") != null ? r.member("ramp") : r.member("to")) instanceof Quantity to
                    && to.dimension().equals(Dimension.TEMPERATURE)
                    && r.member("rate") instanceof Quantity rate && rate.dimension().equals(Dimension.HEATING_RATE)) {
                    b.rampTo(to.si(), rate.si());
                } else {
                    throw new AdcError("kmc.program: step " + k + " " + Values.display(r) + " is neither a ramp nor a hold",
                        "steps are {ramp: 450 degC, rate: 5 degC/min} or {dwell: 8 d}");
                }
            }
            return new Program(b.build());
        } catch (KmcException e) {
            throw wrap(e, "kmc.program");
        }
    }

    // ------------------------------------------------------------------ reservoirs

    private static Barrier rateArg(Args a, int i, double nu0, String what) {
        Object x = a.get(i);
        if (x == null || x == None.INSTANCE) {
            return null;
        }
        try {
            if (x instanceof Quantity qq && qq.dimension().equals(Dimension.FREQUENCY)) {
                return Barrier.fixedRate(qq.si());
            }
            if (x instanceof Quantity qq && (qq.dimension().equals(Dimension.ENERGY) || qq.dimension().amountOffset(Dimension.ENERGY) != null)) {
                return new Barrier(qq.siIn(Dimension.ENERGY, a.functionName()) / EV, nu0);
            }
        } catch (KmcException e) {
            throw new AdcError(a.functionName() + ": " + what + " rate " + Values.display(x) + ": " + e.getMessage(),
                "give a positive, finite rate (Hz) or a barrier (eV)");
        }
        throw a.bad(i, "frequency (a rate) or energy (a barrier)");
    }

    private static Object reservoir(Args a) {
        if (!(a.get(0) instanceof KmcLattice kl)) {
            throw a.bad(0, "kmc lattice");
        }
        String face = a.string(1);
        if (!face.matches("[xyz][+-]")) {
            throw a.bad(1, "a face \"x-\", \"x+\", \"y-\", \"y+\", \"z-\" or \"z+\"");
        }
        int ax = face.charAt(0) - 'x';
        double depth = a.si(2, Dimension.LENGTH) * 1e10;
        double nu0 = a.si(6, Dimension.FREQUENCY);
        Barrier ex = rateArg(a, 3, nu0, "extraction");
        Barrier in = rateArg(a, 4, nu0, "injection");
        if (ex == null && in == null) {
            throw new AdcError("kmc.reservoir: give an extraction rate, an injection rate or both",
                "extract = 1e6 Hz makes a sink; inject = ... makes a source");
        }
        int[] sites = Reservoir.faceSites(kl.lattice, ax, Math.max(depth, 1e-6), face.charAt(1) == '-');
        String name = a.has(7) ? a.string(7) : face;
        double capacity = 0;
        if (a.has(8)) {
            capacity = a.number(8);
            if (!(capacity > 0) || Double.isInfinite(capacity)) {
                throw a.bad(8, "a positive number of ions");
            }
            if (ex == null) {
                throw new AdcError("kmc.reservoir: capacity limits extraction, but no extraction rate is given",
                    "add extract = ... (a rate or a barrier)");
            }
        }
        try {
            return new Face(new Reservoir(name, sites, a.string(5), ex, in, capacity));
        } catch (KmcException e) {
            throw wrap(e, "kmc.reservoir");
        }
    }

    // ------------------------------------------------------------------ run

    /** Result of one replica. */
    private record Replica(double time, long events, double[] tSeries, double[] tempSeries, double[] nSeries, double[] msdSeries,
                           double[] exSeries, double[][] occSeries, double[][] profiles, double dTracer, double dJump,
                           double f, int particles, long extracted, long injected, long[] pathHops, List<double[]> fBlocks) {
    }

    /** A replica's result file (org.adc.exec): every number as its 64 bits, so replicas on a cluster equal local ones. */
    private static final org.adc.exec.TaskCodec<Replica> REPLICA = new org.adc.exec.TaskCodec<>() {
        @Override
        public void write(Replica r, java.io.DataOutputStream o) throws java.io.IOException {
            o.writeDouble(r.time());
            o.writeLong(r.events());
            for (double[] x : new double[][]{r.tSeries(), r.tempSeries(), r.nSeries(), r.msdSeries(), r.exSeries()}) {
                doubles(x, o);
            }
            matrix(r.occSeries(), o);
            matrix(r.profiles(), o);
            o.writeDouble(r.dTracer());
            o.writeDouble(r.dJump());
            o.writeDouble(r.f());
            o.writeInt(r.particles());
            o.writeLong(r.extracted());
            o.writeLong(r.injected());
            o.writeInt(r.pathHops() == null ? -1 : r.pathHops().length);
            if (r.pathHops() != null) {
                for (long h : r.pathHops()) {
                    o.writeLong(h);
                }
            }
            matrix(r.fBlocks() == null ? null : r.fBlocks().toArray(new double[0][]), o);
        }

        @Override
        public Replica read(java.io.DataInputStream in) throws java.io.IOException {
            double time = in.readDouble();
            long events = in.readLong();
            double[][] series = new double[5][];
            for (int k = 0; k < 5; k++) {
                series[k] = doubles(in);
            }
            double[][] occ = matrix(in);
            double[][] prof = matrix(in);
            double dt = in.readDouble(), dj = in.readDouble(), f = in.readDouble();
            int particles = in.readInt();
            long ex = in.readLong(), inj = in.readLong();
            int nh = in.readInt();
            long[] hops = nh < 0 ? null : new long[nh];
            for (int k = 0; k < nh; k++) {
                hops[k] = in.readLong();
            }
            double[][] blocks = matrix(in);
            return new Replica(time, events, series[0], series[1], series[2], series[3], series[4], occ, prof, dt, dj, f, particles, ex,
                inj, hops, blocks == null ? null : new java.util.ArrayList<>(java.util.Arrays.asList(blocks)));
        }

        private void doubles(double[] x, java.io.DataOutputStream o) throws java.io.IOException {
            o.writeInt(x == null ? -1 : x.length);
            if (x != null) {
                for (double v : x) {
                    o.writeDouble(v);
                }
            }
        }

        private double[] doubles(java.io.DataInputStream in) throws java.io.IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = in.readDouble();
            }
            return x;
        }

        private void matrix(double[][] x, java.io.DataOutputStream o) throws java.io.IOException {
            o.writeInt(x == null ? -1 : x.length);
            if (x != null) {
                for (double[] row : x) {
                    doubles(row, o);
                }
            }
        }

        private double[][] matrix(java.io.DataInputStream in) throws java.io.IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            double[][] x = new double[n][];
            for (int k = 0; k < n; k++) {
                x[k] = doubles(in);
            }
            return x;
        }
    };

    private static Object run(Args a) {
        if (!(a.get(0) instanceof KmcLattice kl)) {
            throw a.bad(0, "kmc lattice");
        }
        Lattice lat0 = kl.lattice;
        BarrierTable table = null;
        if (a.get(1) instanceof Barriers b) {
            table = b.table;
        } else if (a.has(1)) {
            throw a.bad(1, "kmc barriers (from kmc.barriers)");
        }
        TemperatureProgram prog;
        if (a.get(2) instanceof Program p) {
            prog = p.program;
        } else {
            try {
                prog = TemperatureProgram.constant(KineticsLib.temperature(a, 2));
            } catch (KmcException e) {
                throw wrap(e, "kmc.run");
            }
        }
        double tEnd = a.has(3) ? a.si(3, Dimension.TIME) : Double.NaN;
        long nEvents = a.has(4) ? a.integer(4) : -1;
        if (Double.isNaN(tEnd) == (nEvents < 0)) {
            throw new AdcError("kmc.run: give either time = ... or events = ..., not " + (nEvents < 0 ? "neither" : "both"),
                "time = 1 ms runs for simulated time; events = 100000 runs a number of events");
        }
        if (!Double.isNaN(tEnd) && !(tEnd > 0)) {
            throw a.bad(3, "a positive time");
        }
        String species = a.string(5);
        double conc = a.number(6);
        if (!(conc >= 0 && conc <= 1)) {
            throw a.bad(6, "a site fraction between 0 and 1");
        }
        long vacancies = a.has(7) ? a.integer(7) : -1;
        if (vacancies > lat0.siteCount() || vacancies < -1) {
            throw a.bad(7, "a number of vacancies between 0 and the number of sites");
        }
        List<Reservoir> res = new ArrayList<>();
        if (a.has(8)) {
            Object ro = a.get(8);
            List<Object> items = ro instanceof AdcList l ? l.items() : List.of(ro);
            for (Object o : items) {
                if (!(o instanceof Face f)) {
                    throw a.bad(8, "kmc reservoir or list of them");
                }
                res.add(f.reservoir);
            }
        }
        Callable rateFn = a.has(9) ? a.function(9) : null;
        if (rateFn == null && table == null) {
            throw new AdcError("kmc.run: no barriers: give barriers = kmc.barriers(...) or rate = fn(hop) => ...",
                "every hop needs a barrier or a rate");
        }
        int samples = (int) a.integer(10);
        if (samples < 1) {
            throw a.bad(10, "a positive number of samples");
        }
        int bins = (int) a.integer(11);
        int axis = axis(a, 12);
        long seed = a.integer(13);
        int replicas = (int) a.integer(14);
        int threads = (int) a.integer(15);
        if (replicas < 1) {
            throw a.bad(14, "a positive number of replicas");
        }
        if (threads < 1) {
            throw a.bad(15, "a positive number of threads");
        }
        double nu0 = a.si(16, Dimension.FREQUENCY);
        long charge = a.integer(17);
        if (rateFn != null) {
            threads = 1; // script functions run on the script's thread
        }
        Lattice latE = lat0;
        if (a.has(18)) {
            if (!(a.get(18) instanceof Record se)) {
                throw a.bad(18, "a record of energies per site type, e.g. {Si20: 0.2 eV}");
            }
            if (table == null) {
                throw new AdcError("kmc.run: site_energies need barriers = kmc.barriers(...)",
                    "with rate = fn(hop) => ..., use hop.from_type and hop.to_type in the function instead");
            }
            java.util.Map<String, Double> energies = new java.util.LinkedHashMap<>();
            for (String name : se.memberNames()) {
                Object v = se.member(name);
                if (!(v instanceof Quantity qq && (qq.dimension().equals(Dimension.ENERGY)
                    || qq.dimension().amountOffset(Dimension.ENERGY) != null))) {
                    throw new AdcError("kmc.run: site energy of " + name + " is " + Values.describe(v) + ", not an energy",
                        "give energies with a unit: site_energies = {Si20: 0.2 eV}");
                }
                energies.put(name, qq.siIn(Dimension.ENERGY, "kmc.run") / EV);
            }
            try {
                org.adc.kmc.SiteEnergies.Applied ap = org.adc.kmc.SiteEnergies.apply(lat0, table, species, energies);
                latE = ap.lattice();
                table = ap.table();
            } catch (KmcException e) {
                throw wrap(e, "kmc.run");
            }
        }
        final Lattice lat = latE;
        final BarrierTable tbl = table;
        final TemperatureProgram pg = prog;
        final int nb = bins;
        String[] typeNames = lat.siteTypeNames();
        List<String> paths = lat.pathNames();
        List<Replica> reps;
        try {
            String choice = TasksLib.choice(a, 19);
            reps = a.env().executor(choice).map(new org.adc.exec.FanOut<>("kmc.run", replicas, seed, threads, REPLICA, (r, rng) -> {
                KmcSimulation.Builder b = KmcSimulation.builder(lat).species(species).temperature(pg).rng(rng);
                for (Reservoir rv : res) {
                    b.reservoir(rv);
                }
                if (vacancies >= 0) {
                    b.fill(species).randomReplace(species, "Va", (int) vacancies);
                } else if (conc >= 1.0) {
                    b.fill(species);
                } else {
                    b.randomReplace("Va", species, (int) Math.round(conc * lat.siteCount()));
                }
                if (rateFn != null) {
                    b.barrierFunction(userRate(rateFn, lat, nu0, typeNames), true);
                } else {
                    b.barriers(tbl);
                }
                KmcSimulation sim = b.build();
                return simulate(sim, lat, species, tEnd, nEvents, samples, nb, axis, kl.dim, typeNames.length, paths);
            }, choice));
        } catch (KmcException e) {
            throw wrap(e, "kmc.run");
        }
        return summarise(reps, kl, species, typeNames, paths, nb, axis, charge, prog, replicas);
    }

    private static HopBarrierFunction userRate(Callable fn, Lattice lat, double nu0, String[] typeNames) {
        return (hop, sp, sim) -> {
            int s = lat.hopSource(hop), t = lat.hopTarget(hop);
            int occN = 0;
            for (int h = lat.outStart(t); h < lat.outStart(t + 1); h++) {
                int j = lat.hopTarget(h);
                if (j != s && sim.occupancy(j) != KmcSimulation.VACANCY) {
                    occN++;
                }
            }
            double dx = lat.kindVector(lat.hopKind(hop), 0), dy = lat.kindVector(lat.hopKind(hop), 1),
                dz = lat.kindVector(lat.hopKind(hop), 2);
            Record info = rec("path", lat.hopPath(hop), "environment", lat.hopEnvironment(hop), "from_type",
                typeNames[lat.siteType(s)], "to_type", typeNames[lat.siteType(t)], "neighbours", (long) occN,
                "distance", q(Math.sqrt(dx * dx + dy * dy + dz * dz) * 1e-10, "Å"), "t", q(sim.temperature(), "K"));
            Object r = fn.call(info);
            if (r == null || r == None.INSTANCE) {
                return null;
            }
            String where = "hop " + lat.hopPath(hop) + " (" + lat.hopEnvironment(hop) + ") from site " + s + " to " + t;
            if (r instanceof Quantity qq && qq.dimension().equals(Dimension.FREQUENCY)) {
                if (!(qq.si() > 0) || !Double.isFinite(qq.si())) {
                    throw new AdcError("kmc.run: the rate function gave " + Values.display(qq) + " for " + where,
                        "a rate must be finite and > 0 Hz (return none to forbid a hop)");
                }
                return Barrier.fixedRate(qq.si());
            }
            if (r instanceof Quantity qq && (qq.dimension().equals(Dimension.ENERGY) || qq.dimension().amountOffset(Dimension.ENERGY) != null)) {
                double ea = qq.siIn(Dimension.ENERGY, "kmc.run") / EV;
                if (!Double.isFinite(ea)) {
                    throw new AdcError("kmc.run: the rate function gave a non-finite barrier for " + where, "return a finite energy");
                }
                return new Barrier(ea, nu0);
            }
            throw new AdcError("kmc.run: the rate function gave " + Values.describe(r) + " for " + where,
                "return a rate (Hz), a barrier (eV) or none");
        };
    }

    private static Replica simulate(KmcSimulation sim, Lattice lat, String species, double tEnd, long nEvents, int samples,
                                    int bins, int axis, int dim, int ntypes, List<String> paths) {
        int m = samples + 1;
        double[] ts = new double[m], temps = new double[m], ns = new double[m], msd = new double[m], ex = new double[m];
        double[][] occ = new double[m][];
        double[][] prof = bins > 0 ? new double[m][] : null;
        long done = 0;
        TracerSums mid = null;
        // blocks of 100 hops per particle for the error bar of f (kmc.BlockStatistics); they do not change the run:
        // event runs are cut into chunks (the same events), timed runs only observe (constant temperature) or
        // close blocks at the sample times (temperature programs)
        BlockStatistics blocks = new BlockStatistics(sim, species, 100L * Math.max(1, sim.tracer(species).particles()));
        int midBlock = 0;
        for (int k = 0; k < m; k++) {
            if (k > 0) {
                if (Double.isNaN(tEnd)) {
                    long want = nEvents * k / samples;
                    long chunk = Math.max(1, 25L * Math.max(1, sim.tracer(species).particles()));
                    while (done < want) {
                        long got = sim.runEvents(Math.min(chunk, want - done));
                        done += got;
                        blocks.observe();
                        if (got == 0) {
                            break;
                        }
                    }
                } else if (sim.constantTemperature()) {
                    double t0 = sim.time(), t1 = tEnd * k / samples;
                    done += t1 > t0 ? sim.runUntil(t1, (t1 - t0) / 64, (s, t) -> blocks.observe()) : sim.runUntil(t1, 1.0, null);
                    blocks.observe();
                } else {
                    done += sim.runUntil(tEnd * k / samples, 1.0, null);
                    blocks.observe();
                }
            }
            TracerSums tr = sim.tracer(species);
            if (k == samples / 2) {
                mid = tr;
                midBlock = blocks.blocks().size();
            }
            ts[k] = sim.time();
            temps[k] = sim.temperature();
            ns[k] = tr.particles();
            msd[k] = tr.msd();
            long e = 0;
            for (int r = 0; r < sim.reservoirs().size(); r++) {
                e += sim.extractedCount(r);
            }
            ex[k] = e;
            occ[k] = sim.occupancyBySiteType(species);
            if (prof != null) {
                prof[k] = sim.concentrationProfile(species, axis, bins);
            }
        }
        TracerSums tr = sim.tracer(species);
        double t = sim.time();
        double dT = t > 0 ? DiffusionAnalysis.tracerDiffusion(tr.msd(), t, dim) : Double.NaN;
        double x2 = tr.collectiveX() * tr.collectiveX() + tr.collectiveY() * tr.collectiveY() + tr.collectiveZ() * tr.collectiveZ();
        double dJ = t > 0 && tr.particles() > 0 ? x2 * DiffusionAnalysis.A2_TO_M2 / (2.0 * dim * tr.particles() * t) : Double.NaN;
        long ext = 0, inj = 0;
        for (int r = 0; r < sim.reservoirs().size(); r++) {
            ext += sim.extractedCount(r);
            inj += sim.injectedCount(r);
        }
        long[] ph = new long[paths.size()];
        for (int p = 0; p < ph.length; p++) {
            ph[p] = sim.hopCount(paths.get(p), "*");
        }
        // f from the slope of ΣR² against Σλ² over the second half of the run: the short-time offset of R² cancels
        double dh = mid == null ? 0 : tr.sumHopSquares() - mid.sumHopSquares();
        double f = dh > 0 ? (tr.sumSquaredDispAll() - mid.sumSquaredDispAll()) / dh : tr.correlationFactor();
        List<double[]> all = blocks.blocks();
        return new Replica(t, sim.eventCount(), ts, temps, ns, msd, ex, occ, prof, dT, dJ, f, tr.particles(),
            ext, inj, ph, all.subList(Math.min(midBlock, all.size()), all.size()));
    }

    private static double[] meanErr(double[] v) {
        int n = 0;
        double s = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double m = s / n, var = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                var += (x - m) * (x - m);
            }
        }
        return new double[] {m, n > 1 ? Math.sqrt(var / (n - 1) / n) : Double.NaN};
    }

    private static Object qOrNone(double si, String unit) {
        return Double.isFinite(si) ? q(si, unit) : None.INSTANCE;
    }

    private static Object numOrNone(double v) {
        return Double.isFinite(v) ? (Object) v : None.INSTANCE;
    }

    private static Object summarise(List<Replica> reps, KmcLattice kl, String species, String[] typeNames, List<String> paths,
                                    int bins, int axis, long charge, TemperatureProgram prog, int replicas) {
        Lattice lat = kl.lattice;
        int nr = reps.size();
        double[] dT = new double[nr], dJ = new double[nr], f = new double[nr], sig = new double[nr], times = new double[nr];
        double[] ev = new double[nr], ext = new double[nr];
        for (int r = 0; r < nr; r++) {
            Replica p = reps.get(r);
            dT[r] = p.dTracer;
            dJ[r] = p.dJump;
            f[r] = p.f;
            times[r] = p.time;
            ev[r] = p.events;
            ext[r] = p.extracted;
            double n = p.particles / (lat.volume() * 1e-30);
            double temp = p.tempSeries[p.tempSeries.length - 1];
            sig[r] = Double.isFinite(p.dJump) ? DiffusionAnalysis.nernstEinstein(n, (int) charge, p.dJump, temp) : Double.NaN;
        }
        double[] mdT = meanErr(dT), mdJ = meanErr(dJ), mf = meanErr(f), ms = meanErr(sig);
        // error bar of f from the blocks of the second half of every replica (BlockStatistics): it shrinks with more
        // events; the spread of the replicas' f (the old error bar) does not. Fewer than 2 blocks: the replica spread.
        List<double[]> pooled = new ArrayList<>();
        for (Replica r : reps) {
            pooled.addAll(r.fBlocks());
        }
        double[] fb = BlockStatistics.ratio(pooled);
        if (Double.isFinite(fb[1])) {
            mf = new double[] {fb[0], fb[1]};
        }
        // series averaged over replicas
        int m = reps.get(0).tSeries.length;
        List<Object> series = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            double t = 0, temp = 0, n = 0, msd = 0, e = 0;
            double[] occ = new double[typeNames.length];
            for (Replica p : reps) {
                t += p.tSeries[k] / nr;
                temp += p.tempSeries[k] / nr;
                n += p.nSeries[k] / nr;
                msd += p.msdSeries[k] / nr;
                e += p.exSeries[k] / nr;
                for (int c = 0; c < occ.length; c++) {
                    occ[c] += p.occSeries[k][c] / nr;
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", q(t, timeUnit(reps)));
            row.put("T", q(temp, "K"));
            row.put("N", n);
            row.put("msd", q(msd * 1e-20, "Å^2"));
            row.put("extracted", e);
            for (int c = 0; c < occ.length; c++) {
                row.put("occ_" + typeNames[c].replaceAll("[^A-Za-z0-9_]", "_"), occ[c]);
            }
            series.add(new Record(row));
        }
        Object profile = None.INSTANCE;
        Object profiles = None.INSTANCE;
        if (bins > 0) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < lat.siteCount(); i++) {
                lo = Math.min(lo, lat.coordinate(i, axis));
                hi = Math.max(hi, lat.coordinate(i, axis));
            }
            double w = (hi - lo) / bins;
            List<Object> rows = new ArrayList<>();
            List<Object> all = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                double start = 0, end = 0;
                for (Replica p : reps) {
                    start += p.profiles[0][b] / nr;
                    end += p.profiles[m - 1][b] / nr;
                }
                Quantity depth = q((b + 0.5) * w * 1e-10, "Å");
                rows.add(rec("depth", depth, "start", start, "end", end));
            }
            for (int k = 0; k < m; k++) {
                for (int b = 0; b < bins; b++) {
                    double c = 0;
                    for (Replica p : reps) {
                        c += p.profiles[k][b] / nr;
                    }
                    all.add(rec("t", series.isEmpty() ? None.INSTANCE : ((Record) series.get(k)).member("t"), "depth",
                        q((b + 0.5) * w * 1e-10, "Å"), "fraction", c));
                }
            }
            profile = Table.fromRecords(rows, List.of());
            profiles = Table.fromRecords(all, List.of());
        }
        List<Object> hops = new ArrayList<>();
        for (int p = 0; p < paths.size(); p++) {
            double c = 0;
            for (Replica r : reps) {
                c += r.pathHops[p];
            }
            hops.add(rec("path", paths.get(p), "hops", c / nr));
        }
        Replica last = reps.get(0);
        double[] mt = meanErr(times);
        double dstar = mdT[0], djump = mdJ[0];
        return rec("time", q(mt[0], timeUnit(reps)), "events", meanErr(ev)[0], "replicas", (long) replicas,
            "temperature", q(last.tempSeries[last.tempSeries.length - 1], "K"), "particles", (double) meanOf(reps),
            "extracted", meanErr(ext)[0],
            "d_tracer", qOrNone(dstar, "cm^2/s"), "d_tracer_err", qOrNone(mdT[1], "cm^2/s"),
            "d_jump", qOrNone(djump, "cm^2/s"), "d_jump_err", qOrNone(mdJ[1], "cm^2/s"),
            "haven", numOrNone(dstar / djump),
            "haven_err", numOrNone(Math.abs(dstar / djump) * Math.hypot(mdT[1] / dstar, mdJ[1] / djump)),
            "f", numOrNone(mf[0]), "f_err", numOrNone(mf[1]),
            "sigma", qOrNone(ms[0], "S/cm"), "sigma_err", qOrNone(ms[1], "S/cm"),
            "series", Table.fromRecords(series, List.of()), "profile", profile, "profiles", profiles,
            "hops", Table.fromRecords(hops, List.of()));
    }

    private static double meanOf(List<Replica> reps) {
        double s = 0;
        for (Replica r : reps) {
            s += r.particles;
        }
        return s / reps.size();
    }

    private static String timeUnit(List<Replica> reps) {
        double t = reps.get(0).time;
        if (t == 0 || t >= 3600) {
            return t >= 86400 * 2 ? "d" : t >= 3600 ? "h" : "s";
        }
        if (t >= 1) {
            return "s";
        }
        if (t >= 1e-3) {
            return "ms";
        }
        if (t >= 1e-6) {
            return "us";
        }
        return "ns";
    }

    // ------------------------------------------------------------------ module

    public static Module module() {
        Module m = new Module("kmc", "lattice kinetic Monte Carlo of ion diffusion (BKL, sinks, temperature programs)");
        m.add(new NativeFunction("lattice", "kmc lattice", new Doc(
            "A periodic test lattice for kMC: sc, bcc, fcc, diamond, a 1D chain, or the Na24Si136 cage lattice",
            "kmc.lattice(kind, cells, a, boundary = \"periodic\")",
            "let lat = kmc.lattice(\"bcc\", 6, 3.0 Å)          # 432 sites, z = 8\n"
                + "kmc.lattice(\"sc\", [4, 4, 20], 3 Å, boundary = [\"periodic\", \"periodic\", \"reflecting\"])\n"
                + "print(lat.sites, lat.hops, lat.volume, lat.paths)",
            "Builds cells[0]×cells[1]×cells[2] conventional cubic cells with nearest-neighbour hops (path \"nn\", site type "
                + "\"site\"). kind \"clathrate\" gives the Na24Si136 cage-centre lattice (24 cages per cell, paths Si28-Si28, "
                + "Si28-Si20, Si20-Si20; see kmc.clathrate for Si vacancies). Members: sites, hops, volume, density, site_types, "
                + "paths, environments, kind, dimensions. A periodic axis must be longer than twice the hop length; a reflecting "
                + "axis removes hops across its faces (zero flux; add kmc.reservoir for a sink).",
            "a: length (Å); volume in Å^3, density in cm^-3",
            "unknown kind; cells not a positive int or list of 3; a periodic axis too short: \"periodic axis 2 is ... Å long; it "
                + "must exceed twice the longest hop\"",
            "coordination and jump lengths: sc z = 6, λ = a; bcc z = 8, λ = a√3/2; fcc z = 12, λ = a/√2; diamond z = 4, λ = a√3/4",
            "kmc.clathrate, kmc.run, kmc.reservoir"),
            KmcLib::lattice,
            Param.required("kind", "string", "\"sc\", \"bcc\", \"fcc\", \"diamond\", \"chain\" or \"clathrate\""),
            Param.required("cells", "int|list", "conventional cells per axis: an int or [nx, ny, nz]"),
            Param.required("a", "length", "lattice parameter (chain: site spacing)"),
            Param.optional("boundary", "string|list", "periodic", "\"periodic\", \"reflecting\", or a list of 3")));
        m.add(new NativeFunction("from_structure", "kmc lattice", new Doc(
            "kMC lattice from a structure: the sublattice of the mobile species plus its migration paths",
            "kmc.from_structure(s, mobile = \"Na\", framework = \"Si\", cells = 1, cutoff = 6.5 Å, bond = 2.6 Å, max_ring = 6)",
            "let lat = kmc.from_structure(structure.na24si136(), cells = 2)\nprint(lat.site_types, lat.paths)   "
                + "# [Si20, Si28] [Si20-Si20, Si28-Si20, Si28-Si28]\n"
                + "kmc.from_structure(structure.crystal(spacegroup = 229, a = 3.5 Å, sites = [{species: \"Li\", wyckoff: \"a\"}]), "
                + "mobile = \"Li\", framework = none, cells = 4, cutoff = 3.1 Å)",
            "Sites are the atoms of `mobile` in the structure, repeated over cells (periodic). Hops are all `mobile`-`mobile` "
                + "vectors shorter than cutoff, grouped into classes by the structure's space group exactly as "
                + "structure.migration_paths does; each class is a path of the lattice (barrier-table key) and both directions "
                + "are events. With a framework element, sites are typed by their cage (e.g. Si20, Si28: the cage's framework "
                + "atom count) and paths are named by the two cages (Si20-Si20, Si28-Si20, Si28-Si28); with framework = none "
                + "site types are the site labels. Every hop has environment \"bulk\".",
            "cutoff, bond: length (Å)",
            "no mobile atoms in the structure; no hop shorter than cutoff; a periodic axis shorter than twice the longest hop.",
            "seed 000 (Iwasaki et al., Adv. Mater. 34, 2106754 (2022)) Table 1 paths; structure.migration_paths",
            "kmc.lattice, kmc.clathrate, kmc.run, structure.migration_paths"),
            KmcLib::fromStructure,
            Param.required("s", "structure", "structure"),
            Param.optional("mobile", "string", "Na", "mobile element"),
            Param.optional("framework", "string|none", "Si", "framework element forming cages, or none"),
            Param.optional("cells", "int|list", 1L, "cells per axis: an int or [nx, ny, nz]"),
            Param.optional("cutoff", "length", Quantity.of(6.5, "Å"), "longest hop"),
            Param.optional("bond", "length", Quantity.of(2.6, "Å"), "framework bond cutoff (cages)"),
            Param.optional("max_ring", "int", 6L, "largest cage face ring")));
        m.add(new NativeFunction("clathrate", "kmc lattice", new Doc(
            "The Na24Si136 cage lattice (16 Si20 + 8 Si28 cages per cell) with framework Si vacancies at 96g, 32e and 8a",
            "kmc.clathrate(cells = 1, a = 14.770535 Å, boundary = \"periodic\", vacancy_8a = 0.0, seed = 1, vacancy_32e = 0.0, "
                + "vacancy_96g = 0.0)",
            "let lat = kmc.clathrate(cells = [2, 2, 6], vacancy_8a = 0.6, boundary = [\"periodic\", \"periodic\", \"reflecting\"])\n"
                + "print(lat.environments)          # [\"bulk\", \"8a\"]",
            "Cage centres of the type-II clathrate (Fd-3m): Si28 on a diamond lattice, Si20 on the pyrochlore lattice. Each Si20 "
                + "has 6 Si20 + 6 Si28 neighbour cages, each Si28 12 Si20 + 4 Si28. Fractions vacancy_96g, vacancy_32e, vacancy_8a of "
                + "the framework Si at those Wyckoff sites (seed 000 sites 1, 2, 3) are removed at random (fixed by seed). Each Si is "
                + "shared by four cages (96g: 2 Si28 + 2 Si20; 32e: Si28 + 3 Si20; 8a: 4 Si20); the hops among the four cages "
                + "around a missing Si cross a face containing it and get the environment \"96g\", \"32e\" or \"8a\", and the "
                + "Si28-Si20 hops next to a 96g vacancy \"96g A\" (into the Si28 cage nearer to the vacancy) or \"96g B\" (the "
                + "farther one; the A/B assignment to Table 1's paths A and B is ours). A hop next to two vacancies keeps the first of "
                + "8a, 96g, 32e. These labels match Table 1 read with kmc.barriers(..., environment = \"wyckoff\"), where a path "
                + "written \"Si28-Si20 (path A)\" keys environment \"96g A\". Member si_vacancies counts the vacancies per site.",
            "a: length; vacancy_*: fractions of the Wyckoff site (0..1)",
            "a fraction outside 0..1; a periodic axis shorter than twice the longest hop (use at least 1 cell).",
            "seed 000 (Iwasaki et al., Adv. Mater. 34, 2106754 (2022)): structure Fd-3m, a = 14.770535 Å (DFT), Table 1, "
                + "Figure 6; site 3 (8a) is shared by four Si20 cages",
            "kmc.lattice, kmc.barriers, kmc.run"),
            KmcLib::clathrate,
            Param.optional("cells", "int|list", 1L, "conventional cells per axis: an int or [nx, ny, nz]"),
            Param.optional("a", "length", Quantity.of(ClathrateLattices.A_DFT, "Å"), "lattice parameter"),
            Param.optional("boundary", "string|list", "periodic", "\"periodic\", \"reflecting\", or a list of 3"),
            Param.optional("vacancy_8a", "number", 0.0, "fraction of framework Si at 8a that is missing"),
            Param.optional("seed", "int", 1L, "seed of the vacancy placement"),
            Param.optional("vacancy_32e", "number", 0.0, "fraction of framework Si at 32e that is missing"),
            Param.optional("vacancy_96g", "number", 0.0, "fraction of framework Si at 96g that is missing")));
        m.add(new NativeFunction("barriers", "kmc barriers", new Doc(
            "A barrier table for kMC from a table (CSV with units) or a list of records",
            "kmc.barriers(rows, species = \"*\", nu0 = 1e13 Hz, path = \"path\", barrier = \"barrier\", environment = \"environment\")",
            "let b = kmc.barriers(table(\"table1_barriers.csv\"), species = \"Na\", environment = \"wyckoff\")\n"
                + "kmc.barriers([{path: \"nn\", barrier: 0.4 eV}])\nprint_table(b.rows)",
            "One entry per row: the hop of the species on the path (column path) in the local environment (column environment; "
                + "\"-\", \"none\" or empty means any environment) gets the rate ν0·exp(−Ea/kB T) with Ea from column barrier. "
                + "A row may carry its own species and nu0 fields. Lookup for a hop: (species, path, environment), (species, path, "
                + "any), (any, path, environment), (any, path, any). A variant of a path written \"P (path X)\" with environment E is "
                + "stored as path P in environment \"E X\" (Table 1: \"Si28-Si20 (path A)\" next to 96g keys \"96g A\", the label "
                + "kmc.clathrate gives those hops). kmc.run fails when a hop of the mobile species finds no entry.",
            "barrier: energy (eV, meV, kJ/mol); nu0: frequency",
            "a row that is not a record; a row without a path; a barrier that is not an energy (\"... has barrier 0.3, expected "
                + "an energy\"); a non-finite barrier or ν0 ≤ 0.",
            "Arrhenius / harmonic transition-state theory (Vineyard, J. Phys. Chem. Solids 3, 121 (1957)); Table 1 of seed 000",
            "kmc.run, table"),
            KmcLib::barriers,
            Param.required("rows", "table|list", "table or list of records"),
            Param.optional("species", "string", "*", "species the rows apply to (\"*\" = any)"),
            Param.optional("nu0", "frequency", NU0, "attempt frequency of every row without its own nu0"),
            Param.optional("path", "string", "path", "column with the path name"),
            Param.optional("barrier", "string", "barrier", "column with the barrier"),
            Param.optional("environment", "string", "environment", "column with the environment label")));
        m.add(new NativeFunction("program", "temperature program", new Doc(
            "A temperature program T(t) of ramps and holds for kmc.run",
            "kmc.program(start, steps)",
            "let p = kmc.program(25 degC, [{ramp: 450 degC, rate: 5 degC/min}, {dwell: 8 d}])\nprint(p.duration, p.at(30 min))",
            "Piecewise-linear T(t) from start: {ramp: T, rate: r} (or {to: T, rate: r}, the arguments of a device's "
                + "ramp(to, rate)) ramps to T at |r|, {dwell: d} or {hold: d} holds — the ramp/hold vocabulary "
                + "of the procedure runtime. After the last step T stays constant. kmc.run integrates the time-dependent total "
                + "rate exactly: the waiting time solves ∫R(T(s))ds = −ln u (Gauss–Legendre quadrature on sub-intervals of 0.5 K, "
                + "Newton solve), the event is then chosen with the rates at the new time.",
            "start, ramp targets: absolute temperatures; rate: K/min or degC/min; hold: time; duration in h",
            "a step that is neither ramp nor hold; temperatures ≤ 0 K; a zero ramp rate; a negative hold.",
            "non-homogeneous Poisson process: Prados, Brey & Sánchez-Rey, J. Stat. Phys. 89, 709 (1997); Jansen, Comput. Phys. "
                + "Commun. 86, 1 (1995)",
            "kmc.run"),
            KmcLib::program,
            Param.required("start", "temperature", "temperature at t = 0"),
            Param.required("steps", "list", "records {ramp, rate} or {dwell}")));
        m.add(new NativeFunction("reservoir", "kmc reservoir", new Doc(
            "A sink/source face: sites near one face of the lattice exchange ions with an outside phase",
            "kmc.reservoir(lattice, face = \"z-\", depth = 1 Å, extract = none, inject = none, species = \"Na\", nu0 = 1e13 Hz, name = none, "
                + "capacity = none)",
            "let sink = kmc.reservoir(lat, face = \"z-\", extract = 1e7 Hz)        # Na-absorbing NASICON layer\n"
                + "let eq = kmc.reservoir(lat, face = \"z-\", extract = 1e6 Hz, inject = 1e5 Hz)\n"
                + "let vac = kmc.reservoir(lat, face = \"z-\", extract = 0.3 eV, capacity = 60)   # closes after 60 ions",
            "Every site within depth of the face (x-, x+, y-, y+, z-, z+) gets an extraction event (occupied → empty, the ion leaves) "
                + "and/or an injection event (empty → occupied). A rate is a frequency (fixed) or an energy (barrier with nu0). "
                + "A pure sink models the ADC cell's Na-deficient NASICON interface (the driving force of seed 000); extraction "
                + "plus injection holds the face at the occupancy inject/(inject + extract). Use a reflecting axis for the face. "
                + "capacity = N models a face that closes as the extracted ions pile up outside it (seed 000: Na volatilised "
                + "in vacuum forms Na2CO3 that covers the surface and stops extraction): the covered fraction is n/N after n "
                + "ions, so the extraction rate of every face site is multiplied by max(0, 1 − n/N) and the face is closed after "
                + "N ions; injection is not affected.",
            "depth: length; extract, inject: frequency (Hz) or energy (eV); nu0: frequency",
            "neither extract nor inject; a negative or non-finite rate: \"kmc.reservoir: extraction rate -1 Hz: rate must be "
                + "finite and > 0\"; a face other than x-/x+/y-/y+/z-/z+; a capacity that is not > 0, or a capacity without "
                + "extract.",
            "seed 000 (ADC cell: Na24Si136 on NASICON, 50 V keeps a Na-deficient layer at the interface)",
            "kmc.run, kmc.lattice"),
            KmcLib::reservoir,
            Param.required("lattice", "lattice", "kmc lattice"),
            Param.optional("face", "string", "z-", "face: x-, x+, y-, y+, z-, z+"),
            Param.optional("depth", "length", Quantity.of(1, "Å"), "thickness of the face layer"),
            Param.optional("extract", "frequency|energy|none", None.INSTANCE, "extraction rate (Hz) or barrier (eV)"),
            Param.optional("inject", "frequency|energy|none", None.INSTANCE, "injection rate (Hz) or barrier (eV)"),
            Param.optional("species", "string", "Na", "species exchanged"),
            Param.optional("nu0", "frequency", NU0, "attempt frequency for barriers"),
            Param.optional("name", "string|none", None.INSTANCE, "name in reports (default: the face)"),
            Param.optional("capacity", "number", None.INSTANCE, "ions after which the face is closed (extraction rate × (1 − n/capacity))")));
        m.add(new NativeFunction("run", "record", new Doc(
            "Runs lattice kMC (BKL) and returns diffusion coefficients, conductivity, occupancy and depth profiles with units",
            "kmc.run(lattice, barriers = none, t, time = none, events = none, species = \"Na\", concentration = 1.0, "
                + "vacancies = none, reservoirs = none, rate = none, samples = 10, profile_bins = 0, axis = \"z\", seed = 1, "
                + "replicas = 1, threads = 1, nu0 = 1e13 Hz, charge = 1, site_energies = none, executor = \"auto\")",
            "let r = kmc.run(lat, b, t = 450 degC, time = 1 us, concentration = 0.5, replicas = 8, threads = 2)\n"
                + "print(r.d_tracer, r.d_jump, r.haven, r.sigma)\n"
                + "let f = kmc.run(kmc.lattice(\"fcc\", 4, 3 Å), b, t = 600 K, events = 20000, vacancies = 1).f\n"
                + "kmc.run(lat, t = 300 K, events = 1000, rate = fn(hop) => 0.3 eV + 0.05 eV * hop.neighbours)",
            "Rejection-free kMC: every hop of a mobile ion to an empty neighbour site is an event with rate ν0·exp(−Ea/kB T) "
                + "(Ea from barriers, or from the script function rate(hop) which receives {path, environment, from_type, "
                + "to_type, neighbours (occupied neighbours of the target), distance, t} and returns a barrier, a rate or none). "
                + "Events are chosen in O(log C) from a sum tree of rate classes with local updates; time advances by exponential "
                + "waiting times (exact for a temperature program). Sites start filled with the species at the given site "
                + "fraction (random, fixed by seed) or full with a number of vacancies. Runs for a simulated time or a number of "
                + "events; replicas run in parallel with independent streams (replica i uses stream i of seed: the results do not "
                + "depend on threads). Result fields: time, events, replicas, temperature, particles, extracted, d_tracer = "
                + "⟨R²⟩/(2dt), d_jump = ⟨|ΣR|²⟩/(2dNt), haven = d_tracer/d_jump, f = Δ(ΣR²)/Δ(Σλ²) over the second half of the run (tracer correlation factor; the slope removes the short-time offset of R²), "
                + "sigma = n q² d_jump/(kB T) (Nernst–Einstein, n = carriers/volume), each with _err = standard error over "
                + "replicas (none for one replica), except f_err: the standard error of f from blocks of 100 hops per particle "
                + "in the second half of every replica (ratio estimate over the blocks; it shrinks as 1/√events, while the "
                + "spread of whole-run values does not; with fewer than 2 blocks the replica spread), and haven_err, "
                + "propagated from d_tracer_err and d_jump_err (covariance neglected: an upper bound); series (table: t, T, N, msd, extracted, occ_<site type>), profile (depth, "
                + "start, end site fraction) and profiles (t, depth, fraction) when profile_bins > 0, hops per path. "
                + "site_energies = {type: E, ...} gives the ion an energy per site type (absent types 0 eV); the tabulated "
                + "barrier is then the kinetically resolved one, E_KRA, and a hop from a site of energy E_i to one of E_j gets "
                + "Ea = E_KRA + (E_j − E_i)/2, so forward and backward rates obey detailed balance (k_ij/k_ji = exp(−(E_j − E_i)/kB T)) "
                + "and the occupancies relax to θ/(1 − θ) ∝ exp(−E/kB T) per site type.",
            "t: absolute temperature or a kmc.program; time: time; D in cm^2/s, sigma in S/cm, msd in Å^2, depth in Å",
            "a hop without a barrier: \"kmc.run: no barrier for species Na on path Si20-Si20 in environment bulk\"; a site energy for a "
                + "site type the lattice does not have, or one that is not an energy; site_energies with rate = fn; no mobile ion "
                + "(concentration 0 and no injecting reservoir): \"the lattice holds no particle of a mobile species\"; a rate "
                + "function returning a negative or non-finite rate names the hop; both or neither of time and events.",
            SRC_BKL + "; tracer correlation factors: Compaan & Haven, Trans. Faraday Soc. 52, 786 (1956); Haven ratio and "
                + "collective diffusion: Murch, Solid State Ionics 7, 177 (1982); kinetically resolved activation barrier: Van der "
                + "Ven, Ceder, Asta & Tepesch, Phys. Rev. B 64, 184307 (2001)",
            "kmc.lattice, kmc.clathrate, kmc.barriers, kmc.program, kmc.reservoir, nernst_einstein"),
            KmcLib::run,
            Param.required("lattice", "lattice", "kmc lattice"),
            Param.optional("barriers", "barriers|none", None.INSTANCE, "kmc barriers"),
            Param.required("t", "temperature|program", "temperature or kmc.program"),
            Param.optional("time", "time", None.INSTANCE, "simulated time"),
            Param.optional("events", "int", None.INSTANCE, "number of events"),
            Param.optional("species", "string", "Na", "mobile species"),
            Param.optional("concentration", "number", 1.0, "initial site fraction of the species"),
            Param.optional("vacancies", "int", None.INSTANCE, "start full with this many vacancies"),
            Param.optional("reservoirs", "reservoir|list|none", None.INSTANCE, "kmc reservoir or list"),
            Param.optional("rate", "function", None.INSTANCE, "rate(hop) → barrier, rate or none"),
            Param.optional("samples", "int", 10L, "sampling points of the series"),
            Param.optional("profile_bins", "int", 0L, "slabs of the depth profile (0 = none)"),
            Param.optional("axis", "string", "z", "depth axis"),
            Param.optional("seed", "int", 1L, "master seed"),
            Param.optional("replicas", "int", 1L, "independent replicas"),
            Param.optional("threads", "int", 1L, "worker threads"),
            Param.optional("nu0", "frequency", NU0, "attempt frequency for barriers from a rate function"),
            Param.optional("charge", "int", 1L, "charge number of the ion"),
            Param.optional("site_energies", "record|none", None.INSTANCE, "energy of the ion per site type, e.g. {Si20: 0.2 eV}"),
            Param.optional("executor", "string", "auto", "where the replicas run: \"auto\" (adc run --executor), \"local\" or "
                + "\"slurm\" (one task per replica; docs/cluster.md)")));
        return m;
    }
}
