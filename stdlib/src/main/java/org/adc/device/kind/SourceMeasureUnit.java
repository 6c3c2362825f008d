package org.adc.device.kind;

import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.units.Dimension;
import org.adc.units.Quantity;

/**
 * A source-measure unit sourcing voltage and measuring current (twin {@code SimSourceMeter}, drivers
 * {@code Keithley24xx}). Readings: voltage (V, the sourced voltage, 0 while off), current (µA),
 * charge (C, ∫ I dt while the output is on), peak_current (µA, largest |I| since the last
 * reset_charge). Operations: apply(voltage, compliance = 1 mA), off(), reset_charge().
 */
public interface SourceMeasureUnit {
    /** Sources {@code volts} V with a current limit of {@code complianceAmps} A and switches the output on; limits checked first. */
    void apply(double volts, double complianceAmps);

    /** Output off (the safe state); does not wait. */
    void goSafe();

    /** Starts the charge integral and the peak current again from zero. */
    void resetCharge();

    /** The declaration shared by the twin and every driver. */
    DeviceKind<SourceMeasureUnit> KIND = DeviceKind.of("source-measure unit", SourceMeasureUnit.class)
        .reading("voltage", "V", "sourced voltage (0 while the output is off)")
        .reading("current", "uA", "measured current")
        .reading("charge", "C", "∫ I dt while the output is on")
        .reading("peak_current", "uA", "largest |current| since the start or the last reset_charge()")
        .operation("apply", "sources a voltage with a current compliance (output on)", "smu.apply(voltage = 50 V, compliance = 1 mA)",
            (d, a) -> {
                d.apply(a.si(0, Dimension.VOLTAGE), a.si(1, Dimension.CURRENT));
                return None.INSTANCE;
            }, Param.required("voltage", "voltage", "source voltage"),
            Param.optional("compliance", "current", Quantity.of(1, "mA"), "current limit"))
        .operation("off", "output off", "smu.off()", (d, a) -> {
            d.goSafe();
            return None.INSTANCE;
        })
        .operation("reset_charge", "starts the charge integral and the peak current again from zero", "smu.reset_charge()", (d, a) -> {
            d.resetCharge();
            return None.INSTANCE;
        });
}
