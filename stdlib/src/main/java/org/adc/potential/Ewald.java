package org.adc.potential;

import org.adc.potential.neighbor.NeighborList;

/**
 * Ewald summation of the Coulomb energy of point charges in a periodic triclinic cell (P. P. Ewald, Ann. Phys.
 * 369, 253 (1921); the form of Allen and Tildesley, Computer Simulation of Liquids, §6.2, and of LAMMPS
 * {@code kspace_style ewald}):
 *
 * <pre>
 * E = k_e Σ_{i&lt;j,n} q_i q_j erfc(α r)/r                       (real space, r &lt; r_c)
 *   + k_e (2π/V) Σ_{k≠0, |k|&lt;k_max} e^(−k²/4α²)/k² |S(k)|²     (reciprocal space, S(k) = Σ_j q_j e^(i k·r_j))
 *   − k_e α/√π Σ_i q_i²                                       (self term)
 * </pre>
 *
 * with k_e = e²/(4πε0) = 14.3996454784 eV·Å (CODATA 2018). For a target relative accuracy δ the splitting is
 * α = √(−ln δ)/r_c and k_max = 2α √(−ln δ). The cell must be periodic in all three directions and neutral.
 * Reciprocal-space virial: W_ab = Σ_k E_k [δ_ab − 2 k_a k_b (1/k² + 1/(4α²))].
 */
public final class Ewald {
    /** e²/(4πε0) in eV·Å (CODATA 2018). */
    public static final double KE = 14.3996454784;
    private final double rc;
    private final double alpha;
    private final double kmax;

    /**
     * @param cutoff   real-space cutoff r_c, Å
     * @param accuracy relative accuracy δ (e.g. 1e-10)
     */
    public Ewald(double cutoff, double accuracy) {
        if (!(cutoff > 0) || !(accuracy > 0 && accuracy < 1)) {
            throw new IllegalArgumentException("Ewald needs cutoff > 0 and 0 < accuracy < 1");
        }
        double s = Math.sqrt(-Math.log(accuracy));
        this.rc = cutoff;
        this.alpha = s / cutoff;
        this.kmax = 2 * alpha * s;
    }

    /** Explicit splitting parameter α (1/Å) and reciprocal cutoff k_max (1/Å). */
    public Ewald(double cutoff, double alpha, double kmax) {
        this.rc = cutoff;
        this.alpha = alpha;
        this.kmax = kmax;
    }

    /** Real-space cutoff, Å. */
    public double cutoff() {
        return rc;
    }

    /** Splitting parameter α, 1/Å. */
    public double alpha() {
        return alpha;
    }

    /**
     * Adds the Coulomb energy (returned, eV), forces (eV/Å) and virial (eV) of charges q (units of e).
     *
     * @param nl half neighbour list with cutoff ≥ r_c, up to date for {@code atoms}
     */
    double add(Atoms atoms, double[] q, NeighborList nl, double[] f, double[] w) {
        boolean[] pbc = atoms.pbc();
        if (!(pbc[0] && pbc[1] && pbc[2])) {
            throw new IllegalArgumentException("Ewald summation needs a cell periodic in all three directions");
        }
        double qsum = 0, q2 = 0;
        for (double v : q) {
            qsum += v;
            q2 += v * v;
        }
        if (Math.abs(qsum) > 1e-8) {
            throw new IllegalArgumentException("the cell has a net charge of " + qsum + " e; Ewald summation needs a neutral cell");
        }
        double[] x = atoms.positions();
        int n = atoms.size();
        double e = 0;
        double rc2 = rc * rc;
        double twoOverSqrtPi = 2 / Math.sqrt(Math.PI);
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        for (int i = 0; i < n; i++) {
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - x[3 * i];
                double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= rc2) {
                    continue;
                }
                double r = Math.sqrt(rsq);
                double qq = KE * q[i] * q[j];
                double erfc = Erfc.erfc(alpha * r);
                e += qq * erfc / r;
                double dedr = -qq * (erfc / rsq + twoOverSqrtPi * alpha * Math.exp(-alpha * alpha * rsq) / r);
                double g = dedr / r;
                double gx = g * dx, gy = g * dy, gz = g * dz;
                f[3 * i] += gx;
                f[3 * i + 1] += gy;
                f[3 * i + 2] += gz;
                f[3 * j] -= gx;
                f[3 * j + 1] -= gy;
                f[3 * j + 2] -= gz;
                w[0] -= dx * gx;
                w[1] -= dx * gy;
                w[2] -= dx * gz;
                w[3] -= dy * gx;
                w[4] -= dy * gy;
                w[5] -= dy * gz;
                w[6] -= dz * gx;
                w[7] -= dz * gy;
                w[8] -= dz * gz;
            }
        }
        e -= KE * alpha / Math.sqrt(Math.PI) * q2;
        // reciprocal space
        double[] cell = atoms.cell();
        double vol = atoms.volume();
        double[] inv = invert(cell);
        // reciprocal vectors b_a = 2π × column a of H⁻¹
        double[][] b = new double[3][3];
        int[] nmax = new int[3];
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < 3; c++) {
                b[a][c] = 2 * Math.PI * inv[3 * c + a];
            }
            double len = Math.sqrt(cell[3 * a] * cell[3 * a] + cell[3 * a + 1] * cell[3 * a + 1] + cell[3 * a + 2] * cell[3 * a + 2]);
            nmax[a] = (int) Math.ceil(kmax * len / (2 * Math.PI));
        }
        double pref = KE * 2 * Math.PI / vol;
        double kmax2 = kmax * kmax;
        double[] cosr = new double[n];
        double[] sinr = new double[n];
        for (int n1 = 0; n1 <= nmax[0]; n1++) {
            for (int n2 = -nmax[1]; n2 <= nmax[1]; n2++) {
                for (int n3 = -nmax[2]; n3 <= nmax[2]; n3++) {
                    // half space: k and −k give the same term; count n1 > 0 twice, and for n1 = 0 a half plane
                    if (n1 == 0 && (n2 < 0 || (n2 == 0 && n3 <= 0))) {
                        continue;
                    }
                    double kx = n1 * b[0][0] + n2 * b[1][0] + n3 * b[2][0];
                    double ky = n1 * b[0][1] + n2 * b[1][1] + n3 * b[2][1];
                    double kz = n1 * b[0][2] + n2 * b[1][2] + n3 * b[2][2];
                    double k2 = kx * kx + ky * ky + kz * kz;
                    if (k2 > kmax2) {
                        continue;
                    }
                    double ak = Math.exp(-k2 / (4 * alpha * alpha)) / k2;
                    double sr = 0, si = 0;
                    for (int i = 0; i < n; i++) {
                        double ph = kx * x[3 * i] + ky * x[3 * i + 1] + kz * x[3 * i + 2];
                        cosr[i] = Math.cos(ph);
                        sinr[i] = Math.sin(ph);
                        sr += q[i] * cosr[i];
                        si += q[i] * sinr[i];
                    }
                    double ek = 2 * pref * ak * (sr * sr + si * si);
                    e += ek;
                    double c = 2 * pref * ak * 2;
                    for (int i = 0; i < n; i++) {
                        // Im(S* e^{ik·r_i}) = sr sin_i − si cos_i
                        double im = sr * sinr[i] - si * cosr[i];
                        double s = c * q[i] * im;
                        f[3 * i] += s * kx;
                        f[3 * i + 1] += s * ky;
                        f[3 * i + 2] += s * kz;
                    }
                    double fac = 2 * (1 / k2 + 1 / (4 * alpha * alpha));
                    double[] kv = {kx, ky, kz};
                    for (int aa = 0; aa < 3; aa++) {
                        for (int bb = 0; bb < 3; bb++) {
                            w[3 * aa + bb] += ek * ((aa == bb ? 1 : 0) - fac * kv[aa] * kv[bb]);
                        }
                    }
                }
            }
        }
        return e;
    }

    static double[] invert(double[] h) {
        double a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7], k = h[8];
        double det = a * (e * k - f * hh) - b * (d * k - f * g) + c * (d * hh - e * g);
        double id = 1.0 / det;
        return new double[] {(e * k - f * hh) * id, (c * hh - b * k) * id, (b * f - c * e) * id,
            (f * g - d * k) * id, (a * k - c * g) * id, (c * d - a * f) * id,
            (d * hh - e * g) * id, (b * g - a * hh) * id, (a * e - b * d) * id};
    }
}
