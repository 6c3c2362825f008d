package org.adc.structure.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adc.structure.Structure;
import org.adc.structure.StructureException;
import org.adc.structure.neighbor.NeighborList;
import org.adc.symmetry.SymmetryFinder;
import org.junit.jupiter.api.Test;

/** The seed-003 a-Si / c-Si cells shipped under examples/si_anodes/data. */
class SiTableTest {
    static Path data(String name) {
        Path p = Path.of("../examples/si_anodes/data", name);
        if (!Files.exists(p)) p = Path.of("examples/si_anodes/data", name);
        return p;
    }

    @Test
    void readsAllEightCells() {
        String[] names = {"a-Si", "a-Si_Li", "a-Si_Na", "a-Si_Mg", "c-Si", "c-Si_Li", "c-Si_Na", "c-Si_Mg"};
        for (String n : names) {
            Path p = data(n + ".sitable");
            Structure s;
            try {
                s = StructureIO.parse(java.nio.file.Files.readString(p), "si-table", p.toString(), n.equals("c-Si_Li") ? 0 : StructureIO.MIN_DISTANCE);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            long si = s.sites().stream().filter(x -> x.species().equals("Si")).count();
            long m = s.size() - si;
            if (n.startsWith("c-Si")) assertEquals(64, si, n);
            else assertEquals(n.equals("a-Si") ? 64 : 63, si, n);
            assertEquals(n.contains("_") ? 1 : 0, m, n);
            assertTrue(s.lattice().volume() > 1300 && s.lattice().volume() < 1400, n + " volume " + s.lattice().volume());
        }
        Structure c = StructureIO.read(data("c-Si.sitable"));
        int[] cn = NeighborList.build(c.cartesianPositions(), c.cell(), 2.6).coordinationNumbers();
        for (int x : cn) assertEquals(4, x);
        assertEquals(227, SymmetryFinder.find(c, 0.1).number()); // coordinates are given to 3 decimals
        // the seed prints one Si of the c-Si + Li cell twice (0.02 Å apart): the default read flags it
        StructureException dup = assertThrows(StructureException.class, () -> StructureIO.read(data("c-Si_Li.sitable")));
        assertTrue(dup.getMessage().contains("atoms 5 (Si) and 21 (Si) overlap"), dup.getMessage());
        Structure li;
        try {
            li = StructureIO.parse(Files.readString(data("c-Si_Li.sitable")), "si-table", "c-Si_Li", 0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("Li", li.site(64).species());
        assertEquals(11.02, li.lattice().parameters()[0], 1e-12);
    }
}
