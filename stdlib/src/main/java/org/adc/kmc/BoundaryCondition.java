package org.adc.kmc;

/**
 * Boundary condition of a crystal lattice along one cell axis. Sink/source faces are modelled
 * separately by {@link Reservoir} on top of either condition.
 */
public enum BoundaryCondition {
    /** Hops leaving the box re-enter on the opposite face (minimum image, displacement kept unwrapped). */
    PERIODIC,
    /** Hops that would cross the face are removed: particles are reflected (zero flux). */
    REFLECTING
}
