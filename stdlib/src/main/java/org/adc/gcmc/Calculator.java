package org.adc.gcmc;

/**
 * Energy model used by off-lattice GCMC: the seam where a potentials library (LJ, EAM, an
 * external DFT code) plugs in. Energies in eV (or in the model's own unit if the caller uses a
 * consistent kB T), positions in Å. Implementations must be consistent:
 * {@code energy(after) − energy(before)} equals the corresponding Δ method.
 */
public interface Calculator {
    /**
     * @param c configuration
     * @return total potential energy U
     */
    double energy(Configuration c);

    /**
     * Energy change of inserting a particle.
     *
     * @param c       configuration (unchanged)
     * @param species species code of the new particle
     * @param x       x in Å
     * @param y       y in Å
     * @param z       z in Å
     * @return U(c + particle) − U(c)
     */
    double insertionEnergy(Configuration c, int species, double x, double y, double z);

    /**
     * Energy change of removing particle i.
     *
     * @param c configuration (unchanged)
     * @param i particle
     * @return U(c − i) − U(c)
     */
    double removalEnergy(Configuration c, int i);

    /**
     * Energy change of moving particle i.
     *
     * @param c configuration (unchanged)
     * @param i particle
     * @param x new x in Å
     * @param y new y
     * @param z new z
     * @return U(c with i at new position) − U(c)
     */
    double displacementEnergy(Configuration c, int i, double x, double y, double z);
}
