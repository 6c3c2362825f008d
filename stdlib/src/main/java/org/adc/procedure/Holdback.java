package org.adc.procedure;

/**
 * A device with a setpoint that a hold's holdback band watches (Eurotherm's holdback: the dwell
 * clock runs only while every such device is within the band of its setpoint). Implemented by the
 * furnace twin and by real temperature controllers.
 */
public interface Holdback {
    /** True when the process value is within {@code band} K of the working setpoint. */
    boolean withinBand(double band);
}
