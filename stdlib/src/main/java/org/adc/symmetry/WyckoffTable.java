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
 * Wyckoff positions from ITA Vol. A (data file {@code wyckoff.tsv}; groups 194, 221, 223,
 * 225, 227 (origin choice 2) and 229, the groups of the adc prototypes). For other groups
 * {@link #positions(int)} returns an empty list and callers fall back to orbit multiplicities.
 */
public final class WyckoffTable {
    private static Map<Integer, List<WyckoffPosition>> data;

    private WyckoffTable() { }

    private static synchronized Map<Integer, List<WyckoffPosition>> data() {
        if (data == null) {
            Map<Integer, List<WyckoffPosition>> m = new HashMap<>();
            try (InputStream in = WyckoffTable.class.getResourceAsStream("wyckoff.tsv")) {
                if (in == null) throw new StructureException("wyckoff.tsv missing from the class path");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    String[] f = line.split("\t");
                    int g = Integer.parseInt(f[0]);
                    m.computeIfAbsent(g, k -> new ArrayList<>()).add(new WyckoffPosition(g, f[1], Integer.parseInt(f[2]), f[3], f[4]));
                }
            } catch (IOException e) {
                throw new StructureException("cannot read wyckoff.tsv: " + e.getMessage());
            }
            data = m;
        }
        return data;
    }

    /** @param group ITA number @return tabulated positions in ITA order (a first), possibly empty */
    public static List<WyckoffPosition> positions(int group) { return data().getOrDefault(group, List.of()); }

    /** @param group ITA number @return true if the group is tabulated */
    public static boolean has(int group) { return data().containsKey(group); }

    /**
     * @param group ITA number @param letter Wyckoff letter (e.g. "g" or "96g")
     * @return the position
     * @throws StructureException if not tabulated
     */
    public static WyckoffPosition position(int group, String letter) {
        String l = letter.replaceAll("^[0-9]+", "");
        for (WyckoffPosition w : positions(group)) if (w.letter().equals(l)) return w;
        throw new StructureException("Wyckoff position '" + letter + "' of space group " + group + " is not tabulated in adc");
    }

    /**
     * Identifies the Wyckoff position of a point: the tabulated position with multiplicity
     * equal to the orbit size that contains the point.
     * @param g group @param p fractional point @param lattice lattice @param tol tolerance (Å)
     * @return the position, or null when the group is not tabulated
     */
    public static WyckoffPosition identify(SpaceGroup g, double[] p, Lattice lattice, double tol) {
        List<WyckoffPosition> list = positions(g.number());
        if (list.isEmpty()) return null;
        int mult = g.orbit(p, lattice, tol).size();
        for (WyckoffPosition w : list) if (w.multiplicity() == mult && w.contains(g, p, lattice, tol)) return w;
        return null;
    }
}
