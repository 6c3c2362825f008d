package org.adc.potential;

/**
 * A structure or a run that cannot continue: atoms closer than the potential allows (found before an
 * optimisation starts), or a force that became NaN or infinite (reported with the step and the atom).
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;
    private final int atom;

    /**
     * @param message what happened
     * @param step    optimisation step (0-based), or −1 when not in a run
     * @param atom    0-based atom index involved, or −1
     */
    public SimulationException(String message, int step, int atom) {
        super(message);
        this.step = step;
        this.atom = atom;
    }

    /** Step at which the run stopped, or −1. */
    public int step() {
        return step;
    }

    /** Atom involved (0-based), or −1. */
    public int atom() {
        return atom;
    }
}
