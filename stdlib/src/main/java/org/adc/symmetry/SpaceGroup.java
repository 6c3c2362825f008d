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

    // ---- all 530 settings (settings.tsv) ----------------------------------------------------

    private static String[][] settings;
    private static final SpaceGroup[] SETTING_CACHE = new SpaceGroup[531];

    private static synchronized String[][] settings() {
        if (settings == null) {
            String[][] t = new String[531][];
            try (InputStream in = SpaceGroup.class.getResourceAsStream("settings.tsv")) {
                if (in == null) throw new StructureException("space-group settings table settings.tsv missing from the class path");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    String[] f = line.split("\t");
                    t[Integer.parseInt(f[0])] = f;
                }
            } catch (IOException e) {
                throw new StructureException("cannot read space-group settings: " + e.getMessage());
            }
            settings = t;
        }
        return settings;
    }

    /**
     * A group in any of the 530 settings of spglib's database (ITA standard and non-standard
     * settings: origin choices, hexagonal/rhombohedral axes, monoclinic unique axes and cell
     * choices, orthorhombic axis permutations).
     * @param hallNumber 1..530 @return the group in that setting (cached)
     * @throws StructureException outside 1..530
     */
    public static SpaceGroup ofHallNumber(int hallNumber) {
        if (hallNumber < 1 || hallNumber > 530) throw new StructureException("unknown Hall number " + hallNumber + " (must be 1..530)");
        synchronized (SETTING_CACHE) {
            if (SETTING_CACHE[hallNumber] == null) {
                String[] f = settings()[hallNumber];
                int n = Integer.parseInt(f[1]);
                SpaceGroup std = of(n);
                SETTING_CACHE[hallNumber] = std.hallNumber() == hallNumber ? std
                    : new SpaceGroup(n, hallNumber, f[2], f[5], f[4], f[6]);
            }
            return SETTING_CACHE[hallNumber];
        }
    }

    /**
     * A group from a Hall symbol: the setting of the table with that symbol (spaces ignored), or
     * else the group generated from the symbol itself (number 0 = not identified).
     * @param hall Hall symbol, e.g. "-P 2ac 2n" or "P 3*" @return the group
     * @throws StructureException if the symbol cannot be parsed
     */
    public static SpaceGroup ofHallSymbol(String hall) {
        String key = hall.trim().replace(" ", "");
        String[][] t = settings();
        for (int h = 1; h <= 530; h++) if (t[h][2].replace(" ", "").equalsIgnoreCase(key)) return ofHallNumber(h);
        HallSymbol.parse(hall.trim());
        return new SpaceGroup(0, 0, hall.trim(), "Hall " + hall.trim(), "Hall " + hall.trim(), "-");
    }

    /**
     * The settings an H-M symbol (or an ITA number) can mean, after a CIF/ITA setting suffix:
     * ":1"/":2" or a trailing " S"/" Z" (origin choice 1/2), ":H"/":R" (hexagonal/rhombohedral
     * axes), ":b1".."c3" (monoclinic axis and cell choice), ":cab" etc. Symbols of non-standard
     * settings ("P b n m", "P 1 1 21/b", "P 21/n") select that setting. Without a suffix, a
     * symbol or number that leaves the origin choice or the axes open returns every candidate
     * (the caller decides from the cell or refuses); otherwise one setting.
     * @param text H-M symbol or number, as in a CIF
     * @return candidate settings (at least one)
     * @throws StructureException for an unknown symbol or a suffix that matches none of its settings
     */
    public static List<SpaceGroup> settingsOf(String text) {
        String s = text.trim();
        String choice = null;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            choice = s.substring(colon + 1).trim();
            s = s.substring(0, colon).trim();
        } else if (s.matches(".*\\S\\s+[SZHR]")) {
            choice = s.substring(s.length() - 1);
            s = s.substring(0, s.length() - 1).trim();
        }
        if ("S".equalsIgnoreCase(choice)) choice = "1";
        if ("Z".equalsIgnoreCase(choice)) choice = "2";
        if (choice != null) choice = choice.toUpperCase(java.util.Locale.ROOT).equals("H") || choice.toUpperCase(java.util.Locale.ROOT).equals("R")
            ? choice.toUpperCase(java.util.Locale.ROOT) : choice;
        String[][] t = settings();
        List<Integer> cand = new ArrayList<>();
        if (s.matches("\\d+")) {
            int n = Integer.parseInt(s);
            if (n < 1 || n > 230) throw new StructureException("unknown space group number " + n + " (must be 1..230)");
            int std = of(n).hallNumber();
            for (int h = 1; h <= 530; h++) {
                if (Integer.parseInt(t[h][1]) != n) continue;
                String c = t[h][6];
                if (h == std || c.equals("1") || c.equals("2") || c.equals("H") || c.equals("R")) cand.add(h);
            }
        } else {
            String key = norm(s);
            for (int h = 1; h <= 530; h++) {
                boolean hit = norm(t[h][4]).equals(key);
                for (String alt : t[h][3].split("=")) hit |= norm(alt).equals(key);
                if (hit) cand.add(h);
            }
            if (cand.isEmpty()) {
                for (int h = 1; h <= 530; h++) if (norm(t[h][5]).equals(key)) cand.add(h);
            }
            if (cand.isEmpty()) {
                for (int h = 1; h <= 530; h++) if (t[h][2].replace(" ", "").equals(s.replace(" ", ""))) cand.add(h);
            }
            if (cand.isEmpty()) throw new StructureException("unknown space group '" + text.trim() + "'");
        }
        if (choice != null) {
            List<Integer> keep = new ArrayList<>();
            for (int h : cand) if (t[h][6].equals(choice)) keep.add(h);
            if (keep.isEmpty()) {
                StringBuilder opts = new StringBuilder();
                for (int h : cand) opts.append(opts.length() > 0 ? ", " : "").append('\'').append(t[h][6]).append('\'');
                throw new StructureException("space group '" + s + "' has no setting '" + choice + "' (its settings: " + opts + ")");
            }
            cand = keep;
        }
        // a symbol shared by several settings that are not origin or axes alternatives (e.g. the
        // short monoclinic "P2_1/c" of all nine cells): the standard one
        boolean originOrAxes = true;
        for (int h : cand) originOrAxes &= List.of("1", "2", "H", "R").contains(t[h][6]);
        if (cand.size() > 1 && !originOrAxes) {
            int n = Integer.parseInt(t[cand.get(0)][1]);
            int std = of(n).hallNumber();
            cand = cand.contains(std) ? List.of(std) : List.of(cand.get(0));
        }
        List<SpaceGroup> out = new ArrayList<>();
        for (int h : cand) out.add(ofHallNumber(h));
        return out;
    }

    /** @return ITA number 1..230 (0 for a group built from an unlisted Hall symbol) */
    public int number() { return number; }
    /** @return spglib Hall number (1..530) of this setting */
    public int hallNumber() { return hallNumber; }
    /** @return Hall symbol of the setting */
    public String hallSymbol() { return hall; }
    /** @return short Hermann–Mauguin symbol, e.g. "Fd-3m" */
    public String symbol() { return hmShort; }
    /** @return full Hermann–Mauguin symbol, e.g. "F 4_1/d -3 2/m" */
    public String fullSymbol() { return hmFull; }
    /** @return setting code ("1"/"2" origin choice, "H"/"R" axes, "b", "b1".."c3" monoclinic, "cab"... orthorhombic, "-" standard/unique) */
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
