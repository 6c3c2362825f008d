package org.adc.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7: a lab file sets safety limits, so nonsense values are refused with file:line:
 * negative or infinite limits, zero or negative intervals, temperatures below absolute zero, press
 * scale 0, min above max, control characters in instrument strings, duplicate keys.
 */
class LabValidationTest {
    private static final Path FILE = Path.of("lab.yaml");

    /** The valid lab of {@link DriverLabConfigTest} with one text replaced. */
    private static LabConfigError fails(String from, String to) {
        assertTrue(DriverLabConfigTest.LAB.contains(from), from);
        String yaml = DriverLabConfigTest.LAB.replace(from, to);
        return assertThrows(LabConfigError.class, () -> LabConfig.parse(yaml, FILE), yaml);
    }

    private static void refused(String from, String to, int line, String message) {
        LabConfigError e = fails(from, to);
        assertTrue(e.getMessage().startsWith("lab.yaml:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void theValidLabStillLoads() {
        assertEquals(4, LabConfig.parse(DriverLabConfigTest.LAB, FILE).names().size());
    }

    @Test
    void limitsAreFiniteAndPositive() {
        refused("max_voltage: \"100 V\"", "max_voltage: \"-100 V\"", 6, "devices.smu.limits.max_voltage = '-100 V' must be positive");
        refused("max_current: \"10 mA\"", "max_current: \"1e999 A\"", 6, "'1e999 A' is not finite");
        refused("max_current: \"10 mA\"", "max_current: \"0 A\"", 6, "must be positive");
        refused("max_pressure: \"6 GPa\"", "max_pressure: \"-6 GPa\"", 23, "max_pressure = '-6 GPa' must be positive");
        refused("heater_power: \"1200 W\"", "heater_power: \"-1 W\"", 15, "heater_power");
    }

    @Test
    void intervalsArePositive() {
        refused("timeout: \"500 ms\"", "timeout: \"0 s\"", 5, "timeout = '0 s' must be positive");
        refused("delay: \"0.5 s\"", "delay: \"-1 s\"", 7, "delay = '-1 s' must be positive");
        refused("    port: /dev/ttyUSB0\n", "    port: /dev/ttyUSB0\n    poll: \"-1 s\"\n", 5, "poll = '-1 s' must be positive");
        refused("    port: /dev/ttyUSB0\n", "    port: /dev/ttyUSB0\n    poll: \"0 s\"\n", 5, "poll = '0 s' must be positive");
    }

    @Test
    void temperaturesLieAboveAbsoluteZero() {
        refused("max_temperature: \"1000 degC\"", "max_temperature: \"-300 degC\"", 14, "below absolute zero");
        refused("heater_power: \"1200 W\"", "heater_power: \"1200 W\"\n    safe: {setpoint: \"-5 K\"}", 16, "'-5 K' is at or below absolute zero");
    }

    @Test
    void pressScaleIsNonzeroAndMinIsNotAboveMax() {
        refused("pressure: {register: 100, scale: 0.001}", "pressure: {register: 100, scale: 0}", 20, "scale must not be zero");
        refused("min: 0, max: 1000", "min: 1000, max: 0", 29, "min 1000.0 is above max 0.0");
        refused("min: 0, max: 1000", "min: 0, max: 1e999", 29, "is not a finite number");
        refused("min: 0, max: 1000", "min: 0, max: .inf", 29, "not valid YAML");
    }

    @Test
    void instrumentStringsHaveNoControlCharacters() {
        refused("query: \"PRES?\"", "query: \"PRES?\\n*RST\"", 29, "readings.pressure.query contains a control character (U+000A)");
        refused("send: \"FLOW {value}\"", "send: \"FLOW {value}\\r\"", 31, "contains a control character (U+000D)");
        refused("safe: [\"FLOW 0\"]", "safe: [\"FLOW 0\\nOUTP ON\"]", 32, "safe contains a control character");
        refused("kind: vacuum gauge", "kind: vacuum gauge\n    identify: \"*IDN?\\u0000\"", 28, "identify contains a control character (U+0000)");
    }

    @Test
    void duplicateKeysAreRefused() {
        refused("  gauge:\n", "  smu:\n    driver: scpi\n    port: /dev/x\n  gauge:\n", 24, "duplicate key 'smu'");
        refused("    address: 3\n", "    address: 3\n    address: 4\n", 12, "duplicate key 'address'");
    }
}
