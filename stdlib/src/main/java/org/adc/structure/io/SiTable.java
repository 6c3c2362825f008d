package org.adc.structure.io;

import java.util.ArrayList;
import java.util.List;
import org.adc.chem.Elements;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;

/**
 * Reader for the plain "lattice vectors + fractional coordinates" tables of the supporting
 * information of seed 003 (a-Si / c-Si 64-atom cells with Li, Na, Mg):
 * <pre>
 * Lattice vectors (Å)
 * a  11.067  -0.175  0.187
 * b  -0.175  11.18   -0.077
 * c   0.188  -0.077  11.075
 * Fractional coordinates of the 64 atoms of Si
 *    a  b  c
 * Si 0.354 0.920 0.793
 * ...
 * </pre>
 * Blank lines, '#' comment lines and a free-text title line are allowed; the atom count announced in the
 * "Fractional coordinates of the N atoms of X [and M atom of Y]" line is checked.
 */
public final class SiTable {
    private SiTable() { }

    /**
     * @param text table text @param file name for errors
     * @return structure (title = text before the lattice block, if any)
     * @throws StructureException with file:line on malformed tables or wrong atom counts
     */
    public static Structure read(String text, String file) {
        TextInput in = new TextInput(text, file);
        StringBuilder title = new StringBuilder();
        double[] m = null;
        List<Site> sites = new ArrayList<>();
        int expected = -1, expectedLine = 0;
        boolean inCoords = false;
        while (in.hasNext()) {
            String line = in.next("table line");
            String[] t = TextInput.tokens(line);
            if (t.length == 0 || line.trim().startsWith("#")) continue;
            String low = line.toLowerCase();
            if (low.startsWith("lattice vectors")) {
                m = new double[9];
                for (int i = 0; i < 3; i++) {
                    String[] v;
                    do { v = TextInput.tokens(in.next("lattice vector " + "abc".charAt(i))); } while (v.length == 0);
                    if (v.length != 4 || !v[0].equalsIgnoreCase(String.valueOf("abc".charAt(i))))
                        throw in.error("expected 'a|b|c x y z' for lattice vector " + "abc".charAt(i) + ", found '" + String.join(" ", v) + "'");
                    for (int k = 0; k < 3; k++) m[3 * i + k] = in.num(v[k + 1], "lattice vector component");
                }
            } else if (low.startsWith("fractional coordinates")) {
                if (m == null) throw in.error("coordinates before the 'Lattice vectors' block");
                expected = 0;
                expectedLine = in.lineNo();
                java.util.regex.Matcher mm = java.util.regex.Pattern.compile("(\\d+)\\s+atoms?\\s+of").matcher(low);
                while (mm.find()) expected += Integer.parseInt(mm.group(1));
                inCoords = true;
            } else if (inCoords && t.length == 3 && t[0].equalsIgnoreCase("a") && t[1].equalsIgnoreCase("b") && t[2].equalsIgnoreCase("c")) {
                continue; // column header
            } else if (inCoords) {
                if (t.length != 4) throw in.error("atom line needs 'Element x y z', found " + t.length + " fields");
                if (!Elements.isElement(t[0])) throw in.error("unknown element '" + t[0] + "'");
                sites.add(new Site(t[0], new double[]{in.num(t[1], "x"), in.num(t[2], "y"), in.num(t[3], "z")}, 1.0, null, null));
            } else {
                if (title.length() > 0) title.append(' ');
                title.append(line.trim());
            }
        }
        if (m == null) throw new StructureException(in.file, in.lines.length, "no 'Lattice vectors' block");
        if (expected > 0 && sites.size() != expected)
            throw new StructureException(in.file, expectedLine, "header announces " + expected + " atoms but " + sites.size() + " coordinate lines follow");
        Lattice lat;
        try { lat = Lattice.fromVectors(m); } catch (StructureException e) { throw new StructureException(in.file, 0, e.getMessage()); }
        return new Structure(lat, sites, title.toString());
    }
}
