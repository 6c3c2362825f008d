package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.adc.device.config.LabConfig;
import org.adc.device.config.LabDeviceFactory;
import org.adc.lang.Env;
import org.adc.procedure.Device;
import org.adc.procedure.ProcedureEngine;
import org.adc.procedure.ProcedureError;
import org.adc.procedure.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over real pseudo-terminals (socat): the drivers talk through jSerialComm and j2mod to
 * fake instrument processes ({@link FakeMain}: a separate JVM per instrument) on the other end, inside a procedure engine with CSV logging, as a recipe would.
 * Each fault ends in the safe state, confirmed by what the fake instrument received, with every row
 * logged before the fault in the CSV and a clear message. Skipped without socat.
 */
class DriverSerialEndToEndTest {
    @TempDir
    Path dir;

    private ProcedureEngine engine() {
        return new ProcedureEngine(new VirtualClock(), Env.local(dir, new PrintStream(PrintStream.nullOutputStream())));
    }

    private static String smuEntry(String port, int timeoutMs, int attempts) {
        return "  smu:\n    driver: keithley-2400\n    port: " + port + "\n    serial: {baud: 9600, timeout: \"" + timeoutMs + " ms\"}\n"
            + "    limits: {max_voltage: \"100 V\", max_current: \"10 mA\"}\n"
            + "    reconnect: {attempts: " + attempts + ", delay: \"100 ms\", safe_attempts: 50}\n";
    }

    private LabDeviceFactory factory(String yaml) {
        return new LabDeviceFactory(LabConfig.parse(yaml, dir.resolve("lab.yaml")));
    }

    /** Times (s) of the CSV rows. */
    private List<Double> times(String file) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve(file));
        List<Double> t = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            t.add(Double.parseDouble(l.split(",")[0]));
        }
        return t;
    }

    private static void assertRowsUpTo(List<Double> t, int last) {
        for (int s = 0; s <= last; s++) {
            assertTrue(t.contains((double) s), "row at t = " + s + " s missing from the CSV: " + t);
        }
    }

    /** Runs "apply 50 V, hold, log every second" against a fake Keithley with a fault plan; returns the error, if any. */
    private ProcedureError smuRun(PtyPair pty, InstrumentFake fake, int timeoutMs, int attempts, double hold, ProcedureEngine e) {
        LabDeviceFactory f = factory("devices:\n" + smuEntry(pty.driverEnd(), timeoutMs, attempts));
        Device smu = f.create("smu", "source-measure unit", e);
        e.addLogger("smu.csv", 1, List.of(smu));
        ProcedureError err = null;
        try {
            ((Keithley24xx) smu).apply(50, 1e-3);
            e.hold(hold, null, 0, 1);
        } catch (ProcedureError x) {
            err = x;
        } finally {
            e.shutdown(err == null ? "end of run" : "error: " + err.getMessage());
            f.created().forEach(HardwareDevice::close);
        }
        return err;
    }

    private static void assertOffAfterOn(InstrumentFake fake) throws InterruptedException {
        // a fake process reports what it received through a pipe: give its last lines a moment to arrive
        for (int i = 0; i < 100 && (fake.outputOn() || fake.seen().lastIndexOf(":OUTP OFF") < fake.seen().lastIndexOf(":OUTP ON")); i++) {
            Thread.sleep(20);
        }
        List<String> seen = fake.seen();
        int on = seen.lastIndexOf(":OUTP ON");
        int off = seen.lastIndexOf(":OUTP OFF");
        assertTrue(on >= 0 && off > on, "the instrument never saw :OUTP OFF after :OUTP ON: " + seen);
        assertTrue(!fake.outputOn(), "output still on");
    }

    @Test
    void keithleyRunOverSerial() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "ok"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd())) {
            ProcedureEngine e = engine();
            assertEquals(null, smuRun(pty, fake, 1000, 0, 20, e));
            assertOffAfterOn(fake);
            List<String> seen = fake.seen();
            assertTrue(seen.indexOf(":SOUR:CLE:AUTO OFF") < seen.indexOf(":OUTP ON"), "auto output-off must be disabled before any read");
            assertTrue(seen.indexOf(":SENS:CURR:PROT 0.001") < seen.indexOf(":OUTP ON"), "compliance before output on");
            assertTrue(seen.stream().noneMatch(s -> s.startsWith(":MEAS")), "the driver must never send :MEAS? (it switches the 2400 output on)");
            assertRowsUpTo(times("smu.csv"), 20);
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("device") && ev.message().contains("MODEL 2400")));
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("settings") && ev.message().contains("compliance_A")));
            String csv = Files.readString(dir.resolve("smu.csv"));
            assertTrue(csv.startsWith("t [s],smu.voltage [V],smu.current [µA],smu.charge [C]") || csv.startsWith("t [s],smu.voltage [V],smu.current"), csv);
        }
    }

    private void faultRun(String tag, String plan, int timeoutMs, String expect) throws Exception {
        try (PtyPair pty = new PtyPair(dir, tag); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd(), plan)) {
            ProcedureEngine e = engine();
            ProcedureError err = smuRun(pty, fake, timeoutMs, 0, 600, e);
            assertTrue(err != null && err.getMessage().contains(expect), "expected '" + expect + "' in: " + (err == null ? "no error" : err.getMessage()));
            assertOffAfterOn(fake);
            assertRowsUpTo(times("smu.csv"), 9);
        }
    }

    @Test
    void garbageReplyStopsTheRunSafely() throws Exception {
        faultRun("garbage", "GARBAGE>=10", 1000, "reply '#!&%garbage' to ':READ?'");
    }

    @Test
    void noReplyIsALostLink() throws Exception {
        faultRun("silent", "SILENT@10", 300, "no reply from");
    }

    @Test
    void complianceTripStopsTheRunSafely() throws Exception {
        faultRun("trip", "TRIP>=10", 1000, "compliance trip");
    }

    @Test
    void linkLostMidRunThenSafeStateAfterReplug() throws Exception {
        PtyPair[] holder = new PtyPair[1];
        Runnable unplug = () -> {
            try {
                holder[0].kill();
                Thread.sleep(300);
                holder[0].start();
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        };
        try (PtyPair pty = new PtyPair(dir, "unplug");
             InstrumentFake fake = FakeMain.start(unplug, "keithley", pty.instrumentEnd(), "UNPLUG@10")) {
            holder[0] = pty;
            ProcedureEngine e = engine();
            ProcedureError err = smuRun(pty, fake, 500, 0, 600, e);
            assertTrue(err != null && err.getMessage().contains("lost link"), String.valueOf(err));
            assertOffAfterOn(fake);
            assertRowsUpTo(times("smu.csv"), 9);
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("link") && ev.message().contains("reconnected")), e.events().toString());
        }
    }

    @Test
    void linkLostMidRunReconnectsAndTheRunGoesOn() throws Exception {
        PtyPair[] holder = new PtyPair[1];
        Runnable unplug = () -> {
            try {
                holder[0].kill();
                Thread.sleep(300);
                holder[0].start();
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        };
        try (PtyPair pty = new PtyPair(dir, "replug");
             InstrumentFake fake = FakeMain.start(unplug, "keithley", pty.instrumentEnd(), "UNPLUG@5")) {
            holder[0] = pty;
            ProcedureEngine e = engine();
            ProcedureError err = smuRun(pty, fake, 500, 50, 15, e);
            assertEquals(null, err, "the reconnect policy should have carried the run over the lost link");
            assertOffAfterOn(fake);
            assertRowsUpTo(times("smu.csv"), 15);
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("link") && ev.message().contains("link lost during :READ?")),
                e.events().toString());
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("link") && ev.message().contains("reconnected")), e.events().toString());
        }
    }

    @Test
    void overTemperatureLimitRampsTheEurothermDown() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "tc"); PtyPair sm = new PtyPair(dir, "sm");
             InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "10", "500");
             InstrumentFake smuFake = FakeMain.start(null, "keithley", sm.instrumentEnd())) {
            LabDeviceFactory f = factory("devices:\n  furnace:\n    driver: eurotherm-3200\n    port: " + tc.driverEnd() + "\n    address: 1\n"
                + "    serial: {timeout: \"500 ms\"}\n    limits: {max_temperature: \"1000 degC\", max_rate: \"200 degC/min\"}\n"
                + "    safe: {setpoint: \"25 degC\", rate: \"10 degC/min\"}\n" + smuEntry(sm.driverEnd(), 1000, 0));
            ProcedureEngine e = engine();
            Eurotherm furnace = (Eurotherm) f.create("furnace", "furnace", e);
            Keithley24xx smu = (Keithley24xx) f.create("smu", "source-measure unit", e);
            assertTrue(furnace.identity().contains("0x3216"), furnace.identity());
            e.addLogger("adc.csv", 1, List.of(furnace, smu));
            ProcedureError err = null;
            try {
                e.addLimit(() -> furnace.reading("temperature").value() <= 460, "furnace.temperature <= 460 degC", "Na24Si136 decomposes above 450 degC");
                smu.apply(50, 1e-3);
                furnace.ramp(450, 100);
                e.waitUntil(() -> !furnace.busy(), 3600, "furnace.ramp");
            } catch (ProcedureError x) {
                err = x;
            } finally {
                e.shutdown("error");
                f.created().forEach(HardwareDevice::close);
            }
            assertTrue(err != null && err.getMessage().contains("limit breached") && err.getMessage().contains("460"), String.valueOf(err));
            List<String> seen = euro.seen();
            assertTrue(seen.contains("SPrr=100.0") && seen.contains("TgtSP=450.0"), seen.toString());
            assertEquals("TgtSP=25.0", seen.get(seen.size() - 1), "last write must bring the setpoint down: " + seen);
            assertEquals("SPrr=10.0", seen.get(seen.size() - 2), "safe ramp rate before the setpoint: " + seen);
            assertOffAfterOn(smuFake);
            assertRowsUpTo(times("adc.csv"), 9);
        }
    }

    /**
     * A 3-segment program (ramp 600 degC/min to 100 degC, dwell 0.1 min, ramp to 50 degC) written into the
     * programmer of a fake Eurotherm process over Modbus RTU, run there to completion, logged, then the safe state.
     */
    @Test
    void eurothermProgramRunsOnTheController() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "prog");
             InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0", "model=2400")) {
            LabDeviceFactory f = factory("devices:\n  furnace:\n    driver: eurotherm-2400\n    port: " + tc.driverEnd() + "\n    address: 1\n"
                + "    serial: {timeout: \"500 ms\"}\n    limits: {max_temperature: \"1000 degC\", max_rate: \"1000 degC/min\"}\n"
                + "    safe: {setpoint: \"25 degC\", rate: \"10 degC/min\"}\n");
            ProcedureEngine e = engine();
            Eurotherm furnace = (Eurotherm) f.create("furnace", "furnace", e);
            e.addLogger("prog.csv", 1, List.of(furnace));
            ProcedureError err = null;
            try {
                furnace.program(new org.adc.device.FurnaceProgram(List.of(
                    new org.adc.device.FurnaceProgram.Segment(false, 10, 373.15, Double.NaN),
                    new org.adc.device.FurnaceProgram.Segment(true, Double.NaN, Double.NaN, 6),
                    new org.adc.device.FurnaceProgram.Segment(false, 10, 323.15, Double.NaN))));
                e.waitUntil(() -> !furnace.busy(), 3600, "furnace.program");
            } catch (ProcedureError x) {
                err = x;
            } finally {
                e.shutdown(err == null ? "end of run" : "error");
                f.created().forEach(HardwareDevice::close);
            }
            assertEquals(null, err);
            List<String> seen = euro.seen();
            for (String w : List.of("status=1", "s1.type=1", "s1.target=100.0", "s1.rate=600.0", "s2.type=3", "s2.duration=0.1",
                "s3.type=1", "s3.target=50.0", "s3.rate=600.0", "s4.type=0", "select=1", "status=2", "program complete")) {
                assertTrue(seen.contains(w), w + " not seen by the controller: " + seen);
            }
            assertTrue(seen.indexOf("s4.type=0") < seen.indexOf("status=2"), "the program is written before it runs: " + seen);
            assertEquals("TgtSP=25.0", seen.get(seen.size() - 1), "safe state after the program: " + seen);
            List<String> rows = Files.readAllLines(dir.resolve("prog.csv"));
            double max = rows.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.split(",")[2])).max().orElseThrow();
            assertEquals(100.0, max, 1e-6, "the setpoint reached the first segment's target");
            long atTop = rows.stream().skip(1).filter(r -> Double.parseDouble(r.split(",")[2]) == 100.0).count();
            assertTrue(atTop >= 6, "the dwell held 100 degC for 0.1 min: " + rows);
            assertTrue(rows.get(rows.size() - 1).split(",")[2].startsWith("50"), "ended at the last target: " + rows.get(rows.size() - 1));
        }
    }

    /**
     * kill -9 of the fake instrument process mid-run (the cable stays, the instrument goes silent): the driver
     * sees no reply, the run stops with a lost link and tries the safe state; the rows before the kill stay.
     */
    @Test
    void instrumentProcessKilledMidRun() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "killed"); FakeMain.Handle fake = FakeMain.start(null, "keithley", pty.instrumentEnd())) {
            Thread killer = new Thread(() -> {
                try {
                    while (fake.seenNow().stream().filter(":READ?"::equals).count() < 6) {
                        Thread.sleep(5);
                    }
                    fake.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            LabDeviceFactory f = factory("devices:\n  smu:\n    driver: keithley-2400\n    port: " + pty.driverEnd()
                + "\n    serial: {timeout: \"300 ms\"}\n    limits: {max_voltage: \"100 V\", max_current: \"10 mA\"}\n"
                + "    reconnect: {attempts: 0, delay: \"100 ms\", safe_attempts: 2}\n");
            ProcedureEngine e = engine();
            Device smu = f.create("smu", "source-measure unit", e);
            e.addLogger("smu.csv", 1, List.of(smu));
            ProcedureError err = null;
            try {
                ((Keithley24xx) smu).apply(50, 1e-3);
                e.hold(600, null, 0, 1);
            } catch (ProcedureError x) {
                err = x;
            } finally {
                e.shutdown(err == null ? "end of run" : "error: " + err.getMessage());
                f.created().forEach(HardwareDevice::close);
            }
            killer.join(5000);
            assertTrue(err != null && err.getMessage().contains("no reply from"), String.valueOf(err));
            assertRowsUpTo(times("smu.csv"), 3);
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("safe state")), e.events().toString());
        }
    }

    private static String furnaceEntry(String driver, String port, String extra) {
        return "devices:\n  furnace:\n    driver: " + driver + "\n    port: " + port + "\n    address: 1\n"
            + "    serial: {timeout: \"500 ms\"}\n    limits: {max_temperature: \"1000 degC\", max_rate: \"1000 degC/min\"}\n"
            + "    safe: {setpoint: \"25 degC\", rate: \"10 degC/min\"}\n" + extra;
    }

    private static boolean wrote(List<String> seen) {
        return seen.stream().anyMatch(x -> x.contains("="));
    }

    /** A Modbus slave whose identifier (122) is not a 3200's is refused at connect, and nothing is written to it. */
    @Test
    void eurotherm3200RefusesAnotherSlave() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "ident"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "ident=0x2480")) {
            LabDeviceFactory f = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), ""));
            ProcedureError err = assertThrows(ProcedureError.class, () -> f.create("furnace", "furnace", engine()));
            assertTrue(err.getMessage().contains("identifier 0x2480") && err.getMessage().contains("not a Eurotherm 3200"), err.getMessage());
            assertTrue(!wrote(euro.seen()), "nothing may be written to the wrong slave: " + euro.seen());
            f.created().forEach(HardwareDevice::close);
            LabDeviceFactory exact = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), "    identifier: \"0x2480\"\n"));
            Eurotherm ok = (Eurotherm) exact.create("furnace", "furnace", engine());
            assertTrue(ok.identity().contains("0x2480"), ok.identity());
            exact.created().forEach(HardwareDevice::close);
        }
    }

    /**
     * The 3200 map read from the controller: working output (4) for the power, the setpoint/output limits and the mode in the
     * settings; a controller in manual mode (273) refuses ramps before anything is written; a switch to manual mid-run is an event.
     */
    @Test
    void eurotherm3200ManualModeAndLimitsAreRead() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "manual"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "manual=1", "sp_hi=400", "sp_lo=5", "op_hi=80")) {
            LabDeviceFactory f = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), ""));
            ProcedureEngine e = engine();
            Eurotherm furnace = (Eurotherm) f.create("furnace", "furnace", e);
            try {
                assertTrue(furnace.manual());
                assertEquals(List.of(5.0, 400.0), List.of(furnace.setpointLimits()[0], furnace.setpointLimits()[1]));
                assertEquals(80.0, furnace.outputLimits()[1], 1e-6);
                assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("settings") && ev.message().contains("mode=manual")
                    && ev.message().contains("setpoint_limits_degC=5.0 .. 400.0")), e.events().toString());
                ProcedureError man = assertThrows(ProcedureError.class, () -> furnace.ramp(300, 10));
                assertTrue(man.getMessage().contains("manual mode (parameter 273"), man.getMessage());
                ProcedureError lim = assertThrows(ProcedureError.class, () -> furnace.ramp(450, 10));
                assertTrue(lim.getMessage().contains("SP.LO .. SP.HI = 5.0 .. 400.0"), lim.getMessage());
                assertTrue(!wrote(euro.seen()), "a refused ramp writes nothing: " + euro.seen());
            } finally {
                f.created().forEach(HardwareDevice::close);
            }
        }
        try (PtyPair tc = new PtyPair(dir, "tomanual"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "manual_after=5")) {
            LabDeviceFactory f = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), ""));
            ProcedureEngine e = engine();
            Eurotherm furnace = (Eurotherm) f.create("furnace", "furnace", e);
            try {
                furnace.ramp(100, 60);
                // a switch to manual during the hold is a stall: the run stops (on_stall = abort, the default)
                ProcedureError stall = assertThrows(ProcedureError.class, () -> e.hold(10, null, 0, 1));
                assertTrue(stall.getMessage().contains("manual mode"), stall.getMessage());
                assertTrue(furnace.manual());
                assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("controller") && ev.message().contains("from auto to manual")),
                    e.events().toString());
                assertTrue(euro.seen().contains("switched to manual"), euro.seen().toString());
            } finally {
                e.shutdown("end of run");
                f.created().forEach(HardwareDevice::close);
            }
        }
    }

    /** program() per model: a 3200 (no programmer over comms) refuses before writing; the 2400 runs it (eurothermProgramRunsOnTheController). */
    @Test
    void eurotherm3200RefusesAProgramBeforeWriting() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "noprog"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0")) {
            LabDeviceFactory f = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), ""));
            ProcedureEngine e = engine();
            Eurotherm furnace = (Eurotherm) f.create("furnace", "furnace", e);
            try {
                assertEquals(Map.of("program", furnace.programRefusal(), "programmer", furnace.programRefusal()), f.refusedOperations("furnace"));
                ProcedureError err = assertThrows(ProcedureError.class, () -> furnace.program(new org.adc.device.FurnaceProgram(List.of(
                    new org.adc.device.FurnaceProgram.Segment(false, 10, 373.15, Double.NaN)))));
                assertTrue(err.getMessage().contains("no setpoint programmer"), err.getMessage());
                assertTrue(!wrote(euro.seen()) && euro.seen().stream().noneMatch(x -> x.startsWith("exception")), euro.seen().toString());
            } finally {
                f.created().forEach(HardwareDevice::close);
            }
            // the lab file's programmer map for a 3200 must be complete
            org.adc.device.config.LabConfigError bad = assertThrows(org.adc.device.config.LabConfigError.class,
                () -> factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), "    programmer: {program: 1}\n")));
            assertTrue(bad.getMessage().contains("'base' is missing"), bad.getMessage());
            LabDeviceFactory given = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), "    programmer: {base: 8192, select: 22, status: 23}\n"));
            assertEquals(Map.of(), given.refusedOperations("furnace"));
        }
    }

    /** The pre-flight of a live run reads the controller's setpoint limits (read-only) and hands them to the twin. */
    @Test
    void preflightReadsTheControllersSetpointLimits() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "probe"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "sp_hi=400", "sp_lo=10")) {
            LabDeviceFactory f = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), "")).probingInstruments(true);
            Map<String, org.adc.units.Quantity> lim = org.adc.procedure.DeviceFactory.twinsWithLimitsOf(f).limits("furnace");
            assertEquals(400.0, lim.get("setpoint_high_limit").value(), 1e-9);
            assertEquals(10.0, lim.get("setpoint_low_limit").value(), 1e-9);
            assertEquals(1000.0, lim.get("max_temperature").value(), 1e-9);
            assertTrue(!wrote(euro.seen()), "the probe only reads: " + euro.seen());
            org.adc.device.SimFurnace twin = new org.adc.device.SimFurnace("furnace", 1273.15, 1, 60, 600, 1273.15);
            twin.setControllerLimits(lim.get("setpoint_low_limit").si(), lim.get("setpoint_high_limit").si());
            ProcedureError err = assertThrows(ProcedureError.class, () -> twin.ramp(450 + 273.15, 0.1));
            assertTrue(err.getMessage().contains("SP.LO .. SP.HI"), err.getMessage());
        }
    }

    /** A Modbus reply with a bad checksum is a crc event, the exchange is retried after a reconnect and the run goes on. */
    @Test
    void modbusCrcErrorIsCountedAndRetried() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "crc"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "crc_at=4")) {
            LabDeviceFactory f = factory(furnaceEntry("eurotherm-3200", tc.driverEnd(), "    reconnect: {attempts: 3, delay: \"100 ms\"}\n"));
            ProcedureEngine e = engine();
            Eurotherm furnace = (Eurotherm) f.create("furnace", "furnace", e);
            e.addLogger("crc.csv", 1, List.of(furnace));
            try {
                e.hold(8, null, 0, 1);
            } finally {
                e.shutdown("end of run");
                f.created().forEach(HardwareDevice::close);
            }
            assertTrue(euro.seen().contains("corrupt CRC"), euro.seen().toString());
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("crc")), e.events() + " " + euro.seen());
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("retry")), e.events().toString());
            assertRowsUpTo(times("crc.csv"), 8);
        }
    }

    /** Errors left in the SMU's queue from an earlier session are read out (events) and cleared by *CLS; the run starts. */
    @Test
    void staleErrorQueueIsClearedAtConnect() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "stale"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd(), "NONE", "stale")) {
            ProcedureEngine e = engine();
            assertEquals(null, smuRun(pty, fake, 1000, 0, 3, e));
            List<String> seen = fake.seen();
            assertTrue(seen.indexOf("*CLS") > seen.indexOf("*IDN?") && seen.indexOf("*CLS") < seen.indexOf(":OUTP OFF"), seen.toString());
            assertEquals(2, e.events().stream().filter(ev -> ev.kind().equals("stale error")).count(), e.events().toString());
            assertTrue(e.events().stream().anyMatch(ev -> ev.message().contains("-222")), e.events().toString());
            assertOffAfterOn(fake);
        }
    }

    /** One garbled reply is asked again (garbled_retries: 1 by default) and recorded; the run goes on with every row. */
    @Test
    void oneGarbledReplyIsSurvivedAndRecorded() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "garble1"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd(), "GARBAGE@6")) {
            ProcedureEngine e = engine();
            assertEquals(null, smuRun(pty, fake, 1000, 0, 12, e));
            assertRowsUpTo(times("smu.csv"), 12);
            assertTrue(e.events().stream().anyMatch(ev -> ev.kind().equals("garbage") && ev.message().contains("#!&%garbage")), e.events().toString());
            assertEquals(1, e.events().stream().filter(ev -> ev.kind().equals("retry")).count(), e.events().toString());
            assertOffAfterOn(fake);
        }
    }

    /**
     * The SMU is power-cycled mid-run (silent 1.5 s, then back in its power-on state: output off, all five FORM elements): the
     * driver reconnects, re-checks *IDN?, clears the status, re-sends the configuration and the output the recipe had set,
     * and the run goes on; judged by the fake's own command log.
     */
    @Test
    void powerCycledSmuIsReidentifiedAndReconfigured() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "cycle"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd(), "POWERCYCLE@5")) {
            ProcedureEngine e = engine();
            assertEquals(null, smuRun(pty, fake, 300, 50, 12, e));
            List<String> seen = fake.seen();
            int cycle = seen.indexOf("power cycle");
            assertTrue(cycle > 0, seen.toString());
            List<String> after = seen.subList(cycle, seen.size());
            int idn = after.indexOf("*IDN?");
            int cls = after.indexOf("*CLS");
            int form = after.indexOf(":FORM:ELEM VOLT,CURR");
            int prot = after.indexOf(":SENS:CURR:PROT 0.001");
            int on = after.indexOf(":OUTP ON");
            assertTrue(idn > 0 && idn < cls && cls < form && form < prot && prot < on, "re-identified, cleared, configured, output on again: " + after);
            assertTrue(after.indexOf(":READ?") > on, "read only after the configuration: " + after);
            assertTrue(e.events().stream().anyMatch(ev -> ev.message().contains("re-identified after the reconnect")), e.events().toString());
            assertRowsUpTo(times("smu.csv"), 12);
            assertOffAfterOn(fake);
        }
    }
}
