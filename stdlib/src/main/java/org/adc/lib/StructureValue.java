package org.adc.lib;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.structure.Defects;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.Supercells;
import org.adc.structure.neighbor.NeighborList;
import org.adc.symmetry.SymmetryDataset;
import org.adc.symmetry.SymmetryFinder;
import org.adc.units.Quantity;

/**
 * A crystal structure as a script value (immutable): {@code s.formula}, {@code s.natoms}, {@code s.a},
 * {@code s.volume}, {@code s.sites}, {@code s.spacegroup}; methods {@code s.supercell(2)}, {@code s.remove(i)},
 * {@code s.vacancy(i)}, {@code s.substitute(i, "Ge")}, {@code s.neighbors(i, 3 Å)}, {@code s.coordination(2.6 Å)},
 * {@code s.indices("Na28")}, {@code s.write("x.cif")}, {@code s.summary()}. {@code print(s)} shows the summary.
 * Lengths are quantities in Å, angles in degrees.
 */
public final class StructureValue implements HasMembers {
    private static final List<String> MEMBERS = List.of("formula", "title", "natoms", "species", "elements", "a", "b", "c", "alpha",
        "beta", "gamma", "lattice", "cell", "positions", "volume", "density", "sites", "wyckoff", "spacegroup", "site", "indices", "count",
        "distance", "supercell", "remove", "vacancy", "substitute", "interstitial", "frenkel", "ordered", "place_group", "standardize", "primitive",
        "neighbors", "coordination", "write", "format", "summary");
    private static final String RELATED = "structure.read, structure.symmetry, structure.cages, structure.migration_paths";

    private final Structure s;
    private SymmetryDataset sym;   // detected lazily with the default tolerance

    public StructureValue(Structure s) {
        this.s = s;
    }

    public Structure structure() {
        return s;
    }

    static Quantity len(double angstrom) {
        return Quantity.of(angstrom, "Å");
    }

    static Quantity deg(double degrees) {
        return Quantity.of(degrees, "deg");
    }

    /** Symmetry with the default tolerance (1e-3 Å), cached; null if detection fails. */
    SymmetryDataset symmetry() {
        if (sym == null) {
            try {
                sym = SymmetryFinder.find(s, SymmetryFinder.DEFAULT_SYMPREC);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return sym;
    }

    private String[] wyckoffLabels;

    /** Wyckoff labels: as built, or detected for derived structures and files (cached). */
    String[] wyckoffLabels() {
        if (wyckoffLabels == null) wyckoffLabels = SymmetryFinder.wyckoffLabels(s, SymmetryFinder.DEFAULT_SYMPREC);
        return wyckoffLabels;
    }

    static Record siteRecord(Structure s, int i) { return siteRecord(s, i, s.site(i).wyckoff()); }

    static Record siteRecord(Structure s, int i, String wyckoff) {
        Site x = s.site(i);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("index", (long) i);
        f.put("label", x.label());
        f.put("species", x.species());
        f.put("wyckoff", wyckoff == null ? None.INSTANCE : wyckoff);
        f.put("x", x.frac(0));
        f.put("y", x.frac(1));
        f.put("z", x.frac(2));
        f.put("occupancy", x.occupancy());
        return new Record(f);
    }

    private int index(Args a, int i) {
        long k = a.integer(i);
        long n = s.size();
        long j = k < 0 ? k + n : k;
        if (j < 0 || j >= n) {
            throw new AdcError("site index " + k + " out of range for a structure of " + n + " atoms",
                "valid indices are 0 .. " + (n - 1) + "; s.indices(\"Na28\") finds sites by label or species");
        }
        return (int) j;
    }

    private NativeFunction method(String name, String returns, String summary, String syntax, String example, String description,
                                  String errors, java.util.function.Function<Args, Object> body, Param... params) {
        return new NativeFunction(name, returns, new Doc(summary, syntax, example, description,
            "lengths in Å (any length unit accepted as input), angles in degrees", errors,
            "org.adc.structure (see stdlib/README-structure.md)", RELATED), a -> StructureLib.guard(() -> body.apply(a)), params);
    }

    @Override
    public Object member(String name) {
        double[] p = s.lattice().parameters();
        switch (name) {
            case "formula":
                return s.formula();
            case "title":
                return s.title() == null ? "" : s.title();
            case "natoms":
                return (long) s.size();
            case "species": {
                List<Object> l = new ArrayList<>();
                for (Site x : s.sites()) {
                    l.add(x.species());
                }
                return new AdcList(l);
            }
            case "positions":
                return AtomsValue.vectors(s.cartesianPositions());
            case "elements":
                return new AdcList(s.composition().keySet());
            case "a":
                return len(p[0]);
            case "b":
                return len(p[1]);
            case "c":
                return len(p[2]);
            case "alpha":
                return deg(p[3]);
            case "beta":
                return deg(p[4]);
            case "gamma":
                return deg(p[5]);
            case "lattice": {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("a", len(p[0]));
                f.put("b", len(p[1]));
                f.put("c", len(p[2]));
                f.put("alpha", deg(p[3]));
                f.put("beta", deg(p[4]));
                f.put("gamma", deg(p[5]));
                f.put("volume", Quantity.of(s.lattice().volume(), "Å^3"));
                return new Record(f);
            }
            case "cell": {
                List<Object> rows = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    double[] v = s.lattice().vector(i);
                    rows.add(AdcList.of(len(v[0]), len(v[1]), len(v[2])));
                }
                return new AdcList(rows);
            }
            case "volume":
                return Quantity.of(s.lattice().volume(), "Å^3");
            case "density": {
                double mass = 0;
                for (Site x : s.sites()) {
                    mass += x.occupancy() * (org.adc.chem.Elements.isElement(x.species()) ? org.adc.chem.Elements.mass(x.species()) : 0);
                }
                return Quantity.of(mass * 1.66053906660e-24 / (s.lattice().volume() * 1e-24), "g/cm^3");
            }
            case "sites": {
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    l.add(siteRecord(s, i, wyckoffLabels()[i]));
                }
                return new AdcList(l);
            }
            case "wyckoff": {
                List<Object> l = new ArrayList<>();
                for (String w : wyckoffLabels()) {
                    l.add(w == null ? None.INSTANCE : w);
                }
                return new AdcList(l);
            }
            case "spacegroup": {
                SymmetryDataset d = symmetry();
                if (d == null) {
                    return None.INSTANCE;
                }
                return StructureLib.symmetryRecord(d, SymmetryFinder.DEFAULT_SYMPREC);
            }
            case "site":
                return method("site", "record", "One site as a record", "s.site(index)", "s.site(0).wyckoff    # \"96g\"",
                    "Fields: index, label, species, wyckoff (or none), x, y, z (fractional), occupancy. Negative indices count from the end.",
                    "an index out of range", a -> { int k = index(a, 0); return siteRecord(s, k, wyckoffLabels()[k]); }, Param.required("index", "int", "site index, 0-based"));
            case "indices":
                return method("indices", "list", "Indices of the sites with a label, species or Wyckoff label",
                    "s.indices(name)", "s.indices(\"Na28\")    # the 8 Na in Si28 cages\ns.indices(\"Si\")\ns.indices(\"96g\")",
                    "Sites whose label, species or Wyckoff label (e.g. \"96g\") equals name, in ascending order (empty list if none).",
                    "none", a -> {
                        String n = a.string(0);
                        AdcList out = new AdcList();
                        String[] wl = wyckoffLabels();
                        for (int i = 0; i < s.size(); i++) {
                            Site x = s.site(i);
                            if (n.equals(x.label()) || n.equals(x.species()) || n.equals(wl[i])) {
                                out.add((long) i);
                            }
                        }
                        return out;
                    }, Param.required("name", "string", "label, element or Wyckoff label"));
            case "count":
                return method("count", "number", "Number of atoms of an element (occupancy-weighted)", "s.count(species)",
                    "s.count(\"Na\")    # 24", "Sum of the occupancies of the sites of that element; 0 if absent.", "none",
                    a -> {
                        Double c = s.composition().get(a.string(0));
                        double v = c == null ? 0 : c;
                        return v == Math.rint(v) ? (Object) (long) v : (Object) v;
                    }, Param.required("species", "string", "element symbol"));
            case "distance":
                return method("distance", "length", "Minimum-image distance between two sites", "s.distance(i, j)",
                    "s.distance(0, 1)", "Shortest distance between sites i and j over all periodic images (Å).", "indices out of range",
                    a -> len(s.distance(index(a, 0), index(a, 1))), Param.required("i", "int", "first site"),
                    Param.required("j", "int", "second site"));
            case "supercell":
                return method("supercell", "structure", "A supercell: repeat counts or a 3×3 integer matrix",
                    "s.supercell(n)\ns.supercell(na, nb, nc)\ns.supercell([[1, 1, 0], [-1, 1, 0], [0, 0, 1]])",
                    "structure.diamond(\"Si\").supercell(2)          # 64 atoms\ns.supercell(2, 2, 1)",
                    "New lattice vectors are the rows of P·cell (ASE's make_supercell convention); the supercell holds |det P| copies "
                        + "of every site, with labels and Wyckoff letters kept.",
                    "a singular matrix, a non-integer entry or a non-positive repeat count", this::supercell,
                    Param.required("n", "int|list", "repeats along a (or all axes), or a 3×3 integer matrix"),
                    Param.optional("nb", "int|none", None.INSTANCE, "repeats along b"), Param.optional("nc", "int|none", None.INSTANCE, "repeats along c"));
            case "remove":
            case "vacancy":
                return method(name, "structure", "A copy without one site (a vacancy)", "s." + name + "(index)",
                    "let na28 = s.indices(\"Na28\")[0]\nlet d = s." + name + "(na28)", "Removes the site; indices above it shift down by one."
                        + (name.equals("vacancy") ? " The title records the removed label." : ""),
                    "an index out of range", a -> {
                        int i = index(a, 0);
                        return new StructureValue(name.equals("vacancy") ? Defects.vacancy(s, i) : s.remove(i));
                    }, Param.required("index", "int", "site index"));
            case "substitute":
                return method("substitute", "structure", "A copy with one site's element replaced", "s.substitute(index, species)",
                    "s.substitute(0, \"Ge\")", "Same position, occupancy and Wyckoff label; the label follows the new element when it was the element.",
                    "an index out of range", a -> new StructureValue(Defects.substitution(s, index(a, 0), a.string(1))),
                    Param.required("index", "int", "site index"), Param.required("species", "string", "new element"));
            case "interstitial":
                return method("interstitial", "structure", "A copy with an extra atom at a fractional position",
                    "s.interstitial(species, position, min_distance = 1 Å)", "structure.diamond(\"Si\").interstitial(\"Li\", [0.5, 0.5, 0.5])",
                    "Adds a site at the fractional position [x, y, z]; refuses positions closer than min_distance to an existing atom.",
                    "a position closer than min_distance to another atom", a -> new StructureValue(Defects.interstitial(s, a.string(0),
                        StructureLib.fractional(a, 1), StructureLib.length(a, 2))),
                    Param.required("species", "string", "element"), Param.required("position", "list", "fractional [x, y, z]"),
                    Param.optional("min_distance", "length", len(1.0), "smallest allowed distance to other atoms"));
            case "frenkel":
                return method("frenkel", "structure", "A Frenkel pair: one atom moved to an interstitial position",
                    "s.frenkel(index, position, min_distance = 1 Å)", "structure.diamond(\"Si\").frenkel(0, [0.5, 0.5, 0.5])",
                    "The atom keeps its index and element and moves to the fractional position [x, y, z] (its old site becomes the "
                        + "vacancy); its label becomes element + \"_i\".",
                    "an index out of range; a position closer than min_distance to another atom",
                    a -> new StructureValue(Defects.frenkelPair(s, index(a, 0), StructureLib.fractional(a, 1), StructureLib.length(a, 2))),
                    Param.required("index", "int", "atom to displace"), Param.required("position", "list", "fractional [x, y, z]"),
                    Param.optional("min_distance", "length", len(1.0), "smallest allowed distance to other atoms"));
            case "ordered":
                return method("ordered", "structure", "One random ordering of the partial occupancies (seeded, reproducible)",
                    "s.ordered(seed)", "let half = structure.crystal(spacegroup = 227, a = 14.77 Å, sites = [{species: \"Na\", wyckoff: \"c\", occupancy: 0.5}])\nlet one = half.ordered(42)    # 8 of the 16 Na",
                    "For each site label with occupancy p < 1 over n sites, round(p·n) of those sites are kept (occupancy 1) and the "
                        + "rest removed, chosen with the given seed (java.util.Random); a position already taken by a kept site of "
                        + "another label is skipped. The same seed gives the same structure.",
                    "none", a -> new StructureValue(Defects.orderPartialOccupancies(s, a.integer(0))),
                    Param.required("seed", "int", "random seed"));
            case "neighbors":
                return method("neighbors", "list", "Neighbours of one site within a cutoff, nearest first",
                    "s.neighbors(index, cutoff)", "for n in s.neighbors(0, 2.6 Å) { print(n.species, n.distance) }",
                    "Periodic neighbour list (cell lists, any triclinic cell): records {index, label, species, distance, image} "
                        + "with image the integer lattice translation of the neighbour, sorted by distance.",
                    "a cutoff that is not a positive length; cells so thin that > 200000 images would be searched", a -> {
                        int i = index(a, 0);
                        double rc = StructureLib.length(a, 1);
                        NeighborList nl = NeighborList.build(s.cartesianPositions(), s.cell(), rc);
                        List<Record> out = new ArrayList<>();
                        List<Double> dist = new ArrayList<>();
                        for (int q = nl.start(i); q < nl.end(i); q++) {
                            int j = nl.neighbor(q);
                            Map<String, Object> f = new LinkedHashMap<>();
                            f.put("index", (long) j);
                            f.put("label", s.site(j).label());
                            f.put("species", s.site(j).species());
                            f.put("distance", len(nl.distance(q)));
                            f.put("image", AdcList.of((long) nl.shift(q, 0), (long) nl.shift(q, 1), (long) nl.shift(q, 2)));
                            out.add(new Record(f));
                            dist.add(nl.distance(q));
                        }
                        Integer[] order = new Integer[out.size()];
                        for (int k = 0; k < order.length; k++) {
                            order[k] = k;
                        }
                        java.util.Arrays.sort(order, (x, y) -> Double.compare(dist.get(x), dist.get(y)));
                        AdcList l = new AdcList();
                        for (Integer k : order) {
                            l.add(out.get(k));
                        }
                        return l;
                    }, Param.required("index", "int", "site index"), Param.required("cutoff", "length", "cutoff radius, e.g. 2.6 Å"));
            case "coordination":
                return method("coordination", "list", "Coordination number of every site within a cutoff",
                    "s.coordination(cutoff, neighbor = none)", "let cn = s.coordination(2.6 Å, neighbor = \"Si\")\nprint(cn[0])     # 4",
                    "List with one integer per site: the number of neighbours within cutoff (periodic images included), counting "
                        + "only neighbours of element `neighbor` when given.",
                    "a cutoff that is not a positive length", a -> {
                        double rc = StructureLib.length(a, 0);
                        String only = a.has(1) ? a.string(1) : null;
                        NeighborList nl = NeighborList.build(s.cartesianPositions(), s.cell(), rc);
                        AdcList out = new AdcList();
                        for (int i = 0; i < s.size(); i++) {
                            long c = 0;
                            for (int q = nl.start(i); q < nl.end(i); q++) {
                                if (only == null || s.site(nl.neighbor(q)).species().equals(only)) {
                                    c++;
                                }
                            }
                            out.add(c);
                        }
                        return out;
                    }, Param.required("cutoff", "length", "cutoff radius"),
                    Param.optional("neighbor", "string", None.INSTANCE, "count only neighbours of this element"));
            case "write":
                return method("write", "none", "Writes the structure to a file in the run directory",
                    "s.write(path, format = none, tolerance = 1e-3 Å, sort = false)", "s.write(\"Na24Si136.cif\")\ns.write(\"POSCAR\")\ns.write(\"cell.xyz\", format = \"extxyz\")\ns.write(\"Na24Si136_sym.cif\", format = \"cif-symmetrized\")",
                    StructureLib.FORMATS_WRITE, "an unknown format or a name that gives no hint; the sandbox refuses paths outside the run directory",
                    a -> {
                        StructureLib.write(a, s, a.string(0), a.has(1) ? a.string(1) : null, StructureLib.length(a, 2), a.bool(3));
                        return None.INSTANCE;
                    }, Param.required("path", "string", "output file, relative to the run directory").writes(),
                    Param.optional("format", "string", None.INSTANCE, "cif, cif-symmetrized, poscar, extxyz or lammps-data (default: from the name)"),
                    Param.optional("tolerance", "length", len(1e-3), "symmetry tolerance for cif-symmetrized"),
                    Param.optional("sort", "bool", Boolean.FALSE, "POSCAR: group atoms by species (default: keep the structure's order)"));
            case "format":
                return method("format", "string", "The structure as file text", "s.format(format)",
                    "print(structure.diamond(\"Si\").format(\"poscar\"))", StructureLib.FORMATS_WRITE, "an unknown format",
                    a -> org.adc.structure.io.StructureIO.format(s, a.string(0), StructureLib.length(a, 1)),
                    Param.required("format", "string", "cif, cif-symmetrized, poscar, extxyz or lammps-data"),
                    Param.optional("tolerance", "length", len(1e-3), "symmetry tolerance for cif-symmetrized"));
            case "standardize":
                return method("standardize", "structure", "The structure in the standard conventional cell of its space group",
                    "s.standardize(tolerance = 1e-3 Å)", "let c = structure.read(\"NaCl_primitive.cif\").standardize()    # 8 atoms, Fm-3m\nprint(c)",
                    "Detects the space group within tolerance and returns the structure in the group's standard conventional "
                        + "setting (ITA; origin choice 2, hexagonal axes for R): lattice from the conventional basis (same Cartesian "
                        + "orientation), all centring copies, coordinates wrapped to [0,1), every site labelled with its Wyckoff "
                        + "position (e.g. \"96g\"). The origin is one of the standard origins (positions related by the Euclidean "
                        + "normalizer, e.g. 8a/8b of Fd-3m, may be exchanged). As spglib's standardize_cell(to_primitive = False).",
                    "a failed detection (see structure.symmetry)",
                    a -> new StructureValue(org.adc.symmetry.SymmetryFinder.standardize(s, StructureLib.length(a, 0))),
                    Param.optional("tolerance", "length", len(1e-3), "symmetry tolerance"));
            case "primitive":
                return method("primitive", "structure", "The structure in a reduced primitive cell",
                    "s.primitive(tolerance = 1e-3 Å)", "structure.na24si136().primitive().natoms    # 40\nstructure.diamond(\"Si\").supercell(2).primitive().natoms    # 2",
                    "Finds the pure translations within tolerance and returns one copy of each atom per lattice point in the "
                        + "reduced (Minkowski-type) primitive basis, in the same Cartesian orientation; species, occupancy, "
                        + "labels and Wyckoff letters are kept. As spglib's find_primitive, without moving the atoms.",
                    "a failed detection (see structure.symmetry)",
                    a -> new StructureValue(org.adc.symmetry.SymmetryFinder.primitive(s, StructureLib.length(a, 0))),
                    Param.optional("tolerance", "length", len(1e-3), "symmetry tolerance"));
            case "place_group":
                return method("place_group", "structure", "Replaces one atom by a rigid molecule or cluster ion with an orientation",
                    "s.place_group(index, group, euler = none, orientation = none)",
                    "let s = structure.antiperovskite(\"Na\", \"O\", \"B\", a = 4.70 Å)\nlet b = s.place_group(s.indices(\"B\")[0], \"BH4\")\n"
                        + "let r = s.place_group(s.indices(\"B\")[0], \"BH4\", euler = [45 deg, 0 deg, 0 deg])",
                    "The atom at index becomes the centre of the group; the group's atoms are appended at the end with labels "
                        + "\"BH4:B\", \"BH4:H\", .... group is \"BH4\" (tetrahedral, B-H 1.21 Å, H along (1,1,1), (1,-1,-1), "
                        + "(-1,1,-1), (-1,-1,1)), \"NH2\" (N-H 1.02 Å, H-N-H 104.5°, in the xz plane, bisector along +z), or a record "
                        + "{name, species: [..], offsets: [[x, y, z], ..]} with Cartesian offsets (lengths) from the centre atom. "
                        + "Orientation: euler = [α, β, γ] (Z-Y-Z Euler angles, R = Rz(α)·Ry(β)·Rz(γ)) or orientation = a 3×3 proper "
                        + "rotation matrix acting on the offsets; default: as defined. Bond lengths are typical values: relax before "
                        + "computing energies.",
                    "an unknown group name; offsets that are not lengths; a matrix that is not a proper rotation",
                    this::placeGroup, Param.required("index", "int", "atom to replace (the group's centre)"),
                    Param.required("group", "string|record", "\"BH4\", \"NH2\" or {name, species, offsets}"),
                    Param.optional("euler", "list", None.INSTANCE, "Z-Y-Z Euler angles [α, β, γ] (deg)"),
                    Param.optional("orientation", "list", None.INSTANCE, "3×3 rotation matrix (rows)"));
            case "summary":
                return method("summary", "string", "Readable summary: formula, cell, space group, symmetry-distinct sites",
                    "s.summary(tolerance = 1e-3 Å, all_sites = false)", "print(s.summary())\nprint(s.summary(all_sites = true))",
                    "Formula and title, lattice parameters and volume, the detected space group, then one row per symmetry-distinct "
                        + "site (label, element, Wyckoff label, multiplicity, representative coordinates, occupancy); all_sites = true lists every site.",
                    "none (a failed detection prints 'space group unknown')",
                    a -> summary(StructureLib.length(a, 0), a.bool(1)),
                    Param.optional("tolerance", "length", len(1e-3), "symmetry tolerance"),
                    Param.optional("all_sites", "bool", Boolean.FALSE, "list every site instead of one per orbit"));
            default:
                return null;
        }
    }

    private Object placeGroup(Args a) {
        int i = index(a, 0);
        org.adc.structure.RigidGroup g;
        Object spec = a.get(1);
        if (spec instanceof String name) {
            g = switch (name) {
                case "BH4", "BH4-" -> org.adc.structure.RigidGroup.bh4();
                case "NH2", "NH2-" -> org.adc.structure.RigidGroup.nh2();
                default -> throw new AdcError("unknown rigid group '" + name + "'",
                    "use \"BH4\", \"NH2\" or a record {name: \"CH4\", species: [\"C\", \"H\", ...], offsets: [[0 Å, 0 Å, 0 Å], ...]}");
            };
        } else if (spec instanceof Record r) {
            Object nm = r.member("name"), sp = r.member("species"), off = r.member("offsets");
            if (!(sp instanceof AdcList spl) || !(off instanceof AdcList offl) || spl.size() != offl.size() || spl.size() == 0) {
                throw new AdcError("a rigid group record needs species: [...] and offsets: [[x, y, z], ...] of the same length",
                    "write {name: \"CH4\", species: [\"C\", \"H\"], offsets: [[0 Å, 0 Å, 0 Å], [0.63 Å, 0.63 Å, 0.63 Å]]}");
            }
            String[] species = new String[spl.size()];
            double[] offsets = new double[3 * spl.size()];
            for (int k = 0; k < species.length; k++) {
                species[k] = String.valueOf(spl.get(k));
                if (!(offl.get(k) instanceof AdcList v) || v.size() != 3) {
                    throw new AdcError("offset #" + (k + 1) + " of the rigid group is not [x, y, z]", "give three lengths, e.g. [0.7 Å, 0.7 Å, 0.7 Å]");
                }
                for (int c = 0; c < 3; c++) {
                    if (!(v.get(c) instanceof Quantity q) || !q.dimension().equals(org.adc.units.Dimension.LENGTH)) {
                        throw new AdcError("offset #" + (k + 1) + " of the rigid group holds " + v.get(c) + ", not a length", "write lengths with units, e.g. 0.7 Å");
                    }
                    offsets[3 * k + c] = q.si() * 1e10;
                }
            }
            g = new org.adc.structure.RigidGroup(nm == null || nm == None.INSTANCE ? "group" : String.valueOf(nm), species, offsets);
        } else {
            throw a.bad(1, "\"BH4\", \"NH2\" or a record {name, species, offsets}");
        }
        double[] rot = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        if (a.has(2) && a.has(3)) {
            throw new AdcError("give either euler or orientation, not both", "s.place_group(i, \"BH4\", euler = [45 deg, 0 deg, 0 deg])");
        }
        if (a.has(2)) {
            if (!(a.get(2) instanceof AdcList e) || e.size() != 3) {
                throw a.bad(2, "[α, β, γ] in degrees");
            }
            double[] ang = new double[3];
            for (int c = 0; c < 3; c++) {
                Object v = e.get(c);
                if (v instanceof Quantity q && q.dimension().isNone()) {
                    ang[c] = Math.toDegrees(q.si());
                } else {
                    throw new AdcError("Euler angle #" + (c + 1) + " is " + v + ", not an angle", "write angles with units, e.g. [45 deg, 54.7356 deg, 0 deg]");
                }
            }
            rot = org.adc.structure.RigidGroup.euler(ang[0], ang[1], ang[2]);
        } else if (a.has(3)) {
            if (!(a.get(3) instanceof AdcList rows) || rows.size() != 3) {
                throw a.bad(3, "3×3 rotation matrix");
            }
            for (int r = 0; r < 3; r++) {
                if (!(rows.get(r) instanceof AdcList row) || row.size() != 3) {
                    throw a.bad(3, "3×3 rotation matrix");
                }
                for (int c = 0; c < 3; c++) {
                    if (!(row.get(c) instanceof Number num)) {
                        throw a.bad(3, "3×3 rotation matrix of plain numbers");
                    }
                    rot[3 * r + c] = num.doubleValue();
                }
            }
        }
        return new StructureValue(g.replace(s, i, rot));
    }

    private Object supercell(Args a) {
        int[] m;
        if (a.get(0) instanceof AdcList rows) {
            if (rows.size() != 3) {
                throw a.bad(0, "3×3 integer matrix");
            }
            m = new int[9];
            for (int i = 0; i < 3; i++) {
                if (!(rows.get(i) instanceof AdcList r) || r.size() != 3) {
                    throw a.bad(0, "3×3 integer matrix");
                }
                for (int j = 0; j < 3; j++) {
                    if (!(r.get(j) instanceof Long v)) {
                        throw a.bad(0, "3×3 integer matrix");
                    }
                    m[3 * i + j] = (int) (long) v;
                }
            }
        } else {
            int na = (int) a.integer(0);
            int nb = a.has(1) ? (int) a.integer(1) : na;
            int nc = a.has(2) ? (int) a.integer(2) : (a.has(1) ? 1 : na);
            if (a.has(1) && !a.has(2)) {
                throw new AdcError("supercell() needs one repeat count or three", "write s.supercell(2) or s.supercell(2, 2, 1)");
            }
            if (na < 1 || nb < 1 || nc < 1) {
                throw new AdcError("supercell repeat counts must be positive, got " + na + ", " + nb + ", " + nc, "write s.supercell(2, 2, 1)");
            }
            m = new int[]{na, 0, 0, 0, nb, 0, 0, 0, nc};
        }
        long det = (long) m[0] * (m[4] * m[8] - m[5] * m[7]) - (long) m[1] * (m[3] * m[8] - m[5] * m[6]) + (long) m[2] * (m[3] * m[7] - m[4] * m[6]);
        if (det == 0) {
            throw new AdcError("supercell matrix is singular (determinant 0)", "the three rows must be linearly independent");
        }
        if (Math.abs(det) * s.size() > 2_000_000) {
            throw new AdcError("supercell would hold " + Math.abs(det) * s.size() + " atoms", "at most 2000000 atoms");
        }
        return new StructureValue(Supercells.make(s, m));
    }

    /** Summary text: one row per symmetry orbit (or per site). */
    String summary(double symprec, boolean allSites) {
        StringBuilder b = new StringBuilder();
        double[] p = s.lattice().parameters();
        String t = s.title() == null || s.title().isEmpty() ? "" : "  (" + s.title() + ")";
        b.append(s.formula()).append(t).append(", ").append(s.size()).append(" atoms\n");
        b.append(String.format("cell         a = %.6f Å  b = %.6f Å  c = %.6f Å%n", p[0], p[1], p[2]));
        b.append(String.format("             α = %.4f°  β = %.4f°  γ = %.4f°  V = %.4f Å^3%n", p[3], p[4], p[5], s.lattice().volume()));
        int[] eq = null;
        try {
            SymmetryDataset d = symprec == SymmetryFinder.DEFAULT_SYMPREC ? symmetry() : SymmetryFinder.find(s, symprec);
            if (d == null) {
                throw new IllegalStateException("detection failed");
            }
            eq = d.equivalentAtoms();
            b.append(String.format("space group  %s (No. %d), tolerance %s Å%n", d.symbol(), d.number(), org.adc.units.Format.number(symprec)));
        } catch (RuntimeException e) {
            b.append("space group  unknown\n");
        }
        Map<Integer, Integer> mult = new LinkedHashMap<>();
        if (eq != null) {
            for (int x : eq) {
                mult.merge(x, 1, Integer::sum);
            }
        }
        boolean grouped = !allSites && eq != null;
        if (grouped) {
            b.append(mult.size()).append(" symmetry-distinct site").append(mult.size() == 1 ? "" : "s").append('\n');
        }
        b.append(String.format("%5s  %-8s %-4s %-7s %4s %10s %10s %10s %6s%n", grouped ? "first" : "#", "label", "elem", "wyckoff",
            "mult", "x", "y", "z", "occ"));
        String[] wl = symprec == SymmetryFinder.DEFAULT_SYMPREC ? wyckoffLabels() : SymmetryFinder.wyckoffLabels(s, symprec);
        for (int i = 0; i < s.size(); i++) {
            if (grouped && eq[i] != i) {
                continue;
            }
            Site x = s.site(i);
            String m = eq == null ? "" : String.valueOf(mult.get(eq[i]));
            b.append(String.format("%5d  %-8s %-4s %-7s %4s %10.6f %10.6f %10.6f %6.3f%n", i, x.label(), x.species(),
                wl[i] == null ? "-" : wl[i], m, x.frac(0), x.frac(1), x.frac(2), x.occupancy()));
        }
        return b.toString().stripTrailing();
    }

    @Override
    public Collection<String> memberNames() {
        return MEMBERS;
    }

    @Override
    public String typeName() {
        return "structure";
    }

    @Override
    public String toString() {
        return summary(SymmetryFinder.DEFAULT_SYMPREC, false);
    }
}
