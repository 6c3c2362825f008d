package org.adc.structure.neighbor;

import java.util.ArrayList;
import java.util.List;
import org.adc.structure.Lattice;
import org.adc.structure.StructureException;

/**
 * Periodic spatial index of atoms for queries at arbitrary points (probe positions that are
 * not atoms): nearest atom and all atoms within a radius. Same binning scheme as
 * {@link NeighborList} (fractional bins, triclinic cells, several images for short cells).
 * Positions double[3N] and cell rows double[9] in Å; query radius ≤ the build cutoff.
 */
public final class PointQuery {
    private final double[] m;
    private final double[] inv;
    private final double[] s;
    private final int[] nb = new int[3];
    private final int[] reach = new int[3];
    private final int[] binStart;
    private final int[] binAtoms;
    private final double cutoff;

    /**
     * @param positions atoms, double[3N], Å @param cell rows a,b,c (Å) @param cutoff largest query radius (Å)
     */
    public PointQuery(double[] positions, double[] cell, double cutoff) {
        if (!(cutoff > 0)) throw new StructureException("query cutoff must be positive");
        Lattice lat = Lattice.fromVectors(cell);
        this.m = cell.clone();
        this.inv = lat.inverseMatrix();
        this.cutoff = cutoff;
        double[] h = lat.heights();
        int n = positions.length / 3;
        s = new double[3 * n];
        for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) {
            double f = positions[3 * i] * inv[k] + positions[3 * i + 1] * inv[3 + k] + positions[3 * i + 2] * inv[6 + k];
            f -= Math.floor(f);
            s[3 * i + k] = f >= 1 ? 0 : f;
        }
        for (int k = 0; k < 3; k++) {
            nb[k] = Math.max(1, Math.min((int) Math.floor(h[k] / cutoff), (int) Math.cbrt(2.0 * n) + 1));
            reach[k] = (int) Math.ceil(cutoff * nb[k] / h[k] - 1e-12);
        }
        if ((2L * reach[0] + 1) * (2L * reach[1] + 1) * (2L * reach[2] + 1) > NeighborList.MAX_STENCIL)
            throw new StructureException("cell too thin for a " + cutoff + " Å query radius");
        int nbins = nb[0] * nb[1] * nb[2];
        binStart = new int[nbins + 1];
        int[] binOf = new int[n];
        for (int i = 0; i < n; i++) { binOf[i] = bin(s[3 * i], s[3 * i + 1], s[3 * i + 2]); binStart[binOf[i] + 1]++; }
        for (int b = 0; b < nbins; b++) binStart[b + 1] += binStart[b];
        binAtoms = new int[n];
        int[] fill = java.util.Arrays.copyOf(binStart, nbins);
        for (int i = 0; i < n; i++) binAtoms[fill[binOf[i]]++] = i;
    }

    private int bin(double x, double y, double z) {
        int bx = Math.min(nb[0] - 1, (int) (x * nb[0])), by = Math.min(nb[1] - 1, (int) (y * nb[1])), bz = Math.min(nb[2] - 1, (int) (z * nb[2]));
        return (bx * nb[1] + by) * nb[2] + bz;
    }

    /** An atom found by a query: index, distance (Å) and vector from the query point to the atom image (Å). */
    public record Hit(int index, double distance, double[] vector) { }

    /**
     * @param r query point (Å) @param radius search radius (Å, ≤ cutoff)
     * @return all atom images within radius (an atom can appear with several images)
     */
    public List<Hit> within(double[] r, double radius) {
        if (radius > cutoff + 1e-12) throw new StructureException("query radius " + radius + " exceeds the index cutoff " + cutoff);
        double[] f = new double[3];
        for (int k = 0; k < 3; k++) { f[k] = r[0] * inv[k] + r[1] * inv[3 + k] + r[2] * inv[6 + k]; }
        double[] fl = {Math.floor(f[0]), Math.floor(f[1]), Math.floor(f[2])};
        double[] w = {f[0] - fl[0], f[1] - fl[1], f[2] - fl[2]};
        int b = bin(Math.min(w[0], 1 - 1e-15), Math.min(w[1], 1 - 1e-15), Math.min(w[2], 1 - 1e-15));
        int bx = b / (nb[1] * nb[2]), by = (b / nb[2]) % nb[1], bz = b % nb[2];
        List<Hit> out = new ArrayList<>();
        double r2 = radius * radius;
        for (int dx = -reach[0]; dx <= reach[0]; dx++) {
            int cx = bx + dx, qx = Math.floorDiv(cx, nb[0]); cx -= qx * nb[0];
            for (int dy = -reach[1]; dy <= reach[1]; dy++) {
                int cy = by + dy, qy = Math.floorDiv(cy, nb[1]); cy -= qy * nb[1];
                for (int dz = -reach[2]; dz <= reach[2]; dz++) {
                    int cz = bz + dz, qz = Math.floorDiv(cz, nb[2]); cz -= qz * nb[2];
                    int cb = (cx * nb[1] + cy) * nb[2] + cz;
                    for (int p = binStart[cb]; p < binStart[cb + 1]; p++) {
                        int j = binAtoms[p];
                        double f0 = s[3 * j] + qx - w[0], f1 = s[3 * j + 1] + qy - w[1], f2 = s[3 * j + 2] + qz - w[2];
                        double vx = f0 * m[0] + f1 * m[3] + f2 * m[6], vy = f0 * m[1] + f1 * m[4] + f2 * m[7], vz = f0 * m[2] + f1 * m[5] + f2 * m[8];
                        double d2 = vx * vx + vy * vy + vz * vz;
                        if (d2 < r2) out.add(new Hit(j, Math.sqrt(d2), new double[]{vx, vy, vz}));
                    }
                }
            }
        }
        out.sort((x, y) -> Double.compare(x.distance(), y.distance()));
        return out;
    }

    /** @param r query point (Å) @return distance to the nearest atom (Å), or the cutoff if none is within it */
    public double nearestDistance(double[] r) {
        double[] w = new double[3];
        for (int k = 0; k < 3; k++) { double f = r[0] * inv[k] + r[1] * inv[3 + k] + r[2] * inv[6 + k]; w[k] = f - Math.floor(f); }
        int b = bin(Math.min(w[0], 1 - 1e-15), Math.min(w[1], 1 - 1e-15), Math.min(w[2], 1 - 1e-15));
        int bx = b / (nb[1] * nb[2]), by = (b / nb[2]) % nb[1], bz = b % nb[2];
        double best = cutoff * cutoff;
        for (int dx = -reach[0]; dx <= reach[0]; dx++) {
            int cx = bx + dx, qx = Math.floorDiv(cx, nb[0]); cx -= qx * nb[0];
            for (int dy = -reach[1]; dy <= reach[1]; dy++) {
                int cy = by + dy, qy = Math.floorDiv(cy, nb[1]); cy -= qy * nb[1];
                for (int dz = -reach[2]; dz <= reach[2]; dz++) {
                    int cz = bz + dz, qz = Math.floorDiv(cz, nb[2]); cz -= qz * nb[2];
                    int cb = (cx * nb[1] + cy) * nb[2] + cz;
                    for (int p = binStart[cb]; p < binStart[cb + 1]; p++) {
                        int j = binAtoms[p];
                        double f0 = s[3 * j] + qx - w[0], f1 = s[3 * j + 1] + qy - w[1], f2 = s[3 * j + 2] + qz - w[2];
                        double vx = f0 * m[0] + f1 * m[3] + f2 * m[6], vy = f0 * m[1] + f1 * m[4] + f2 * m[7], vz = f0 * m[2] + f1 * m[5] + f2 * m[8];
                        double d2 = vx * vx + vy * vy + vz * vz;
                        if (d2 < best) best = d2;
                    }
                }
            }
        }
        return Math.sqrt(best);
    }
}
