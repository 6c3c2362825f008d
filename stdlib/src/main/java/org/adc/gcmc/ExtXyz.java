package org.adc.gcmc;

import java.io.IOException;
import java.util.Locale;

/**
 * Writes a {@link Configuration} as an extended-XYZ frame (the ASE / QUIP "extxyz" format):
 * atom count, a comment line with {@code Lattice="..." Properties=species:S:1:pos:R:3} and extra
 * key=value pairs, then one line per atom. Orthorhombic cell, positions in Å.
 */
public final class ExtXyz {
    private ExtXyz() {
    }

    /**
     * @param c            configuration
     * @param speciesNames element / species name per species code
     * @param info         extra comment-line entries, e.g. "energy=-1.23 mu=-1.5" (may be empty)
     * @param out          destination
     * @throws IOException from {@code out}
     */
    public static void write(Configuration c, String[] speciesNames, String info, Appendable out) throws IOException {
        out.append(Integer.toString(c.size())).append('\n');
        out.append(String.format(Locale.ROOT, "Lattice=\"%.8f 0 0 0 %.8f 0 0 0 %.8f\" Properties=species:S:1:pos:R:3 pbc=\"T T T\"",
                c.boxLength(0), c.boxLength(1), c.boxLength(2)));
        if (info != null && !info.isBlank()) {
            out.append(' ').append(info.trim());
        }
        out.append('\n');
        for (int i = 0; i < c.size(); i++) {
            out.append(String.format(Locale.ROOT, "%s %.8f %.8f %.8f\n", speciesNames[c.species(i)], c.position(i, 0),
                    c.position(i, 1), c.position(i, 2)));
        }
    }
}
