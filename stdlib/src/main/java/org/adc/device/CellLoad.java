package org.adc.device;

/**
 * What a source-measure unit is connected to: gives the current for an applied voltage at a sample
 * temperature, and may change with the charge that has passed (polarisation, extraction).
 */
public interface CellLoad {
    /**
     * Current in A over the next {@code dt} seconds for {@code voltage} V at {@code temperature} K;
     * a stateful load integrates its charge here.
     */
    double current(double voltage, double temperature, double dt);

    /** The load's internal state (charges passed) for the journal of a run. */
    default double[] state() {
        return new double[0];
    }

    /** Restores {@link #state()} (resuming a run). */
    default void restore(double[] s) {
    }

    /** Description for the run record. */
    String describe();
}
