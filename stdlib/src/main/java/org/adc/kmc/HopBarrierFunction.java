package org.adc.kmc;

/**
 * User rate function: the barrier of a hop computed from the current occupation (e.g. a
 * barrier lowered by a neighbouring vacancy, or cluster-expansion energies). Called for hops
 * whose source holds a mobile species and whose target is vacant. If
 * {@code dependsOnNeighbours} was declared when installing it
 * ({@link KmcSimulation.Builder#barrierFunction}), the engine re-evaluates all hops touching the
 * first neighbour shell of both end sites after every event; otherwise only hops touching the two
 * end sites.
 */
@FunctionalInterface
public interface HopBarrierFunction {
    /**
     * @param hop     hop index in the lattice
     * @param species species code of the hopping particle (&ge; 1)
     * @param state   simulation (read occupations through {@link KmcSimulation#occupancy(int)})
     * @return Arrhenius parameters, or null if this hop cannot happen now
     */
    Barrier barrier(int hop, int species, KmcSimulation state);
}
