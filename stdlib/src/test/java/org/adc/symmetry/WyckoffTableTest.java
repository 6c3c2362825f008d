package org.adc.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.adc.structure.Lattice;
import org.junit.jupiter.api.Test;

/** The generated Wyckoff table: consistency for all 230 groups and agreement with a hand-typed ITA subset. */
class WyckoffTableTest {
    static final double[] FREE = {0.0731, 0.1627, 0.2893};
    /** Free parameters of structure/ref/wyckoff_first_triplet_ref.tsv. */
    static final double[] FREE_REF = {0.1173, 0.2341, 0.3617};

    static Lattice latticeFor(int n) {
        if (n <= 2) return Lattice.fromParameters(4.1, 5.3, 6.2, 78, 83, 97);
        if (n <= 15) return Lattice.fromParameters(4.1, 5.3, 6.2, 90, 103, 90);
        if (n <= 74) return Lattice.fromParameters(4.1, 5.3, 6.2, 90, 90, 90);
        if (n <= 142) return Lattice.fromParameters(4.1, 4.1, 6.2, 90, 90, 90);
        if (n <= 194) return Lattice.hexagonal(4.1, 6.2);
        return Lattice.cubic(5.3);
    }

    @Test
    void all230GroupsAreConsistent() {
        int total = 0;
        for (int n = 1; n <= 230; n++) {
            SpaceGroup g = SpaceGroup.of(n);
            Lattice l = latticeFor(n);
            List<WyckoffPosition> ps = WyckoffTable.generated(n);
            assertFalse(ps.isEmpty(), "group " + n);
            WyckoffPosition general = ps.get(ps.size() - 1);
            assertEquals(g.order(), general.multiplicity(), "general position of " + n);
            for (int i = 0; i < ps.size(); i++) {
                WyckoffPosition w = ps.get(i);
                String expected = i < 26 ? String.valueOf((char) ('a' + i)) : String.valueOf((char) ('A' + i - 26));
                assertEquals(expected, w.letter(), "letters of group " + n);
                double[] p = w.position(FREE);
                assertEquals(w.multiplicity(), g.orbit(p, l, 1e-4).size(), n + " " + w);
                assertEquals(g.order() / w.multiplicity() * w.multiplicity(), g.order());
                assertEquals(w.label(), WyckoffTable.identify(g, p, l, 1e-4).label(), n + " " + w);
            }
            total += ps.size();
        }
        assertEquals(1731, total); // number of Wyckoff positions of the 230 space-group types
    }

    @Test
    void matchesHandTypedItaSubset() throws Exception {
        int checked = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/org/adc/symmetry/wyckoff_ita.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                int n = Integer.parseInt(f[0]);
                WyckoffPosition ita = new WyckoffPosition(n, f[1], Integer.parseInt(f[2]), f[3], f[4]);
                WyckoffPosition gen = WyckoffTable.generated(n).stream().filter(w -> w.letter().equals(f[1])).findFirst().orElseThrow();
                assertEquals(ita.multiplicity(), gen.multiplicity(), line);
                // the ITA triplet's generic point lies on the generated position with the same letter
                SpaceGroup g = SpaceGroup.of(n);
                assertTrue(gen.contains(g, ita.position(FREE), latticeFor(n), 1e-4), "ITA triplet " + f[4] + " of " + n + f[1]);
                assertEquals(gen.multiplicity(), g.orbit(ita.position(FREE), latticeFor(n), 1e-4).size());
                checked++;
            }
        }
        assertEquals(71, checked);
    }
}
