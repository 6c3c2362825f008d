package org.adc.potential;

import org.adc.potential.neighbor.NeighborList;

/**
 * Base of the element-blind pair potentials E = Σ_{i&lt;j} φ(r_ij), r_ij &lt; r_c, over a half Verlet list.
 * Subclasses give φ and dφ/dr. Virial W = −Σ_pairs d ⊗ ∂E/∂d with d = x_j − x_i.
 */
public abstract class PairPotential implements Calculator {
    private double skin = 1.0;

    /** Cutoff r_c in Å. */
    @Override
    public abstract double cutoff();

    /**
     * Pair energy and derivative at r &lt; r_c.
     *
     * @param r   distance, Å
     * @param out out[0] = φ(r) in eV, out[1] = dφ/dr in eV/Å
     */
    protected abstract void pair(double r, double[] out);

    /** Verlet skin in Å (default 1.0). */
    public PairPotential skin(double s) {
        this.skin = s;
        return this;
    }

    @Override
    public Evaluation compute(Atoms atoms) {
        int na = atoms.size();
        double rc = cutoff();
        double rc2 = rc * rc;
        NeighborList nl = atoms.neighbors(rc, skin, true);
        double[] x = atoms.positions();
        int[] nb = nl.neighbors();
        double[] off = nl.offsets();
        double[] f = new double[3 * na];
        double[] w = new double[9];
        double[] out = new double[2];
        double e = 0;
        for (int i = 0; i < na; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double fx = 0, fy = 0, fz = 0;
            for (int p = nl.first(i); p < nl.first(i + 1); p++) {
                int j = nb[p];
                double dx = x[3 * j] + off[3 * p] - xi;
                double dy = x[3 * j + 1] + off[3 * p + 1] - yi;
                double dz = x[3 * j + 2] + off[3 * p + 2] - zi;
                double rsq = dx * dx + dy * dy + dz * dz;
                if (rsq >= rc2) {
                    continue;
                }
                double r = Math.sqrt(rsq);
                pair(r, out);
                e += out[0];
                double g = out[1] / r;
                double gx = g * dx, gy = g * dy, gz = g * dz;
                fx += gx;
                fy += gy;
                fz += gz;
                f[3 * j] -= gx;
                f[3 * j + 1] -= gy;
                f[3 * j + 2] -= gz;
                w[0] -= dx * gx;
                w[1] -= dx * gy;
                w[2] -= dx * gz;
                w[4] -= dy * gy;
                w[5] -= dy * gz;
                w[8] -= dz * gz;
            }
            f[3 * i] += fx;
            f[3 * i + 1] += fy;
            f[3 * i + 2] += fz;
        }
        w[3] = w[1];
        w[6] = w[2];
        w[7] = w[5];
        return new Evaluation(e, f, w);
    }
}
