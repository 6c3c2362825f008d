package org.adc.device.kind;

/**
 * A DC power supply driven like a source-measure unit (drivers {@code KeysightE36xx},
 * {@code GenesysSupply}; in a dry run the {@code SimSourceMeter} twin stands for it): the same
 * readings and operations as {@link SourceMeasureUnit}, with the current limit as the compliance,
 * plus, when the lab file gives the load a heater calibration, power (W, measured V × I) and
 * temperature (°C, from the calibration).
 */
public interface PowerSupply extends SourceMeasureUnit {
    /** The declaration shared by every supply driver. */
    DeviceKind<PowerSupply> KIND = DeviceKind.of("DC power supply", PowerSupply.class).including(SourceMeasureUnit.KIND)
        .optionalReading("power", "W", "measured V × I (with a heater calibration)")
        .optionalReading("temperature", "degC", "heater temperature from the lab file's power → temperature calibration");
}
