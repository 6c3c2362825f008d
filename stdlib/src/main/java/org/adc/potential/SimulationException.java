package org.adc.potential;

/**
 * A structure or a run that cannot continue: atoms closer than the potential allows (found before an
 * optimisation starts), a force that became NaN or infinite (reported with the step and the atom), or an
 * optimisation that diverges (forces or energy exploding, a band stretching), with a hint.
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;
    private final int atom;
    private final String hint;

    /**
     * @param message what happened
     * @param step    optimisation step (0-based), or −1 when not in a run
     * @param atom    0-based atom index involved, or −1
     */
    public SimulationException(String message, int step, int atom) {
        this(message, step, atom, null);
    }

    /**
     * @param message what happened
     * @param step    optimisation step (0-based), or −1 when not in a run
     * @param atom    0-based atom index involved, or −1
     * @param hint    what to do about it (e.g. "use optimizer = \"fire\""), or null
     */
    public SimulationException(String message, int step, int atom, String hint) {
        super(message);
        this.step = step;
        this.atom = atom;
        this.hint = hint;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
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
