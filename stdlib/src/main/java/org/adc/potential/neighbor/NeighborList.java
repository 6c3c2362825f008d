package org.adc.potential.neighbor;

import java.util.Arrays;

/**
 * Verlet neighbour list with a skin for a periodic triclinic cell (array API).
 *
 * <p>Positions are {@code double[3N]} in Å (x0, y0, z0, x1, ...); the cell is {@code double[9]} in Å
 * with the three lattice vectors as rows (a = cell[0..2], b = cell[3..5], c = cell[6..8]); {@code pbc}
 * says which of a, b, c are periodic. The list holds every pair closer than {@code cutoff + skin}; a pair
 * is (i, j, offset) with the displacement d = x_j + offset − x_i, offset a lattice translation in Å.
 * Positions need not be wrapped into the cell. {@link #update} rebuilds only when an atom moved more than
 * skin/2 since the last build, the cell or the atom count changed (the Verlet criterion: L. Verlet,
 * Phys. Rev. 159, 98 (1967); M. P. Allen and D. J. Tildesley, Computer Simulation of Liquids, §5.3).
 *
 * <p>Construction: the wrapped atoms are replicated into periodic images within the cutoff of the cell
 * faces (face distance h_a = V/|b×c|), all points are binned in Cartesian boxes of edge ≥ cutoff + skin,
 * and each atom searches the 27 surrounding boxes: O(N) for cells larger than the cutoff, correct also
 * for cells smaller than the cutoff (an atom may then see several images of one neighbour, or itself).
 *
 * <p>A full list stores each pair twice (i→j and j→i); a half list stores it once (i &lt; j, or i = j
 * with a lexicographically positive lattice shift).
 */
public final class NeighborList {
    private final double cutoff;
    private final double skin;
    private final boolean half;
    private int n = -1;
    private int[] first = new int[1];
    private int[] neigh = new int[0];
    private double[] offset = new double[0];
    private int pairs;
    private double[] builtPositions;
    private final double[] builtCell = new double[9];
    private final boolean[] builtPbc = new boolean[3];
    private int builds;

    /**
     * @param cutoff interaction cutoff in Å (&gt; 0)
     * @param skin   extra distance in Å kept in the list so it stays valid while atoms move less than skin/2
     * @param half   true for a half list (each pair once), false for a full list
     */
    public NeighborList(double cutoff, double skin, boolean half) {
        if (!(cutoff > 0) || !(skin >= 0)) {
            throw new IllegalArgumentException("cutoff must be > 0 and skin >= 0, got " + cutoff + ", " + skin);
        }
        this.cutoff = cutoff;
        this.skin = skin;
        this.half = half;
    }

    /** Interaction cutoff in Å. */
    public double cutoff() {
        return cutoff;
    }

    /** Verlet skin in Å. */
    public double skin() {
        return skin;
    }

    /** Number of times the list was built (for tests and diagnostics). */
    public int builds() {
        return builds;
    }

    /**
     * Brings the list up to date for these positions; rebuilds only if needed.
     *
     * @param pos  positions double[3N], Å
     * @param cell lattice vectors as rows, double[9], Å
     * @param pbc  periodic flags for a, b, c
     * @return true when the list was rebuilt
     */
    public boolean update(double[] pos, double[] cell, boolean[] pbc) {
        if (needsRebuild(pos, cell, pbc)) {
            build(pos, cell, pbc);
            return true;
        }
        return false;
    }

    private boolean needsRebuild(double[] pos, double[] cell, boolean[] pbc) {
        if (builtPositions == null || pos.length != 3 * n) {
            return true;
        }
        for (int k = 0; k < 9; k++) {
            if (cell[k] != builtCell[k]) {
                return true;
            }
        }
        for (int k = 0; k < 3; k++) {
            if (pbc[k] != builtPbc[k]) {
                return true;
            }
        }
        double lim = 0.25 * skin * skin;
        for (int i = 0; i < n; i++) {
            double dx = pos[3 * i] - builtPositions[3 * i];
            double dy = pos[3 * i + 1] - builtPositions[3 * i + 1];
            double dz = pos[3 * i + 2] - builtPositions[3 * i + 2];
            if (dx * dx + dy * dy + dz * dz > lim) {
                return true;
            }
        }
        return false;
    }

    /** Number of atoms of the last build. */
    public int atoms() {
        return n;
    }

    /** Index of the first pair of atom i in {@link #neighbors()}; the pairs of i are first(i) .. first(i+1)-1. */
    public int first(int i) {
        return first[i];
    }

    /** Neighbour index j of each pair. Valid up to {@link #first(int) first(atoms())}. */
    public int[] neighbors() {
        return neigh;
    }

    /** Lattice offset (Å) of each pair, 3 per pair: d = x_j + offset − x_i. */
    public double[] offsets() {
        return offset;
    }

    /** Total number of stored pairs. */
    public int pairCount() {
        return pairs;
    }

    /** Inverse of the 3x3 row-vector cell matrix (fractional s = r · H⁻¹). */
    static double[] inverse(double[] h) {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7], k = h[8];
        double det = a * (e * k - f * hh) - b * (d * k - f * g) + c * (d * hh - e * g);
        if (!(Math.abs(det) > 1e-12)) {
            throw new IllegalArgumentException("cell is singular (volume " + det + " Å^3)");
        }
        double id = 1.0 / det;
        return new double[] {(e * k - f * hh) * id, (c * hh - b * k) * id, (b * f - c * e) * id,
            (f * g - d * k) * id, (a * k - c * g) * id, (c * d - a * f) * id,
            (d * hh - e * g) * id, (b * g - a * hh) * id, (a * e - b * d) * id};
    }

    private void build(double[] pos, double[] cell, boolean[] pbc) {
        builds++;
        n = pos.length / 3;
        double rc = cutoff + skin;
        double rc2 = rc * rc;
        boolean anyPbc = pbc[0] || pbc[1] || pbc[2];
        double[] inv = anyPbc ? inverse(cell) : null;
        // face distances
        double[] hface = new double[3];
        int[] nimg = new int[3];
        if (anyPbc) {
            double vol = Math.abs(det(cell));
            for (int ax = 0; ax < 3; ax++) {
                int p = (ax + 1) % 3, q = (ax + 2) % 3;
                double cx = cell[3 * p + 1] * cell[3 * q + 2] - cell[3 * p + 2] * cell[3 * q + 1];
                double cy = cell[3 * p + 2] * cell[3 * q] - cell[3 * p] * cell[3 * q + 2];
                double cz = cell[3 * p] * cell[3 * q + 1] - cell[3 * p + 1] * cell[3 * q];
                hface[ax] = vol / Math.sqrt(cx * cx + cy * cy + cz * cz);
                nimg[ax] = pbc[ax] ? (int) Math.ceil(rc / hface[ax]) : 0;
            }
        }
        // wrap and record integer image of each atom
        int[] m = new int[3 * n];
        double[] frac = new double[3 * n];
        double[] w = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double x = pos[3 * i], y = pos[3 * i + 1], z = pos[3 * i + 2];
            if (anyPbc) {
                for (int ax = 0; ax < 3; ax++) {
                    double s = x * inv[ax] + y * inv[3 + ax] + z * inv[6 + ax];
                    int mi = pbc[ax] ? (int) Math.floor(s) : 0;
                    m[3 * i + ax] = mi;
                    frac[3 * i + ax] = s - mi;
                }
                double sa = frac[3 * i], sb = frac[3 * i + 1], sc = frac[3 * i + 2];
                for (int k = 0; k < 3; k++) {
                    w[3 * i + k] = sa * cell[k] + sb * cell[3 + k] + sc * cell[6 + k];
                }
            } else {
                w[3 * i] = x;
                w[3 * i + 1] = y;
                w[3 * i + 2] = z;
            }
        }
        // ghosts: (atom, shift a, b, c)
        int cap = Math.max(16, n * 2);
        double[] gx = new double[3 * cap];
        int[] gatom = new int[cap];
        int[] gshift = new int[3 * cap];
        int ng = 0;
        double[] lo = new double[3];
        double[] hi = new double[3];
        for (int ax = 0; ax < 3; ax++) {
            lo[ax] = pbc[ax] ? -rc / hface[ax] : Double.NEGATIVE_INFINITY;
            hi[ax] = pbc[ax] ? 1 + rc / hface[ax] : Double.POSITIVE_INFINITY;
        }
        // the zero shift first, so that ghost index i is local atom i
        int nsh = (2 * nimg[0] + 1) * (2 * nimg[1] + 1) * (2 * nimg[2] + 1);
        for (int sidx = -1; sidx < nsh; sidx++) {
            {
                {
                    int ka = 0, kb = 0, kc = 0;
                    if (sidx >= 0) {
                        ka = sidx / ((2 * nimg[1] + 1) * (2 * nimg[2] + 1)) - nimg[0];
                        kb = (sidx / (2 * nimg[2] + 1)) % (2 * nimg[1] + 1) - nimg[1];
                        kc = sidx % (2 * nimg[2] + 1) - nimg[2];
                        if (ka == 0 && kb == 0 && kc == 0) {
                            continue;
                        }
                    }
                    boolean zero = ka == 0 && kb == 0 && kc == 0;
                    double ox = 0, oy = 0, oz = 0;
                    if (!zero) {
                        ox = ka * cell[0] + kb * cell[3] + kc * cell[6];
                        oy = ka * cell[1] + kb * cell[4] + kc * cell[7];
                        oz = ka * cell[2] + kb * cell[5] + kc * cell[8];
                    }
                    for (int i = 0; i < n; i++) {
                        if (!zero) {
                            double ta = frac[3 * i] + ka, tb = frac[3 * i + 1] + kb, tc = frac[3 * i + 2] + kc;
                            if (ta < lo[0] || ta > hi[0] || tb < lo[1] || tb > hi[1] || tc < lo[2] || tc > hi[2]) {
                                continue;
                            }
                        }
                        if (ng == cap) {
                            cap *= 2;
                            gx = Arrays.copyOf(gx, 3 * cap);
                            gatom = Arrays.copyOf(gatom, cap);
                            gshift = Arrays.copyOf(gshift, 3 * cap);
                        }
                        gx[3 * ng] = w[3 * i] + ox;
                        gx[3 * ng + 1] = w[3 * i + 1] + oy;
                        gx[3 * ng + 2] = w[3 * i + 2] + oz;
                        gatom[ng] = i;
                        gshift[3 * ng] = ka;
                        gshift[3 * ng + 1] = kb;
                        gshift[3 * ng + 2] = kc;
                        ng++;
                    }
                }
            }
        }
        // bins
        double[] bmin = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] bmax = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int g = 0; g < ng; g++) {
            for (int k = 0; k < 3; k++) {
                bmin[k] = Math.min(bmin[k], gx[3 * g + k]);
                bmax[k] = Math.max(bmax[k], gx[3 * g + k]);
            }
        }
        int[] nb = new int[3];
        long total = 1;
        for (int k = 0; k < 3; k++) {
            nb[k] = Math.max(1, (int) Math.floor((bmax[k] - bmin[k]) / rc));
            nb[k] = Math.min(nb[k], 1000);
            total *= nb[k];
        }
        while (total > 8L * ng + 1000) {
            for (int k = 0; k < 3; k++) {
                nb[k] = Math.max(1, nb[k] / 2);
            }
            total = (long) nb[0] * nb[1] * nb[2];
        }
        double[] bw = new double[3];
        for (int k = 0; k < 3; k++) {
            bw[k] = Math.max((bmax[k] - bmin[k]) / nb[k], 1e-12);
        }
        int nbins = nb[0] * nb[1] * nb[2];
        int[] head = new int[nbins];
        Arrays.fill(head, -1);
        int[] next = new int[ng];
        int[] gbin = new int[3 * ng];
        for (int g = ng - 1; g >= 0; g--) {
            int b0 = 0;
            int mult = 1;
            for (int k = 0; k < 3; k++) {
                int bk = (int) ((gx[3 * g + k] - bmin[k]) / bw[k]);
                bk = Math.min(Math.max(bk, 0), nb[k] - 1);
                gbin[3 * g + k] = bk;
                b0 += bk * mult;
                mult *= nb[k];
            }
            next[g] = head[b0];
            head[b0] = g;
        }
        // pairs: local atom i is ghost index i (zero shift comes first)
        if (first.length < n + 1) {
            first = new int[n + 1];
        }
        int cnt = 0;
        int pcap = Math.max(neigh.length, 16);
        int[] nj = neigh.length >= pcap ? neigh : new int[pcap];
        double[] off = offset.length >= 3 * pcap ? offset : new double[3 * pcap];
        for (int i = 0; i < n; i++) {
            first[i] = cnt;
            double xi = gx[3 * i], yi = gx[3 * i + 1], zi = gx[3 * i + 2];
            int bx = gbin[3 * i], by = gbin[3 * i + 1], bz = gbin[3 * i + 2];
            for (int dx = -1; dx <= 1; dx++) {
                int cx = bx + dx;
                if (cx < 0 || cx >= nb[0]) {
                    continue;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    int cy = by + dy;
                    if (cy < 0 || cy >= nb[1]) {
                        continue;
                    }
                    for (int dz = -1; dz <= 1; dz++) {
                        int cz = bz + dz;
                        if (cz < 0 || cz >= nb[2]) {
                            continue;
                        }
                        for (int g = head[cx + nb[0] * (cy + nb[1] * cz)]; g >= 0; g = next[g]) {
                            if (g == i) {
                                continue;
                            }
                            double ddx = gx[3 * g] - xi, ddy = gx[3 * g + 1] - yi, ddz = gx[3 * g + 2] - zi;
                            if (ddx * ddx + ddy * ddy + ddz * ddz >= rc2) {
                                continue;
                            }
                            int j = gatom[g];
                            int sa = gshift[3 * g] - m[3 * j] + m[3 * i];
                            int sb = gshift[3 * g + 1] - m[3 * j + 1] + m[3 * i + 1];
                            int sc = gshift[3 * g + 2] - m[3 * j + 2] + m[3 * i + 2];
                            if (half) {
                                if (j < i) {
                                    continue;
                                }
                                if (j == i) {
                                    int ka = gshift[3 * g], kb = gshift[3 * g + 1], kc = gshift[3 * g + 2];
                                    if (!(ka > 0 || (ka == 0 && (kb > 0 || (kb == 0 && kc > 0))))) {
                                        continue;
                                    }
                                }
                            }
                            if (cnt == pcap) {
                                pcap *= 2;
                                nj = Arrays.copyOf(nj, pcap);
                                off = Arrays.copyOf(off, 3 * pcap);
                            }
                            nj[cnt] = j;
                            off[3 * cnt] = sa * cell[0] + sb * cell[3] + sc * cell[6];
                            off[3 * cnt + 1] = sa * cell[1] + sb * cell[4] + sc * cell[7];
                            off[3 * cnt + 2] = sa * cell[2] + sb * cell[5] + sc * cell[8];
                            cnt++;
                        }
                    }
                }
            }
        }
        first[n] = cnt;
        pairs = cnt;
        neigh = nj;
        offset = off;
        builtPositions = pos.clone();
        System.arraycopy(cell, 0, builtCell, 0, 9);
        System.arraycopy(pbc, 0, builtPbc, 0, 3);
    }

    static double det(double[] h) {
        return h[0] * (h[4] * h[8] - h[5] * h[7]) - h[1] * (h[3] * h[8] - h[5] * h[6]) + h[2] * (h[3] * h[7] - h[4] * h[6]);
    }
}
