package org.adc.gcmc;

import org.adc.potential.MorseEmbedding;

/**
 * Off-lattice Monte Carlo energies of a {@link MorseEmbedding} model (Morse pairs + square-root embedding) in an
 * orthorhombic periodic box, summed over all periodic images within the cutoff (the box may be shorter than the
 * cutoff: seed 004 uses 8 Sb atoms, a box of ~6 Å). Species codes of the {@link Configuration} are the model's type
 * codes. Each Δ method recomputes only the terms that change: the moved particle's pairs and embedding, and the
 * embedding of every host whose density it contributes to (O(N·images) for a host move, O(N²·images) for a
 * neighbour-species move). Energies in eV, lengths in Å.
 */
public final class EmbeddingCalculator implements Calculator {
    private final MorseEmbedding model;
    private final double rc;

    /** @param model the potential (its cutoff is the image-sum range) */
    public EmbeddingCalculator(MorseEmbedding model) {
        this.model = model;
        this.rc = model.cutoff();
    }

    /** @return the model */
    public MorseEmbedding model() {
        return model;
    }

    /** Σ over images n of φ_ab(|d + n·L|), skipping n = 0 when self. */
    private double pairImages(Configuration c, int a, int b, double dx, double dy, double dz, boolean self) {
        double lx = c.boxLength(0), ly = c.boxLength(1), lz = c.boxLength(2);
        dx -= lx * Math.rint(dx / lx);
        dy -= ly * Math.rint(dy / ly);
        dz -= lz * Math.rint(dz / lz);
        int kx = (int) Math.ceil(rc / lx), ky = (int) Math.ceil(rc / ly), kz = (int) Math.ceil(rc / lz);
        double rc2 = rc * rc, u = 0;
        for (int i = -kx; i <= kx; i++) {
            double ex = dx + i * lx;
            for (int j = -ky; j <= ky; j++) {
                double ey = dy + j * ly;
                double exy = ex * ex + ey * ey;
                if (exy >= rc2) {
                    continue;
                }
                for (int k = -kz; k <= kz; k++) {
                    if (self && i == 0 && j == 0 && k == 0) {
                        continue;
                    }
                    double ez = dz + k * lz;
                    double r2 = exy + ez * ez;
                    if (r2 < rc2) {
                        u += model.pair(a, b, Math.sqrt(r2));
                    }
                }
            }
        }
        return u;
    }

    /** Σ over images of g_h(|d + n·L|). */
    private double densityImages(Configuration c, int h, double dx, double dy, double dz) {
        double lx = c.boxLength(0), ly = c.boxLength(1), lz = c.boxLength(2);
        dx -= lx * Math.rint(dx / lx);
        dy -= ly * Math.rint(dy / ly);
        dz -= lz * Math.rint(dz / lz);
        int kx = (int) Math.ceil(rc / lx), ky = (int) Math.ceil(rc / ly), kz = (int) Math.ceil(rc / lz);
        double rc2 = rc * rc, g = 0;
        for (int i = -kx; i <= kx; i++) {
            double ex = dx + i * lx;
            for (int j = -ky; j <= ky; j++) {
                double ey = dy + j * ly;
                double exy = ex * ex + ey * ey;
                if (exy >= rc2) {
                    continue;
                }
                for (int k = -kz; k <= kz; k++) {
                    double ez = dz + k * lz;
                    double r2 = exy + ez * ez;
                    if (r2 < rc2) {
                        g += model.density(h, Math.sqrt(r2));
                    }
                }
            }
        }
        return g;
    }

    /** Density at a host of type h at (x, y, z) from all neighbours except index skip (and optionally an extra point). */
    private double rho(Configuration c, int h, double x, double y, double z, int skip) {
        int nt = model.embedNeighbour(h);
        double s = 0;
        for (int j = 0, n = c.size(); j < n; j++) {
            if (j != skip && c.species(j) == nt) {
                s += densityImages(c, h, c.position(j, 0) - x, c.position(j, 1) - y, c.position(j, 2) - z);
            }
        }
        return s;
    }

    /** Pair energy of a particle of species s at (x, y, z) with everybody except skip, plus its self-image energy. */
    private double pairsOf(Configuration c, int s, double x, double y, double z, int skip) {
        double u = 0.5 * pairImages(c, s, s, 0, 0, 0, true);
        for (int j = 0, n = c.size(); j < n; j++) {
            if (j != skip) {
                u += pairImages(c, s, c.species(j), c.position(j, 0) - x, c.position(j, 1) - y, c.position(j, 2) - z, false);
            }
        }
        return u;
    }

    @Override
    public double energy(Configuration c) {
        double u = 0;
        int n = c.size();
        for (int i = 0; i < n; i++) {
            int si = c.species(i);
            double x = c.position(i, 0), y = c.position(i, 1), z = c.position(i, 2);
            u += 0.5 * pairImages(c, si, si, 0, 0, 0, true);
            for (int j = i + 1; j < n; j++) {
                u += pairImages(c, si, c.species(j), c.position(j, 0) - x, c.position(j, 1) - y, c.position(j, 2) - z, false);
            }
            if (model.embedNeighbour(si) >= 0) {
                u += model.embedding(si, rho(c, si, x, y, z, i));
            }
        }
        return u;
    }

    /**
     * Change of the embedding energy of all hosts (except skip) when a particle of species s leaves (ox, oy, oz)
     * (if hasOld) and arrives at (nx, ny, nz) (if hasNew).
     */
    private double hostChange(Configuration c, int s, int skip, boolean hasOld, double ox, double oy, double oz,
                              boolean hasNew, double nx, double ny, double nz) {
        double du = 0;
        for (int h = 0, n = c.size(); h < n; h++) {
            int sh = c.species(h);
            if (h == skip || model.embedNeighbour(sh) != s) {
                continue;
            }
            double hx = c.position(h, 0), hy = c.position(h, 1), hz = c.position(h, 2);
            double dOld = hasOld ? densityImages(c, sh, ox - hx, oy - hy, oz - hz) : 0;
            double dNew = hasNew ? densityImages(c, sh, nx - hx, ny - hy, nz - hz) : 0;
            if (dOld == 0 && dNew == 0) {
                continue;
            }
            double r = rho(c, sh, hx, hy, hz, -1);
            du += model.embedding(sh, r - dOld + dNew) - model.embedding(sh, r);
        }
        return du;
    }

    private double ownEmbedding(Configuration c, int s, double x, double y, double z, int skip) {
        return model.embedNeighbour(s) >= 0 ? model.embedding(s, rho(c, s, x, y, z, skip)) : 0;
    }

    @Override
    public double insertionEnergy(Configuration c, int species, double x, double y, double z) {
        return pairsOf(c, species, x, y, z, -1) + ownEmbedding(c, species, x, y, z, -1)
            + hostChange(c, species, -1, false, 0, 0, 0, true, x, y, z);
    }

    @Override
    public double removalEnergy(Configuration c, int i) {
        int s = c.species(i);
        double x = c.position(i, 0), y = c.position(i, 1), z = c.position(i, 2);
        return -pairsOf(c, s, x, y, z, i) - ownEmbedding(c, s, x, y, z, i)
            + hostChange(c, s, i, true, x, y, z, false, 0, 0, 0);
    }

    @Override
    public double displacementEnergy(Configuration c, int i, double x, double y, double z) {
        int s = c.species(i);
        double ox = c.position(i, 0), oy = c.position(i, 1), oz = c.position(i, 2);
        return pairsOf(c, s, x, y, z, i) - pairsOf(c, s, ox, oy, oz, i)
            + ownEmbedding(c, s, x, y, z, i) - ownEmbedding(c, s, ox, oy, oz, i)
            + hostChange(c, s, i, true, ox, oy, oz, true, x, y, z);
    }
}
