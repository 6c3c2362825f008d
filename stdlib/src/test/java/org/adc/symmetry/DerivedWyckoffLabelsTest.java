package org.adc.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.TreeMap;
import org.adc.structure.Defects;
import org.adc.structure.Prototypes;
import org.adc.structure.SiteClass;
import org.adc.structure.Structure;
import org.adc.structure.Supercells;
import org.junit.jupiter.api.Test;

/** Derived structures carry detected Wyckoff labels, never the parent's (spglib 2.0.2 reference in the comments). */
class DerivedWyckoffLabelsTest {
    @Test
    void naclSupercellWithAVacancyGetsItsOwnOrbits() {
        Structure s = Prototypes.rocksalt("Na", "Cl", 5.64);
        Structure d = Supercells.repeat(s, 2, 2, 2).remove(0);
        for (int i = 0; i < d.size(); i++) assertNull(d.site(i).wyckoff(), "labels are dropped on derivation");
        Map<String, Integer> got = new TreeMap<>();
        for (SiteClass c : Defects.distinctSites(d, 1e-3)) got.put(c.species() + " " + c.wyckoff(), c.indices().length);
        // spglib: Pm-3m; Na 1b, 3c, 3d, 12i, 12j; Cl 6e, 6f, 8g, 12h
        assertEquals(Map.of("Na 1b", 1, "Na 3c", 3, "Na 3d", 3, "Na 12i", 12, "Na 12j", 12,
            "Cl 6e", 6, "Cl 6f", 6, "Cl 8g", 8, "Cl 12h", 12), got);
    }

    @Test
    void perfectSupercellIsDetectedAsTheParent() {
        Structure s = Supercells.repeat(Prototypes.rocksalt("Na", "Cl", 5.64), 2, 1, 1);
        String[] w = SymmetryFinder.wyckoffLabels(s, 1e-3);
        for (int i = 0; i < s.size(); i++) assertEquals(s.site(i).species().equals("Na") ? "4a" : "4b", w[i]);
    }
}
