package org.adc.device.config;

import java.util.List;

import org.adc.device.driver.ReconnectPolicy;
import org.adc.device.driver.SerialSettings;
import org.adc.units.Dimension;

/**
 * One device of the lab file, checked: its driver, serial settings, bus address, reconnect policy
 * and poll interval, plus the driver-specific settings kept for {@link LabDeviceFactory}.
 *
 * @param name     device name as the recipe uses it
 * @param driver   driver id (see {@link #DRIVERS})
 * @param serial   port and line settings
 * @param address  bus address (Modbus slave, Genesys ADR); 0 when the driver has none
 * @param policy   reconnect policy
 * @param pollSeconds seconds between polls of the instrument
 * @param settings the whole entry, for driver-specific keys
 */
public record LabEntry(String name, String driver, SerialSettings serial, int address, ReconnectPolicy policy, double pollSeconds,
                       Settings settings) {
    /** Known drivers (from {@link DriverRegistry}). */
    public static final List<String> DRIVERS = DriverRegistry.ids();

    /** What the script function asking for this device must be: "source-measure unit", "furnace", "press" or "instrument". */
    public String kind() {
        return DriverRegistry.get(driver).recipeKind();
    }

    static LabEntry parse(String name, Settings s) {
        String driver = s.string("driver");
        if (!DRIVERS.contains(driver)) {
            throw new LabConfigError("unknown driver '" + driver + "'", "use one of " + String.join(", ", DRIVERS));
        }
        s.only("driver", "port", "serial", "address", "reconnect", "poll", "limits", "on_compliance", "registers", "decimals", "safe",
            "heater_power", "calibration", "kind", "identify", "readings", "commands", "tolerance", "programmer", "identifier");
        String port = s.string("port");
        boolean modbus = DriverRegistry.get(driver).modbus();
        Settings ser = s.sub("serial");
        ser.only("baud", "data_bits", "parity", "stop_bits", "timeout", "terminator");
        String term = switch (ser.string("terminator", driver.equals("genesys") ? "CR" : "LF")) {
            case "CR" -> "\r";
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> throw new LabConfigError(ser.where() + ".terminator must be CR, LF or CRLF", "write terminator: LF");
        };
        SerialSettings serial;
        try {
            serial = new SerialSettings(port, ser.integer("baud", 9600, 50, 4_000_000), ser.integer("data_bits", 8, 7, 8),
                ser.string("parity", "none"), ser.integer("stop_bits", driver.equals("keysight-e36xx") ? 2 : 1, 1, 2),
                (int) Math.round(ser.quantity("timeout", Dimension.TIME, "1 s") * 1000), term);
        } catch (IllegalArgumentException e) {
            throw new LabConfigError(ser.where() + ": " + e.getMessage(), "fix the serial settings");
        }
        int address = s.integer("address", modbus ? 1 : driver.equals("genesys") ? 6 : 0, 0, 247);
        Settings rc = s.sub("reconnect");
        rc.only("attempts", "delay", "safe_attempts", "garbled_retries");
        ReconnectPolicy policy = new ReconnectPolicy(rc.integer("attempts", 3, 0, 1000),
            Math.round(rc.quantity("delay", Dimension.TIME, "1 s") * 1000), rc.integer("safe_attempts", 10, 0, 10000));
        rc.integer("garbled_retries", 1, 0, 100);
        double poll = s.quantity("poll", Dimension.TIME, "1 s");
        LabEntry e = new LabEntry(name, driver, serial, address, policy, poll, s);
        LabDeviceFactory.validate(e);
        return e;
    }
}
