package org.adc.symmetry;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the atom of a given type at a fractional position within a distance tolerance in a
 * periodic cell, using bins in fractional space (O(1) per query). Used by symmetry detection.
 */
final class AtomLocator {
    private final double[] m;       // cell rows
    private final double[] f;       // wrapped fractional positions, 3N
    private final int[] type;
    private final int[] nb = new int[3];
    private final List<List<Integer>> bins = new ArrayList<>();

    AtomLocator(double[] cellRows, double[] frac, int[] type, double tol) {
        this.m = cellRows;
        this.f = frac;
        this.type = type;
        double[] h = org.adc.structure.Lattice.fromVectors(cellRows).heights();
        int n = type.length;
        for (int k = 0; k < 3; k++) nb[k] = (int) Math.max(1, Math.min(Math.floor(h[k] / Math.max(2 * tol, 0.8)), Math.cbrt(n) * 2 + 1));
        int total = nb[0] * nb[1] * nb[2];
        for (int b = 0; b < total; b++) bins.add(new ArrayList<>());
        for (int i = 0; i < n; i++) bins.get(bin(f[3 * i], f[3 * i + 1], f[3 * i + 2])).add(i);
    }

    private int idx(double x, int k) {
        double w = x - Math.floor(x);
        int i = (int) (w * nb[k]);
        return i >= nb[k] ? nb[k] - 1 : i;
    }

    private int bin(double x, double y, double z) { return (idx(x, 0) * nb[1] + idx(y, 1)) * nb[2] + idx(z, 2); }

    /** Cartesian length of the fractional difference reduced by rint (valid for small distances). */
    double dist(double d0, double d1, double d2) {
        d0 -= Math.rint(d0); d1 -= Math.rint(d1); d2 -= Math.rint(d2);
        double x = d0 * m[0] + d1 * m[3] + d2 * m[6], y = d0 * m[1] + d1 * m[4] + d2 * m[7], z = d0 * m[2] + d1 * m[5] + d2 * m[8];
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** @return an atom of the same type as atom i, other than i, within tol of it, or −1 */
    int findOther(int i, double tol) {
        double[] x = {f[3 * i], f[3 * i + 1], f[3 * i + 2]};
        int bx = idx(x[0], 0), by = idx(x[1], 1), bz = idx(x[2], 2);
        for (int dx = -1; dx <= 1; dx++) for (int dy = -1; dy <= 1; dy++) for (int dz = -1; dz <= 1; dz++) {
            if ((nb[0] < 3 && dx != 0) || (nb[1] < 3 && dy != 0) || (nb[2] < 3 && dz != 0)) continue;
            int cx = Math.floorMod(bx + dx, nb[0]), cy = Math.floorMod(by + dy, nb[1]), cz = Math.floorMod(bz + dz, nb[2]);
            for (int ix = nb[0] < 3 ? 0 : cx; ix <= (nb[0] < 3 ? nb[0] - 1 : cx); ix++)
                for (int iy = nb[1] < 3 ? 0 : cy; iy <= (nb[1] < 3 ? nb[1] - 1 : cy); iy++)
                    for (int iz = nb[2] < 3 ? 0 : cz; iz <= (nb[2] < 3 ? nb[2] - 1 : cz); iz++)
                        for (int j : bins.get((ix * nb[1] + iy) * nb[2] + iz)) {
                            if (j != i && type[j] == type[i] && dist(f[3 * j] - x[0], f[3 * j + 1] - x[1], f[3 * j + 2] - x[2]) <= tol) return j;
                        }
        }
        return -1;
    }

    /** @return index of the nearest atom of type t within tol of x, or −1 */
    int find(double[] x, int t, double tol) {
        int bx = idx(x[0], 0), by = idx(x[1], 1), bz = idx(x[2], 2);
        int best = -1;
        double bd = tol;
        int rx = nb[0] >= 3 ? 1 : 0, ry = nb[1] >= 3 ? 1 : 0, rz = nb[2] >= 3 ? 1 : 0;
        for (int dx = -rx; dx <= rx; dx++) for (int dy = -ry; dy <= ry; dy++) for (int dz = -rz; dz <= rz; dz++) {
            int cx = Math.floorMod(bx + dx, nb[0]), cy = Math.floorMod(by + dy, nb[1]), cz = Math.floorMod(bz + dz, nb[2]);
            if (nb[0] < 3) { cx = -1; }
            if (nb[1] < 3) { cy = -1; }
            if (nb[2] < 3) { cz = -1; }
            for (int ix = cx < 0 ? 0 : cx; ix <= (cx < 0 ? nb[0] - 1 : cx); ix++)
                for (int iy = cy < 0 ? 0 : cy; iy <= (cy < 0 ? nb[1] - 1 : cy); iy++)
                    for (int iz = cz < 0 ? 0 : cz; iz <= (cz < 0 ? nb[2] - 1 : cz); iz++)
                        for (int j : bins.get((ix * nb[1] + iy) * nb[2] + iz)) {
                            if (type[j] != t) continue;
                            double d = dist(f[3 * j] - x[0], f[3 * j + 1] - x[1], f[3 * j + 2] - x[2]);
                            if (d < bd) { bd = d; best = j; }
                        }
        }
        return best;
    }
}
