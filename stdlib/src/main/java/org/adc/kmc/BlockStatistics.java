package org.adc.kmc;

import java.util.ArrayList;
import java.util.List;

/**
 * Block statistics of the tracer correlation factor along one kMC run. The run is cut into blocks of a fixed
 * number of hops of the species ({@code hopsPerBlock}, e.g. 100 per particle); for block b the tracer sums are
 * a_b = Σ_p |ΔR_p|² + 2 Σ_p ΔR_p·ΔR'_p (displacements within the block, plus the correlation with the same
 * particle's displacement ΔR' in the previous block: a block cut alone misses the back-jumps across its
 * boundaries and overestimates f by O(1/hops per block)) and b_b = Σ_p Σ_hops |λ|² (the hops made in it), so
 * f ≈ Σa/Σb (the first block has no predecessor and is skipped). With blocks much longer than the correlation
 * of successive hops, the blocks are nearly independent and the standard error of the ratio (delta method,
 * SE² = Σ_b (a_b − f b_b)² / (n (n − 1) b̄²)) shrinks as 1/√(number of blocks), i.e. with more events — unlike
 * the spread of whole-run estimates, whose relative error stays fixed however long the run
 * (H. Flyvbjerg and H. G. Petersen, J. Chem. Phys. 91, 461 (1989), for blocking; Compaan &amp; Haven for f).
 */
public final class BlockStatistics {
    private final KmcSimulation sim;
    private final String species;
    private final long hopsPerBlock;
    private double[] last;
    private double[] lastDelta;
    private long lastJumps;
    private final List<double[]> blocks = new ArrayList<>();

    /**
     * @param sim          the simulation (its current state starts the first block)
     * @param species      species name
     * @param hopsPerBlock hops of the species per block (≥ 1)
     */
    public BlockStatistics(KmcSimulation sim, String species, long hopsPerBlock) {
        this.sim = sim;
        this.species = species;
        this.hopsPerBlock = Math.max(1, hopsPerBlock);
        this.last = sim.tracerSnapshot(species);
        this.lastJumps = sim.jumpCount(species);
    }

    /** Closes a block if at least {@code hopsPerBlock} hops were made since the last one (cheap otherwise). */
    public void observe() {
        long j = sim.jumpCount(species);
        if (j - lastJumps < hopsPerBlock) {
            return;
        }
        double[] now = sim.tracerSnapshot(species);
        double[] delta = new double[now.length];
        double a = 0, b = 0, c = 0;
        for (int p = 0; 4 * p < now.length; p++) {
            if (Double.isNaN(now[4 * p])) {
                continue;
            }
            boolean old = 4 * p < last.length && !Double.isNaN(last[4 * p]);
            double dx = now[4 * p] - (old ? last[4 * p] : 0), dy = now[4 * p + 1] - (old ? last[4 * p + 1] : 0);
            double dz = now[4 * p + 2] - (old ? last[4 * p + 2] : 0), dl = now[4 * p + 3] - (old ? last[4 * p + 3] : 0);
            delta[4 * p] = dx;
            delta[4 * p + 1] = dy;
            delta[4 * p + 2] = dz;
            a += dx * dx + dy * dy + dz * dz;
            b += dl;
            if (lastDelta != null && 4 * p < lastDelta.length) {
                c += dx * lastDelta[4 * p] + dy * lastDelta[4 * p + 1] + dz * lastDelta[4 * p + 2];
            }
        }
        if (b > 0 && lastDelta != null) {
            blocks.add(new double[] {a + 2 * c, b, sim.time()});
        }
        lastDelta = delta;
        last = now;
        lastJumps = j;
    }

    /** @return the blocks closed so far (the first excluded), each {Σ|ΔR|² + 2ΣΔR·ΔR', Σλ², end time} */
    public List<double[]> blocks() {
        return List.copyOf(blocks);
    }

    /**
     * Ratio estimate and its standard error over a set of blocks.
     *
     * @param blocks {a, b, ...} per block
     * @return {Σa/Σb, standard error}; the error is NaN with fewer than 2 blocks
     */
    public static double[] ratio(List<double[]> blocks) {
        int n = blocks.size();
        double sa = 0, sb = 0;
        for (double[] x : blocks) {
            sa += x[0];
            sb += x[1];
        }
        if (n == 0 || sb <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double f = sa / sb;
        if (n < 2) {
            return new double[] {f, Double.NaN};
        }
        double mb = sb / n, v = 0;
        for (double[] x : blocks) {
            double r = x[0] - f * x[1];
            v += r * r;
        }
        return new double[] {f, Math.sqrt(v / ((double) n * (n - 1))) / mb};
    }
}
