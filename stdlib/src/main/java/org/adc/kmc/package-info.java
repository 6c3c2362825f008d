/**
 * Lattice kinetic Monte Carlo for ion diffusion (issue 5).
 *
 * <p>Units: energies eV, temperatures K, times s, lengths Å, rates 1/s; outputs of
 * {@link org.adc.kmc.DiffusionAnalysis} in SI (m²/s, S/m). kB = 8.617333262e-5 eV/K (CODATA 2018).
 *
 * <p>Entry points:
 * <ol>
 * <li>Lattice: {@link org.adc.kmc.LatticeBuilder} (explicit sites/hops, e.g. from a structure's
 *     sublattice and migration paths), {@link org.adc.kmc.CrystalLattices#build} (unit cell × repeats
 *     with {@link org.adc.kmc.HopRule}s and {@link org.adc.kmc.BoundaryCondition}s),
 *     {@link org.adc.kmc.ClathrateLattices#typeII} (Na24Si136 cages); static local environments with
 *     {@link org.adc.kmc.Lattice#withEnvironment}.</li>
 * <li>Barriers: {@link org.adc.kmc.BarrierTable} keyed by (species, path, environment), or a
 *     {@link org.adc.kmc.HopBarrierFunction}; sink/source faces: {@link org.adc.kmc.Reservoir}.</li>
 * <li>Temperature: {@link org.adc.kmc.TemperatureProgram} (ramps and holds).</li>
 * <li>Run: {@link org.adc.kmc.KmcSimulation#builder}, then {@code runUntil}/{@code runEvents}, with a
 *     {@link org.adc.kmc.TimeSeriesRecorder} for tables; replicas in parallel with
 *     {@link org.adc.random.ParallelTasks}.</li>
 * </ol>
 * Bad input raises {@link org.adc.kmc.KmcException} naming the item.
 */
package org.adc.kmc;
