package org.adc.symmetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.adc.structure.Lattice;
import org.adc.structure.StructureException;

/**
 * One of the 230 space-group types in its standard ITA setting, with all symmetry operations
 * of the conventional cell generated from its Hall symbol by {@link HallSymbol}.
 *
 * <p>Settings (International Tables Vol. A): monoclinic unique axis b, cell choice 1; origin
 * choice 2 (inversion centre at the origin) for the 24 groups with two origins, e.g.
 * Fd-3m (227) with 8a at (1/8,1/8,1/8) and 16c at (0,0,0); rhombohedral groups in hexagonal axes
 * (obverse). Data: {@code spacegroups.tsv} (Hall symbols of Hall 1981 / ITB Table A1.4.2.7 as
 * listed by spglib). Operations are verified against spglib for all 230 groups in the tests.</p>
 */
public final class SpaceGroup {
    private static final SpaceGroup[] CACHE = new SpaceGroup[231];
    private static String[][] table;

    private final int number;
    private final int hallNumber;
    private final String hall;
    private final String hmShort;
    private final String hmFull;
    private final String setting;
    private final List<SymOp> ops;
    private final List<double[]> centring;

    private SpaceGroup(int number, int hallNumber, String hall, String hmShort, String hmFull, String setting) {
        this.number = number; this.hallNumber = hallNumber; this.hall = hall; this.hmShort = hmShort; this.hmFull = hmFull; this.setting = setting;
        HallSymbol h = HallSymbol.parse(hall);
        this.ops = List.copyOf(h.operations());
        this.centring = h.centringVectors();
    }

    private static synchronized String[][] table() {
        if (table == null) {
            String[][] t = new String[231][];
            try (InputStream in = SpaceGroup.class.getResourceAsStream("spacegroups.tsv")) {
                if (in == null) throw new StructureException("space-group table spacegroups.tsv missing from the class path");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    String[] f = line.split("\t");
                    t[Integer.parseInt(f[0])] = f;
                }
            } catch (IOException e) {
                throw new StructureException("cannot read space-group table: " + e.getMessage());
            }
            table = t;
        }
        return table;
    }

    /**
     * @param number ITA number 1..230
     * @return the group in its standard setting (cached)
     * @throws StructureException if the number is outside 1..230
     */
    public static SpaceGroup of(int number) {
        if (number < 1 || number > 230) throw new StructureException("unknown space group number " + number + " (must be 1..230)");
        synchronized (CACHE) {
            if (CACHE[number] == null) {
                String[] f = table()[number];
                CACHE[number] = new SpaceGroup(number, Integer.parseInt(f[1]), f[2], f[3], f[4], f[5]);
            }
            return CACHE[number];
        }
    }

    /**
     * Looks a group up by number ("227"), short or full Hermann–Mauguin symbol ("Fd-3m",
     * "F d -3 m", "F 4_1/d -3 2/m", "P2_1/c", "P21/c"), or Hall symbol ("-F 4vw 2vw 3").
     * Matching ignores spaces, underscores and case of nothing else.
     * @param symbol the text @return the group
     * @throws StructureException for an unknown symbol
     */
    public static SpaceGroup of(String symbol) {
        String s = symbol.trim();
        if (s.matches("\\d+")) return of(Integer.parseInt(s));
        String key = norm(s);
        String[][] t = table();
        for (int n = 1; n <= 230; n++) {
            if (norm(t[n][3]).equals(key) || norm(t[n][4]).equals(key) || t[n][2].equals(s)) return of(n);
        }
        throw new StructureException("unknown space group '" + symbol + "'");
    }

    private static String norm(String s) { return s.replace(" ", "").replace("_", ""); }

    /** @return ITA number 1..230 */
    public int number() { return number; }
    /** @return spglib Hall number (1..530) of this setting */
    public int hallNumber() { return hallNumber; }
    /** @return Hall symbol of the setting */
    public String hallSymbol() { return hall; }
    /** @return short Hermann–Mauguin symbol, e.g. "Fd-3m" */
    public String symbol() { return hmShort; }
    /** @return full Hermann–Mauguin symbol, e.g. "F 4_1/d -3 2/m" */
    public String fullSymbol() { return hmFull; }
    /** @return setting code ("2" origin choice 2, "H" hexagonal axes, "b" unique axis b, "-" unique) */
    public String setting() { return setting; }
    /** @return all operations of the conventional cell (centring translations included) */
    public List<SymOp> operations() { return ops; }
    /** @return number of operations in the conventional cell */
    public int order() { return ops.size(); }
    /** @return centring vectors including the origin */
    public List<double[]> centringVectors() {
        List<double[]> c = new ArrayList<>();
        for (double[] v : centring) c.add(v.clone());
        return c;
    }
    /** @return lattice centring letter P, A, B, C, I, R or F */
    public char centringSymbol() { return hall.charAt(hall.startsWith("-") ? 1 : 0); }
    /** @return order of the point group (operations per primitive cell) */
    public int pointGroupOrder() { return ops.size() / centring.size(); }

    /** @return crystal system name: triclinic, monoclinic, orthorhombic, tetragonal, trigonal, hexagonal, cubic */
    public String crystalSystem() {
        if (number <= 2) return "triclinic";
        if (number <= 15) return "monoclinic";
        if (number <= 74) return "orthorhombic";
        if (number <= 142) return "tetragonal";
        if (number <= 167) return "trigonal";
        if (number <= 194) return "hexagonal";
        return "cubic";
    }

    /**
     * Distinct images of a fractional position under all operations (its crystallographic orbit
     * in the conventional cell), wrapped into [0,1).
     * @param x fractional position (length 3)
     * @param lattice lattice used for the distance tolerance
     * @param tol two images closer than tol (Å; fractional differences reduced to [-½,½], valid for tol well below the cell size) are the same
     * @return list of positions; its size is the Wyckoff multiplicity of x
     */
    public List<double[]> orbit(double[] x, Lattice lattice, double tol) {
        double[] m = lattice.matrix();
        List<double[]> out = new ArrayList<>();
        for (SymOp op : ops) {
            double[] y = op.apply(x);
            for (int k = 0; k < 3; k++) { y[k] -= Math.floor(y[k]); if (y[k] >= 1 - 1e-12) y[k] = 0; }
            boolean dup = false;
            for (double[] z : out) {
                double d0 = z[0] - y[0], d1 = z[1] - y[1], d2 = z[2] - y[2];
                d0 -= Math.rint(d0); d1 -= Math.rint(d1); d2 -= Math.rint(d2);
                double x0 = d0 * m[0] + d1 * m[3] + d2 * m[6], x1 = d0 * m[1] + d1 * m[4] + d2 * m[7], x2 = d0 * m[2] + d1 * m[5] + d2 * m[8];
                if (x0 * x0 + x1 * x1 + x2 * x2 < tol * tol) { dup = true; break; }
            }
            if (!dup) out.add(y);
        }
        return out;
    }

    /**
     * Fractional-tolerance variant of {@link #orbit(double[], Lattice, double)}: images whose
     * coordinates agree within tol modulo 1 are merged.
     * @param x position @param tol tolerance in lattice units @return orbit
     */
    public List<double[]> orbit(double[] x, double tol) {
        List<double[]> out = new ArrayList<>();
        for (SymOp op : ops) {
            double[] y = op.apply(x);
            for (int k = 0; k < 3; k++) { y[k] -= Math.floor(y[k]); if (y[k] >= 1 - 1e-12) y[k] = 0; }
            boolean dup = false;
            for (double[] z : out) {
                boolean same = true;
                for (int k = 0; k < 3; k++) { double d = z[k] - y[k]; if (Math.abs(d - Math.rint(d)) > tol) { same = false; break; } }
                if (same) { dup = true; break; }
            }
            if (!dup) out.add(y);
        }
        return out;
    }

    @Override public String toString() { return hmShort + " (No. " + number + ", Hall '" + hall + "')"; }
}
