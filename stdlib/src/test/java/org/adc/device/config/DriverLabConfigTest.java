package org.adc.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.device.SimFurnace;
import org.adc.device.driver.InMemoryTransport;
import org.adc.device.driver.Keithley24xx;
import org.adc.lang.Args;
import org.adc.lang.Env;
import org.adc.lang.NativeFunction;
import org.adc.lib.LabLib;
import org.adc.procedure.ProcedureEngine;
import org.junit.jupiter.api.Test;

/** The lab file: checks that name the entry, and the hook that gives a recipe the real driver in a live run. */
class DriverLabConfigTest {
    private static final Path FILE = Path.of("lab.yaml");

    static final String LAB = """
        devices:
          smu:
            driver: keithley-2400
            port: /dev/ttyUSB0
            serial: {baud: 19200, parity: none, stop_bits: 1, timeout: "500 ms"}
            limits: {max_voltage: "100 V", max_current: "10 mA"}
            reconnect: {attempts: 2, delay: "0.5 s", safe_attempts: 20}
          furnace:
            driver: eurotherm-3200
            port: /dev/ttyUSB1
            address: 3
            registers: scaled
            decimals: 1
            limits: {max_temperature: "1000 degC", max_rate: "10 degC/min"}
            heater_power: "1200 W"
          press:
            driver: modbus-press
            port: /dev/ttyUSB2
            registers:
              pressure: {register: 100, scale: 0.001}
              setpoint: {register: 200, scale: 0.001}
              rate: {register: 201, scale: 0.001}
            limits: {max_pressure: "6 GPa", max_rate: "2 GPa/h"}
          gauge:
            driver: scpi
            port: /dev/ttyUSB3
            kind: vacuum gauge
            readings:
              pressure: {query: "PRES?", unit: Torr, min: 0, max: 1000}
            commands:
              flow: {send: "FLOW {value}", unit: L/min}
            safe: ["FLOW 0"]
        """;

    private static LabConfigError fails(String yaml) {
        return assertThrows(LabConfigError.class, () -> LabConfig.parse(yaml, FILE));
    }

    @Test
    void readsAWholeLab() {
        LabConfig c = LabConfig.parse(LAB, FILE);
        assertEquals(4, c.names().size());
        LabEntry smu = c.entry("smu");
        assertEquals(19200, smu.serial().baud());
        assertEquals(500, smu.serial().timeoutMs());
        assertEquals(2, smu.policy().attempts());
        assertEquals(500, smu.policy().delayMs());
        assertEquals("source-measure unit", smu.kind());
        assertEquals(3, c.entry("furnace").address());
        assertEquals("furnace", c.entry("furnace").kind());
        assertEquals("\r", LabConfig.parse("devices:\n  psu: {driver: genesys, port: /dev/x}\n", FILE).entry("psu").serial().terminator());
    }

    @Test
    void heaterCalibrationGivesTemperatureFromPower() {
        String yaml = "devices:\n  heater:\n    driver: genesys\n    port: /dev/x\n    address: 6\n"
            + "    limits: {max_voltage: \"20 V\", max_current: \"40 A\"}\n"
            + "    calibration: {power: [\"0 W\", \"600 W\"], temperature: [\"25 degC\", \"1000 degC\"]}\n";
        Map<String, String> g = new LinkedHashMap<>();
        for (String ok : new String[]{"ADR 6", "RMT REM", "OUT 0", "PV 12", "PC 40", "OUT 1", "PV 0"}) {
            g.put(ok, "OK");
        }
        g.put("IDN?", "LAMBDA,GEN20-76");
        g.put("OUT?", "OFF");
        g.put("PV?", "0.000");
        g.put("PC?", "0.000");
        g.put("MV?", "12.0");
        g.put("MC?", "25.0");
        InMemoryTransport t = new InMemoryTransport(g::get);
        Env env = Env.local(Path.of("."), new PrintStream(PrintStream.nullOutputStream()));
        env.procedures().setDeviceFactory(new LabDeviceFactory(LabConfig.parse(yaml, FILE), e -> t));
        org.adc.device.driver.GenesysSupply h = (org.adc.device.driver.GenesysSupply) call(env, "smu", "heater");
        h.apply(12, 40);
        h.step(0, 1);
        assertEquals(300, h.reading("power").value(), 1e-9);
        assertEquals(512.5, h.reading("temperature").value(), 1e-9);
        LabConfigError e = fails(yaml.replace("\"600 W\"]", "\"600 W\", \"700 W\"]"));
        assertTrue(e.getMessage().contains("device 'heater'") && e.getMessage().contains("calibration"), e.getMessage());
    }

    @Test
    void unknownDriverNamesTheEntry() {
        LabConfigError e = fails("devices:\n  oven:\n    driver: eurotherm-9999\n    port: /dev/ttyS0\n");
        assertTrue(e.getMessage().contains("device 'oven'") && e.getMessage().contains("unknown driver 'eurotherm-9999'"), e.getMessage());
    }

    @Test
    void badValuesNameTheKey() {
        assertTrue(fails("devices:\n  smu:\n    driver: keithley-2400\n").getMessage().contains("'port' is missing"));
        LabConfigError u = fails("devices:\n  smu:\n    driver: keithley-2400\n    port: /dev/x\n    limits: {max_voltage: \"100 A\"}\n");
        assertTrue(u.getMessage().contains("devices.smu.limits.max_voltage"), u.getMessage());
        LabConfigError k = fails("devices:\n  smu:\n    driver: keithley-2400\n    port: /dev/x\n    limts: {}\n");
        assertTrue(k.getMessage().contains("unknown key 'limts'"), k.getMessage());
        LabConfigError p = fails("devices:\n  smu:\n    driver: keithley-2400\n    port: /dev/x\n    serial: {parity: mark}\n");
        assertTrue(p.getMessage().contains("device 'smu'") && p.getMessage().contains("parity 'mark'"), p.getMessage());
        assertTrue(fails("devices: [1, 2\n").getMessage().contains("not valid YAML"));
    }

    @Test
    void missingPortNamesTheEntry() {
        LabConfig c = LabConfig.parse("devices:\n  smu:\n    driver: keithley-2400\n    port: /dev/ttyNOPE42\n", FILE);
        LabConfigError e = assertThrows(LabConfigError.class, c::checkPorts);
        assertTrue(e.getMessage().contains("device 'smu'") && e.getMessage().contains("/dev/ttyNOPE42 does not exist"), e.getMessage());
    }

    private static Object call(Env env, String fn, String name) {
        NativeFunction f = (NativeFunction) LabLib.module().member(fn);
        return f.invoke(env, Args.arrange(fn, f.params(), new Object[0], new String[]{"name"}, new Object[]{name}));
    }

    @Test
    void liveRunGetsTheConfiguredDriverThroughLabLib() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("*IDN?", "KEITHLEY INSTRUMENTS INC.,MODEL 2400,1,C30");
        k.put(":SYST:ERR?", "0,\"No error\"");
        k.put(":OUTP?", "0");
        k.put(":SOUR:FUNC?", "VOLT");
        k.put(":SOUR:VOLT?", "0");
        k.put(":SENS:CURR:PROT?", "1.05E-4");
        InMemoryTransport t = new InMemoryTransport(k::get);
        LabConfig c = LabConfig.parse(LAB, FILE);
        Env env = Env.local(Path.of("."), new PrintStream(PrintStream.nullOutputStream()));
        ProcedureEngine engine = env.procedures();
        engine.setDeviceFactory(new LabDeviceFactory(c, e -> t));
        Object smu = call(env, "smu", "smu");
        assertTrue(smu instanceof Keithley24xx, String.valueOf(smu));
        assertSame(smu, engine.devices().get(0));
        assertTrue(engine.events().stream().anyMatch(ev -> ev.kind().equals("settings") && ev.message().contains("compliance_A=1.05E-4")));
        // a name the lab file does not map stays a digital twin
        assertTrue(call(env, "furnace", "oven") instanceof SimFurnace);
        // a mapped name of another kind is refused with the entry named
        LabConfigError e = assertThrows(LabConfigError.class, () -> call(env, "furnace", "smu"));
        assertTrue(e.getMessage().contains("device 'smu'") && e.getMessage().contains("asks for a furnace"), e.getMessage());
    }
}
