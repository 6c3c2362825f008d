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
 * checks every entry (known driver, known keys, values with units of the right kind, each value
 * sane: see {@link Settings}); a mistake names the file and line, the entry and the key, and
 * duplicate keys are refused. {@link #checkPorts()} additionally requires every port to
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

    /**
     * Parses lab file text; {@code file} names it in messages. Every error starts with
     * {@code FILE:LINE:} (the line of the key at fault, or of its entry). Duplicate keys at any level
     * are refused (YAML would let the last one win silently).
     */
    public static LabConfig parse(String text, Path file) {
        Map<String, Integer> lines;
        JsonNode root;
        try {
            lines = keyLines(text, file.getFileName() + "");
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("");
            if (msg.startsWith("Duplicate field")) {
                throw new LabConfigError(file + ":" + line + ": duplicate key " + msg.substring("Duplicate field ".length()).replaceFirst("\\s*$", "")
                    + " (YAML would silently keep the last one)", "give each device and each key once");
            }
            throw new LabConfigError(file + ":" + line + ": lab file is not valid YAML: " + msg, "fix the YAML syntax");
        } catch (IOException e) {
            throw new LabConfigError("lab file " + file + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""),
                "fix the YAML syntax");
        }
        try {
            return parseTree(root, file);
        } catch (LabConfigError e) {
            String prefix = file.getFileName() + ".";
            throw new LabConfigError(file + ":" + lineOf(e.getMessage(), lines) + ": " + e.getMessage().replace(prefix + "devices", "devices"), e.hint());
        }
    }

    /** The line of the longest key path named in {@code message} (1 if none). */
    private static int lineOf(String message, Map<String, Integer> lines) {
        int best = -1;
        int line = 1;
        for (Map.Entry<String, Integer> k : lines.entrySet()) {
            int at = message.indexOf(k.getKey());
            while (at >= 0) {
                int end = at + k.getKey().length();
                boolean whole = end >= message.length() || !(Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_');
                if (whole && k.getKey().length() > best) {
                    best = k.getKey().length();
                    line = k.getValue();
                }
                at = message.indexOf(k.getKey(), at + 1);
            }
        }
        return line;
    }

    /**
     * Line of every key, by dotted path as {@link Settings} names them ({@code lab.yaml.devices.smu.limits});
     * entries are also found by "device 'NAME'". Refuses duplicate keys.
     */
    private static Map<String, Integer> keyLines(String text, String root) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        YAMLFactory f = new YAMLFactory();
        f.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try (com.fasterxml.jackson.core.JsonParser p = f.createParser(text)) {
            java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
            for (com.fasterxml.jackson.core.JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    StringBuilder b = new StringBuilder(root);
                    for (com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
                        if (c.inObject() && c.getCurrentName() != null) {
                            path.push(c.getCurrentName());
                        }
                    }
                    while (!path.isEmpty()) {
                        b.append('.').append(path.pop());
                    }
                    int line = p.currentTokenLocation().getLineNr();
                    out.putIfAbsent(b.toString(), line);
                    com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext();
                    if (c.getParent() != null && c.getParent().getParent() != null && c.getParent().getParent().inRoot()
                        && "devices".equals(c.getParent().getCurrentName())) {
                        out.putIfAbsent("device '" + p.currentName() + "'", line);
                    }
                }
            }
        }
        return out;
    }

    private static LabConfig parseTree(JsonNode root, Path file) {
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
                throw new LabConfigError("device '" + name + "': " + e.getMessage(), e.hint());
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
