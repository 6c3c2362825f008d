package org.adc.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Supercells from an integer transformation matrix P (row-major int[9]): new lattice vectors
 * are the rows of P·m (same convention as ASE's {@code make_supercell}); the supercell holds
 * |det P| copies of every site.
 */
public final class Supercells {
    private Supercells() { }

    /**
     * @param s structure @param p integer matrix (row-major, length 9), det ≠ 0
     * @return supercell with |det P|·N sites (labels, occupancies and Wyckoff labels kept),
     *         fractional coordinates in [0,1) of the new cell; sites ordered by original site, then by translation
     * @throws StructureException for a singular matrix
     */
    public static Structure make(Structure s, int[] p) {
        if (p.length != 9) throw new StructureException("supercell matrix needs 9 integers");
        double[] pd = new double[9];
        for (int i = 0; i < 9; i++) pd[i] = p[i];
        double det = Lattice.det(pd);
        int n = (int) Math.round(Math.abs(det));
        if (n == 0) throw new StructureException("supercell matrix is singular");
        Lattice nl = s.lattice().transform(pd);
        double[] pinv = Lattice.invert(pd);
        // range of lattice translations: corners of the new cell in old fractional coordinates
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int c = 0; c < 8; c++) {
            int[] w = {c & 1, (c >> 1) & 1, (c >> 2) & 1};
            for (int k = 0; k < 3; k++) {
                int v = w[0] * p[k] + w[1] * p[3 + k] + w[2] * p[6 + k];
                lo[k] = Math.min(lo[k], v);
                hi[k] = Math.max(hi[k], v);
            }
        }
        List<double[]> trans = new ArrayList<>();
        for (int i = lo[0] - 1; i <= hi[0]; i++) for (int j = lo[1] - 1; j <= hi[1]; j++) for (int k = lo[2] - 1; k <= hi[2]; k++) {
            double[] f = {i * pinv[0] + j * pinv[3] + k * pinv[6], i * pinv[1] + j * pinv[4] + k * pinv[7], i * pinv[2] + j * pinv[5] + k * pinv[8]};
            boolean inside = true;
            for (int q = 0; q < 3; q++) if (f[q] < -1e-9 || f[q] >= 1 - 1e-9) inside = false;
            if (inside) trans.add(new double[]{i, j, k});
        }
        if (trans.size() != n) throw new StructureException("internal error: found " + trans.size() + " lattice points in a supercell of volume " + n);
        List<Site> out = new ArrayList<>(n * s.size());
        for (Site st : s.sites()) {
            for (double[] t : trans) {
                double[] f0 = {st.frac(0) + t[0], st.frac(1) + t[1], st.frac(2) + t[2]};
                double[] f = {f0[0] * pinv[0] + f0[1] * pinv[3] + f0[2] * pinv[6], f0[0] * pinv[1] + f0[1] * pinv[4] + f0[2] * pinv[7], f0[0] * pinv[2] + f0[1] * pinv[5] + f0[2] * pinv[8]};
                for (int q = 0; q < 3; q++) f[q] = Structure.wrap(f[q]);
                out.add(st.withFrac(f));
            }
        }
        return new Structure(nl, Structure.unlabelled(out), s.title());
    }

    /** @param s structure @param na repeats along a @param nb along b @param nc along c @return diagonal supercell */
    public static Structure repeat(Structure s, int na, int nb, int nc) {
        if (na < 1 || nb < 1 || nc < 1) throw new StructureException("repeat counts must be positive");
        return make(s, new int[]{na, 0, 0, 0, nb, 0, 0, 0, nc});
    }
}
