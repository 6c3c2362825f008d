package org.adc.procedure;

/**
 * Time as a procedure sees it, in seconds since the run started. A {@link VirtualClock} jumps
 * (a dry run of an 8-day anneal takes seconds); a {@link WallClock} waits in real time.
 */
public interface Clock {
    /** Seconds since the start of the run. */
    double now();

    /** Moves time forward to {@code t} seconds (waits on a wall clock). */
    void advanceTo(double t) throws InterruptedException;

    /** Sets the time to {@code t} seconds (resuming a run from its journal). */
    void reset(double t);

    /** True when time is simulated. */
    boolean isVirtual();
}
