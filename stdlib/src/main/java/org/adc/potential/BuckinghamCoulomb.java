package org.adc.potential;

import java.util.Arrays;

import org.adc.potential.neighbor.NeighborList;

/**
 * Buckingham pair potential plus Coulomb interactions by Ewald summation, for ionic solids (e.g. NASICON, oxides):
 *
 * <pre>
 * E = Σ_{i&lt;j} [A_ij e^(−r/ρ_ij) − C_ij / r⁶]  (r &lt; r_c; R. A. Buckingham, Proc. R. Soc. A 168, 264 (1938))
 *   + E_Coulomb(q)                               (see {@link Ewald})
 * </pre>
 *
 * the form of LAMMPS {@code pair_style buck/coul/long} + {@code kspace_style ewald} (with exact erfc instead of
 * LAMMPS's polynomial approximation). Units: A eV, ρ Å, C eV·Å⁶, charges in e.
 */
public final class BuckinghamCoulomb implements Calculator {
    private final String[] elements;
    private final double[] charge;
    private final double[] bigA, rho, bigC;
    private final double rc;
    private final Ewald ewald;
    private double skin = 1.0;

    /**
     * @param elements element symbols
     * @param charges  charge of each element, e (the cell must be neutral)
     * @param a        A of each element pair, [i * n + j] symmetric, eV
     * @param rho      ρ of each pair, Å (> 0 where A ≠ 0)
     * @param c        C of each pair, eV·Å⁶
     * @param cutoff   cutoff of the Buckingham term and of the real-space Ewald sum, Å
     * @param accuracy relative accuracy of the Ewald sum (e.g. 1e-10)
     */
    public BuckinghamCoulomb(String[] elements, double[] charges, double[] a, double[] rho, double[] c, double cutoff, double accuracy) {
        int n = elements.length;
        if (charges.length != n || a.length != n * n || rho.length != n * n || c.length != n * n) {
            throw new IllegalArgumentException("need one charge per element and n×n arrays of A, rho, C");
        }
        for (int k = 0; k < n * n; k++) {
            if (a[k] != 0 && !(rho[k] > 0)) {
                throw new IllegalArgumentException("rho must be > 0 for pair " + elements[k / n] + "-" + elements[k % n]);
            }
        }
        this.elements = elements.clone();
        this.charge = charges.clone();
        this.bigA = a.clone();
        this.rho = rho.clone();
        this.bigC = c.clone();
        this.rc = cutoff;
        this.ewald = new Ewald(cutoff, accuracy);
    }

    @Override
    public double cutoff() {
        return rc;
    }

    /** 0.5 Å for every pair: Buckingham's −C/r⁶ overwhelms the repulsion at short range ("Buckingham catastrophe"). */
    @Override
    public double minDistance(String a, String b) {
        return 0.5;
    }

    @Override
    public String describe() {
        return "Buckingham + Coulomb/Ewald (" + String.join(" ", elements) + ", charges " + Arrays.toString(charge) + ")";
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        int[] type = atoms.typesFor(elements, describe());
        int na = atoms.size();
        int ne = elements.length;
        NeighborList nl = atoms.neighbors(rc, skin, true);
        double[] x = atoms.positions();
        double[] q = new double[na];
        for (int i = 0; i < na; i++) {
            q[i] = charge[type[i]];
        }
        double[] f = new double[3 * na];
        double[] w = new double[9];
        double e = ewald.add(atoms, q, nl, f, w);
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        double rc2 = rc * rc;
        for (int i = 0; i < na; i++) {
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                int t = type[i] * ne + type[j];
                double dx = x[3 * j] + off[3 * p] - x[3 * i];
                double dy = x[3 * j + 1] + off[3 * p + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] + off[3 * p + 2] - x[3 * i + 2];
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= rc2) {
                    continue;
                }
                double r = Math.sqrt(rsq);
                double r6 = rsq * rsq * rsq;
                double ex = bigA[t] == 0 ? 0 : bigA[t] * Math.exp(-r / rho[t]);
                e += ex - bigC[t] / r6;
                double dedr = (bigA[t] == 0 ? 0 : -ex / rho[t]) + 6 * bigC[t] / (r6 * r);
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
        return new Evaluation(e, f, w);
    }

    /** Verlet skin in Å (default 1.0). */
    public BuckinghamCoulomb skin(double s) {
        this.skin = s;
        return this;
    }
}
