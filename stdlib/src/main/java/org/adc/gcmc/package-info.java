/**
 * Grand-canonical Monte Carlo (issue 5): on-lattice ({@link org.adc.gcmc.LatticeGas},
 * {@link org.adc.gcmc.LatticeGasGcmc}) and off-lattice μVT / μNpT ({@link org.adc.gcmc.OffLatticeGcmc})
 * behind the {@link org.adc.gcmc.Calculator} seam ({@link org.adc.gcmc.LennardJones} LFS,
 * {@link org.adc.gcmc.IdealGas}); Widom insertion; parallel μ sweeps ({@link org.adc.gcmc.MuSweep});
 * block averages ({@link org.adc.gcmc.BlockAverage}); formation-energy convex hull
 * ({@link org.adc.gcmc.ConvexHull}); extxyz snapshots ({@link org.adc.gcmc.ExtXyz}); μ units and the de
 * Broglie convention ({@link org.adc.gcmc.ChemicalPotential}). Energies eV, lengths Å, T in K.
 */
package org.adc.gcmc;
