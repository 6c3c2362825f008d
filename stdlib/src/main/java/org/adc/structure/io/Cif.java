package org.adc.structure.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adc.structure.Elements;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.symmetry.SpaceGroup;
import org.adc.symmetry.SymOp;

/**
 * Crystallographic Information File (CIF 1.1 syntax: Hall, Allen &amp; Brown, Acta Cryst. A47
 * (1991) 655; core dictionary tags). Reading: first data block; cell from
 * {@code _cell_length_*} / {@code _cell_angle_*} (Å, degrees; standard uncertainties in
 * parentheses are dropped); symmetry from {@code _symmetry_equiv_pos_as_xyz} or
 * {@code _space_group_symop_operation_xyz} loops, else from the H-M symbol or IT number (standard
 * settings of {@link SpaceGroup}), else P1; sites from {@code _atom_site_fract_*} (or
 * {@code _atom_site_Cartn_*}) with {@code _atom_site_type_symbol}/{@code _atom_site_label} and
 * {@code _atom_site_occupancy}. Each site is expanded by the operations; images within 1e-3
 * (fractional) merge, as in ASE. Writing: P1 listing of all sites with occupancies, as ASE does.
 */
public final class Cif {
    private Cif() { }

    private record Tok(String text, int line, boolean quoted) { }

    private static List<Tok> tokenize(TextInput in) {
        List<Tok> out = new ArrayList<>();
        String[] lines = in.lines;
        for (int li = 0; li < lines.length; li++) {
            String l = lines[li];
            if (l.startsWith(";")) {
                StringBuilder b = new StringBuilder(l.substring(1));
                int start = li + 1;
                li++;
                while (li < lines.length && !lines[li].startsWith(";")) { b.append('\n').append(lines[li]); li++; }
                if (li >= lines.length) throw in.error(start, "unterminated ';' text field");
                out.add(new Tok(b.toString(), start, true));
                continue;
            }
            int i = 0, n = l.length();
            while (i < n) {
                char c = l.charAt(i);
                if (Character.isWhitespace(c)) { i++; continue; }
                if (c == '#') break;
                if (c == '\'' || c == '"') {
                    int e = i + 1;
                    while (e < n && !(l.charAt(e) == c && (e + 1 == n || Character.isWhitespace(l.charAt(e + 1))))) e++;
                    if (e >= n) throw in.error(li + 1, "unterminated quoted string");
                    out.add(new Tok(l.substring(i + 1, e), li + 1, true));
                    i = e + 1;
                } else {
                    int e = i;
                    while (e < n && !Character.isWhitespace(l.charAt(e))) e++;
                    out.add(new Tok(l.substring(i, e), li + 1, false));
                    i = e;
                }
            }
        }
        return out;
    }

    private static final class Block {
        final Map<String, Tok> items = new HashMap<>();
        final List<List<String>> loopTags = new ArrayList<>();
        final List<List<Tok>> loopValues = new ArrayList<>();
    }

    private static Block parseBlock(List<Tok> toks, TextInput in) {
        Block b = new Block();
        int i = 0;
        boolean inData = false;
        while (i < toks.size()) {
            Tok t = toks.get(i);
            String low = t.text.toLowerCase(Locale.ROOT);
            if (!t.quoted && low.startsWith("data_")) {
                if (inData) break; // only the first block
                inData = true;
                i++;
            } else if (!t.quoted && low.equals("loop_")) {
                i++;
                List<String> tags = new ArrayList<>();
                while (i < toks.size() && !toks.get(i).quoted && toks.get(i).text.startsWith("_")) tags.add(toks.get(i++).text.toLowerCase(Locale.ROOT));
                if (tags.isEmpty()) throw in.error(t.line, "loop_ without tags");
                List<Tok> vals = new ArrayList<>();
                while (i < toks.size()) {
                    Tok v = toks.get(i);
                    String vl = v.text.toLowerCase(Locale.ROOT);
                    if (!v.quoted && (v.text.startsWith("_") || vl.equals("loop_") || vl.startsWith("data_"))) break;
                    vals.add(v);
                    i++;
                }
                if (vals.size() % tags.size() != 0)
                    throw in.error(vals.isEmpty() ? t.line : vals.get(vals.size() - 1).line,
                        "loop with " + tags.size() + " tags has " + vals.size() + " values (not a multiple)");
                b.loopTags.add(tags);
                b.loopValues.add(vals);
            } else if (!t.quoted && t.text.startsWith("_")) {
                if (i + 1 >= toks.size()) throw in.error(t.line, "tag " + t.text + " without a value");
                b.items.put(low, toks.get(i + 1));
                i += 2;
            } else {
                if (!inData) throw in.error(t.line, "content before the first data_ block: '" + t.text + "'");
                throw in.error(t.line, "unexpected value '" + t.text + "' outside a loop");
            }
        }
        if (!inData) throw new StructureException(in.file, 1, "no data_ block found");
        return b;
    }

    private static int loopWith(Block b, String tag) {
        for (int k = 0; k < b.loopTags.size(); k++) if (b.loopTags.get(k).contains(tag)) return k;
        return -1;
    }

    private static double cellValue(Block b, TextInput in, String tag, Double dflt) {
        Tok t = b.items.get(tag);
        if (t == null) {
            if (dflt != null) return dflt;
            throw new StructureException(in.file, 0, "missing " + tag);
        }
        return in.num(t.text, tag, t.line);
    }

    /**
     * @param text CIF content @param file name for error messages
     * @return the expanded structure (title = data block name)
     * @throws StructureException with file:line on malformed input, unknown space groups,
     *         occupancies above 1 or overlapping sites
     */
    public static Structure read(String text, String file) {
        TextInput in = new TextInput(text, file);
        Block b = parseBlock(tokenize(in), in);
        double a = cellValue(b, in, "_cell_length_a", null), bb = cellValue(b, in, "_cell_length_b", null), c = cellValue(b, in, "_cell_length_c", null);
        double al = cellValue(b, in, "_cell_angle_alpha", 90.0), be = cellValue(b, in, "_cell_angle_beta", 90.0), ga = cellValue(b, in, "_cell_angle_gamma", 90.0);
        Lattice lat;
        int cellLine = b.items.get("_cell_length_a").line;
        for (double len : new double[]{a, bb, c})
            if (len > TextInput.MAX_LENGTH) throw in.error(cellLine, "cell length " + len + " Å is out of range (at most " + (long) TextInput.MAX_LENGTH + " Å)");
        try {
            lat = in.lattice(Lattice.fromParameters(a, bb, c, al, be, ga).matrix(), cellLine);
        } catch (StructureException e) {
            throw e.file() != null ? e : new StructureException(in.file, cellLine, e.getMessage());
        }
        // symmetry operations
        List<SymOp> ops = new ArrayList<>();
        String[] opTags = {"_symmetry_equiv_pos_as_xyz", "_space_group_symop_operation_xyz"};
        for (String tag : opTags) {
            int k = loopWith(b, tag);
            if (k < 0 && b.items.containsKey(tag)) {
                Tok t = b.items.get(tag);
                ops.add(parseOp(t, in));
            } else if (k >= 0) {
                List<String> tags = b.loopTags.get(k);
                int col = tags.indexOf(tag), nt = tags.size();
                List<Tok> vals = b.loopValues.get(k);
                for (int r = 0; r < vals.size() / nt; r++) ops.add(parseOp(vals.get(r * nt + col), in));
            }
            if (!ops.isEmpty()) break;
        }
        if (ops.isEmpty()) {
            Tok sym = null;
            for (String tag : new String[]{"_space_group_it_number", "_symmetry_int_tables_number", "_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m"}) {
                if (b.items.containsKey(tag)) { sym = b.items.get(tag); break; }
            }
            if (sym != null && !sym.text.equals("?") && !sym.text.equals(".")) {
                try {
                    ops.addAll(SpaceGroup.of(sym.text).operations());
                } catch (StructureException e) {
                    throw new StructureException(in.file, sym.line, e.getMessage());
                }
            } else ops.add(SymOp.identity());
        }
        // atom sites
        int k = loopWith(b, "_atom_site_fract_x");
        boolean cart = false;
        if (k < 0) { k = loopWith(b, "_atom_site_cartn_x"); cart = k >= 0; }
        if (k < 0) throw new StructureException(in.file, 0, "no _atom_site_fract_x (or _atom_site_Cartn_x) loop");
        List<String> tags = b.loopTags.get(k);
        List<Tok> vals = b.loopValues.get(k);
        int nt = tags.size();
        String px = cart ? "_atom_site_cartn_" : "_atom_site_fract_";
        int cx = tags.indexOf(px + "x"), cy = tags.indexOf(px + "y"), cz = tags.indexOf(px + "z");
        if (cy < 0 || cz < 0) throw in.error(vals.isEmpty() ? 0 : vals.get(0).line, "atom site loop lacks " + px + "y or " + px + "z");
        int cType = tags.indexOf("_atom_site_type_symbol"), cLabel = tags.indexOf("_atom_site_label"), cOcc = tags.indexOf("_atom_site_occupancy");
        if (cType < 0 && cLabel < 0) throw in.error(vals.isEmpty() ? 0 : vals.get(0).line, "atom site loop has neither _atom_site_type_symbol nor _atom_site_label");
        List<Site> out = new ArrayList<>();
        List<Integer> outLine = new ArrayList<>();
        // sites by 0.01-wide bins of fractional coordinates: finding a site within 1e-3 looks at 27 bins, not at every site
        java.util.Map<Integer, List<Integer>> bins = new java.util.HashMap<>();
        for (int r = 0; r < vals.size() / nt; r++) {
            Tok first = vals.get(r * nt);
            int line = first.line;
            String label = cLabel >= 0 ? vals.get(r * nt + cLabel).text : null;
            String typ = cType >= 0 ? vals.get(r * nt + cType).text : label;
            String el = Elements.fromLabel(typ);
            if (el == null && label != null) el = Elements.fromLabel(label);
            if (el == null) throw in.error(line, "cannot determine the element of atom site '" + typ + "'");
            double[] x = {in.num(vals.get(r * nt + cx).text, px + "x", line), in.num(vals.get(r * nt + cy).text, px + "y", line), in.num(vals.get(r * nt + cz).text, px + "z", line)};
            if (cart) x = lat.toFractional(x);
            in.fractional(x, line);
            double occ = 1.0;
            if (cOcc >= 0) {
                String o = vals.get(r * nt + cOcc).text;
                if (!o.equals("?") && !o.equals(".")) occ = in.num(o, "_atom_site_occupancy", line);
            }
            if (!(occ > 0) || occ > 1 + 1e-6) throw in.error(line, "occupancy of site " + (label != null ? label : typ) + " is " + occ + ", must be in (0, 1]");
            List<double[]> images = new ArrayList<>();
            for (SymOp op : ops) {
                double[] y = op.apply(x);
                for (int q = 0; q < 3; q++) { y[q] -= Math.floor(y[q]); if (y[q] >= 1 - 1e-12) y[q] = 0; }
                boolean dup = false;
                for (double[] z : images) if (fracClose(z, y, 1e-3)) { dup = true; break; }
                if (!dup) images.add(y);
            }
            for (double[] y : images) {
                int shared = 0;
                for (int j : near(bins, y)) {
                    Site s = out.get(j);
                    if (!fracClose(s.frac(), y, 1e-3)) continue;
                    if (s.occupancy() + occ > 1 + 1e-6)
                        throw in.error(line, String.format(Locale.ROOT, "site %s overlaps site %s (line %d): total occupancy %.4f exceeds 1",
                            label != null ? label : typ, s.label(), outLine.get(j), s.occupancy() + occ));
                    if (++shared >= MAX_SHARED)
                        throw in.error(line, "more than " + MAX_SHARED + " sites share the position of site " + (label != null ? label : typ));
                }
                if (out.size() >= MAX_SITES)
                    throw in.error(line, "the atom sites expand to more than " + MAX_SITES + " sites in the cell");
                bins.computeIfAbsent(bin(y, 0, 0, 0), key -> new ArrayList<>()).add(out.size());
                out.add(new Site(el, y, occ, label, null));
                outLine.add(line);
            }
        }
        String title = "";
        for (Tok t : tokenize(in)) if (!t.quoted && t.text.toLowerCase(Locale.ROOT).startsWith("data_")) { title = t.text.substring(5); break; }
        return new Structure(lat, out, title);
    }

    /** Most sites a CIF may expand to (a hostile file with many sites and many operations stays bounded; real cells hold far fewer). */
    static final int MAX_SITES = 200_000;
    /** Most partially occupied sites at one position (a real disorder model has a handful). */
    static final int MAX_SHARED = 64;
    private static final int BINS = 100;

    /** The bin of fractional y (in [0, 1)) shifted by (dx, dy, dz) bins, periodic. */
    private static int bin(double[] y, int dx, int dy, int dz) {
        int[] k = new int[3];
        int[] d = {dx, dy, dz};
        for (int q = 0; q < 3; q++) k[q] = Math.floorMod((int) Math.floor(y[q] * BINS) + d[q], BINS);
        return (k[0] * BINS + k[1]) * BINS + k[2];
    }

    /** Indices of the sites in the 27 bins around y. */
    private static List<Integer> near(java.util.Map<Integer, List<Integer>> bins, double[] y) {
        List<Integer> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++)
                for (int dz = -1; dz <= 1; dz++) {
                    int b = bin(y, dx, dy, dz);
                    if (seen.add(b)) out.addAll(bins.getOrDefault(b, List.of()));
                }
        java.util.Collections.sort(out);
        return out;
    }

    private static boolean fracClose(double[] a, double[] b, double tol) {
        for (int q = 0; q < 3; q++) { double d = a[q] - b[q]; if (Math.abs(d - Math.rint(d)) > tol) return false; }
        return true;
    }

    private static SymOp parseOp(Tok t, TextInput in) {
        try {
            return SymOp.parse(t.text);
        } catch (StructureException e) {
            throw new StructureException(in.file, t.line, e.getMessage());
        }
    }

    /**
     * Writes a CIF with the given symmetry operations (fractional, of this cell) and only the
     * asymmetric unit (one representative per orbit, as given by {@code representatives});
     * readers (adc, ASE) regenerate the full cell by applying the operations.
     * @param s structure @param ops operations in the "x,y,z" convention of this cell (identity included)
     * @param representatives indices of the sites to list (one per orbit)
     * @param spaceGroup H-M symbol to record (may be null) @param number IT number (0 = unknown)
     * @return CIF text
     */
    public static String writeSymmetrized(Structure s, List<SymOp> ops, int[] representatives, String spaceGroup, int number) {
        StringBuilder b = new StringBuilder();
        double[] p = s.lattice().parameters();
        b.append("data_").append(s.formula()).append('\n');
        b.append("_audit_creation_method 'adc org.adc.structure.io.Cif'\n");
        String[] names = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
        for (int i = 0; i < 6; i++) b.append(String.format(Locale.ROOT, "%-20s %.12f%n", names[i], p[i]));
        b.append('\n');
        if (spaceGroup != null) b.append("_symmetry_space_group_name_H-M    '").append(spaceGroup).append("'\n");
        if (number > 0) b.append("_symmetry_int_tables_number       ").append(number).append('\n');
        b.append("\nloop_\n  _symmetry_equiv_pos_as_xyz\n");
        for (SymOp o : ops) b.append("  '").append(o.toXyz().replace(",", ", ")).append("'\n");
        b.append("\nloop_\n  _atom_site_label\n  _atom_site_type_symbol\n  _atom_site_fract_x\n  _atom_site_fract_y\n  _atom_site_fract_z\n  _atom_site_occupancy\n");
        Map<String, Integer> seen = new HashMap<>();
        for (int i : representatives) {
            Site x = s.site(i);
            int k = seen.merge(x.species(), 1, Integer::sum);
            b.append(String.format(Locale.ROOT, "  %-6s %-3s %.12f %.12f %.12f %.6f%n", x.species() + k, x.species(), x.frac(0), x.frac(1), x.frac(2), x.occupancy()));
        }
        return b.toString();
    }

    /**
     * CIF of a structure built in a standard setting: the operations of its space group (ITA
     * standard setting of {@link SpaceGroup}) and the first site of each orbit.
     * @param s structure whose coordinates are in the standard setting of {@code group}
     * @param group the space group @param tol orbit tolerance (Å)
     * @return CIF text
     */
    public static String writeSymmetrized(Structure s, SpaceGroup group, double tol) {
        List<Integer> reps = new ArrayList<>();
        boolean[] covered = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            if (covered[i]) continue;
            reps.add(i);
            for (double[] y : group.orbit(s.site(i).frac(), s.lattice(), tol))
                for (int j = 0; j < s.size(); j++)
                    if (!covered[j] && s.site(j).species().equals(s.site(i).species())
                        && s.lattice().minimumImageDistance(new double[]{s.site(j).frac(0) - y[0], s.site(j).frac(1) - y[1], s.site(j).frac(2) - y[2]}) < tol) covered[j] = true;
        }
        List<SymOp> ops = new ArrayList<>(group.operations());
        return writeSymmetrized(s, ops, reps.stream().mapToInt(Integer::intValue).toArray(), group.fullSymbol().replace("_", ""), group.number());
    }

    /**
     * Symmetrized CIF of any structure: the space group is detected within {@code symprec}, the
     * structure is brought to the standard conventional setting of that group
     * ({@code SymmetryFinder.standardize}) and written with the group's name, number, all its
     * operations ({@code _symmetry_equiv_pos_as_xyz}) and one site per orbit with its occupancy.
     * Readers (adc, ASE, VESTA) regenerate the full cell from the operations.
     * @param s structure @param symprec detection tolerance (Å)
     * @return CIF text
     */
    public static String writeSymmetrized(Structure s, double symprec) {
        Structure std = org.adc.symmetry.SymmetryFinder.standardize(s, symprec);
        SpaceGroup g = SpaceGroup.of(org.adc.symmetry.SymmetryFinder.find(std, symprec).number());
        return writeSymmetrized(std, g, Math.max(2 * symprec, 1e-4));
    }

    /**
     * Writes a P1 CIF with all sites, their labels (made unique) and occupancies; cell
     * parameters and fractional coordinates with 12 decimals (≪ 1e-8 Å round-off).
     * @param s structure @return CIF text
     */
    public static String write(Structure s) {
        StringBuilder b = new StringBuilder();
        double[] p = s.lattice().parameters();
        b.append("data_").append(s.formula()).append('\n');
        b.append("_audit_creation_method 'adc org.adc.structure.io.Cif'\n");
        String[] names = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
        for (int i = 0; i < 6; i++) b.append(String.format(Locale.ROOT, "%-20s %.12f%n", names[i], p[i]));
        b.append("\n_symmetry_space_group_name_H-M    'P 1'\n_symmetry_int_tables_number       1\n\n");
        b.append("loop_\n  _symmetry_equiv_pos_as_xyz\n  'x, y, z'\n\n");
        b.append("loop_\n  _atom_site_label\n  _atom_site_type_symbol\n  _atom_site_fract_x\n  _atom_site_fract_y\n  _atom_site_fract_z\n  _atom_site_occupancy\n");
        Map<String, Integer> seen = new HashMap<>();
        for (Site x : s.sites()) {
            int k = seen.merge(x.species(), 1, Integer::sum);
            b.append(String.format(Locale.ROOT, "  %-6s %-3s %.12f %.12f %.12f %.6f%n", x.species() + k, x.species(), x.frac(0), x.frac(1), x.frac(2), x.occupancy()));
        }
        return b.toString();
    }
}
