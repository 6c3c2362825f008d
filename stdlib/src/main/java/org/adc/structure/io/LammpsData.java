package org.adc.structure.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adc.chem.Elements;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;

/**
 * LAMMPS data files (LAMMPS manual, "read_data"), units metal (Å). The LAMMPS box is the
 * restricted triclinic form a = (lx,0,0), b = (xy,ly,0), c = (xz,yz,lz); writing converts the
 * lattice to that orientation keeping fractional coordinates (lx = |a|, xy = b·â,
 * ly = √(|b|² − xy²), xz = c·â, yz = (b·c − xy·xz)/ly, lz = √(|c|² − xz² − yz²)).
 * Atom styles: atomic (id type x y z), charge (id type q x y z), full (id mol type q x y z),
 * molecular (id mol type x y z); optional image flags. Elements come from the comment after
 * each mass ("1 22.98977 # Na", as ASE writes) or else from the nearest standard atomic weight.
 */
public final class LammpsData {
    private LammpsData() { }

    /**
     * @param text file content @param file name for errors
     * @return structure with the LAMMPS box as lattice (sorted by atom id)
     * @throws StructureException with file:line for malformed input
     */
    public static Structure read(String text, String file) { return read(text, file, null); }

    /**
     * Reads a data file whose types cannot be inferred from Masses (e.g. files written by ASE
     * 3.22 without masses, where types number the alphabetically sorted species).
     * @param text file content @param file name for errors
     * @param typeElements element of type 1, 2, ... (overrides Masses), or null
     * @return structure with the LAMMPS box as lattice (sorted by atom id)
     */
    public static Structure read(String text, String file, List<String> typeElements) {
        TextInput in = new TextInput(text, file);
        String title = in.next("title line").trim();
        int nAtoms = -1, nTypes = -1;
        double xlo = 0, xhi = 0, ylo = 0, yhi = 0, zlo = 0, zhi = 0, xy = 0, xz = 0, yz = 0;
        boolean hx = false, hy = false, hz = false;
        int boxLine = 0;
        Map<Integer, String> typeElement = new HashMap<>();
        Map<Integer, double[]> pos = new java.util.TreeMap<>();
        Map<Integer, Integer> atype = new HashMap<>();
        while (in.hasNext()) {
            String raw = in.next("header or section");
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            String[] t = TextInput.tokens(line);
            if (t.length == 0) continue;
            String joined = String.join(" ", t);
            if (joined.endsWith(" atoms") && t.length == 2) nAtoms = in.integer(t[0], "number of atoms");
            else if (joined.endsWith("atom types") && t.length == 3) nTypes = in.integer(t[0], "number of atom types");
            else if (t.length == 4 && t[2].equals("xlo")) { xlo = in.num(t[0], "xlo"); xhi = in.num(t[1], "xhi"); hx = true; in.box(xlo, xhi, "x", in.lineNo()); boxLine = in.lineNo(); }
            else if (t.length == 4 && t[2].equals("ylo")) { ylo = in.num(t[0], "ylo"); yhi = in.num(t[1], "yhi"); hy = true; in.box(ylo, yhi, "y", in.lineNo()); boxLine = in.lineNo(); }
            else if (t.length == 4 && t[2].equals("zlo")) { zlo = in.num(t[0], "zlo"); zhi = in.num(t[1], "zhi"); hz = true; in.box(zlo, zhi, "z", in.lineNo()); boxLine = in.lineNo(); }
            else if (t.length == 6 && t[3].equals("xy")) { xy = in.num(t[0], "xy"); xz = in.num(t[1], "xz"); yz = in.num(t[2], "yz"); }
            else if (t.length >= 2 && (t[1].equals("bonds") || t[1].equals("angles") || t[1].equals("dihedrals") || t[1].equals("impropers") || (t.length == 3 && t[2].equals("types")))) { /* topology counts: ignored */ }
            else if (t[0].equals("Masses")) {
                if (nTypes < 0) throw in.error("Masses section before the 'atom types' header line");
                skipBlank(in);
                for (int k = 0; k < nTypes; k++) {
                    String ml = in.next("mass line " + (k + 1) + " of " + nTypes);
                    String comment = ml.contains("#") ? ml.substring(ml.indexOf('#') + 1).trim() : "";
                    String[] mt = TextInput.tokens(ml.contains("#") ? ml.substring(0, ml.indexOf('#')) : ml);
                    if (mt.length < 2) throw in.error("mass line needs 'type mass'");
                    int ty = in.integer(mt[0], "atom type");
                    double mass = in.num(mt[1], "mass");
                    String el = comment.isEmpty() ? null : TextInput.tokens(comment)[0];
                    if (el == null || !Elements.isElement(el)) el = Elements.fromMass(mass, 0.1);
                    if (el == null) throw in.error("cannot identify the element of type " + ty + " with mass " + mass + " (add '# Symbol' after the mass)");
                    typeElement.put(ty, el);
                }
            } else if (t[0].equals("Atoms")) {
                if (nAtoms < 0) throw in.error("Atoms section before the 'atoms' header line");
                String style = raw.contains("#") ? raw.substring(raw.indexOf('#') + 1).trim() : "";
                skipBlank(in);
                for (int k = 0; k < nAtoms; k++) {
                    String al = in.next("atom line " + (k + 1) + " of " + nAtoms);
                    String[] at = TextInput.tokens(al.contains("#") ? al.substring(0, al.indexOf('#')) : al);
                    String st = style.isEmpty() ? guessStyle(at.length, in) : style;
                    int xi, ti = 1;
                    int ncol;
                    switch (st) {
                        case "atomic" -> { xi = 2; ncol = 5; }
                        case "charge" -> { xi = 3; ncol = 6; }
                        case "full" -> { xi = 4; ti = 2; ncol = 7; }
                        case "molecular", "bond", "angle" -> { xi = 3; ti = 2; ncol = 6; }
                        default -> throw in.error("unsupported atom style '" + st + "'");
                    }
                    if (at.length != ncol && at.length != ncol + 3) throw in.error("atom style " + st + " needs " + ncol + " (or " + (ncol + 3) + " with image flags) columns, found " + at.length);
                    int id = in.integer(at[0], "atom id");
                    int ty = in.integer(at[ti], "atom type");
                    if (nTypes > 0 && (ty < 1 || ty > nTypes)) throw in.error("atom type " + ty + " outside 1.." + nTypes);
                    double[] r = {in.num(at[xi], "x"), in.num(at[xi + 1], "y"), in.num(at[xi + 2], "z"), 0, 0, 0, in.lineNo()};
                    if (at.length == ncol + 3) for (int q = 0; q < 3; q++) r[3 + q] = in.integer(at[ncol + q], "image flag");
                    if (pos.put(id, r) != null) throw in.error("duplicate atom id " + id);
                    atype.put(id, ty);
                }
            } else if (Character.isUpperCase(t[0].charAt(0))) {
                // other sections (Velocities, Bonds, Pair Coeffs, ...): skip until the next section keyword
                skipBlank(in);
                while (in.hasNext() && !in.lines[in.pos].isBlank()) in.pos++;
            } else throw in.error("unrecognised header line '" + raw.trim() + "'");
        }
        if (!hx || !hy || !hz) throw new StructureException(in.file, in.lines.length, "missing xlo xhi / ylo yhi / zlo zhi box lines");
        if (nAtoms < 0 || pos.size() != nAtoms) throw new StructureException(in.file, in.lines.length, "expected " + nAtoms + " atoms, found " + pos.size());
        if (typeElements != null)
            for (int k = 0; k < typeElements.size(); k++) {
                if (!Elements.isElement(typeElements.get(k))) throw new StructureException("unknown element '" + typeElements.get(k) + "' for atom type " + (k + 1));
                typeElement.put(k + 1, typeElements.get(k));
            }
        Lattice lat = in.lattice(new double[]{xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, zhi - zlo}, boxLine);
        double[] m = lat.matrix();
        List<Site> sites = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : pos.entrySet()) {
            double[] r = e.getValue();
            double[] c = {r[0] - xlo + r[3] * m[0] + r[4] * m[3] + r[5] * m[6], r[1] - ylo + r[4] * m[4] + r[5] * m[7], r[2] - zlo + r[5] * m[8]};
            String el = typeElement.get(atype.get(e.getKey()));
            if (el == null) throw new StructureException(in.file, 0, "no Masses entry for atom type " + atype.get(e.getKey()) + ": cannot determine its element (give the elements of the types in order: structure.read(path, types = [\"Na\", \"Si\"]))");
            sites.add(new Site(el, in.fractional(lat.toFractional(c), (int) r[6]), 1.0, null, null));
        }
        return new Structure(lat, sites, title);
    }

    private static String guessStyle(int ncol, TextInput in) {
        return switch (ncol) {
            case 5, 8 -> "atomic";
            case 7, 10 -> "full";
            default -> throw in.error(ncol + " columns is ambiguous: give the style as 'Atoms # atomic|charge|full|molecular'");
        };
    }

    private static void skipBlank(TextInput in) { while (in.hasNext() && in.lines[in.pos].isBlank()) in.pos++; }

    /**
     * @param s structure (right-handed lattice)
     * @return the lattice rotated into LAMMPS' restricted triclinic orientation (same fractional coordinates)
     */
    public static Lattice lammpsLattice(Lattice s) {
        double[] a = s.vector(0), b = s.vector(1), c = s.vector(2);
        if (s.determinant() < 0) throw new StructureException("LAMMPS needs a right-handed cell; this lattice is left-handed");
        double lx = norm(a);
        double xy = dot(b, a) / lx;
        double ly = Math.sqrt(Math.max(0, dot(b, b) - xy * xy));
        double xz = dot(c, a) / lx;
        double yz = (dot(b, c) - xy * xz) / ly;
        double lz = Math.sqrt(Math.max(0, dot(c, c) - xz * xz - yz * yz));
        return Lattice.fromVectors(new double[]{lx, 0, 0, xy, ly, 0, xz, yz, lz});
    }

    private static double dot(double[] u, double[] v) { return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]; }
    private static double norm(double[] u) { return Math.sqrt(dot(u, u)); }

    /**
     * Writes atom style "atomic" with Masses (IUPAC weights, "# Symbol" comments), types
     * numbered in order of first appearance, positions wrapped into the box, 12 decimals.
     * @param s structure @return file text
     */
    public static String write(Structure s) {
        Lattice l = lammpsLattice(s.lattice());
        double[] m = l.matrix();
        Map<String, Integer> types = new LinkedHashMap<>();
        for (Site x : s.sites()) types.putIfAbsent(x.species(), types.size() + 1);
        StringBuilder b = new StringBuilder();
        b.append(s.title().isEmpty() ? s.formula() : s.title().replace('\n', ' ')).append(" (written by adc)\n\n");
        b.append(s.size()).append(" atoms\n").append(types.size()).append(" atom types\n\n");
        b.append(String.format(Locale.ROOT, "0.0 %.12f xlo xhi%n0.0 %.12f ylo yhi%n0.0 %.12f zlo zhi%n", m[0], m[4], m[8]));
        b.append(String.format(Locale.ROOT, "%.12f %.12f %.12f xy xz yz%n%n", m[3], m[6], m[7]));
        b.append("Masses\n\n");
        for (Map.Entry<String, Integer> e : types.entrySet())
            b.append(String.format(Locale.ROOT, "%d %.8f # %s%n", e.getValue(), Elements.mass(e.getKey()), e.getKey()));
        b.append("\nAtoms # atomic\n\n");
        for (int i = 0; i < s.size(); i++) {
            Site x = s.site(i);
            double[] f = {Structure.wrap(x.frac(0)), Structure.wrap(x.frac(1)), Structure.wrap(x.frac(2))};
            double[] r = l.toCartesian(f);
            b.append(String.format(Locale.ROOT, "%d %d %.12f %.12f %.12f%n", i + 1, types.get(x.species()), r[0], r[1], r[2]));
        }
        return b.toString();
    }
}
