package org.adc.structure.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adc.chem.Elements;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;

/**
 * VASP POSCAR/CONTCAR (VASP ≥ 5 with the species line; VASP 4 files take the species from the
 * comment line as ASE does). Format: VASP manual, "POSCAR". Supports a negative scale factor
 * (= target volume, Å³), "Selective dynamics" (flags ignored), Direct/Cartesian coordinates.
 * Lattice vectors in Å; velocities after the positions are ignored.
 */
public final class Poscar {
    private Poscar() { }

    /**
     * @param text file content @param file name used in error messages
     * @return the structure (title = comment line)
     * @throws StructureException with file:line on malformed input
     */
    public static Structure read(String text, String file) {
        TextInput in = new TextInput(text, file);
        String comment = in.next("comment line").trim();
        String[] sc = TextInput.tokens(in.next("scale factor"));
        if (sc.length == 0) throw in.error("missing scale factor");
        double scale = in.num(sc[0], "scale factor");
        if (scale == 0) throw in.error("scale factor must not be zero");
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            String[] t = TextInput.tokens(in.next("lattice vector " + (i + 1)));
            if (t.length < 3) throw in.error("lattice vector " + (i + 1) + " needs 3 numbers, found " + t.length);
            for (int k = 0; k < 3; k++) m[3 * i + k] = in.num(t[k], "lattice vector component");
        }
        int cellLine = in.lineNo();
        double s = scale;
        if (scale < 0) {
            double v = Math.abs(Lattice.det(m));
            s = Math.cbrt(-scale / v);
        }
        for (int i = 0; i < 9; i++) m[i] *= s;
        Lattice lat = in.lattice(m, cellLine);
        String[] t = TextInput.tokens(in.next("species names or counts"));
        if (t.length == 0) throw in.error("empty line where species names or counts were expected");
        String[] species;
        String[] countsTok;
        if (Character.isLetter(t[0].charAt(0))) {
            species = new String[t.length];
            for (int i = 0; i < t.length; i++) {
                String sym = t[i].split("[_/]")[0];
                if (!Elements.isElement(sym)) throw in.error("unknown element '" + t[i] + "' in species line");
                species[i] = sym;
            }
            countsTok = TextInput.tokens(in.next("atom counts"));
        } else {
            countsTok = t;
            String[] ct = TextInput.tokens(comment);
            List<String> sp = new ArrayList<>();
            for (String c : ct) if (Elements.isElement(c)) sp.add(c);
            if (sp.size() < countsTok.length) throw in.error("VASP 4 file without species line and no species names in the comment line");
            species = sp.subList(0, countsTok.length).toArray(new String[0]);
        }
        if (countsTok.length != species.length) throw in.error(species.length + " species but " + countsTok.length + " counts");
        int[] counts = new int[countsTok.length];
        long declared = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.integer(countsTok[i], "atom count");
            if (counts[i] < 0) throw in.error("negative atom count " + counts[i]);
            declared += counts[i];
        }
        String mode = in.next("coordinate mode").trim();
        if (mode.toLowerCase(Locale.ROOT).startsWith("s")) mode = in.next("coordinate mode").trim();
        if (mode.isEmpty()) throw in.error("missing coordinate mode (Direct or Cartesian)");
        char c0 = Character.toLowerCase(mode.charAt(0));
        boolean cart = c0 == 'c' || c0 == 'k';
        if (!cart && c0 != 'd') throw in.error("coordinate mode must be Direct or Cartesian, found '" + mode + "'");
        int n = in.countFits(declared, "atoms", 1);
        List<Site> sites = new ArrayList<>(n);
        int spec = 0, left = counts.length > 0 ? counts[0] : 0;
        for (int i = 0; i < n; i++) {
            while (left == 0) { spec++; left = counts[spec]; }
            String[] p = TextInput.tokens(in.next("coordinates of atom " + (i + 1) + " of " + n));
            if (p.length < 3) throw in.error("atom " + (i + 1) + " needs 3 coordinates, found " + p.length);
            double[] x = {in.num(p[0], "coordinate"), in.num(p[1], "coordinate"), in.num(p[2], "coordinate")};
            if (cart) x = lat.toFractional(new double[]{x[0] * s, x[1] * s, x[2] * s});
            in.fractional(x, in.lineNo());
            sites.add(new Site(species[spec], x, 1.0, null, null));
            left--;
        }
        return new Structure(lat, sites, comment);
    }

    /**
     * Writes VASP 5 POSCAR, Direct coordinates, scale 1, atoms in the structure's order: the
     * species and count lines list consecutive runs ("Na Si Na / 1 2 1", as ASE writes with
     * {@code sort=False}; VASP reads repeated species), so atom i of the file is site i.
     * @param s structure, fully occupied (see {@link StructureIO#format}) @return file text
     */
    public static String write(Structure s) { return write(s, false); }

    /**
     * @param s structure @param sort true: species grouped in order of first appearance (atoms
     *        reordered; one block per species as older tools expect); false: the structure's order
     * @return file text
     */
    public static String write(Structure s, boolean sort) {
        List<Site> sites = new ArrayList<>(s.sites());
        if (sort) {
            List<String> order = new ArrayList<>();
            for (Site x : sites) if (!order.contains(x.species())) order.add(x.species());
            sites.sort(java.util.Comparator.comparingInt(x -> order.indexOf(x.species())));
        }
        StringBuilder b = new StringBuilder();
        b.append(s.title().isEmpty() ? s.formula() : s.title().replace('\n', ' ')).append('\n');
        b.append("1.0\n");
        double[] m = s.cell();
        for (int i = 0; i < 3; i++) b.append(String.format(Locale.ROOT, "  %22.16f %22.16f %22.16f%n", m[3 * i], m[3 * i + 1], m[3 * i + 2]));
        StringBuilder names = new StringBuilder(), counts = new StringBuilder();
        for (int i = 0; i < sites.size(); ) {
            int j = i;
            while (j < sites.size() && sites.get(j).species().equals(sites.get(i).species())) j++;
            names.append(String.format(Locale.ROOT, " %4s", sites.get(i).species()));
            counts.append(String.format(Locale.ROOT, " %4d", j - i));
            i = j;
        }
        b.append(names).append('\n').append(counts).append('\n').append("Direct\n");
        for (Site x : sites) b.append(String.format(Locale.ROOT, "  %20.16f %20.16f %20.16f%n", x.frac(0), x.frac(1), x.frac(2)));
        return b.toString();
    }
}
