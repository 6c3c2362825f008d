package org.adc.device.kind;

import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.units.Dimension;

/**
 * A furnace with a temperature controller (twin {@code SimFurnace}, driver {@code Eurotherm}).
 * Readings: temperature (°C, process value), setpoint (°C, working setpoint), power (W, heater
 * power). Operations: ramp(to, rate), program(segments), programmer(state), off(). An operation
 * outside {@code parallel} waits until the furnace is there (the program complete).
 */
public interface FurnaceController {
    /** Starts a ramp of the setpoint to {@code toKelvin} at {@code kelvinPerSecond}; limits checked before anything is sent. */
    void startRamp(double toKelvin, double kelvinPerSecond);

    /** Checks a ramp/dwell program (list of segment records) against the limits and starts it. */
    void startProgram(org.adc.lang.AdcList segments);

    /** Programmer state: "run", "hold" or "reset". */
    void programmer(String state);

    /** Heater down: ramps to the safe setpoint at the safe rate; does not wait. */
    void goSafe();

    /** Waits in the engine's time until the running operation is done (returns at once inside parallel). */
    void finish(String what);

    /** Device name. */
    String name();

    /** The declaration shared by the twin and every driver. */
    DeviceKind<FurnaceController> KIND = DeviceKind.of("furnace", FurnaceController.class)
        .reading("temperature", "degC", "process value (sample temperature)")
        .reading("setpoint", "degC", "working setpoint")
        .reading("power", "W", "heater power")
        .operation("ramp", "ramps the setpoint to a temperature at a rate and waits until the furnace is there (inside parallel it only starts)",
            "furnace.ramp(to = 450 degC, rate = 5 degC/min)", (d, a) -> {
                d.startRamp(a.si(0, Dimension.TEMPERATURE), a.si(1, Dimension.HEATING_RATE));
                d.finish(d.name() + ".ramp");
                return None.INSTANCE;
            }, Param.required("to", "temperature", "target temperature"), Param.required("rate", "heating_rate", "ramp rate"))
        .operation("program", "runs a ramp/dwell program in the controller's programmer (the twin runs it as the programmer would): a list "
            + "of segments {ramp: RATE, to: TEMPERATURE} or {dwell: DURATION}, checked against the limits before anything is sent; waits "
            + "until the program is complete (inside parallel it only starts). A controller without a programmer over its communications "
            + "refuses it at pre-flight.", "furnace.program([{ramp: 5 degC/min, to: 450 degC}, {dwell: 8 d}, {ramp: 5 degC/min, to: 25 degC}])",
            (d, a) -> {
                d.startProgram(a.list(0));
                d.finish(d.name() + ".program");
                return None.INSTANCE;
            }, Param.required("segments", "list", "program segments"))
        .operation("programmer", "holds, continues or resets the running program", "furnace.programmer(\"hold\")", (d, a) -> {
            d.programmer(a.string(0));
            return None.INSTANCE;
        }, Param.required("state", "string", "\"run\", \"hold\" or \"reset\""))
        .operation("off", "heater down: ramps to the safe setpoint at the safe rate without waiting", "furnace.off()", (d, a) -> {
            d.goSafe();
            return None.INSTANCE;
        });
}
