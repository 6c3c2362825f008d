package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.Env;
import org.adc.procedure.ProcedureEngine;
import org.adc.procedure.ProcedureError;
import org.adc.procedure.VirtualClock;
import org.adc.units.Units;
import org.junit.jupiter.api.Test;

/** Drivers on in-memory transports and register banks: what they send, and how they treat bad replies and lost links. */
class DriverUnitTest {
    private static ProcedureEngine engine() {
        return new ProcedureEngine(new VirtualClock(), Env.local(Path.of("."), new PrintStream(PrintStream.nullOutputStream())));
    }

    /** A scripted SCPI instrument: exact command → reply; unknown queries get no reply. */
    private static InMemoryTransport scpi(Map<String, String> replies) {
        return new InMemoryTransport(cmd -> replies.get(cmd));
    }

    private static Map<String, String> keithley(String read) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("*IDN?", "KEITHLEY INSTRUMENTS INC.,MODEL 2400,1,C30");
        m.put(":SYST:ERR?", "0,\"No error\"");
        m.put(":READ?", read);
        m.put(":SENS:CURR:PROT:TRIP?", "0");
        m.put(":OUTP?", "0");
        return m;
    }

    private static Keithley24xx keithley(InMemoryTransport t, ReconnectPolicy p) {
        Keithley24xx k = new Keithley24xx("smu", new Link("smu", t, p), 1, "2400", 100, 0.01, true);
        k.connect();
        engine().register(k);
        return k;
    }

    @Test
    void keithleyConfiguresAndAppliesInOrder() {
        InMemoryTransport t = scpi(keithley("50.0,1.5e-6"));
        Keithley24xx k = keithley(t, ReconnectPolicy.none());
        k.apply(50, 1e-3);
        k.step(0, 1);
        assertEquals(1.5, k.reading("current").value(), 1e-9);
        List<String> s = t.sent();
        assertTrue(s.indexOf(":OUTP OFF") < s.indexOf(":SOUR:FUNC VOLT"));
        assertTrue(s.indexOf(":SENS:CURR:PROT 0.001") < s.indexOf(":SOUR:VOLT 50"));
        assertTrue(s.indexOf(":SOUR:VOLT 50") < s.indexOf(":OUTP ON"));
        assertTrue(s.indexOf("*CLS") > s.indexOf("*IDN?") && s.indexOf("*CLS") < s.indexOf(":OUTP OFF"), "status cleared before configuring: " + s);
        k.goSafe();
        assertEquals(":SOUR:VOLT 0", s.get(s.size() - 1));
        assertEquals(":OUTP OFF", s.get(s.size() - 3));
    }

    @Test
    void keithley2450UsesItsOwnCommandSet() {
        Map<String, String> m = keithley("0,0");
        m.put("*IDN?", "KEITHLEY INSTRUMENTS,MODEL 2450,04096331,1.6.7c");
        m.put(":READ? \"defbuffer1\",SOUR,READ", "5.000000E+01,3.2E-06");
        m.put(":SOUR:VOLT:ILIM:TRIP?", "0");
        InMemoryTransport t = scpi(m);
        Keithley24xx k = new Keithley24xx("smu", new Link("smu", t, ReconnectPolicy.none()), 1, "2450", 100, 0.01, true);
        k.connect();
        engine().register(k);
        k.apply(50, 1e-3);
        k.step(0, 1);
        assertEquals(3.2, k.reading("current").value(), 1e-9);
        assertTrue(t.sent().contains(":SOUR:VOLT:ILIM 0.001"));
        assertTrue(t.sent().stream().noneMatch(c -> c.startsWith(":FORM") || c.startsWith(":SOUR:CLE") || c.startsWith(":SENS:CURR:PROT")));
    }

    @Test
    void unreachableSafeStateIsRecordedNotHidden() {
        InMemoryTransport t = scpi(keithley("50.0,2e-6"));
        Keithley24xx k = new Keithley24xx("smu", new Link("smu", t, new ReconnectPolicy(0, 0, 2)), 1, "2400", 100, 0.01, true);
        k.connect();
        ProcedureEngine e = engine();
        e.register(k);
        k.apply(50, 1e-3);
        t.cut();
        e.shutdown("lost link");
        assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("unsafe") && ev.message().startsWith("smu: UNREACHABLE")
            && ev.message().contains("smu: lost link") && ev.message().contains("2 reconnect attempts failed")), e.events().toString());
        assertEquals(false, e.allSafe());
        assertTrue(e.finalStates().get("smu").startsWith("UNREACHABLE"), e.finalStates().toString());
    }

    @Test
    void keithleyRefusesAboveLimitsWithoutSending() {
        InMemoryTransport t = scpi(keithley("0,0"));
        Keithley24xx k = keithley(t, ReconnectPolicy.none());
        int before = t.sent().size();
        assertThrows(ProcedureError.class, () -> k.apply(150, 1e-3));
        assertThrows(ProcedureError.class, () -> k.apply(50, 0.5));
        assertEquals(before, t.sent().size());
    }

    @Test
    void overflowReplyIsAnError() {
        Keithley24xx k = keithley(scpi(keithley("50.0,9.91e37")), ReconnectPolicy.none());
        k.apply(50, 1e-3);
        ProcedureError e = assertThrows(ProcedureError.class, () -> k.step(0, 1));
        assertTrue(e.getMessage().contains("9.91e37") && e.getMessage().contains("plausible range"), e.getMessage());
    }

    @Test
    void wrongInstrumentIsRefused() {
        Map<String, String> m = keithley("0,0");
        m.put("*IDN?", "Agilent Technologies,E3631A,0,1.5");
        Keithley24xx k = new Keithley24xx("smu", new Link("smu", scpi(m), ReconnectPolicy.none()), 1, "2400", 100, 0.01, true);
        ProcedureError e = assertThrows(ProcedureError.class, k::connect);
        assertTrue(e.getMessage().contains("does not name a Keithley 2400"), e.getMessage());
    }

    @Test
    void droppedReplyReconnectsPerPolicy() {
        InMemoryTransport t = scpi(keithley("50.0,2e-6"));
        Keithley24xx k = keithley(t, new ReconnectPolicy(2, 0, 2));
        k.apply(50, 1e-3);
        t.failNextReads(1);
        k.step(0, 1);
        assertEquals(2.0, k.reading("current").value(), 1e-9);
        assertEquals(2, t.opens());
        t.failNextReads(3);
        ProcedureError e = assertThrows(ProcedureError.class, () -> k.step(1, 1));
        assertTrue(e.getMessage().contains("lost link") && e.getMessage().contains("2 reconnect attempts failed"), e.getMessage());
    }

    @Test
    void cutLinkWithoutReconnectsStops() {
        InMemoryTransport t = scpi(keithley("50.0,2e-6"));
        Keithley24xx k = keithley(t, ReconnectPolicy.none());
        k.apply(50, 1e-3);
        t.cut();
        ProcedureError e = assertThrows(ProcedureError.class, () -> k.step(0, 1));
        assertTrue(e.getMessage().startsWith("smu: lost link on in-memory"), e.getMessage());
    }

    @Test
    void genesysRequiresOkAndAddresses() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ADR 6", "OK");
        m.put("IDN?", "LAMBDA,GEN20-38");
        m.put("RMT REM", "OK");
        m.put("OUT 0", "OK");
        m.put("PV 5", "OK");
        m.put("PC 2", "OK");
        m.put("OUT 1", "OK");
        m.put("MV?", "5.001");
        m.put("MC?", "1.2");
        m.put("PV 0", "OK");
        m.put("PV 30", "E04");
        InMemoryTransport t = scpi(m);
        GenesysSupply g = new GenesysSupply("psu", new Link("psu", t, ReconnectPolicy.none()), 1, 6, 40, 10);
        g.connect();
        engine().register(g);
        assertEquals("ADR 6", t.sent().get(0));
        assertTrue(g.identity().contains("GEN20-38"));
        g.apply(5, 2);
        g.step(0, 1);
        assertEquals(1.2e6, g.reading("current").value(), 1e-3);
        ProcedureError e = assertThrows(ProcedureError.class, () -> g.apply(30, 2));
        assertTrue(e.getMessage().contains("'E04'") && e.getMessage().contains("is not OK"), e.getMessage());
        g.goSafe();
        assertEquals(List.of("OUT 0", "PV 0"), t.sent().subList(t.sent().size() - 2, t.sent().size()));
    }

    @Test
    void keysightEntersRemoteAndChecksRange() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("*IDN?", "HEWLETT-PACKARD,E3631A,0,2.1-5.0-1.0");
        m.put(":SYST:ERR?", "+0,\"No error\"");
        m.put("MEAS:VOLT?", "+5.00000000E+00");
        m.put("MEAS:CURR?", "+9.9E+37");
        InMemoryTransport t = scpi(m);
        KeysightE36xx k = new KeysightE36xx("psu", new Link("psu", t, ReconnectPolicy.none()), 1, 6, 1);
        k.connect();
        engine().register(k);
        assertEquals(List.of("*IDN?", ":SYST:ERR?", "*CLS", "SYST:REM", "OUTP OFF", ":SYST:ERR?"), t.sent().subList(0, 6));
        k.apply(5, 0.5);
        assertThrows(ProcedureError.class, () -> k.step(0, 1));
    }

    @Test
    void eurothermFloatRegisters() {
        InMemoryModbus bus = controller3200(true);
        putFloat(bus, 0x8000 + 2 * Eurotherm.PV, 24.5f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.WORKING_SP, 25f);
        Eurotherm f = new Eurotherm("furnace", new Link("furnace", bus, ReconnectPolicy.none()), 1, 1, RegisterFormat.FLOAT, 1000, 10, 25, 5,
            1000);
        f.connect();
        engine().register(f);
        assertEquals(24.5, f.reading("temperature").value(), 1e-6);
        f.ramp(450, 5);
        assertEquals(450f, getFloat(bus, 0x8000 + 2 * Eurotherm.TARGET_SP));
        assertEquals(5f, getFloat(bus, 0x8000 + 2 * Eurotherm.RATE));
        assertThrows(ProcedureError.class, () -> f.ramp(1100, 5));
        assertThrows(ProcedureError.class, () -> f.ramp(450, 20));
        f.goSafe();
        assertEquals(25f, getFloat(bus, 0x8000 + 2 * Eurotherm.TARGET_SP));
        putFloat(bus, 0x8000 + 2 * Eurotherm.PV, Float.NaN);
        ProcedureError e = assertThrows(ProcedureError.class, () -> f.step(0, 1));
        assertTrue(e.getMessage().contains("plausible range"), e.getMessage());
    }

    @Test
    void eurothermScaledRegisters() {
        InMemoryModbus bus = controller3200(false);
        bus.set(Eurotherm.PV, 245);
        bus.set(Eurotherm.WORKING_SP, 250);
        Eurotherm f = new Eurotherm("furnace", new Link("furnace", bus, ReconnectPolicy.none()), 1, 1, new RegisterFormat(false, 1), 1000,
            10, 25, 5, 1000);
        f.connect();
        assertEquals(24.5, f.reading("temperature").value(), 1e-9);
        f.ramp(450, 5);
        assertEquals(4500, bus.get(Eurotherm.TARGET_SP));
        assertEquals(50, bus.get(Eurotherm.RATE));
    }

    @Test
    void pressReleasesAtTheSafeRate() {
        InMemoryModbus bus = new InMemoryModbus();
        ModbusPress.Reg p = new ModbusPress.Reg(100, new RegisterFormat(false, 0), 0.001);
        ModbusPress.Reg sp = new ModbusPress.Reg(200, new RegisterFormat(false, 0), 0.001);
        ModbusPress.Reg rate = new ModbusPress.Reg(201, new RegisterFormat(false, 0), 0.001);
        ModbusPress pr = new ModbusPress("press", new Link("press", bus, ReconnectPolicy.none()), 1, 2, p, sp, rate, 6, 2, 0.5, 0.01);
        pr.connect();
        engine().register(pr);
        pr.compress(1, 1);
        assertEquals(1000, bus.get(200));
        assertEquals(1000, bus.get(201));
        assertTrue(pr.busy());
        bus.set(100, 1000);
        pr.step(0, 1);
        assertEquals(1.0, pr.reading("pressure").value(), 1e-9);
        pr.goSafe();
        List<int[]> w = bus.writes();
        assertEquals(201, w.get(w.size() - 2)[0]);
        assertEquals(500, w.get(w.size() - 2)[1]);
        assertEquals(0, bus.get(200));
        assertThrows(ProcedureError.class, () -> pr.compress(7, 1));
    }

    @Test
    void genericScpiUsesTheConfiguredCommands() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("*IDN?", "ACME,GAUGE-1,0,1");
        m.put("PRES?", "1.0e-3");
        InMemoryTransport t = scpi(m);
        Map<String, GenericScpi.Reading> r = Map.of("pressure", new GenericScpi.Reading("PRES?", Units.parse("Torr"), 0, 1000));
        Map<String, GenericScpi.Command> c = Map.of("flow", new GenericScpi.Command("FLOW {value}", Units.parse("L/min")));
        GenericScpi g = new GenericScpi("gauge", new Link("gauge", t, ReconnectPolicy.none()), 1, "vacuum gauge", "*IDN?", r, c, List.of("FLOW 0"));
        g.connect();
        engine().register(g);
        assertEquals(1e-3, g.reading("pressure").value(), 1e-12);
        g.command("flow", 0.2);
        assertEquals("FLOW 0.2", t.sent().get(t.sent().size() - 1));
        g.goSafe();
        assertEquals("FLOW 0", t.sent().get(t.sent().size() - 1));
        m.put("PRES?", "-5");
        assertThrows(ProcedureError.class, () -> g.step(0, 1));
    }

    @Test
    void registerFormatsRoundTrip() {
        assertEquals(450.25, RegisterFormat.FLOAT.decode(RegisterFormat.FLOAT.encode(450.25), 0), 1e-6);
        RegisterFormat s = new RegisterFormat(false, 1);
        assertEquals(-12.3, s.decode(s.encode(-12.3), 0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> s.encode(5000));
        assertEquals(0x8002, RegisterFormat.FLOAT.address(1));
    }

    /** A register bank with what a 3200 reports at connect: identifier, setpoint limits 0 .. 1200 degC, output limits 0 .. 100 %, auto. */
    private static InMemoryModbus controller3200(boolean floats) {
        InMemoryModbus bus = new InMemoryModbus();
        bus.set(Eurotherm.IDENT, 0x3216);
        if (floats) {
            putFloat(bus, 0x8000 + 2 * Eurotherm.SP_HIGH, 1200f);
            putFloat(bus, 0x8000 + 2 * Eurotherm.OUTPUT_HIGH, 100f);
        } else {
            bus.set(Eurotherm.SP_HIGH, 12000);
            bus.set(Eurotherm.OUTPUT_HIGH, 1000);
        }
        return bus;
    }

    @Test
    void eurothermChecksIdentifierLimitsModeAndProgrammer() {
        InMemoryModbus bus = controller3200(true);
        putFloat(bus, 0x8000 + 2 * Eurotherm.SP_HIGH, 500f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.SP_LOW, 20f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.WORKING_SP, 25f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.PV, 25f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.MANUAL_OUTPUT, 7f);
        putFloat(bus, 0x8000 + 2 * Eurotherm.WORKING_OUTPUT, 40f);
        Eurotherm f = new Eurotherm("furnace", new Link("furnace", bus, ReconnectPolicy.none()), 1, 1, RegisterFormat.FLOAT, 1000, 10, 25, 5,
            1000);
        f.connect();
        engine().register(f);
        assertEquals(400, f.reading("power").value(), 1e-3, "power from the working output (4), not the manual output (3)");
        assertEquals(List.of(20.0, 500.0), List.of(f.setpointLimits()[0], f.setpointLimits()[1]));
        ProcedureError hi = assertThrows(ProcedureError.class, () -> f.ramp(600, 5));
        assertTrue(hi.getMessage().contains("SP.LO .. SP.HI = 20.0 .. 500.0"), hi.getMessage());
        assertThrows(ProcedureError.class, () -> f.ramp(10, 5));
        assertEquals(0f, getFloat(bus, 0x8000 + 2 * Eurotherm.TARGET_SP), "nothing written for a refused target");
        assertTrue(f.programRefusal() != null && f.programRefusal().contains("no setpoint programmer"), f.programRefusal());
        bus.set(Eurotherm.AUTO_MANUAL, 1);
        ProcedureError man = assertThrows(ProcedureError.class, () -> f.ramp(300, 5));
        assertTrue(man.getMessage().contains("manual mode (parameter 273"), man.getMessage());
        assertTrue(f.manual());

        InMemoryModbus other = controller3200(true);
        other.set(Eurotherm.IDENT, 0x2480);
        Eurotherm g = new Eurotherm("furnace", new Link("furnace", other, ReconnectPolicy.none()), 1, 1, RegisterFormat.FLOAT, 1000, 10, 25, 5,
            1000);
        ProcedureError id = assertThrows(ProcedureError.class, g::connect);
        assertTrue(id.getMessage().contains("identifier 0x2480") && id.getMessage().contains("not a Eurotherm 3200"), id.getMessage());
    }

    @Test
    void numbersAreSentInTheirShortestExactForm() {
        assertEquals("0.0001", ScpiDevice.num(100 * 1e-6));
        assertEquals("0.0001", ScpiDevice.num(9.999999999999999E-5));
        assertEquals("50", ScpiDevice.num(50.0));
        assertEquals("0.1", ScpiDevice.num(0.1 + 0.2 - 0.2));
        assertEquals("0.3", ScpiDevice.num(0.1 + 0.2));
        assertEquals("-12.5", ScpiDevice.num(-12.5));
        assertEquals("1E-7", ScpiDevice.num(1e-7));
        assertEquals("2.5E9", ScpiDevice.num(2.5e9));
        assertEquals("0", ScpiDevice.num(0.0));
    }

    @Test
    void oneGarbledReplyIsAskedAgainAndRecorded() {
        int[] reads = {0};
        Map<String, String> m = keithley("50.0,2e-6");
        InMemoryTransport t = new InMemoryTransport(cmd -> cmd.equals(":READ?") && ++reads[0] == 2 ? "#!&%" : m.get(cmd));
        Keithley24xx k = new Keithley24xx("smu", new Link("smu", t, ReconnectPolicy.none()), 1, "2400", 100, 0.01, true);
        k.connect();
        ProcedureEngine e = engine();
        e.register(k);
        k.apply(50, 1e-3);
        k.step(0, 1);
        k.step(1, 1);
        assertEquals(2.0, k.reading("current").value(), 1e-9);
        assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("garbage") && ev.message().contains("#!&%")), e.events().toString());
        assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("retry")), e.events().toString());
        k.setGarbledRetries(0);
        reads[0] = 1;
        ProcedureError err = assertThrows(ProcedureError.class, () -> k.step(2, 1));
        assertTrue(err.getMessage().contains("'#!&%'"), err.getMessage());
    }

    private static void putFloat(InMemoryModbus bus, int ref, float v) {
        int b = Float.floatToIntBits(v);
        bus.set(ref, b >>> 16);
        bus.set(ref + 1, b & 0xFFFF);
    }

    private static float getFloat(InMemoryModbus bus, int ref) {
        return Float.intBitsToFloat((bus.get(ref) << 16) | bus.get(ref + 1));
    }
}
