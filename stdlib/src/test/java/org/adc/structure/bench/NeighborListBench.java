package org.adc.structure.bench;

import org.adc.structure.Prototypes;
import org.adc.structure.Structure;
import org.adc.structure.Supercells;
import org.adc.structure.neighbor.NeighborList;

/**
 * Benchmark (not a test): builds the periodic neighbour list of diamond-Si supercells with
 * ~1e5 and ~1e6 atoms (cutoff 3.77 Å, the Stillinger–Weber range) and prints time and memory.
 * Run with bench/neighbor_list.sh, which also times ASE on the same structures and prints the ratio.
 * Arguments: repeat counts (default 23 50 → 97 336 and 1 000 000 atoms).
 */
public final class NeighborListBench {
    private NeighborListBench() { }

    /** @param args supercell repeats of the 8-atom diamond cell */
    public static void main(String[] args) {
        int[] reps = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[]{23, 50};
        double cutoff = 3.77;
        Structure unit = Prototypes.diamond("Si", Prototypes.A_SI);
        for (int r : reps) {
            Structure s = Supercells.repeat(unit, r, r, r);
            double[] pos = s.cartesianPositions();
            double[] cell = s.cell();
            NeighborList.build(pos, cell, cutoff); // warm-up
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            long best = Long.MAX_VALUE;
            NeighborList nl = null;
            for (int k = 0; k < 3; k++) {
                long t0 = System.nanoTime();
                nl = NeighborList.build(pos, cell, cutoff);
                best = Math.min(best, System.nanoTime() - t0);
            }
            long arrays = (long) nl.pairCount() * (4 + 8 + 24 + 12) + 4L * (s.size() + 1);
            System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            System.out.printf("adc N=%d pairs=%d time=%.3f s list=%.1f MB heap_delta=%.1f MB%n",
                s.size(), nl.pairCount(), best / 1e9, arrays / 1e6, (after - before) / 1e6);
        }
    }
}
