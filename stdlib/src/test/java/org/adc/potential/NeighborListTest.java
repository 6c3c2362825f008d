package org.adc.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.adc.potential.neighbor.NeighborList;
import org.junit.jupiter.api.Test;

/** The binned neighbour list equals a brute-force image search, in small and skewed cells, and honours the skin. */
class NeighborListTest {
    static List<String> brute(double[] x, double[] cell, boolean[] pbc, double rc) {
        int n = x.length / 3;
        List<String> out = new ArrayList<>();
        int m = 4;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -m; a <= m; a++) {
                    for (int b = -m; b <= m; b++) {
                        for (int c = -m; c <= m; c++) {
                            if ((!pbc[0] && a != 0) || (!pbc[1] && b != 0) || (!pbc[2] && c != 0) || (i == j && a == 0 && b == 0 && c == 0)) {
                                continue;
                            }
                            double dx = x[3 * j] + a * cell[0] + b * cell[3] + c * cell[6] - x[3 * i];
                            double dy = x[3 * j + 1] + a * cell[1] + b * cell[4] + c * cell[7] - x[3 * i + 1];
                            double dz = x[3 * j + 2] + a * cell[2] + b * cell[5] + c * cell[8] - x[3 * i + 2];
                            double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                            if (r < rc) {
                                out.add(String.format("%d %d %.6f %.6f %.6f", i, j, dx, dy, dz));
                            }
                        }
                    }
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    static List<String> listed(NeighborList nl, double[] x, double rc) {
        List<String> out = new ArrayList<>();
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        for (int i = 0; i < nl.atoms(); i++) {
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - x[3 * i];
                double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                if (Math.sqrt(dx * dx + dy * dy + dz * dz) < rc) {
                    out.add(String.format("%d %d %.6f %.6f %.6f", i, j, dx, dy, dz));
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void smallSkewedCellMatchesBruteForce() {
        Random rnd = new Random(1);
        double[] cell = {3.0, 0, 0, 1.2, 2.8, 0, -0.7, 0.9, 3.3};
        int n = 5;
        double[] x = new double[3 * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble() * 6 - 2; // also outside the cell
        }
        boolean[] pbc = {true, true, true};
        NeighborList nl = new NeighborList(4.1, 0.3, false);
        nl.update(x, cell, pbc);
        assertEquals(brute(x, cell, pbc, 4.1), listed(nl, x, 4.1));
        boolean[] slab = {true, true, false};
        NeighborList nl2 = new NeighborList(4.1, 0.3, false);
        nl2.update(x, cell, slab);
        assertEquals(brute(x, cell, slab, 4.1), listed(nl2, x, 4.1));
    }

    @Test
    void halfListHasEveryPairOnce() {
        Random rnd = new Random(2);
        double[] cell = {4.0, 0, 0, 0.5, 4.2, 0, 0.3, -0.4, 3.9};
        double[] x = new double[3 * 7];
        for (int k = 0; k < x.length; k++) {
            x[k] = rnd.nextDouble() * 4;
        }
        NeighborList full = new NeighborList(5.0, 0, false);
        NeighborList half = new NeighborList(5.0, 0, true);
        boolean[] pbc = {true, true, true};
        full.update(x, cell, pbc);
        half.update(x, cell, pbc);
        assertEquals(full.pairCount(), 2 * half.pairCount());
    }

    @Test
    void skinAvoidsRebuildsForSmallMoves() {
        double[] cell = {10, 0, 0, 0, 10, 0, 0, 0, 10};
        double[] x = {1, 1, 1, 2, 2, 2, 5, 5, 5};
        boolean[] pbc = {true, true, true};
        NeighborList nl = new NeighborList(3, 1.0, false);
        assertTrue(nl.update(x, cell, pbc));
        x[0] += 0.3;
        assertTrue(!nl.update(x, cell, pbc));
        x[0] += 0.3;
        assertTrue(nl.update(x, cell, pbc));
        assertEquals(2, nl.builds());
    }
}
