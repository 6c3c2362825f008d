package org.adc.gcmc;

/**
 * Lennard-Jones pair potential with the linear-force-shifted (LFS) truncation used by the NIST
 * Standard Reference Simulation pages: for r &lt; r_c
 * u_LFS(r) = u(r) − u(r_c) − (r − r_c) u'(r_c), u(r) = 4ε[(σ/r)¹² − (σ/r)⁶], zero beyond r_c
 * (Toxvaerd &amp; Dyre, J. Chem. Phys. 134 (2011) 081102; NIST SRS "LJ linear-force shifted at
 * 2.5σ"). Energy and force are continuous at r_c. One or more species with Lorentz–Berthelot
 * mixing (σ_ij = (σ_i + σ_j)/2, ε_ij = √(ε_i ε_j)); r_c = cutoffFactor · σ_ij. Energies in eV, lengths
 * in Å. Minimum-image convention: the box must be longer than 2 r_c on every axis. O(N) per move.
 */
public final class LennardJones implements Calculator {
    private final double[][] eps;
    private final double[][] sig2;
    private final double[][] rc2;
    private final double[][] rc;
    private final double[][] uc;
    private final double[][] fc;
    private final double[][] sig;

    /**
     * Single species.
     *
     * @param epsilon      ε in eV
     * @param sigma        σ in Å
     * @param cutoffFactor r_c / σ (2.5 for the NIST LFS case)
     */
    public LennardJones(double epsilon, double sigma, double cutoffFactor) {
        this(new double[] {epsilon}, new double[] {sigma}, cutoffFactor);
    }

    /**
     * Several species with Lorentz–Berthelot mixing.
     *
     * @param epsilon      ε_i in eV per species
     * @param sigma        σ_i in Å per species
     * @param cutoffFactor r_c / σ_ij
     */
    public LennardJones(double[] epsilon, double[] sigma, double cutoffFactor) {
        int s = epsilon.length;
        if (sigma.length != s || s == 0) {
            throw new GcmcException("epsilon and sigma need one value per species");
        }
        if (!(cutoffFactor > 1) || !Double.isFinite(cutoffFactor)) {
            throw new GcmcException("cutoff factor must be finite and > 1: " + cutoffFactor);
        }
        eps = new double[s][s];
        sig = new double[s][s];
        sig2 = new double[s][s];
        rc = new double[s][s];
        rc2 = new double[s][s];
        uc = new double[s][s];
        fc = new double[s][s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                if (!(epsilon[a] >= 0 && sigma[a] > 0 && Double.isFinite(epsilon[a]) && Double.isFinite(sigma[a]))) {
                    throw new GcmcException("bad LJ parameters for species " + a + ": ε=" + epsilon[a] + " σ=" + sigma[a]);
                }
                eps[a][b] = Math.sqrt(epsilon[a] * epsilon[b]);
                sig[a][b] = 0.5 * (sigma[a] + sigma[b]);
                sig2[a][b] = sig[a][b] * sig[a][b];
                rc[a][b] = cutoffFactor * sig[a][b];
                rc2[a][b] = rc[a][b] * rc[a][b];
                uc[a][b] = lj(eps[a][b], sig[a][b], rc[a][b]);
                fc[a][b] = dlj(eps[a][b], sig[a][b], rc[a][b]);
            }
        }
    }

    private static double lj(double e, double s, double r) {
        double sr6 = Math.pow(s / r, 6);
        return 4 * e * (sr6 * sr6 - sr6);
    }

    private static double dlj(double e, double s, double r) {
        double sr6 = Math.pow(s / r, 6);
        return 4 * e * (-12 * sr6 * sr6 + 6 * sr6) / r;
    }

    /**
     * @param a  species
     * @param b  species
     * @param r2 squared distance in Å²
     * @return u_LFS(r) in eV
     */
    public double pair(int a, int b, double r2) {
        if (r2 >= rc2[a][b]) {
            return 0.0;
        }
        double s2 = sig2[a][b] / r2;
        double s6 = s2 * s2 * s2;
        double r = Math.sqrt(r2);
        return 4 * eps[a][b] * (s6 * s6 - s6) - uc[a][b] - (r - rc[a][b]) * fc[a][b];
    }

    /** @return largest cutoff in Å */
    public double maxCutoff() {
        double m = 0;
        for (double[] row : rc) {
            for (double v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    private double interaction(Configuration c, int skip, int species, double x, double y, double z) {
        double u = 0;
        for (int j = 0, n = c.size(); j < n; j++) {
            if (j != skip) {
                u += pair(species, c.species(j), c.distanceSquared(j, x, y, z));
            }
        }
        return u;
    }

    @Override
    public double energy(Configuration c) {
        double u = 0;
        for (int i = 0; i < c.size(); i++) {
            double x = c.position(i, 0), y = c.position(i, 1), z = c.position(i, 2);
            for (int j = i + 1; j < c.size(); j++) {
                u += pair(c.species(i), c.species(j), c.distanceSquared(j, x, y, z));
            }
        }
        return u;
    }

    @Override
    public double insertionEnergy(Configuration c, int species, double x, double y, double z) {
        return interaction(c, -1, species, x, y, z);
    }

    @Override
    public double removalEnergy(Configuration c, int i) {
        return -interaction(c, i, c.species(i), c.position(i, 0), c.position(i, 1), c.position(i, 2));
    }

    @Override
    public double displacementEnergy(Configuration c, int i, double x, double y, double z) {
        int s = c.species(i);
        return interaction(c, i, s, x, y, z)
                - interaction(c, i, s, c.position(i, 0), c.position(i, 1), c.position(i, 2));
    }
}
