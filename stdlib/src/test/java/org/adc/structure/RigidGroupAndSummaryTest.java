package org.adc.structure;

import static org.junit.jupiter.api.Assertions.*;

import org.adc.symmetry.StructureSummary;
import org.junit.jupiter.api.Test;

class RigidGroupAndSummaryTest {

    @Test
    void bh4AndNh2InTheAntiperovskite() {
        Structure ap = Prototypes.antiperovskite("Na", "N", "B", 4.70);
        int b = 4; // sites: 3 Na (3c), N (1b), B (1a)
        assertEquals("B", ap.site(b).species());
        Structure withBh4 = RigidGroup.bh4().replace(ap, b, RigidGroup.euler(0, 0, 0));
        Structure full = RigidGroup.nh2().replace(withBh4, 3, RigidGroup.euler(30, 45, 60));
        assertEquals("BH6NNa3", full.formula());
        assertEquals(3 + 5 + 3, full.size());
        // B–H and N–H distances preserved by any rotation
        for (int i = 0; i < full.size(); i++) for (int j = 0; j < full.size(); j++) {
            if (full.site(i).species().equals("B") && full.site(j).species().equals("H") && full.site(j).label().startsWith("BH4")) assertEquals(1.21, full.distance(i, j), 1e-9);
            if (full.site(i).species().equals("N") && full.site(j).species().equals("H") && full.site(j).label().startsWith("NH2")) assertEquals(1.02, full.distance(i, j), 1e-9);
        }
        assertThrows(StructureException.class, () -> RigidGroup.bh4().sites(ap.lattice(), new double[3], new double[]{1, 0, 0, 0, 1, 0, 0, 0, -1}));
    }

    @Test
    void summaryShowsSpaceGroupAndSites() {
        String s = StructureSummary.describe(Prototypes.na24si136(), 1e-3);
        assertTrue(s.startsWith("Na24Si136"), s);
        assertTrue(s.contains("Fd-3m (No. 227)"), s);
        assertTrue(s.contains("96g") && s.contains("32e") && s.contains("8a") && s.contains("16c") && s.contains("8b"));
    }
}
