package org.adc.structure.io;

import java.util.ArrayList;
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
 * Extended XYZ as written by ASE ({@code ase.io.extxyz}): line 1 = atom count, line 2 =
 * key=value pairs with {@code Lattice="ax ay az bx by bz cx cy cz"} (Å),
 * {@code Properties=species:S:1:pos:R:3[:...]} and {@code pbc="T T T"}; then one line per atom
 * with the columns listed in Properties. Columns other than species and pos are skipped on
 * reading. Multiple frames are supported by {@link #readAll}. Only periodic frames (with a
 * Lattice) can be represented as {@link Structure}.
 */
public final class ExtXyz {
    private ExtXyz() { }

    /** @param text file content @param file name for errors @return the last frame (as {@code ase.io.read}; {@link #readAll} for all) */
    public static Structure read(String text, String file) { List<Structure> all = readAll(text, file); return all.get(all.size() - 1); }

    /**
     * @param text file content @param file name for errors
     * @return all frames (at least one)
     * @throws StructureException with file:line for malformed input
     */
    public static List<Structure> readAll(String text, String file) {
        TextInput in = new TextInput(text, file);
        List<Structure> frames = new ArrayList<>();
        while (in.hasNext()) {
            String first = in.next("atom count");
            if (first.isBlank()) { if (!in.hasNext() || allBlank(in)) break; throw in.error("blank line where an atom count was expected"); }
            int n = in.integer(TextInput.tokens(first)[0], "atom count");
            if (n < 0) throw in.error("negative atom count");
            String info = in.next("comment line with Lattice= and Properties=");
            int infoLine = in.lineNo();
            in.countFits(n, "atoms", 1);
            Map<String, String> kv = parseInfo(info, in, infoLine);
            if (!kv.containsKey("Lattice")) throw in.error(infoLine, "no Lattice=\"...\" in the comment line: non-periodic frames cannot be read as a crystal structure");
            String[] lt = kv.get("Lattice").trim().split("\\s+");
            if (lt.length != 9) throw in.error(infoLine, "Lattice needs 9 numbers, found " + lt.length);
            double[] m = new double[9];
            for (int i = 0; i < 9; i++) m[i] = in.num(lt[i], "Lattice component", infoLine);
            Lattice lat = in.lattice(m, infoLine);
            String props = kv.getOrDefault("Properties", "species:S:1:pos:R:3");
            String[] p = props.split(":");
            if (p.length % 3 != 0) throw in.error(infoLine, "Properties must be name:type:count triples, found '" + props + "'");
            int col = 0, spCol = -1, posCol = -1, total = 0;
            for (int i = 0; i < p.length; i += 3) {
                int cnt;
                try { cnt = Integer.parseInt(p[i + 2]); } catch (NumberFormatException e) { throw in.error(infoLine, "bad column count '" + p[i + 2] + "' in Properties"); }
                if (cnt < 1 || cnt > 1000) throw in.error(infoLine, "column count " + cnt + " of '" + p[i] + "' in Properties must be 1..1000");
                if (p[i].equals("species")) spCol = col;
                if (p[i].equals("pos")) { posCol = col; if (cnt != 3) throw in.error(infoLine, "pos must have 3 columns"); }
                col += cnt;
                total = col;
            }
            if (spCol < 0 || posCol < 0) throw in.error(infoLine, "Properties must contain species and pos");
            List<Site> sites = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] t = TextInput.tokens(in.next("atom line " + (i + 1) + " of " + n));
                if (t.length < total) throw in.error("atom line has " + t.length + " columns, Properties declare " + total);
                String sp = t[spCol];
                if (!Elements.isElement(sp)) throw in.error("unknown element '" + sp + "'");
                double[] r = {in.num(t[posCol], "x"), in.num(t[posCol + 1], "y"), in.num(t[posCol + 2], "z")};
                sites.add(new Site(sp, in.fractional(lat.toFractional(r), in.lineNo()), 1.0, null, null));
            }
            frames.add(new Structure(lat, sites, kv.getOrDefault("comment", "")));
        }
        if (frames.isEmpty()) throw new StructureException(in.file, 1, "no frames in file");
        return frames;
    }

    private static boolean allBlank(TextInput in) {
        for (int i = in.pos; i < in.lines.length; i++) if (!in.lines[i].isBlank()) return false;
        in.pos = in.lines.length;
        return true;
    }

    /** Parses key=value pairs; values may be "quoted", {braced} or bare; bare keys get "T". */
    static Map<String, String> parseInfo(String s, TextInput in, int line) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            int k0 = i;
            while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
            String key = s.substring(k0, i);
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i < n && s.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                String val;
                if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '{')) {
                    char close = s.charAt(i) == '"' ? '"' : '}';
                    int e = s.indexOf(close, i + 1);
                    if (e < 0) throw in.error(line, "unterminated " + s.charAt(i) + " in value of " + key);
                    val = s.substring(i + 1, e);
                    i = e + 1;
                } else {
                    int v0 = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                    val = s.substring(v0, i);
                }
                kv.put(key, val);
            } else kv.put(key, "T");
        }
        return kv;
    }

    /**
     * Writes one frame in ASE's layout: species:S:1:pos:R:3, pbc="T T T", positions in Å with
     * 10 decimals (better than 1e-8 Å round trip).
     * @param s structure @return file text
     */
    public static String write(Structure s) {
        StringBuilder b = new StringBuilder();
        double[] m = s.cell();
        b.append(s.size()).append('\n');
        b.append("Lattice=\"");
        for (int i = 0; i < 9; i++) b.append(i > 0 ? " " : "").append(fmt(m[i]));
        b.append("\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n");
        double[] r = s.cartesianPositions();
        for (int i = 0; i < s.size(); i++)
            b.append(String.format(Locale.ROOT, "%-2s %20.10f %20.10f %20.10f%n", s.site(i).species(), r[3 * i], r[3 * i + 1], r[3 * i + 2]));
        return b.toString();
    }

    private static String fmt(double x) { return String.format(Locale.ROOT, "%.12f", x); }
}
