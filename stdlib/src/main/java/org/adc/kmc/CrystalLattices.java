package org.adc.kmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds periodic crystal lattices (unit cell × repeats) with hops from distance rules, and the
 * standard cubic test lattices. Site index of basis site b in cell (c0, c1, c2) is
 * {@code ((c0 * n1 + c1) * n2 + c2) * nBasis + b}; positions are (frac + c)·cell in Å.
 * Hop displacement vectors are the true neighbour vectors (periodic images unwrapped).
 */
public final class CrystalLattices {
    private CrystalLattices() {
    }

    /**
     * General builder.
     *
     * @param cellRows   cell vectors as rows (9 values, Å)
     * @param fracBasis  basis positions in fractional coordinates, shape [nBasis][3]
     * @param basisTypes site type name per basis site, length nBasis
     * @param repeats    supercell repeats {n0, n1, n2}
     * @param bc         boundary condition per cell axis (length 3)
     * @param rules      hop rules; the first rule that matches a pair sets its path
     * @return the lattice
     * @throws KmcException if a periodic axis is too short for the hop range (hops would not be unique)
     */
    public static Lattice build(double[] cellRows, double[][] fracBasis, String[] basisTypes, int[] repeats,
                                BoundaryCondition[] bc, List<HopRule> rules) {
        int nb = fracBasis.length;
        if (nb == 0 || basisTypes.length != nb) {
            throw new KmcException("basis positions and types must have the same non-zero length");
        }
        if (repeats.length != 3 || bc.length != 3 || cellRows.length != 9) {
            throw new KmcException("need 9 cell values, 3 repeats and 3 boundary conditions");
        }
        double rmax = 0;
        for (HopRule r : rules) {
            rmax = Math.max(rmax, r.maxDistance());
        }
        // perpendicular widths of the cell: V / |a_j x a_k|
        double[] c = cellRows;
        double vol = Math.abs(det(c));
        int[] m = new int[3];
        for (int ax = 0; ax < 3; ax++) {
            int j = (ax + 1) % 3, k = (ax + 2) % 3;
            double cx = c[3 * j + 1] * c[3 * k + 2] - c[3 * j + 2] * c[3 * k + 1];
            double cy = c[3 * j + 2] * c[3 * k] - c[3 * j] * c[3 * k + 2];
            double cz = c[3 * j] * c[3 * k + 1] - c[3 * j + 1] * c[3 * k];
            double width = vol / Math.sqrt(cx * cx + cy * cy + cz * cz);
            m[ax] = (int) Math.ceil(rmax / width) + 1;
            if (repeats[ax] < 1) {
                throw new KmcException("repeat along axis " + ax + " must be >= 1");
            }
            if (bc[ax] == BoundaryCondition.PERIODIC && repeats[ax] * width <= 2 * rmax) {
                throw new KmcException("periodic axis " + ax + " is " + repeats[ax] * width
                        + " Å long; it must exceed twice the longest hop (" + rmax + " Å)");
            }
        }
        // hop templates: basis b -> basis b2 in cell shift s
        List<int[]> tShift = new ArrayList<>();
        List<String> tPath = new ArrayList<>();
        List<double[]> tVec = new ArrayList<>();
        int[] tStart = new int[nb + 1];
        for (int b = 0; b < nb; b++) {
            for (int b2 = 0; b2 < nb; b2++) {
                for (int s0 = -m[0]; s0 <= m[0]; s0++) {
                    for (int s1 = -m[1]; s1 <= m[1]; s1++) {
                        for (int s2 = -m[2]; s2 <= m[2]; s2++) {
                            double f0 = fracBasis[b2][0] + s0 - fracBasis[b][0];
                            double f1 = fracBasis[b2][1] + s1 - fracBasis[b][1];
                            double f2 = fracBasis[b2][2] + s2 - fracBasis[b][2];
                            double vx = f0 * c[0] + f1 * c[3] + f2 * c[6];
                            double vy = f0 * c[1] + f1 * c[4] + f2 * c[7];
                            double vz = f0 * c[2] + f1 * c[5] + f2 * c[8];
                            double d = Math.sqrt(vx * vx + vy * vy + vz * vz);
                            for (HopRule r : rules) {
                                if (d > r.minDistance() && d <= r.maxDistance() && r.matches(basisTypes[b], basisTypes[b2])) {
                                    tShift.add(new int[] {b2, s0, s1, s2});
                                    tPath.add(r.path());
                                    tVec.add(new double[] {vx, vy, vz});
                                    break;
                                }
                            }
                        }
                    }
                }
            }
            tStart[b + 1] = tShift.size();
        }
        int nt = tShift.size();
        String[] kindPath = tPath.toArray(new String[0]);
        String[] kindEnv = new String[nt];
        Arrays.fill(kindEnv, Lattice.BULK);
        double[] kindVec = new double[3 * nt];
        for (int t = 0; t < nt; t++) {
            System.arraycopy(tVec.get(t), 0, kindVec, 3 * t, 3);
        }
        // types
        List<String> typeNames = new ArrayList<>();
        int[] basisTypeId = new int[nb];
        for (int b = 0; b < nb; b++) {
            int id = typeNames.indexOf(basisTypes[b]);
            if (id < 0) {
                id = typeNames.size();
                typeNames.add(basisTypes[b]);
            }
            basisTypeId[b] = id;
        }
        int n0 = repeats[0], n1 = repeats[1], n2 = repeats[2];
        long nl = (long) n0 * n1 * n2 * nb;
        long hl = (long) n0 * n1 * n2 * nt;
        if (nl > Integer.MAX_VALUE - 8 || hl > Integer.MAX_VALUE - 8) {
            throw new KmcException("lattice too large: " + nl + " sites, " + hl + " hops");
        }
        int n = (int) nl;
        double[] pos = new double[3 * n];
        int[] type = new int[n];
        int[] outStart = new int[n + 1];
        int[] hs = new int[(int) hl];
        int[] ht = new int[(int) hl];
        int[] hk = new int[(int) hl];
        int h = 0;
        int[] cc = new int[3];
        int[] nn = {n0, n1, n2};
        for (int c0 = 0; c0 < n0; c0++) {
            for (int c1 = 0; c1 < n1; c1++) {
                for (int c2 = 0; c2 < n2; c2++) {
                    int cellIndex = (c0 * n1 + c1) * n2 + c2;
                    for (int b = 0; b < nb; b++) {
                        int i = cellIndex * nb + b;
                        double f0 = fracBasis[b][0] + c0, f1 = fracBasis[b][1] + c1, f2 = fracBasis[b][2] + c2;
                        pos[3 * i] = f0 * c[0] + f1 * c[3] + f2 * c[6];
                        pos[3 * i + 1] = f0 * c[1] + f1 * c[4] + f2 * c[7];
                        pos[3 * i + 2] = f0 * c[2] + f1 * c[5] + f2 * c[8];
                        type[i] = basisTypeId[b];
                        outStart[i] = h;
                        for (int t = tStart[b]; t < tStart[b + 1]; t++) {
                            int[] sh = tShift.get(t);
                            cc[0] = c0 + sh[1];
                            cc[1] = c1 + sh[2];
                            cc[2] = c2 + sh[3];
                            boolean keep = true;
                            for (int ax = 0; ax < 3; ax++) {
                                if (cc[ax] < 0 || cc[ax] >= nn[ax]) {
                                    if (bc[ax] == BoundaryCondition.REFLECTING) {
                                        keep = false;
                                        break;
                                    }
                                    cc[ax] = Math.floorMod(cc[ax], nn[ax]);
                                }
                            }
                            if (!keep) {
                                continue;
                            }
                            int j = ((cc[0] * n1 + cc[1]) * n2 + cc[2]) * nb + sh[0];
                            hs[h] = i;
                            ht[h] = j;
                            hk[h] = t;
                            h++;
                        }
                    }
                }
            }
        }
        outStart[n] = h;
        if (h < hs.length) {
            hs = Arrays.copyOf(hs, h);
            ht = Arrays.copyOf(ht, h);
            hk = Arrays.copyOf(hk, h);
        }
        double[] sc = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int q = 0; q < 3; q++) {
                sc[3 * r + q] = c[3 * r + q] * repeats[r];
            }
        }
        return new Lattice(pos, type, typeNames.toArray(new String[0]), outStart, hs, ht, hk, kindPath, kindEnv, kindVec,
                Math.abs(det(sc)), sc);
    }

    private static double det(double[] c) {
        return c[0] * (c[4] * c[8] - c[5] * c[7]) - c[1] * (c[3] * c[8] - c[5] * c[6]) + c[2] * (c[3] * c[7] - c[4] * c[6]);
    }

    private static double[] cubicCell(double a) {
        return new double[] {a, 0, 0, 0, a, 0, 0, 0, a};
    }

    private static BoundaryCondition[] periodic() {
        return new BoundaryCondition[] {BoundaryCondition.PERIODIC, BoundaryCondition.PERIODIC, BoundaryCondition.PERIODIC};
    }

    private static Lattice cubic(double[][] basis, int l, double a, double nn, BoundaryCondition[] bc) {
        String[] types = new String[basis.length];
        Arrays.fill(types, "site");
        return build(cubicCell(a), basis, types, new int[] {l, l, l}, bc,
                List.of(new HopRule("*", "*", 0.0, nn * 1.0001, "nn")));
    }

    /**
     * Simple cubic lattice, L³ sites, nearest-neighbour hops (z = 6, λ = a), path "nn", site type "site".
     *
     * @param l  repeats per axis
     * @param a  lattice parameter in Å
     * @param bc boundary conditions (length 3); null = periodic
     * @return lattice
     */
    public static Lattice simpleCubic(int l, double a, BoundaryCondition[] bc) {
        return cubic(new double[][] {{0, 0, 0}}, l, a, a, bc == null ? periodic() : bc);
    }

    /**
     * Body-centred cubic, 2L³ sites, z = 8, λ = a√3/2, path "nn".
     *
     * @param l repeats of the conventional cell per axis
     * @param a conventional lattice parameter in Å
     * @return periodic lattice
     */
    public static Lattice bcc(int l, double a) {
        return cubic(new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}}, l, a, a * Math.sqrt(3) / 2, periodic());
    }

    /**
     * Face-centred cubic, 4L³ sites, z = 12, λ = a/√2, path "nn".
     *
     * @param l repeats of the conventional cell per axis
     * @param a conventional lattice parameter in Å
     * @return periodic lattice
     */
    public static Lattice fcc(int l, double a) {
        return cubic(new double[][] {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}}, l, a, a / Math.sqrt(2),
                periodic());
    }

    /**
     * Diamond, 8L³ sites, z = 4, λ = a√3/4, path "nn".
     *
     * @param l repeats of the conventional cell per axis
     * @param a conventional lattice parameter in Å
     * @return periodic lattice
     */
    public static Lattice diamond(int l, double a) {
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        double[][] basis = new double[8][];
        for (int i = 0; i < 4; i++) {
            basis[i] = fcc[i];
            basis[i + 4] = new double[] {fcc[i][0] + 0.25, fcc[i][1] + 0.25, fcc[i][2] + 0.25};
        }
        return cubic(basis, l, a, a * Math.sqrt(3) / 4, periodic());
    }

    /**
     * Periodic 1D chain along x (z = 2, λ = a); box volume L·a³ (cross-section a²).
     *
     * @param l number of sites
     * @param a spacing in Å
     * @return lattice
     */
    public static Lattice chain(int l, double a) {
        return build(new double[] {a, 0, 0, 0, a, 0, 0, 0, a}, new double[][] {{0, 0, 0}}, new String[] {"site"},
                new int[] {l, 1, 1}, new BoundaryCondition[] {BoundaryCondition.PERIODIC, BoundaryCondition.REFLECTING,
                        BoundaryCondition.REFLECTING}, List.of(new HopRule("*", "*", 0.0, a * 1.0001, "nn")));
    }
}
