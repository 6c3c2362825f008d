package org.adc.analysis;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;

/**
 * Reader for VASP 5 XDATCAR trajectories: a POSCAR-like header (comment, scale, three lattice vectors, element
 * symbols, counts), then blocks "Direct configuration= N" of N_atoms fractional positions. Variable-cell runs
 * (ISIF ≥ 3) repeat the header before every block; each frame keeps its own cell. A negative scale is a cell
 * volume (Å³) as in POSCAR. VASP 4 files without the element line are refused (the symbols cannot be known).
 */
public final class Xdatcar {
    private Xdatcar() {
    }

    /** All frames of an XDATCAR text; {@code file} names it in messages. */
    public static List<Structure> read(String text, String file) {
        String[] lines = text.split("\r?\n", -1);
        List<Structure> frames = new ArrayList<>();
        int i = 0;
        Lattice lat = null;
        String[] species = null;
        while (i < lines.length) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                i++;
                continue;
            }
            if (l.startsWith("Direct") || l.startsWith("Cartesian") || l.startsWith("direct")) {
                if (lat == null) {
                    throw err(file, i, "configuration block before the header", "an XDATCAR starts with a POSCAR-like header");
                }
                boolean cart = l.startsWith("Cartesian");
                List<Site> sites = new ArrayList<>(species.length);
                for (int a = 0; a < species.length; a++) {
                    int ln = i + 1 + a;
                    if (ln >= lines.length) {
                        if (frames.isEmpty()) {
                            throw err(file, ln, "the file ends inside the first configuration", "check the file is complete");
                        }
                        return frames; // a run cut off mid-frame: keep the complete frames
                    }
                    double[] v = nums(lines[ln], 3, file, ln, "three coordinates");
                    sites.add(new Site(species[a], cart ? lat.toFractional(v) : v, 1.0, null, null));
                }
                frames.add(new Structure(lat, sites, file + " #" + (frames.size() + 1)));
                i += 1 + species.length;
                continue;
            }
            // header: comment, scale, 3 vectors, symbols, counts
            if (i + 6 >= lines.length) {
                throw err(file, i, "incomplete header", "an XDATCAR header has 7 lines: comment, scale, 3 lattice vectors, symbols, counts");
            }
            double scale = nums(lines[i + 1], 1, file, i + 1, "the scale factor")[0];
            double[] m = new double[9];
            for (int r = 0; r < 3; r++) {
                double[] v = nums(lines[i + 2 + r], 3, file, i + 2 + r, "a lattice vector");
                System.arraycopy(v, 0, m, 3 * r, 3);
            }
            Lattice raw = Lattice.fromVectors(m);
            double f = scale > 0 ? scale : Math.cbrt(-scale / raw.volume());
            for (int k = 0; k < 9; k++) {
                m[k] *= f;
            }
            lat = Lattice.fromVectors(m);
            String[] sym = lines[i + 5].strip().split("\\s+");
            if (sym.length > 0 && sym[0].matches("[0-9]+")) {
                throw err(file, i + 5, "no element symbols (VASP 4 format)", "add the line of element symbols above the counts, as VASP 5 writes it");
            }
            double[] cnt = nums(lines[i + 6], sym.length, file, i + 6, sym.length + " atom counts");
            List<String> sp = new ArrayList<>();
            for (int k = 0; k < sym.length; k++) {
                for (int c = 0; c < (int) cnt[k]; c++) {
                    sp.add(sym[k].split("/")[0].split("_")[0]);
                }
            }
            if (species != null && species.length != sp.size()) {
                throw err(file, i + 6, "atom count changed from " + species.length + " to " + sp.size(), "a trajectory keeps its atoms");
            }
            species = sp.toArray(new String[0]);
            i += 7;
        }
        if (frames.isEmpty()) {
            throw new AdcError(file + ": no configurations found", "an XDATCAR has blocks starting with \"Direct configuration=\"");
        }
        return frames;
    }

    private static double[] nums(String line, int n, String file, int ln, String what) {
        String[] t = line.strip().split("\\s+");
        if (t.length < n) {
            throw err(file, ln, "expected " + what + ", found '" + line.strip() + "'", "check the XDATCAR layout");
        }
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            try {
                v[k] = Double.parseDouble(t[k]);
            } catch (NumberFormatException e) {
                throw err(file, ln, "expected " + what + ", found '" + t[k] + "'", "check the XDATCAR layout");
            }
        }
        return v;
    }

    private static AdcError err(String file, int line, String msg, String hint) {
        return new AdcError(file + ":" + (line + 1) + ": " + msg, hint);
    }
}
