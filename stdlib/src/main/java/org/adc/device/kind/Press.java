package org.adc.device.kind;

import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.units.Dimension;

/**
 * A (cubic-anvil) press (twin {@code SimPress}, driver {@code ModbusPress}). Reading: pressure (GPa).
 * Operations: compress(to, rate), release(rate); both wait until the load is there (inside
 * {@code parallel} they only start).
 */
public interface Press {
    /** Starts moving the load to {@code toPascal} at {@code pascalPerSecond}; limits checked first. */
    void startCompress(double toPascal, double pascalPerSecond);

    /** Waits in the engine's time until the load is there. */
    void finish(String what);

    /** Device name. */
    String name();

    /** The declaration shared by the twin and every driver. */
    DeviceKind<Press> KIND = DeviceKind.of("press", Press.class)
        .reading("pressure", "GPa", "load on the sample")
        .operation("compress", "raises the load to a pressure at a rate and waits (inside parallel it only starts)",
            "press.compress(to = 1 GPa, rate = 1 GPa/h)", (d, a) -> {
                d.startCompress(a.si(0, Dimension.PRESSURE), a.si(1, Dimension.PRESSURE.divide(Dimension.TIME)));
                d.finish(d.name() + ".compress");
                return None.INSTANCE;
            }, Param.required("to", "pressure", "target pressure"), Param.required("rate", "[GPa/h]", "pressure rate, e.g. 1 GPa/h"))
        .operation("release", "lowers the load to zero at a rate and waits", "press.release(rate = 0.5 GPa/h)", (d, a) -> {
            d.startCompress(0, a.si(0, Dimension.PRESSURE.divide(Dimension.TIME)));
            d.finish(d.name() + ".release");
            return None.INSTANCE;
        }, Param.required("rate", "[GPa/h]", "pressure rate"));
}
