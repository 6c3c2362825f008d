package org.adc.analysis;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.structure.Lattice;

/**
 * Rotational autocorrelation of bond vectors, C(τ) = ⟨P_l(u(t0 + τ) · u(t0))⟩, as used for the NH2⁻ and BH4⁻
 * rotors of seed 001 (AIMD analysis; l = 1 gives ⟨u(t)·u(0)⟩). The unit vectors u point from each centre atom
 * (B, N) to each ligand (H) found within {@code cutoff} of it in the first frame (minimum image); the pairs stay
 * fixed for the whole trajectory and each bond vector is followed by the unwrapped displacements of its two
 * atoms, so it does not jump when an atom crosses the cell boundary. Averaged over pairs and time origins.
 */
public final class RotationalCorrelation {
    private RotationalCorrelation() {
    }

    /** Centre-ligand pairs {centre, ligand, ...} within cutoff (Å) in frame 0. */
    public static int[] pairs(Trajectory tr, String centre, String ligand, double cutoff) {
        int[] cs = tr.indices(centre);
        int[] ls = tr.indices(ligand);
        Lattice lat = Lattice.fromVectors(tr.cell(0));
        double[] p = tr.unwrapped(0);
        List<int[]> out = new ArrayList<>();
        for (int c : cs) {
            for (int l : ls) {
                if (l == c) {
                    continue;
                }
                double[] d = {p[3 * l] - p[3 * c], p[3 * l + 1] - p[3 * c + 1], p[3 * l + 2] - p[3 * c + 2]};
                double[] mi = lat.minimumImage(lat.toFractional(d));
                if (Math.sqrt(mi[0] * mi[0] + mi[1] * mi[1] + mi[2] * mi[2]) <= cutoff) {
                    out.add(new int[] {c, l});
                }
            }
        }
        if (out.isEmpty()) {
            throw new AdcError("no " + ligand + " atom within " + cutoff + " Å of any " + centre + " atom in the first frame",
                "increase the cutoff (B-H ≈ 1.2 Å, N-H ≈ 1.0 Å) or check the species names");
        }
        int[] r = new int[2 * out.size()];
        for (int k = 0; k < out.size(); k++) {
            r[2 * k] = out.get(k)[0];
            r[2 * k + 1] = out.get(k)[1];
        }
        return r;
    }

    /**
     * @param pairs   from {@link #pairs}
     * @param order   Legendre order l (1 or 2)
     * @return C(τ) for τ = 0..maxLag frames (C(0) = 1)
     */
    public static double[] compute(Trajectory tr, int[] pairs, int maxLag, int originStep, int order) {
        int nf = tr.frames();
        if (maxLag < 1 || maxLag > nf - 1) {
            throw new AdcError("the largest lag must be between 1 and " + (nf - 1) + " frames, got " + maxLag,
                "a trajectory of " + nf + " frames has lags up to " + (nf - 1));
        }
        if (order != 1 && order != 2) {
            throw new AdcError("order must be 1 or 2, got " + order, "1: ⟨u(t)·u(0)⟩; 2: ⟨P2(u(t)·u(0))⟩");
        }
        if (originStep < 1) {
            throw new AdcError("origin step must be ≥ 1 frame", "use every = 1 to take every frame as a time origin");
        }
        int np = pairs.length / 2;
        Lattice lat = Lattice.fromVectors(tr.cell(0));
        double[] p0 = tr.unwrapped(0);
        double[] v0 = new double[3 * np];
        for (int k = 0; k < np; k++) {
            int c = pairs[2 * k], l = pairs[2 * k + 1];
            double[] d = {p0[3 * l] - p0[3 * c], p0[3 * l + 1] - p0[3 * c + 1], p0[3 * l + 2] - p0[3 * c + 2]};
            double[] mi = lat.minimumImage(lat.toFractional(d));
            System.arraycopy(mi, 0, v0, 3 * k, 3);
        }
        // unit bond vectors per frame
        double[][] u = new double[nf][3 * np];
        for (int f = 0; f < nf; f++) {
            double[] p = tr.unwrapped(f);
            for (int k = 0; k < np; k++) {
                int c = pairs[2 * k], l = pairs[2 * k + 1];
                double x = v0[3 * k] + (p[3 * l] - p0[3 * l]) - (p[3 * c] - p0[3 * c]);
                double y = v0[3 * k + 1] + (p[3 * l + 1] - p0[3 * l + 1]) - (p[3 * c + 1] - p0[3 * c + 1]);
                double z = v0[3 * k + 2] + (p[3 * l + 2] - p0[3 * l + 2]) - (p[3 * c + 2] - p0[3 * c + 2]);
                double r = Math.sqrt(x * x + y * y + z * z);
                u[f][3 * k] = x / r;
                u[f][3 * k + 1] = y / r;
                u[f][3 * k + 2] = z / r;
            }
        }
        double[] cf = new double[maxLag + 1];
        long[] cnt = new long[maxLag + 1];
        for (int t0 = 0; t0 < nf; t0 += originStep) {
            for (int lag = 0; lag <= maxLag && t0 + lag < nf; lag++) {
                double s = 0;
                double[] a = u[t0], b = u[t0 + lag];
                for (int k = 0; k < np; k++) {
                    double dot = a[3 * k] * b[3 * k] + a[3 * k + 1] * b[3 * k + 1] + a[3 * k + 2] * b[3 * k + 2];
                    s += order == 1 ? dot : 1.5 * dot * dot - 0.5;
                }
                cf[lag] += s / np;
                cnt[lag]++;
            }
        }
        for (int lag = 0; lag <= maxLag; lag++) {
            cf[lag] /= cnt[lag];
        }
        return cf;
    }
}
