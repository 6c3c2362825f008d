package org.adc.gcmc;

/**
 * One point of an N(μ) isotherm from a μ sweep.
 *
 * @param mu       chemical potential in eV (or ln z* for reduced LJ sweeps)
 * @param loading  block-averaged number of particles (or coverage) with its error bar
 * @param energy   block-averaged energy in eV with its error bar
 * @param snapshot final configuration (null for lattice runs)
 */
public record IsothermPoint(double mu, BlockAverage loading, BlockAverage energy, Configuration snapshot) {
}
