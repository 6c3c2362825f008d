package org.adc.structure.neighbor;

import java.util.Arrays;
import org.adc.structure.Lattice;
import org.adc.structure.StructureException;

/**
 * Periodic neighbour list built with cell lists (linked bins in fractional space), valid for
 * any triclinic cell, including cells shorter than the cutoff (several periodic images are
 * then searched). Cost O(N) for a fixed density and cutoff.
 *
 * <p>Array-based API for potentials: input positions {@code double[3N]} (Å), cell rows a,b,c
 * {@code double[9]} (Å), cutoff (Å). Output is a full list in compressed-row form: the
 * neighbours of atom i are the pairs p in [{@link #start}(i), {@link #end}(i)); for each pair,
 * {@link #neighbor}(p) = j, the distance (Å), the vector d = r_j − r_i + S·cell (Å) and the
 * integer image shift S (the same convention as ASE's {@code neighbor_list('ijdDS')}).
 * Every pair appears twice (i→j and j→i); an atom's own periodic images are included when
 * closer than the cutoff.</p>
 *
 * <p>Bins: the cell is divided into n_a = ⌊h_a / r_c⌋ slabs along each lattice direction
 * (h_a = perpendicular height). Two points within r_c differ in fractional coordinate a by at
 * most r_c/h_a, so ⌈r_c n_a / h_a⌉ neighbouring bins per direction suffice.</p>
 */
public final class NeighborList {
    /** Largest number of neighbouring bins (periodic images) searched per atom; thinner cells are an error. */
    public static final long MAX_STENCIL = 200_000;
    private final int n;
    private final int[] start;
    private final int[] nbr;
    private final double[] dist;
    private final double[] vec;
    private final int[] shift;

    private NeighborList(int n, int[] start, int[] nbr, double[] dist, double[] vec, int[] shift) {
        this.n = n; this.start = start; this.nbr = nbr; this.dist = dist; this.vec = vec; this.shift = shift;
    }

    /**
     * Builds the full periodic neighbour list.
     * @param positions Cartesian positions double[3N], Å (need not be inside the cell)
     * @param cell lattice rows a,b,c, double[9], Å
     * @param cutoff cutoff radius r_c in Å; pairs with distance &lt; r_c are listed
     * @return the neighbour list
     * @throws StructureException for a non-positive cutoff, malformed arrays, or a cell so thin
     *         that more than {@link #MAX_STENCIL} bins would be searched per atom
     */
    public static NeighborList build(double[] positions, double[] cell, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) throw new StructureException("neighbour cutoff must be positive and finite, got " + cutoff);
        if (positions.length % 3 != 0) throw new StructureException("positions must have length 3N, got " + positions.length);
        Lattice lat = Lattice.fromVectors(cell);
        double[] inv = lat.inverseMatrix();
        double[] h = lat.heights();
        int n = positions.length / 3;
        double[] s = new double[3 * n];
        int[] off = new int[3 * n];
        for (int i = 0; i < n; i++) {
            double x = positions[3 * i], y = positions[3 * i + 1], z = positions[3 * i + 2];
            for (int k = 0; k < 3; k++) {
                double f = x * inv[k] + y * inv[3 + k] + z * inv[6 + k];
                double fl = Math.floor(f);
                double w = f - fl;
                if (w >= 1.0) { w -= 1.0; fl += 1; }
                s[3 * i + k] = w;
                off[3 * i + k] = (int) fl;
            }
        }
        int[] nb = new int[3];
        for (int k = 0; k < 3; k++) nb[k] = Math.max(1, (int) Math.floor(h[k] / cutoff));
        // cap the number of bins at ~2N+8 so that sparse systems do not allocate huge bin arrays
        long total = (long) nb[0] * nb[1] * nb[2];
        long cap = 2L * n + 8;
        while (total > cap) {
            int kmax = nb[0] >= nb[1] && nb[0] >= nb[2] ? 0 : nb[1] >= nb[2] ? 1 : 2;
            nb[kmax] = Math.max(1, nb[kmax] / 2);
            total = (long) nb[0] * nb[1] * nb[2];
        }
        int[] reach = new int[3];
        // in doubles first: a degenerate or overflowing cell (heights 0, NaN or inf) must not wrap an int into a near-endless loop
        for (int k = 0; k < 3; k++) {
            double r = Math.ceil(cutoff * nb[k] / h[k] - 1e-12);
            if (!(h[k] > 0) || !Double.isFinite(h[k]) || !(r <= MAX_STENCIL))
                throw new StructureException(String.format("cell unsuitable for a %.4g Å cutoff (heights %.4g, %.4g, %.4g Å): "
                    + "degenerate, too thin or too large", cutoff, h[0], h[1], h[2]));
            reach[k] = (int) r;
        }
        long images = (2L * reach[0] + 1) * (2L * reach[1] + 1) * (2L * reach[2] + 1);
        if (images > MAX_STENCIL)
            throw new StructureException(String.format("cell too thin for a %.4g Å cutoff (heights %.4g, %.4g, %.4g Å): %d periodic images would be searched",
                cutoff, h[0], h[1], h[2], images));
        int nbins = nb[0] * nb[1] * nb[2];
        int[] binOf = new int[n];
        int[] binCount = new int[nbins + 1];
        for (int i = 0; i < n; i++) {
            int bx = Math.min(nb[0] - 1, (int) (s[3 * i] * nb[0]));
            int by = Math.min(nb[1] - 1, (int) (s[3 * i + 1] * nb[1]));
            int bz = Math.min(nb[2] - 1, (int) (s[3 * i + 2] * nb[2]));
            binOf[i] = (bx * nb[1] + by) * nb[2] + bz;
            binCount[binOf[i] + 1]++;
        }
        for (int b = 0; b < nbins; b++) binCount[b + 1] += binCount[b];
        int[] binAtoms = new int[n];
        int[] fill = Arrays.copyOf(binCount, nbins);
        for (int i = 0; i < n; i++) binAtoms[fill[binOf[i]]++] = i;

        double[] m = cell;
        double rc2 = cutoff * cutoff;
        int cap0 = Math.max(16, n * 8);
        int[] nbrA = new int[cap0];
        double[] distA = new double[cap0];
        double[] vecA = new double[3 * cap0];
        int[] shiftA = new int[3 * cap0];
        int[] start = new int[n + 1];
        int count = 0;
        for (int i = 0; i < n; i++) {
            start[i] = count;
            int b = binOf[i];
            int bx = b / (nb[1] * nb[2]), by = (b / nb[2]) % nb[1], bz = b % nb[2];
            double si0 = s[3 * i], si1 = s[3 * i + 1], si2 = s[3 * i + 2];
            for (int dx = -reach[0]; dx <= reach[0]; dx++) {
                int cx = bx + dx, qx = Math.floorDiv(cx, nb[0]);
                cx -= qx * nb[0];
                for (int dy = -reach[1]; dy <= reach[1]; dy++) {
                    int cy = by + dy, qy = Math.floorDiv(cy, nb[1]);
                    cy -= qy * nb[1];
                    for (int dz = -reach[2]; dz <= reach[2]; dz++) {
                        int cz = bz + dz, qz = Math.floorDiv(cz, nb[2]);
                        cz -= qz * nb[2];
                        int cb = (cx * nb[1] + cy) * nb[2] + cz;
                        for (int p = binCount[cb]; p < binCount[cb + 1]; p++) {
                            int j = binAtoms[p];
                            if (j == i && qx == 0 && qy == 0 && qz == 0) continue;
                            double f0 = s[3 * j] + qx - si0, f1 = s[3 * j + 1] + qy - si1, f2 = s[3 * j + 2] + qz - si2;
                            double vx = f0 * m[0] + f1 * m[3] + f2 * m[6];
                            double vy = f0 * m[1] + f1 * m[4] + f2 * m[7];
                            double vz = f0 * m[2] + f1 * m[5] + f2 * m[8];
                            double d2 = vx * vx + vy * vy + vz * vz;
                            if (d2 >= rc2) continue;
                            if (count == nbrA.length) {
                                int nc = nbrA.length * 2;
                                nbrA = Arrays.copyOf(nbrA, nc);
                                distA = Arrays.copyOf(distA, nc);
                                vecA = Arrays.copyOf(vecA, 3 * nc);
                                shiftA = Arrays.copyOf(shiftA, 3 * nc);
                            }
                            nbrA[count] = j;
                            distA[count] = Math.sqrt(d2);
                            vecA[3 * count] = vx; vecA[3 * count + 1] = vy; vecA[3 * count + 2] = vz;
                            shiftA[3 * count] = qx - off[3 * j] + off[3 * i];
                            shiftA[3 * count + 1] = qy - off[3 * j + 1] + off[3 * i + 1];
                            shiftA[3 * count + 2] = qz - off[3 * j + 2] + off[3 * i + 2];
                            count++;
                        }
                    }
                }
            }
        }
        start[n] = count;
        return new NeighborList(n, start, Arrays.copyOf(nbrA, count), Arrays.copyOf(distA, count),
            Arrays.copyOf(vecA, 3 * count), Arrays.copyOf(shiftA, 3 * count));
    }

    /** @return number of atoms N */
    public int atomCount() { return n; }
    /** @return total number of (directed) pairs */
    public int pairCount() { return nbr.length; }
    /** @param i atom @return first pair index of atom i */
    public int start(int i) { return start[i]; }
    /** @param i atom @return one past the last pair index of atom i */
    public int end(int i) { return start[i + 1]; }
    /** @param p pair index @return neighbour atom j */
    public int neighbor(int p) { return nbr[p]; }
    /** @param p pair index @return distance |d| in Å */
    public double distance(int p) { return dist[p]; }
    /** @param p pair @param k component 0..2 @return component k of d = r_j − r_i + S·cell (Å) */
    public double vector(int p, int k) { return vec[3 * p + k]; }
    /** @param p pair @param k component @return image shift S_k (integer, lattice vectors) */
    public int shift(int p, int k) { return shift[3 * p + k]; }

    /** @return CSR offsets (length N+1); do not modify */
    public int[] offsets() { return start; }
    /** @return neighbour indices (length pairs); do not modify */
    public int[] neighbors() { return nbr; }
    /** @return distances (Å); do not modify */
    public double[] distances() { return dist; }
    /** @return pair vectors, flat 3 per pair (Å); do not modify */
    public double[] vectors() { return vec; }
    /** @return image shifts, flat 3 per pair; do not modify */
    public int[] shifts() { return shift; }

    /** @return number of neighbours of each atom within the cutoff (length N) */
    public int[] coordinationNumbers() {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) c[i] = start[i + 1] - start[i];
        return c;
    }

    /**
     * Coordination numbers with a shorter cutoff than the one used to build the list.
     * @param rc cutoff in Å (≤ build cutoff) @return counts per atom
     */
    public int[] coordinationNumbers(double rc) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) for (int p = start[i]; p < start[i + 1]; p++) if (dist[p] < rc) c[i]++;
        return c;
    }
}
