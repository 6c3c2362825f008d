package org.adc.symmetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adc.structure.Lattice;
import org.adc.structure.StructureException;

/**
 * Wyckoff positions of all 230 space groups in the settings of {@link SpaceGroup} (1731
 * positions; data file {@code wyckoff_all.tsv}): letter, multiplicity, oriented site symmetry and
 * ITA's <em>first</em> coordinate triplet, whose free parameters x, y, z are the ones a CIF or a
 * paper quotes. Source: spglib's Wyckoff database (ITA Vol. A data as tabulated by the Bilbao
 * Crystallographic Server), extracted by {@code regenerate_wyckoff_ita.py}; the tests check
 * every position against a reference evaluated independently with python3-spglib (first
 * representative and orbit size = multiplicity), and the six prototype groups against the
 * hand-typed ITA subset {@code wyckoff_ita.tsv}.
 */
public final class WyckoffTable {
    private static Map<Integer, List<WyckoffPosition>> generated;
    private static Map<Integer, List<WyckoffPosition>> ita;

    private WyckoffTable() { }

    private static Map<Integer, List<WyckoffPosition>> load(String resource) {
        Map<Integer, List<WyckoffPosition>> m = new HashMap<>();
        try (InputStream in = WyckoffTable.class.getResourceAsStream(resource)) {
            if (in == null) throw new StructureException(resource + " missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                int g = Integer.parseInt(f[0]);
                m.computeIfAbsent(g, k -> new ArrayList<>()).add(new WyckoffPosition(g, f[1], Integer.parseInt(f[2]), f[3], f[4]));
            }
        } catch (IOException e) {
            throw new StructureException("cannot read " + resource + ": " + e.getMessage());
        }
        return m;
    }

    private static synchronized Map<Integer, List<WyckoffPosition>> data() {
        if (generated == null) {
            generated = load("wyckoff_all.tsv");
            ita = load("wyckoff_ita.tsv");
        }
        return generated;
    }

    /**
     * Positions of the full table (ITA first triplets, all 230 groups).
     * @param group ITA number @return positions, letter order
     */
    public static List<WyckoffPosition> generated(int group) { return data().getOrDefault(group, List.of()); }

    /**
     * Hand-typed ITA Vol. A entries ({@code wyckoff_ita.tsv}: groups 194, 221, 223, 225, 227
     * origin 2, 229) with ITA's first coordinate triplets and oriented site symmetries.
     * @param group ITA number @return positions or an empty list
     */
    public static List<WyckoffPosition> ita(int group) { data(); return ita.getOrDefault(group, List.of()); }

    /** @param group ITA number @return positions in ITA order (a first, general position last) */
    public static List<WyckoffPosition> positions(int group) { return generated(group); }

    /** @param group ITA number 1..230 @return true: every group has ITA first-representative triplets */
    public static boolean hasItaTriplets(int group) { return !generated(group).isEmpty(); }

    /**
     * @param group ITA number @param letter Wyckoff letter (e.g. "g" or "96g"; a multiplicity
     *        prefix must be the position's)
     * @return the position
     * @throws StructureException if the group has no such letter, or the prefix is not its multiplicity
     */
    public static WyckoffPosition position(int group, String letter) {
        String l = letter.trim().replaceAll("^[0-9]+", "");
        String m = letter.trim().substring(0, letter.trim().length() - l.length());
        for (WyckoffPosition w : positions(group)) {
            if (!w.letter().equals(l)) continue;
            if (!m.isEmpty() && Integer.parseInt(m) != w.multiplicity())
                throw new StructureException("space group " + group + ": Wyckoff position " + l + " has multiplicity " + w.multiplicity()
                    + ", not " + m + " (write \"" + w.label() + "\" or \"" + l + "\")");
            return w;
        }
        throw new StructureException("space group " + group + " has no Wyckoff position '" + letter + "'");
    }

    /**
     * Identifies the Wyckoff position of a point: the tabulated position with multiplicity
     * equal to the orbit size that contains the point.
     * @param g group @param p fractional point @param lattice lattice @param tol tolerance (Å)
     * @return the position, or null if none matches within tol
     */
    public static WyckoffPosition identify(SpaceGroup g, double[] p, Lattice lattice, double tol) {
        List<WyckoffPosition> list = positions(g.number());
        if (list.isEmpty()) return null;
        int mult = g.orbit(p, lattice, tol).size();
        for (WyckoffPosition w : list) if (w.multiplicity() == mult && w.contains(g, p, lattice, tol)) return w;
        return null;
    }
}
