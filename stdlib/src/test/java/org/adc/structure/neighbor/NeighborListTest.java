package org.adc.structure.neighbor;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.adc.structure.StructureException;
import org.junit.jupiter.api.Test;

/** Cell-list neighbour list vs ASE's neighbor_list (structure/ref/neighbors_ase.txt). */
class NeighborListTest {

    @Test
    void matchesAseNeighbourListPairByPair() throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NeighborListTest.class.getResourceAsStream("/structure/ref/neighbors_ase.txt"), StandardCharsets.UTF_8))) {
            String line;
            int cases = 0;
            while ((line = r.readLine()) != null) {
                String[] h = line.split(" ");
                String name = h[1];
                double rc = Double.parseDouble(h[2]);
                String[] c = r.readLine().split(" ");
                double[] cell = new double[9];
                for (int k = 0; k < 9; k++) cell[k] = Double.parseDouble(c[k + 1]);
                int n = Integer.parseInt(r.readLine().split(" ")[1]);
                double[] pos = new double[3 * n];
                for (int i = 0; i < n; i++) {
                    String[] p = r.readLine().split(" ");
                    for (int k = 0; k < 3; k++) pos[3 * i + k] = Double.parseDouble(p[k]);
                }
                int np = Integer.parseInt(r.readLine().split(" ")[1]);
                List<String> ref = new ArrayList<>();
                List<Double> refD = new ArrayList<>();
                for (int q = 0; q < np; q++) {
                    String[] p = r.readLine().split(" ");
                    ref.add(p[0] + " " + p[1] + " " + p[2] + " " + p[3] + " " + p[4]);
                    refD.add(Double.parseDouble(p[5]));
                }
                NeighborList nl = NeighborList.build(pos, cell, rc);
                assertEquals(np, nl.pairCount(), name + " pair count");
                java.util.Map<String, Double> mine = new java.util.HashMap<>();
                for (int i = 0; i < n; i++) for (int p = nl.start(i); p < nl.end(i); p++) {
                    String key = i + " " + nl.neighbor(p) + " " + nl.shift(p, 0) + " " + nl.shift(p, 1) + " " + nl.shift(p, 2);
                    mine.put(key, nl.distance(p));
                    // d = r_j - r_i + S·cell
                    int j = nl.neighbor(p);
                    for (int k = 0; k < 3; k++) {
                        double v = pos[3 * j + k] - pos[3 * i + k] + nl.shift(p, 0) * cell[k] + nl.shift(p, 1) * cell[3 + k] + nl.shift(p, 2) * cell[6 + k];
                        assertEquals(v, nl.vector(p, k), 1e-9);
                    }
                }
                for (int q = 0; q < np; q++) {
                    assertTrue(mine.containsKey(ref.get(q)), name + " missing pair " + ref.get(q));
                    assertEquals(refD.get(q), mine.get(ref.get(q)), 1e-9, name + " distance of " + ref.get(q));
                }
                cases++;
            }
            assertEquals(4, cases);
        }
    }

    @Test
    void badArguments() {
        assertThrows(StructureException.class, () -> NeighborList.build(new double[]{0, 0, 0}, new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1}, -1));
        assertThrows(StructureException.class, () -> NeighborList.build(new double[]{0, 0}, new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1}, 1));
        assertThrows(StructureException.class, () -> NeighborList.build(new double[]{0, 0, 0}, new double[]{1, 0, 0, 2, 0, 0, 0, 0, 1}, 1));
        // a nearly flat cell (found by fuzzing) is a clear error, not an endless image search
        assertThrows(StructureException.class, () -> NeighborList.build(new double[]{0, 0, 0}, new double[]{5, 0, 0, 0, 5, 0, 0, 0, 1e-6}, 3));
    }
}
