package org.adc.symmetry;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adc.structure.StructureException;
import org.junit.jupiter.api.Test;

/** Hall-symbol generated operations vs spglib's database (structure/ref/spglib_ops.txt). */
class SpaceGroupTest {

    static Map<Integer, List<SymOp>> spglibOps() throws Exception {
        Map<Integer, List<SymOp>> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SpaceGroupTest.class.getResourceAsStream("/structure/ref/spglib_ops.txt"), StandardCharsets.UTF_8))) {
            String line;
            List<SymOp> cur = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                if (line.startsWith("SG ")) {
                    cur = new ArrayList<>();
                    m.put(Integer.parseInt(line.split(" ")[1]), cur);
                } else cur.add(SymOp.parse(line));
            }
        }
        return m;
    }

    @Test
    void all230GroupsMatchSpglibOperationByOperation() throws Exception {
        Map<Integer, List<SymOp>> ref = spglibOps();
        assertEquals(230, ref.size());
        for (int n = 1; n <= 230; n++) {
            SpaceGroup g = SpaceGroup.of(n);
            List<SymOp> mine = g.operations();
            List<SymOp> theirs = ref.get(n);
            assertEquals(theirs.size(), mine.size(), "operation count of group " + n + " " + g);
            for (SymOp t : theirs) {
                boolean found = mine.stream().anyMatch(o -> o.equalsModLattice(t, 1e-6));
                assertTrue(found, "group " + n + " " + g + " lacks spglib operation " + t.toXyz());
            }
        }
    }

    @Test
    void lookupBySymbol() {
        assertEquals(227, SpaceGroup.of("Fd-3m").number());
        assertEquals(227, SpaceGroup.of("F d -3 m").number());
        assertEquals(14, SpaceGroup.of("P2_1/c").number());
        assertEquals(14, SpaceGroup.of("P21/c").number());
        assertEquals(225, SpaceGroup.of("-F 4 2 3").number());
        assertEquals(192, SpaceGroup.of(227).order());
        assertEquals("2", SpaceGroup.of(227).setting());
        assertThrows(StructureException.class, () -> SpaceGroup.of(231));
        assertThrows(StructureException.class, () -> SpaceGroup.of("Xq-9"));
    }

    @Test
    void originChoice2PutsInversionAtOrigin() {
        SpaceGroup g = SpaceGroup.of(227);
        boolean inv = g.operations().stream().anyMatch(o -> o.trace() == -3 && o.determinant() == -1
            && Math.abs(o.trans(0)) + Math.abs(o.trans(1)) + Math.abs(o.trans(2)) < 1e-12);
        assertTrue(inv);
        assertEquals(8, g.orbit(new double[]{0.125, 0.125, 0.125}, 1e-6).size());
        assertEquals(16, g.orbit(new double[]{0, 0, 0}, 1e-6).size());
        assertEquals(96, g.orbit(new double[]{0.18, 0.18, 0.37}, 1e-6).size());
    }

    @Test
    void parseAndFormatOperations() {
        SymOp o = SymOp.parse("-y+1/2, x-y, z+0.25");
        assertEquals("-y+1/2,x-y,z+1/4", o.toXyz());
        SymOp inv = o.inverse();
        assertTrue(o.compose(inv).equalsModLattice(SymOp.identity(), 1e-12));
        assertThrows(StructureException.class, () -> SymOp.parse("x,y"));
        assertThrows(StructureException.class, () -> SymOp.parse("x,y,q"));
        assertThrows(StructureException.class, () -> SymOp.parse("x,x,z"));
        assertThrows(StructureException.class, () -> HallSymbol.parse("Q 2"));
        assertThrows(StructureException.class, () -> HallSymbol.parse("P 5"));
    }
}
