package org.adc.device.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The lab configuration file (YAML): which device names of a recipe are real instruments, with
 * driver, port, serial settings, bus address, limits, calibration and reconnect policy. Loading
 * checks every entry (known driver, known keys, values with units of the right kind); a mistake
 * names the file, the entry and the key. {@link #checkPorts()} additionally requires every port to
 * exist (done for live runs only).
 *
 * <pre>
 * devices:
 *   smu:
 *     driver: keithley-2400          # keithley-2400 | keithley-2450 | keysight-e36xx | genesys
 *     port: /dev/ttyUSB0             #   | eurotherm-3200 | eurotherm-2400 | modbus-press | scpi
 *     serial: {baud: 9600, data_bits: 8, parity: none, stop_bits: 1, timeout: "1 s"}
 *     limits: {max_voltage: "100 V", max_current: "10 mA"}
 *     on_compliance: abort           # or: event
 *     reconnect: {attempts: 3, delay: "1 s", safe_attempts: 10}
 *     poll: "1 s"
 *   furnace:
 *     driver: eurotherm-3200
 *     port: /dev/ttyUSB1
 *     address: 1
 *     registers: float               # or: scaled (with decimals: 1)
 *     limits: {max_temperature: "1000 degC", max_rate: "10 degC/min"}
 *     safe: {setpoint: "25 degC", rate: "10 degC/min"}
 *     heater_power: "1000 W"
 * </pre>
 */
public final class LabConfig {
    private final Path file;
    private final Map<String, LabEntry> entries = new LinkedHashMap<>();

    private LabConfig(Path file) {
        this.file = file;
    }

    /** Reads and checks a lab file. @throws LabConfigError naming the entry and key at fault */
    public static LabConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LabConfigError("cannot read lab file " + file + ": " + e.getMessage(), "check the path given to --lab");
        }
        return parse(text, file);
    }

    /** Parses lab file text; {@code file} names it in messages. */
    public static LabConfig parse(String text, Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new LabConfigError("lab file " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                "fix the YAML syntax");
        }
        LabConfig c = new LabConfig(file);
        if (root == null || !root.isObject() || !root.has("devices")) {
            throw new LabConfigError("lab file " + file + " has no 'devices' mapping", "start the file with devices:");
        }
        Settings top = new Settings(file.getFileName() + "", root);
        top.only("devices");
        Settings devs = top.sub("devices");
        for (String name : devs.keys()) {
            try {
                c.entries.put(name, LabEntry.parse(name, devs.sub(name)));
            } catch (LabConfigError e) {
                throw new LabConfigError("lab file " + file + ", device '" + name + "': " + e.getMessage(), e.hint());
            }
        }
        return c;
    }

    /** Every port must exist; a missing one names its entry. */
    public void checkPorts() {
        for (LabEntry e : entries.values()) {
            String p = e.serial().port();
            if (!p.startsWith("COM") && !Files.exists(Path.of(p))) {
                throw new LabConfigError("lab file " + file + ", device '" + e.name() + "': port " + p + " does not exist",
                    "plug the instrument in or correct the port (ls /dev/serial/by-id/ lists USB serial adapters)");
            }
        }
    }

    /** The entry for a device name, or null. */
    public LabEntry entry(String name) {
        return entries.get(name);
    }

    /** Device names mapped to hardware. */
    public Set<String> names() {
        return entries.keySet();
    }

    /** The file this came from. */
    public Path file() {
        return file;
    }
}
