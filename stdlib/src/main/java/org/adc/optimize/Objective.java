package org.adc.optimize;

/**
 * A function to minimise given as energy and forces (forces = −gradient), for example the potential
 * energy of atoms (coordinates in Å, energy in eV, forces in eV/Å) or the NEB force field of a band.
 * Coordinates come in groups of three (one atom each); convergence is tested on the largest group norm.
 */
public interface Objective {
    /** Number of coordinates (a multiple of 3). */
    int dimension();

    /**
     * Evaluates at {@code x}.
     *
     * @param x      coordinates, length {@link #dimension()}
     * @param forces output: −∂E/∂x (or the effective force for non-conservative fields), same length
     * @return energy (for conservative objectives; optimisers use it only for reporting)
     */
    double evaluate(double[] x, double[] forces);
}
