package org.adc.kmc;

/** Receives the state at sampling times during {@link KmcSimulation#runUntil}. */
@FunctionalInterface
public interface KmcObserver {
    /**
     * @param sim  the simulation (state as it is at {@code time}: after the last event before it)
     * @param time sampling time in s
     */
    void observe(KmcSimulation sim, double time);
}
