package org.adc.potential;

/**
 * Anything that gives energy, forces and virial for a set of atoms in a periodic triclinic cell
 * (metal units: eV, Å, eV/Å). Implementations are thread-safe for distinct {@link Atoms} objects: all
 * per-configuration state (neighbour lists) lives in the Atoms, so NEB images can be evaluated in parallel.
 */
public interface Calculator {
    /**
     * Computes energy (eV), forces (double[3N], eV/Å) and virial (double[9], eV).
     *
     * @throws IllegalArgumentException when an atom's element has no parameters in this potential
     */
    Evaluation compute(Atoms atoms);

    /** Interaction range in Å (largest distance at which two atoms interact). */
    double cutoff();

    /**
     * Smallest interatomic distance (Å) at which the potential is still meaningful; closer pairs are
     * reported by {@link StructureCheck} before an optimisation starts. Each potential documents its choice.
     */
    double minDistance(String a, String b);

    /** A short description: style, file, elements. */
    String describe();

    /**
     * Whether {@link #compute} gives the virial (stress, cell relaxation). Model surfaces and calculators
     * built from script functions do not; stress and cell relaxation refuse them.
     */
    default boolean hasVirial() {
        return true;
    }

    /**
     * Whether {@link #compute} may run on several threads at once (NEB images in parallel). Calculators that
     * call back into a recipe are not.
     */
    default boolean threadSafe() {
        return true;
    }
}
