package org.adc.device.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.device.AdcCellLoad;
import org.adc.device.SimFurnace;
import org.adc.device.SimGasLine;
import org.adc.device.SimPress;
import org.adc.device.SimSourceMeter;
import org.adc.device.config.DriverRegistry;
import org.adc.device.config.LabConfig;
import org.adc.device.config.LabEntry;
import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.procedure.Device;
import org.junit.jupiter.api.Test;

/**
 * Twin and drivers of one device kind offer the same thing to a recipe: the same operations (names, parameters with
 * their kinds and defaults, return kind, reference text) and the same readings (names, display units), as the kind
 * declares them once in {@link DeviceKind}; and each implements the kind's Java interface. Compared by reflection
 * over the live objects, so a driver that adds, drops or re-declares an operation fails here.
 */
class DeviceKindConsistencyTest {
    /** A lab entry per registered driver, built on no port (as the lab-file check builds them). */
    private static final String LAB = """
        devices:
          k2400: {driver: keithley-2400, port: /dev/null}
          k2450: {driver: keithley-2450, port: /dev/null}
          e36: {driver: keysight-e36xx, port: /dev/null}
          gen: {driver: genesys, port: /dev/null}
          e3200: {driver: eurotherm-3200, port: /dev/null}
          e2400: {driver: eurotherm-2400, port: /dev/null}
          press:
            driver: modbus-press
            port: /dev/null
            registers: {pressure: {register: 1}, setpoint: {register: 2}, rate: {register: 3}}
          gauge: {driver: scpi, port: /dev/null}
        """;

    /** What a script sees of one operation. */
    private static String signature(NativeFunction f) {
        StringBuilder sb = new StringBuilder(f.name()).append('(');
        for (Param p : f.params()) {
            sb.append(p.name()).append(':').append(p.type()).append(p.isRequired() ? "" : "=" + p.defaultValue()).append(p.variadic() ? "..." : "")
                .append(',');
        }
        return sb.append(") -> ").append(f.returns()).append(" | ").append(f.doc().summary()).append(" | ").append(f.doc().syntax()).toString();
    }

    private static Map<String, String> operations(Device d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : ((HasMembers) d).memberNames()) {
            if (d.member(n) instanceof NativeFunction f) {
                m.put(n, signature(f));
            }
        }
        return m;
    }

    private static Map<String, String> declaredOperations(DeviceKind<?> k) {
        Map<String, String> m = new LinkedHashMap<>();
        for (DeviceKind.Operation<?> o : k.operations()) {
            m.put(o.name(), signature(new NativeFunction(o.name(), o.returns(), o.doc(), a -> null, o.params())));
        }
        return m;
    }

    private static Map<String, String> readings(Device d) {
        Map<String, String> m = new LinkedHashMap<>();
        d.readings().forEach((k, q) -> m.put(k, q.unit().symbol()));
        return m;
    }

    private static void assertMatches(DeviceKind<?> kind, Device d, String what) {
        assertTrue(kind.type().isInstance(d), what + " does not implement " + kind.type().getSimpleName());
        assertEquals(kind.name(), d.kind(), what + ": kind");
        assertEquals(declaredOperations(kind), operations(d), what + ": operations differ from the declaration of the " + kind.name());
        Map<String, String> declared = new LinkedHashMap<>();
        for (DeviceKind.Reading r : kind.readings()) {
            if (!r.optional()) {
                declared.put(r.name(), r.unit());
            }
        }
        Map<String, String> got = readings(d);
        Map<String, String> required = new LinkedHashMap<>(got);
        required.keySet().retainAll(declared.keySet());
        assertEquals(declared, required, what + ": readings (name and unit) differ from the declaration of the " + kind.name());
        for (String extra : got.keySet()) {
            assertTrue(kind.readings().stream().anyMatch(r -> r.name().equals(extra)), what + " has an undeclared reading " + extra);
        }
    }

    private static Map<String, Device> twins() {
        Map<String, Device> m = new LinkedHashMap<>();
        SimFurnace f = new SimFurnace("furnace", 1273.15, 1, 180, 600, 1273.15);
        m.put("source-measure unit", new SimSourceMeter("smu", 200, 0.1, new AdcCellLoad(0.78), f));
        m.put("furnace", f);
        m.put("press", new SimPress("press", 6e9, 1e9 / 3600, null));
        m.put("gas line", new SimGasLine("gas", 2e-3 / 60, 0.0666));
        return m;
    }

    private static final List<DeviceKind<?>> KINDS = List.of(SourceMeasureUnit.KIND, PowerSupply.KIND, FurnaceController.KIND, Press.KIND,
        GasLine.KIND);

    @Test
    void everyTwinMatchesItsKind() {
        Map<String, Device> twins = twins();
        for (DeviceKind<?> k : KINDS) {
            Device t = twins.get(k.name());
            if (t != null) {
                assertMatches(k, t, "twin " + t.getClass().getSimpleName());
            }
        }
        assertEquals(4, twins.size());
    }

    @Test
    void everyRegisteredDriverMatchesItsKindAndItsTwin() {
        LabConfig lab = LabConfig.parse(LAB, Path.of("kinds.yaml"));
        Map<String, Device> twins = twins();
        List<String> checked = new ArrayList<>();
        for (DriverRegistry.Driver drv : DriverRegistry.all()) {
            LabEntry e = List.of("k2400", "k2450", "e36", "gen", "e3200", "e2400", "press", "gauge").stream().map(lab::entry)
                .filter(x -> x.driver().equals(drv.id())).findFirst().orElseThrow(
                    () -> new AssertionError("the consistency test has no lab entry for driver " + drv.id() + ": add one to LAB"));
            Device d = drv.builder().build(e, new org.adc.device.driver.Link(e.name(), null, e.policy()));
            if (drv.kind() == null) {
                continue;
            }
            assertMatches(drv.kind(), d, "driver " + drv.id());
            // the twin a pre-flight puts in the driver's place offers every operation of the driver, with the same signature
            Device twin = twins.get(drv.recipeKind());
            Map<String, String> twinOps = operations(twin);
            operations(d).forEach((n, sig) -> assertEquals(sig, twinOps.get(n), "driver " + drv.id() + " and its twin differ in " + n));
            checked.add(drv.id());
        }
        assertEquals(List.of("keithley-2400", "keithley-2450", "keysight-e36xx", "genesys", "eurotherm-3200", "eurotherm-2400", "modbus-press"),
            checked);
    }

}
