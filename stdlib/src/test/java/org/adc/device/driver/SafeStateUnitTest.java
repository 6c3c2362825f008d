package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Env;
import org.adc.procedure.ProcedureEngine;
import org.adc.procedure.ProcedureError;
import org.adc.procedure.VirtualClock;
import org.adc.procedure.WallClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's end of a run with drivers on in-memory links: what the data logs say about stale and compliance
 * readings, the console's per-device final states, and the stall check of a furnace whose controller is in manual.
 */
class SafeStateUnitTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private ProcedureEngine engine() {
        return new ProcedureEngine(new VirtualClock(), Env.local(dir, new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    /** On the wall clock, as a live run: polls on the device's own thread. */
    private ProcedureEngine wallEngine() {
        return new ProcedureEngine(new WallClock(), Env.local(dir, new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    private static Map<String, String> keithley(String read, String trip) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("*IDN?", "KEITHLEY INSTRUMENTS INC.,MODEL 2400,1,C30");
        m.put(":SYST:ERR?", "0,\"No error\"");
        m.put(":READ?", read);
        m.put(":SENS:CURR:PROT:TRIP?", trip);
        m.put(":OUTP?", "0");
        return m;
    }

    private Keithley24xx smu(InMemoryTransport t, ProcedureEngine e) {
        Keithley24xx k = new Keithley24xx("smu", new Link("smu", t, ReconnectPolicy.none()), 1, "2400", 100, 0.01, true);
        k.connect();
        e.register(k);
        return k;
    }

    private List<String> rows(String file) throws Exception {
        return Files.readAllLines(dir.resolve(file));
    }

    /** A lost link: the row at the end leaves the SMU's cells blank instead of repeating its last reading under a new time. */
    @Test
    void staleReadingIsLoggedBlank() throws Exception {
        Map<String, String> m = keithley("50.0,2e-6", "0");
        InMemoryTransport t = new InMemoryTransport(m::get);
        ProcedureEngine e = wallEngine();
        Keithley24xx k = smu(t, e);
        e.addLogger("smu.csv", 1, List.of(k));
        k.apply(50, 1e-3);
        e.hold(3, null, 0, 1);
        t.cut();
        assertThrows(ProcedureError.class, () -> e.hold(3, null, 0, 1));
        e.shutdown("lost link");
        List<String> r = rows("smu.csv");
        assertTrue(r.get(0).startsWith("t [s],utc,smu.voltage"), r.get(0));
        assertTrue(r.get(3).matches("[0-9.]+,[^,]+,50(\\.0)?,2(\\.0)?,.*"), "good rows have values: " + r);
        String last = r.get(r.size() - 1);
        assertTrue(last.matches("[0-9.]+,[^,]+,+"), "a stale reading is left blank (every reading column): " + r);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("smu: UNREACHABLE \u2014 output may still be ON"), console.toString());
    }

    /** A compliance trip: the reading taken in compliance is the last row of the log, before the output goes off. */
    @Test
    void complianceReadingIsLogged() throws Exception {
        Map<String, String> m = keithley("50.0,2e-6", "0");
        InMemoryTransport t = new InMemoryTransport(m::get);
        ProcedureEngine e = wallEngine();
        Keithley24xx k = smu(t, e);
        e.addLogger("smu.csv", 1, List.of(k));
        k.apply(50, 1e-3);
        e.hold(2, null, 0, 1);
        m.put(":READ?", "50.0,1.0e-3");
        m.put(":SENS:CURR:PROT:TRIP?", "1");
        ProcedureError err = assertThrows(ProcedureError.class, () -> e.hold(3, null, 0, 1));
        assertTrue(err.getMessage().contains("compliance trip"), err.getMessage());
        e.shutdown("compliance");
        List<String> r = rows("smu.csv");
        String last = r.get(r.size() - 1);
        assertTrue(last.matches("[0-9.]+,[^,]+,50(\\.0)?,1000(\\.0)?,.*"), "the compliance reading (1000 uA) is logged: " + r);
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("smu: output OFF (confirmed)"), console.toString());
        assertTrue(e.finalStates().get("smu").startsWith("output OFF (confirmed) ("), e.finalStates().toString());
        assertTrue(e.allSafe());
    }

    private static void putFloat(InMemoryModbus bus, int ref, float v) {
        int b = Float.floatToIntBits(v);
        bus.set(ref, b >>> 16);
        bus.set(ref + 1, b & 0xFFFF);
    }

    /** A controller in manual mode: the ramp stalls at the next poll, a stall event, and with on_stall = abort the run stops. */
    @Test
    void manualModeIsAStall() {
        InMemoryModbus bus = new InMemoryModbus();
        bus.set(Eurotherm.IDENT, 0x3216);   // a 3200's identifier (parameter 122), checked at connect
        putFloat(bus, 0x8000 + 2 * Eurotherm.SP_HIGH, 1000f);   // setpoint limits 0 .. 1000 degC, output limits 0 .. 100 %
        putFloat(bus, 0x8000 + 2 * Eurotherm.SP_LOW, 0f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.OUTPUT_HIGH, 100f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.OUTPUT_LOW, 0f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.PV, 25f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.WORKING_SP, 25f);
        Eurotherm f = new Eurotherm("furnace", new Link("furnace", bus, ReconnectPolicy.none()), 1, 1, RegisterFormat.FLOAT, 1000, 10, 25, 5,
            1000);
        f.connect();
        ProcedureEngine e = engine();
        e.register(f);
        f.ramp(100, 10);
        e.hold(2, null, 0, 1);
        bus.set(Eurotherm.AUTO_MANUAL, 1);   // parameter 273 as the 3200 holds it: an integer register
        ProcedureError err = assertThrows(ProcedureError.class, () -> e.hold(60, null, 0, 1));
        assertTrue(err.getMessage().contains("stall") && err.getMessage().contains("manual mode"), err.getMessage());
        assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("stall")), e.events().toString());
    }

    /** A ramp whose temperature does not follow: a stall once planned time × factor + grace has passed; with "alarm" the run goes on. */
    @Test
    void slowRampIsAStallAlarm() {
        InMemoryModbus bus = new InMemoryModbus();
        bus.set(Eurotherm.IDENT, 0x3216);   // a 3200's identifier (parameter 122), checked at connect
        putFloat(bus, 0x8000 + 2 * Eurotherm.SP_HIGH, 1000f);   // setpoint limits 0 .. 1000 degC, output limits 0 .. 100 %
        putFloat(bus, 0x8000 + 2 * Eurotherm.SP_LOW, 0f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.OUTPUT_HIGH, 100f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.OUTPUT_LOW, 0f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.PV, 25f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.WORKING_SP, 25f);
        Eurotherm f = new Eurotherm("furnace", new Link("furnace", bus, ReconnectPolicy.none()), 1, 1, RegisterFormat.FLOAT, 1000, 10, 25, 5,
            1000);
        f.connect();
        ProcedureEngine e = engine();
        e.register(f);
        f.stallPolicy("alarm", 1.5, 10, 60);
        f.ramp(125, 10);  // 100 K at 10 K/min: 10 min planned, a stall after 15 min + 1 min
        e.hold(15 * 60, null, 0, 1);
        assertTrue(e.events().stream().noneMatch(ev -> ev.kind().equals("stall")), "not yet: " + e.events());
        e.hold(2 * 60, null, 0, 1);
        assertEquals(1, e.events().stream().filter(ev -> ev.kind().equals("stall")).count(), "one alarm per ramp: " + e.events());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("adc: ALARM: furnace stalled: the process value is 100 K from the target"),
            console.toString());
        assertThrows(ProcedureError.class, () -> f.stallPolicy("ignore", 1.5, 10, 60));
    }
}
