package org.adc.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.adc.structure.Lattice;
import org.adc.structure.Site;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.junit.jupiter.api.Test;

/**
 * ITA first triplets of all 1731 Wyckoff positions against a reference evaluated with
 * python3-spglib (structure/ref/regenerate_wyckoff_ita.py, wyckoff_first_triplet_ref.tsv): the
 * site built from the free parameters is ITA's first representative, its orbit under adc's
 * operations has the multiplicity, and free parameters the position does not have are refused.
 */
class WyckoffFirstTripletTest {
    @Test
    void everyPositionMatchesTheIndependentReference() throws Exception {
        int rows = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/structure/ref/wyckoff_first_triplet_ref.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                int n = Integer.parseInt(f[0]);
                String letter = f[1];
                int mult = Integer.parseInt(f[2]);
                String used = f[4].equals("-") ? "" : f[4];
                String[] p = f[5].split(" ");
                double[] expected = {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])};
                assertEquals(mult, Integer.parseInt(f[6]), line);
                WyckoffPosition w = WyckoffTable.position(n, letter);
                assertEquals(mult, w.multiplicity(), line);
                assertEquals(f[3], w.triplet(), line);
                assertEquals(used, w.freeParameters(), line);
                Map<String, Double> given = new java.util.HashMap<>();
                for (char c : used.toCharArray()) given.put(String.valueOf(c), WyckoffTableTest.FREE_REF[c - 'x']);
                Site s = CrystalBuilder.wyckoffSite(n, letter, "Na", given, 1.0, null);
                for (int k = 0; k < 3; k++) assertEquals(expected[k], s.frac(k), 1e-9, line);
                Lattice l = WyckoffTableTest.latticeFor(n);
                Structure st = CrystalBuilder.build(SpaceGroup.of(n), l, List.of(s), 1e-4);
                assertEquals(mult, st.size(), line);
                for (char c : "xyz".toCharArray()) {
                    if (used.indexOf(c) >= 0) continue;
                    Map<String, Double> extra = new java.util.HashMap<>(given);
                    extra.put(String.valueOf(c), 0.3);
                    assertThrows(StructureException.class, () -> CrystalBuilder.wyckoffSite(n, letter, "Na", extra, 1.0, null), line + " " + c);
                }
                rows++;
            }
        }
        assertEquals(1731, rows);
    }

    @Test
    void issueCasesGiveTheMultiplicity() {
        // R-3m 18f x = 0.3: 18 atoms (was 3 at the origin)
        Site f = CrystalBuilder.wyckoffSite(166, "18f", "O", Map.of("x", 0.3), 1.0, null);
        assertEquals(18, CrystalBuilder.build(SpaceGroup.of(166), Lattice.hexagonal(5.0, 13.0), List.of(f)).size());
        Site i = CrystalBuilder.wyckoffSite(139, "i", "O", Map.of("x", 0.3), 1.0, null);
        assertEquals(8, CrystalBuilder.build(SpaceGroup.of(139), Lattice.fromParameters(4, 4, 9, 90, 90, 90), List.of(i)).size());
        Site j = CrystalBuilder.wyckoffSite(191, "j", "O", Map.of("x", 0.3), 1.0, null);
        assertEquals(6, CrystalBuilder.build(SpaceGroup.of(191), Lattice.hexagonal(5.0, 4.0), List.of(j)).size());
        Site h = CrystalBuilder.wyckoffSite(216, "h", "O", Map.of("x", 0.1, "z", 0.3), 1.0, null);
        assertEquals(48, CrystalBuilder.build(SpaceGroup.of(216), Lattice.cubic(6.0), List.of(h)).size());
    }

    @Test
    void specialValueOfAFreeParameterIsRefused() {
        // Fd-3m (origin 2) 32e x,x,x with x = 1/8 lies on 8a: 8 atoms, not 32
        Site e = CrystalBuilder.wyckoffSite(227, "32e", "Si", Map.of("x", 0.125), 1.0, null);
        StructureException ex = assertThrows(StructureException.class,
            () -> CrystalBuilder.build(SpaceGroup.of(227), Lattice.cubic(5.43), List.of(e)));
        assertTrue(ex.getMessage().contains("8a"), ex.getMessage());
    }

    @Test
    void unusedFreeParameterAndWrongMultiplicityAreRefused() {
        StructureException ex = assertThrows(StructureException.class,
            () -> CrystalBuilder.wyckoffSite(166, "f", "O", Map.of("x", 0.3, "z", 0.1), 1.0, null));
        assertTrue(ex.getMessage().contains("x,0,0"), ex.getMessage());
        assertThrows(StructureException.class, () -> WyckoffTable.position(227, "16e"));
    }
}
