package org.adc.device.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Doc;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.procedure.Device;
import org.adc.units.Quantity;
import org.adc.units.Unit;

/**
 * What a generic instrument of the lab file (driver scpi) is in the pre-flight dry run of a live run:
 * it has no digital twin, so it has the readings the lab file names, each reading 0 in its unit, and
 * its commands, which do nothing. The pre-flight so checks the rest of the recipe without the instrument.
 */
final class StandInInstrument extends Device {
    private final String kind;
    private final Map<String, Unit> readings;
    private final List<String> commands;

    StandInInstrument(String name, String kind, Map<String, Unit> readings, List<String> commands) {
        super(name);
        this.kind = kind;
        this.readings = readings;
        this.commands = commands;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String identity() {
        return "pre-flight stand-in for the lab file's " + kind + " (readings 0, commands ignored)";
    }

    @Override
    public void step(double t, double dt) {
    }

    @Override
    public Map<String, Quantity> readings() {
        Map<String, Quantity> m = new LinkedHashMap<>();
        readings.forEach((k, u) -> m.put(k, Quantity.of(0, u)));
        return m;
    }

    @Override
    public void goSafe() {
    }

    @Override
    public Map<String, Quantity> limits() {
        return Map.of();
    }

    @Override
    protected List<NativeFunction> operations() {
        List<NativeFunction> ops = new ArrayList<>();
        for (String c : commands) {
            ops.add(new NativeFunction(c, "none", new Doc("(pre-flight: ignored)", name + "." + c + "(value)", null, null, null, null, null, null),
                a -> None.INSTANCE, Param.required("value", "any", "value")));
        }
        ops.add(new NativeFunction("off", "none", new Doc("(pre-flight: ignored)", name + ".off()", null, null, null, null, null, null),
            a -> None.INSTANCE));
        return ops;
    }
}
