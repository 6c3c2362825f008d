package org.adc.structure;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.adc.symmetry.SymmetryFinder;
import org.junit.jupiter.api.Test;

class DefectsTest {

    @Test
    void supercellsKeepDensityAndSymmetry() {
        Structure d = Prototypes.diamond("Si", Prototypes.A_SI);
        Structure s = Supercells.repeat(d, 2, 2, 2);
        assertEquals(64, s.size());
        assertEquals(8 * d.lattice().volume(), s.lattice().volume(), 1e-9);
        Structure fccPrim = Supercells.make(d, new int[]{0, 1, 1, 1, 0, 1, 1, 1, 0});
        assertEquals(16, fccPrim.size());
        assertEquals(227, SymmetryFinder.find(s, 1e-3).number());
        assertEquals(227, SymmetryFinder.find(fccPrim, 1e-3).number());
        assertThrows(StructureException.class, () -> Supercells.make(d, new int[]{1, 0, 0, 0, 1, 0, 0, 0, 0}));
    }

    @Test
    void clathrateHasThreeDistinctSiSitesWithPaperMultiplicities() {
        Structure na = Prototypes.na24si136();
        List<SiteClass> cls = Defects.distinctSites(na, 1e-3);
        assertEquals(5, cls.size());
        Map<SiteClass, Structure> vac = Defects.distinctVacancies(na, "Si", 1e-3);
        assertEquals(3, vac.size());
        int[] mult = vac.keySet().stream().mapToInt(SiteClass::multiplicity).sorted().toArray();
        assertArrayEquals(new int[]{8, 32, 96}, mult);
        for (SiteClass c : vac.keySet()) assertEquals(c.multiplicity() + c.wyckoff().replaceAll("[0-9]", ""), c.wyckoff().replaceAll("^[0-9]+", "").isEmpty() ? "" : c.wyckoff());
        for (Structure v : vac.values()) assertEquals(159, v.size());
        // the symmetry left by each Si vacancy agrees with spglib (see SymmetryFinderTest references: 8, 160, 215)
        for (Map.Entry<SiteClass, Structure> e : vac.entrySet()) {
            int expected = switch (e.getKey().wyckoff()) { case "96g" -> 8; case "32e" -> 160; default -> 215; };
            assertEquals(expected, SymmetryFinder.find(e.getValue(), 1e-3).number(), e.getKey().wyckoff());
        }
    }

    @Test
    void pointDefectsAndSeededDisorder() {
        Structure d = Supercells.repeat(Prototypes.diamond("Si", Prototypes.A_SI), 2, 2, 2);
        assertEquals(63, Defects.vacancy(d, 0).size());
        assertEquals("Ge", Defects.substitution(d, 3, "Ge").site(3).species());
        Structure li = Defects.interstitial(d, "Li", new double[]{0.25 + 0.125 / 2, 0.125 + 0.0625, 0.1875}, 1.0);
        assertEquals(65, li.size());
        assertThrows(StructureException.class, () -> Defects.interstitial(d, "Li", d.site(0).frac(), 1.0));
        Structure fr = Defects.frenkelPair(d, 0, new double[]{0.1875, 0.1875, 0.1875}, 1.0);
        assertEquals(64, fr.size());
        // random vacancy ordering of the x = 1 antiperovskite Na2(NH2)(BH4): 2/3 Na occupancy in a 3x3x3 cell
        Structure ap = Prototypes.antiperovskite("Na", "N", "B", 4.70);
        java.util.List<Site> s = new java.util.ArrayList<>();
        for (Site x : ap.sites()) s.add(x.species().equals("Na") ? x.withOccupancy(2.0 / 3) : x);
        Structure part = Supercells.repeat(ap.withSites(s), 3, 3, 3);
        Structure o1 = Defects.orderPartialOccupancies(part, 42), o2 = Defects.orderPartialOccupancies(part, 42), o3 = Defects.orderPartialOccupancies(part, 7);
        assertEquals(54, o1.sites().stream().filter(x -> x.species().equals("Na")).count());
        assertEquals(o1.formula(), "B27N27Na54");
        assertEquals(o1.sites(), o2.sites());
        assertNotEquals(o1.sites(), o3.sites());
        assertEquals(60, Defects.randomVacancies(d, "Si", 4, 1).size());
    }

    @Test
    void voronoiInterstitialsOfDiamondAndClathrate() {
        List<Interstitials.Candidate> c = Interstitials.voronoiCandidates(Prototypes.diamond("Si", Prototypes.A_SI), 1.5, 1e-3);
        Interstitials.Candidate td = c.get(0);
        assertEquals(Math.sqrt(3) / 4 * Prototypes.A_SI, td.radius(), 0.01); // tetrahedral site, 4 Si at a√3/4
        assertEquals(8, td.multiplicity());
        Structure si136 = Prototypes.clathrateII("Si", null, Prototypes.A_NA24SI136, Prototypes.X32E_NA24SI136, Prototypes.X96G_NA24SI136, Prototypes.Z96G_NA24SI136);
        List<Interstitials.Candidate> cc = Interstitials.voronoiCandidates(si136, 3.0, 1e-3);
        assertEquals(8, cc.get(0).multiplicity());   // Si28 cage centres (8b)
        assertEquals("8b", org.adc.symmetry.WyckoffTable.identify(org.adc.symmetry.SpaceGroup.of(227), cc.get(0).frac(), si136.lattice(), 1e-3).label());
        // the largest empty sphere in the (slightly irregular) Si20 cage sits ~0.1 Å off its centre 16c (0,0,0)
        double best = 9;
        for (double[] e : cc.get(1).equivalents()) best = Math.min(best, si136.lattice().minimumImageDistance(e));
        assertTrue(best < 0.3, "second candidate is " + best + " Å from a Si20 centre");
        assertTrue(cc.get(0).radius() > cc.get(1).radius());
    }
}
