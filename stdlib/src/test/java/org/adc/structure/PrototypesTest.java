package org.adc.structure;

import static org.junit.jupiter.api.Assertions.*;

import org.adc.structure.neighbor.NeighborList;
import org.adc.symmetry.SpaceGroup;
import org.adc.symmetry.WyckoffPosition;
import org.adc.symmetry.WyckoffTable;
import org.junit.jupiter.api.Test;

class PrototypesTest {

    static long count(Structure s, String sp) { return s.sites().stream().filter(x -> x.species().equals(sp)).count(); }

    @Test
    void na24si136CountsAndCoordination() {
        Structure s = Prototypes.na24si136();
        assertEquals(160, s.size());
        assertEquals(136, count(s, "Si"));
        assertEquals(24, count(s, "Na"));
        assertEquals("Na24Si136", s.formula());
        assertEquals(96, s.sites().stream().filter(x -> "96g".equals(x.wyckoff())).count());
        assertEquals(32, s.sites().stream().filter(x -> "32e".equals(x.wyckoff())).count());
        assertEquals(8, s.sites().stream().filter(x -> "8a".equals(x.wyckoff())).count());
        assertEquals(16, s.sites().stream().filter(x -> "16c".equals(x.wyckoff())).count());
        assertEquals(8, s.sites().stream().filter(x -> "8b".equals(x.wyckoff())).count());
        Structure si = Prototypes.clathrateII("Si", null, Prototypes.A_NA24SI136, Prototypes.X32E_NA24SI136, Prototypes.X96G_NA24SI136, Prototypes.Z96G_NA24SI136);
        NeighborList nl = NeighborList.build(si.cartesianPositions(), si.cell(), 2.6);
        for (int i = 0; i < si.size(); i++) {
            assertEquals(4, nl.end(i) - nl.start(i), "Si " + i + " coordination");
            for (int p = nl.start(i); p < nl.end(i); p++) assertTrue(nl.distance(p) > 2.30 && nl.distance(p) < 2.45, "bond " + nl.distance(p));
        }
    }

    @Test
    void otherPrototypes() {
        assertEquals(8, Prototypes.diamond("Si", Prototypes.A_SI).size());
        assertEquals(4, Prototypes.fcc("Cu", 3.615).size());
        assertEquals(2, Prototypes.bcc("Na", 4.29).size());
        assertEquals(2, Prototypes.hcp("Mg", 3.21, 5.21).size());
        assertEquals("Cl4Na4", Prototypes.rocksalt("Na", "Cl", 5.64).formula());
        assertEquals("O3SrTi", Prototypes.perovskite("Sr", "Ti", "O", 3.905).formula());
        Structure ap = Prototypes.antiperovskite("Na", "O", "B", 4.70);
        assertEquals("BNa3O", ap.formula());
        assertEquals(2.35, ap.distance(0, 3), 1e-9); // Na (face centre) – O (body centre) = a/2
        Structure c1 = Prototypes.na8si46();
        assertEquals(54, c1.size());
        assertEquals(46, count(c1, "Si"));
        Structure si46 = Prototypes.clathrateI("Si", null, 10.19, 0.185, 0.308, 0.118);
        int[] cn = NeighborList.build(si46.cartesianPositions(), si46.cell(), 2.6).coordinationNumbers();
        for (int c : cn) assertEquals(4, c);
        int[] dcn = NeighborList.build(Prototypes.diamond("Si", Prototypes.A_SI).cartesianPositions(), Prototypes.diamond("Si", Prototypes.A_SI).cell(), 2.5).coordinationNumbers();
        for (int c : dcn) assertEquals(4, c);
    }

    @Test
    void wyckoffMultiplicitiesMatchOrbits() {
        Lattice cub = Lattice.cubic(10), hex = Lattice.hexagonal(3, 5);
        for (int g : new int[]{194, 221, 223, 225, 227, 229}) { // full check of all groups: WyckoffTableTest
            SpaceGroup sg = SpaceGroup.of(g);
            Lattice l = g == 194 ? hex : cub;
            for (WyckoffPosition w : WyckoffTable.positions(g)) {
                double[] p = w.position(new double[]{0.0731, 0.1627, 0.2893});
                assertEquals(w.multiplicity(), sg.orbit(p, l, 1e-4).size(), g + " " + w);
                assertEquals(w.label(), WyckoffTable.identify(sg, p, l, 1e-4).label());
            }
        }
    }

    @Test
    void badInputsAreClearErrors() {
        StructureException e = assertThrows(StructureException.class, () -> Prototypes.hcp("Mg", 3.21, 5.21)
            .withLattice(Lattice.cubic(3)).add(new Site("Mg", 0.3333, 0.6667, 0.25)).checkOverlaps(0.5));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertThrows(StructureException.class, () -> new Site("Na", new double[]{0, 0, 0}, 1.2, null, null));
        assertThrows(StructureException.class, () -> org.adc.symmetry.CrystalBuilder.build(SpaceGroup.of(194), Lattice.cubic(4),
            java.util.List.of(new Site("Mg", 0, 0, 0))));
    }
}
