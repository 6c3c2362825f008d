package org.adc.structure.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adc.chem.Elements;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.symmetry.SpaceGroup;
import org.adc.symmetry.SymOp;

/**
 * Crystallographic Information File (CIF 1.1 syntax: Hall, Allen &amp; Brown, Acta Cryst. A47
 * (1991) 655; core dictionary tags). Reading: one data block (the last by default, as
 * {@code ase.io.read}; any by index); cell from {@code _cell_length_*} / {@code _cell_angle_*}
 * (Å, degrees; standard uncertainties in parentheses are dropped); symmetry from, in this order,
 * {@code _symmetry_equiv_pos_as_xyz} or {@code _space_group_symop_operation_xyz}, the Hall symbol
 * ({@code _space_group_name_Hall}), the H-M symbol of any of the 530 settings with its suffix
 * (":1"/":2" or " S"/" Z" origin choice, ":H"/":R" axes; "P b n m", "P 1 1 21/b"), or the IT
 * number, else P1. Rhombohedral groups without a suffix take the axes that fit the cell; groups
 * with two origin choices and no suffix are refused unless both origins give the same crystal;
 * the cell must have the symmetry of the operations. Sites from {@code _atom_site_fract_*} (or
 * {@code _atom_site_Cartn_*}) with {@code _atom_site_type_symbol}/{@code _atom_site_label} and
 * {@code _atom_site_occupancy}. Each site is expanded by the operations; images within 1e-3
 * (fractional) merge, as in ASE. Empty (truncated) loops and rows with missing values are
 * refused at their line. Writing: P1 listing of all sites with occupancies, as ASE does.
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
        final List<Integer> loopLine = new ArrayList<>();
        String name = "";
        int line;
    }

    private static List<Block> parseBlocks(List<Tok> toks, TextInput in) {
        List<Block> blocks = new ArrayList<>();
        Block b = null;
        int i = 0;
        boolean inData = false;
        while (i < toks.size()) {
            Tok t = toks.get(i);
            String low = t.text.toLowerCase(Locale.ROOT);
            if (!t.quoted && low.startsWith("data_")) {
                inData = true;
                b = new Block();
                b.name = t.text.substring(5);
                b.line = t.line;
                blocks.add(b);
                i++;
            } else if (!inData) {
                throw in.error(t.line, "content before the first data_ block: '" + t.text + "'");
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
                if (vals.isEmpty())
                    throw in.error(t.line, "loop_ with " + tags.size() + " tags (" + tags.get(0) + ", ...) has no values (file truncated?)");
                if (vals.size() % tags.size() != 0)
                    throw in.error(shortRowLine(vals, tags.size()),
                        "loop with " + tags.size() + " tags has " + vals.size() + " values (not a multiple): this row has too few or too many values");
                b.loopTags.add(tags);
                b.loopValues.add(vals);
                b.loopLine.add(t.line);
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
        return blocks;
    }

    /**
     * The line of the first row whose value count differs from the number of tags, when the loop
     * is written one row per line (the usual layout); otherwise the line of the last value.
     */
    private static int shortRowLine(List<Tok> vals, int nt) {
        java.util.LinkedHashMap<Integer, Integer> perLine = new java.util.LinkedHashMap<>();
        for (Tok v : vals) perLine.merge(v.line, 1, Integer::sum);
        int regular = 0;
        for (int c : perLine.values()) if (c == nt) regular++;
        if (regular * 2 >= perLine.size()) {
            for (var e : perLine.entrySet()) if (e.getValue() != nt) return e.getKey();
        }
        // rows spread over lines: walk packet by packet; a packet must start on a new line
        for (int r = nt; r < vals.size(); r += nt) if (vals.get(r).line == vals.get(r - 1).line) return vals.get(r).line;
        return vals.get(vals.size() - 1).line;
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
    public static Structure read(String text, String file) { return read(text, file, null); }

    /**
     * @param text CIF content @param file name for error messages
     * @param index data block to read: 0 first, -1 last (negative counts from the end); null = the
     *        last, ASE's default for {@code ase.io.read}
     * @return the expanded structure of that block (title = block name)
     * @throws StructureException as {@link #read(String, String)}, or for an index outside the blocks
     */
    public static Structure read(String text, String file, Integer index) {
        TextInput in = new TextInput(text, file);
        List<Block> blocks = parseBlocks(tokenize(in), in);
        int k0 = index == null ? blocks.size() - 1 : index < 0 ? blocks.size() + index : index;
        if (k0 < 0 || k0 >= blocks.size())
            throw new StructureException(in.file, 0, "index " + index + " is outside the " + blocks.size() + " data block(s) of this file (0.." + (blocks.size() - 1) + ", or -1 for the last)");
        Block b = blocks.get(k0);
        String title = b.name;
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
        Tok opsTok = null;
        for (String tag : opTags) if (opsTok == null && b.items.containsKey(tag)) opsTok = b.items.get(tag);
        for (String tag : opTags) { int q = loopWith(b, tag); if (opsTok == null && q >= 0 && !b.loopValues.get(q).isEmpty()) opsTok = b.loopValues.get(q).get(0); }
        List<SpaceGroup> candidates = null;
        Tok sym = null;
        if (ops.isEmpty()) {
            Tok hall = firstItem(b, "_space_group_name_hall", "_symmetry_space_group_name_hall");
            Tok hm = firstItem(b, "_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m");
            Tok num = firstItem(b, "_space_group_it_number", "_symmetry_int_tables_number");
            try {
                if (hall != null) {
                    sym = hall;
                    candidates = List.of(SpaceGroup.ofHallSymbol(hall.text));
                } else if (hm != null) {
                    sym = hm;
                    candidates = SpaceGroup.settingsOf(hm.text);
                    if (num != null && !isNull(num.text) && candidates.get(0).number() != (int) in.num(num.text, "space group number", num.line))
                        throw new StructureException("the H-M symbol '" + hm.text + "' is group " + candidates.get(0).number()
                            + " but the file gives number " + num.text.trim() + " (line " + num.line + ")");
                } else if (num != null) {
                    sym = num;
                    candidates = SpaceGroup.settingsOf(num.text);
                }
            } catch (StructureException e) {
                throw new StructureException(in.file, sym.line, e.getMessage());
            }
        }
        // atom sites (read first; the symmetry is applied below)
        AtomRows rows = readAtomSites(b, in, lat);
        List<Site> asym = rows.sites();
        List<Integer> asymLine = rows.lines();
        if (candidates == null) {
            if (ops.isEmpty()) ops.add(SymOp.identity());
            checkCell(lat, ops, in, opsTok == null ? 0 : opsTok.line, "the symmetry operations of this file");
            return expand(asym, asymLine, ops, lat, in, title);
        }
        // rhombohedral groups: hexagonal or rhombohedral axes, from the cell when the file does not say
        List<SpaceGroup> fit = new ArrayList<>();
        for (SpaceGroup g : candidates) if (cellFits(lat, g.operations())) fit.add(g);
        if (fit.isEmpty()) {
            SpaceGroup g = candidates.get(0);
            throw new StructureException(in.file, sym.line, String.format(Locale.ROOT,
                "the cell (a = %.5g, b = %.5g, c = %.5g Å, alpha = %.5g, beta = %.5g, gamma = %.5g deg) does not have the symmetry of %s (No. %d%s)",
                a, bb, c, al, be, ga, g.fullSymbol().replace("_", ""), g.number(), describeSetting(g))
                + (g.setting().equals("H") || g.setting().equals("R") ? "; write ':H' (hexagonal axes) or ':R' (rhombohedral axes) after the symbol to match the cell" : ""));
        }
        if (fit.size() == 1) return expand(asym, asymLine, fit.get(0).operations(), lat, in, title);
        // two origin choices and the file does not say which: accept only if both give the same crystal
        String[] what = new String[2];
        Structure[] st = new Structure[2];
        for (int q = 0; q < 2; q++) {
            try {
                st[q] = expand(asym, asymLine, fit.get(q).operations(), lat, in, title);
                what[q] = String.format(Locale.ROOT, "origin choice %s gives %d atoms (closest pair %.3f Å)", fit.get(q).setting(), st[q].size(), closest(st[q]));
            } catch (StructureException e) {
                what[q] = "origin choice " + fit.get(q).setting() + " fails (" + e.getMessage() + ")";
            }
        }
        if (st[0] != null && st[1] != null && sameSites(st[0], st[1])) return st[1];
        String name = sym.text.trim();
        String hm = candidates.get(0).symbol().replace("_", "");
        throw new StructureException(in.file, sym.line, "'" + name + "' has two origin choices and this file does not say which: " + what[0] + ", " + what[1]
            + "; write '" + hm + ":1' or '" + hm + ":2' in _symmetry_space_group_name_H-M (or add the _symmetry_equiv_pos_as_xyz loop)");
    }

    private static String describeSetting(SpaceGroup g) {
        return switch (g.setting()) {
            case "1" -> ", origin choice 1";
            case "2" -> ", origin choice 2";
            case "H" -> ", hexagonal axes";
            case "R" -> ", rhombohedral axes";
            case "-" -> "";
            default -> ", setting " + g.setting();
        };
    }

    private static boolean isNull(String v) { return v.equals("?") || v.equals("."); }

    private static Tok firstItem(Block b, String... tags) {
        for (String t : tags) { Tok v = b.items.get(t); if (v != null && !isNull(v.text)) return v; }
        return null;
    }

    /** True if every rotation W preserves the metric, Wᵀ G W = G (relative 1e-4). */
    static boolean cellFits(Lattice lat, List<SymOp> ops) {
        double[] g = lat.metric();
        double scale = Math.max(g[0], Math.max(g[4], g[8]));
        for (SymOp op : ops) {
            int[] w = op.rotation();
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) for (int l = 0; l < 3; l++) v += w[3 * k + i] * g[3 * k + l] * w[3 * l + j];
                if (Math.abs(v - g[3 * i + j]) > 1e-3 * scale) return false;
            }
        }
        return true;
    }

    private static void checkCell(Lattice lat, List<SymOp> ops, TextInput in, int line, String what) {
        if (!cellFits(lat, ops)) {
            double[] p = lat.parameters();
            throw new StructureException(in.file, line, String.format(Locale.ROOT,
                "the cell (a = %.5g, b = %.5g, c = %.5g Å, alpha = %.5g, beta = %.5g, gamma = %.5g deg) does not have the symmetry of %s",
                p[0], p[1], p[2], p[3], p[4], p[5], what));
        }
    }

    private static boolean sameSites(Structure x, Structure y) {
        if (x.size() != y.size()) return false;
        outer:
        for (Site s : x.sites()) {
            for (Site t : y.sites()) if (s.species().equals(t.species()) && fracClose(s.frac(), t.frac(), 1e-4)) continue outer;
            return false;
        }
        return true;
    }

    private static double closest(Structure s) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) for (int j = i + 1; j < s.size(); j++) {
            double[] d = {s.site(i).frac(0) - s.site(j).frac(0), s.site(i).frac(1) - s.site(j).frac(1), s.site(i).frac(2) - s.site(j).frac(2)};
            best = Math.min(best, s.lattice().minimumImageDistance(d));
        }
        return best;
    }

    private record AtomRows(List<Site> sites, List<Integer> lines) { }

    /** Expands the asymmetric unit by the operations; images within 1e-3 (fractional) merge. */
    private static Structure expand(List<Site> asym, List<Integer> lines, List<SymOp> ops, Lattice lat, TextInput in, String title) {
        List<Site> out = new ArrayList<>();
        List<Integer> outLine = new ArrayList<>();
        // sites by 0.01-wide bins of fractional coordinates: finding a site within 1e-3 looks at 27 bins, not at every site
        java.util.Map<Integer, List<Integer>> bins = new java.util.HashMap<>();
        for (int r = 0; r < asym.size(); r++) {
            Site a = asym.get(r);
            double[] x = a.frac();
            double occ = a.occupancy();
            int line = lines.get(r);
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
                            a.label(), s.label(), outLine.get(j), s.occupancy() + occ));
                    if (++shared >= MAX_SHARED)
                        throw in.error(line, "more than " + MAX_SHARED + " sites share the position of site " + a.label());
                }
                if (out.size() >= MAX_SITES)
                    throw in.error(line, "the atom sites expand to more than " + MAX_SITES + " sites in the cell");
                bins.computeIfAbsent(bin(y, 0, 0, 0), key -> new ArrayList<>()).add(out.size());
                out.add(new Site(a.species(), y, occ, a.label(), null));
                outLine.add(line);
            }
        }
        return new Structure(lat, out, title);
    }

    private static AtomRows readAtomSites(Block b, TextInput in, Lattice lat) {
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
        if (vals.isEmpty()) throw in.error(b.loopLine.get(k), "the atom-site loop has no rows (file truncated?)");
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
            out.add(new Site(el, x, occ, label, null));
            outLine.add(line);
        }
        return new AtomRows(out, outLine);
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
