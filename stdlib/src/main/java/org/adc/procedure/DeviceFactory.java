package org.adc.procedure;

/**
 * Supplies real instruments for device names that the lab configuration maps to hardware, when a
 * run is live ({@code adc run --live --lab FILE}). The lab library asks it first; when it returns
 * null the device stays a digital twin.
 */
public interface DeviceFactory {
    /**
     * The connected instrument for {@code name}, registered with {@code engine} (identity and
     * settings recorded as events), or null when the name is not mapped to hardware.
     *
     * @param kind what the script asked for: "furnace", "source-measure unit", "press" or "instrument";
     *             a mapped driver of another kind is an error naming the lab entry
     */
    Device create(String name, String kind, ProcedureEngine engine);

    /**
     * The limits the lab file gives the instrument {@code name} (max_temperature, max_rate, max_voltage, ...),
     * empty when none: the pre-flight dry run holds the twins to them as well as to the recipe's own.
     */
    default java.util.Map<String, org.adc.units.Quantity> limits(String name) {
        return java.util.Map.of();
    }

    /**
     * Operations the instrument {@code name} cannot do, with the reason (a controller without a programmer over its
     * communications refuses {@code program}): the pre-flight twin refuses them too, before the run.
     */
    default java.util.Map<String, String> refusedOperations(String name) {
        return java.util.Map.of();
    }

    /** A pre-flight stand-in for an instrument that has no twin (readings 0, commands ignored), or null. */
    default Device standIn(String name) {
        return null;
    }

    /** For the pre-flight dry run: every device a twin, held to the lab file's limits of {@code lab}. */
    static DeviceFactory twinsWithLimitsOf(DeviceFactory lab) {
        return new DeviceFactory() {
            @Override
            public Device create(String name, String kind, ProcedureEngine engine) {
                Device d = kind.equals("instrument") ? lab.standIn(name) : null;
                if (d != null) {
                    engine.register(d);
                }
                return d;
            }

            @Override
            public java.util.Map<String, org.adc.units.Quantity> limits(String name) {
                return lab.limits(name);
            }

            @Override
            public java.util.Map<String, String> refusedOperations(String name) {
                return lab.refusedOperations(name);
            }
        };
    }
}
