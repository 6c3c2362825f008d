package org.adc.kmc;

/**
 * Tracer sums of one species at one instant (all displacements unwrapped, Å).
 *
 * @param particles      number of particles of the species currently on the lattice
 * @param sumSquaredDisp Σ|R_p|² over those particles (Å²), R_p = displacement since insertion
 * @param sumHopSquares  Σ over every hop ever made by a particle of the species of |hop|² (Å²),
 *                       including particles since extracted
 * @param sumSquaredDispAll Σ|R_p|² over every particle ever present (Å²), used for f
 * @param jumps          number of hops ever made by the species
 * @param collectiveX    x of Σ of all hop vectors of the species (Å), = N·centre-of-mass shift
 * @param collectiveY    y of the same sum (Å)
 * @param collectiveZ    z of the same sum (Å)
 */
public record TracerSums(int particles, double sumSquaredDisp, double sumHopSquares, double sumSquaredDispAll,
                         long jumps, double collectiveX, double collectiveY, double collectiveZ) {
    /** @return tracer mean squared displacement ⟨|R|²⟩ in Å² over current particles (0 if none) */
    public double msd() {
        return particles == 0 ? 0.0 : sumSquaredDisp / particles;
    }

    /**
     * Tracer correlation factor estimator f = Σ_p |R_p|² / Σ_p Σ_hops |λ|² (Compaan &amp; Haven,
     * Trans. Faraday Soc. 52 (1956) 786; equals ⟨R²⟩/(n λ²) for a single jump length).
     *
     * @return f, NaN before the first hop
     */
    public double correlationFactor() {
        return sumHopSquares == 0 ? Double.NaN : sumSquaredDispAll / sumHopSquares;
    }
}
