package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    private static void assertOffAfterOn(InstrumentFake fake) {
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
        faultRun("garbage", "GARBAGE@10", 1000, "reply '#!&%garbage' to ':READ?'");
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
        try (PtyPair tc = new PtyPair(dir, "prog"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0")) {
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
}
