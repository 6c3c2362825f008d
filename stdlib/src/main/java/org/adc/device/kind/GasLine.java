package org.adc.device.kind;

import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.units.Dimension;

/**
 * The furnace tube's gas line: inert-gas flow and a pump with a gauge (twin {@code SimGasLine}; live, a
 * lab entry of driver {@code scpi} with readings flow and pressure). Readings: flow (L/min),
 * pressure (Torr). Operations: purge(rate), evacuate(to) (waits for the gauge).
 */
public interface GasLine {
    /** Inert-gas flow in m³/s (0 closes the valve). */
    void flow(double cubicMetresPerSecond);

    /** Closes the flow and starts pumping down to {@code pascal}. */
    void evacuate(double pascal);

    /** Waits in the engine's time until the gauge reads the target. */
    void finish(String what);

    /** Device name. */
    String name();

    /** The declaration shared by the twin and every driver. */
    DeviceKind<GasLine> KIND = DeviceKind.of("gas line", GasLine.class)
        .reading("flow", "L/min", "inert-gas flow")
        .reading("pressure", "Torr", "gauge pressure")
        .operation("purge", "sets the inert-gas flow (0 closes it); the tube goes to atmospheric pressure", "gas.purge(0.2 L/min)", (d, a) -> {
            d.flow(a.si(0, Dimension.VOLUME.divide(Dimension.TIME)));
            return None.INSTANCE;
        }, Param.required("rate", "[L/min]", "flow, e.g. 0.2 L/min"))
        .operation("evacuate", "closes the flow, pumps down and waits until the gauge reads the pressure (inside parallel it only starts)",
            "gas.evacuate(to = 1e-3 Torr)", (d, a) -> {
                d.evacuate(a.si(0, Dimension.PRESSURE));
                d.finish(d.name() + ".evacuate");
                return None.INSTANCE;
            }, Param.required("to", "pressure", "target pressure"));
}
