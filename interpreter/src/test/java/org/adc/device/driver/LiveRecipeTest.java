package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.adc.launcher.Launch;

/**
 * A recipe run as `adc run --live --lab lab.yaml` would run it, on the wall clock, against a fake
 * Keithley 2400 process ({@link FakeMain}) at the far end of a socat pty pair: the script's smu() is the real driver over
 * jSerialComm. Skipped without socat.
 */
class LiveRecipeTest {
    @TempDir
    Path dir;

    private static final String RECIPE = """
        let smu = smu(cell = "adc")
        log_to("adc.csv", smu, every = 1 s)
        recipe extract() {
            limit smu.current < 500 uA, "short circuit"
            smu.apply(voltage = 50 V, compliance = 1 mA)
            hold 3 s
            print("I = ${smu.current}")
        } finally {
            smu.off()
        }
        extract()
        """;

    private String run(PtyPair pty, boolean expectError) throws Exception {
        return run(pty, expectError, RECIPE);
    }

    private String run(PtyPair pty, boolean expectError, String text) throws Exception {
        Path recipe = dir.resolve("extract.adc");
        Files.writeString(recipe, text);
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "devices:\n  smu:\n    driver: keithley-2400\n    port: " + pty.driverEnd() + "\n"
            + "    limits: {max_voltage: \"100 V\", max_current: \"10 mA\"}\n    reconnect: {attempts: 0, safe_attempts: 5, delay: \"100 ms\"}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launch.Options o = new Launch.Options(dir, dir.resolve("run"), Map.of(), List.of(), List.of(), true, false, lab, true);
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
            if (expectError) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> ctx.eval(Launch.source(recipe, "extract.adc")));
                return e.getMessage();
            }
            ctx.eval(Launch.source(recipe, "extract.adc"));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> csv() throws Exception {
        return Files.readAllLines(dir.resolve("run/adc.csv"));
    }

    @Test
    void recipeDrivesTheSmuOverSerial() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "live"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd())) {
            String out = run(pty, false);
            assertTrue(out.contains("I = 2 uA"), out);
            List<String> seen = fake.seen();
            assertTrue(seen.contains(":SOUR:VOLT 50") && seen.lastIndexOf(":OUTP OFF") > seen.indexOf(":OUTP ON"), seen.toString());
            List<String> rows = csv();
            assertEquals("t [s],utc,smu.voltage [V],smu.current [uA],smu.charge [C],smu.peak_current [uA]", rows.get(0));
            assertTrue(rows.get(1).matches("[0-9.]+,20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,.*"), rows.get(1));
            assertTrue(rows.size() >= 5, rows.toString());
        }
    }

    private static double t(String journalLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"t\":([-0-9.eE+]+)").matcher(journalLine);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * adc run --live, then a crash 1.5 s into the hold (journal and CSV as they were then, no run record), then
     * adc run --resume: the driver reconnects, commands the output on again as the journal says, finishes the
     * hold and ends in the safe state; the rows from before the crash stay.
     */
    @Test
    void liveRunResumedAfterACrash() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "liveres"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd())) {
            Path recipe = dir.resolve("extract.adc");
            Files.writeString(recipe, RECIPE);
            Path lab = dir.resolve("lab.yaml");
            Files.writeString(lab, "devices:\n  smu:\n    driver: keithley-2400\n    port: " + pty.driverEnd() + "\n"
                + "    limits: {max_voltage: \"100 V\", max_current: \"10 mA\"}\n    reconnect: {attempts: 0, safe_attempts: 5, delay: \"100 ms\"}\n");
            Path rd = dir.resolve("liverun");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            java.io.PrintStream ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
            int code = org.adc.launcher.Main.execute(InputStream.nullInputStream(), ps, ps, "run", "--live", "--lab", lab.toString(),
                "--run-dir", rd.toString(), recipe.toString());
            assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("pre-flight ok"), out.toString(StandardCharsets.UTF_8));
            List<String> journal = Files.readAllLines(rd.resolve("journal.jsonl"));
            double holdStart = journal.stream().filter(l -> l.contains("\"step\":\"hold 3 s\"")).mapToDouble(LiveRecipeTest::t).min().orElseThrow();
            double crash = holdStart + 1.5;
            Files.write(rd.resolve("journal.jsonl"), journal.stream().filter(l -> t(l) <= crash).toList());
            List<String> rows = Files.readAllLines(rd.resolve("adc.csv"));
            List<String> before = new java.util.ArrayList<>(rows.subList(0, 1));
            rows.stream().skip(1).filter(r -> Double.parseDouble(r.split(",")[0]) <= crash).forEach(before::add);
            Files.write(rd.resolve("adc.csv"), before);
            Files.delete(rd.resolve("run.json"));
            int seen = fake.seen().size();

            out.reset();
            // the lab file and live mode are confirmed on the command line, never taken from the run directory
            code = org.adc.launcher.Main.execute(InputStream.nullInputStream(), ps, ps, "run", "--resume", rd.toString());
            assertEquals(2, code, out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("--lab " + lab + " --live"), out.toString(StandardCharsets.UTF_8));
            out.reset();
            code = org.adc.launcher.Main.execute(InputStream.nullInputStream(), ps, ps, "run", "--resume", rd.toString(), "--lab", lab.toString(),
                "--live");
            String o = out.toString(StandardCharsets.UTF_8);
            assertEquals(1, code, "without a terminal and without --confirm-outputs a resume that switches outputs on is refused: " + o);
            assertTrue(o.contains("smu: output ON at 50.0 V") && o.contains("--confirm-outputs"), o);
            assertTrue(fake.seen().subList(seen, fake.seen().size()).stream().noneMatch(":OUTP ON"::equals), "nothing switched on");
            Files.delete(rd.resolve("run.json"));
            Files.write(rd.resolve("journal.jsonl"), journal.stream().filter(l -> t(l) <= crash).toList());
            Files.write(rd.resolve("adc.csv"), before);
            seen = fake.seen().size();

            out.reset();
            code = org.adc.launcher.Main.execute(InputStream.nullInputStream(), ps, ps, "run", "--resume", rd.toString(), "--lab", lab.toString(),
                "--live", "--confirm-outputs");
            o = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, o);
            String ev = Files.readString(rd.resolve("run.json"));
            assertTrue(ev.contains("\"downtime\"") && ev.contains("resumed)"), ev);
            assertTrue(o.contains("adc: resuming") && o.contains("I = 2 uA"), o);
            List<String> again = fake.seen().subList(seen, fake.seen().size());
            assertTrue(again.contains("*IDN?") && again.contains(":SOUR:VOLT 50") && again.lastIndexOf(":OUTP OFF") > again.indexOf(":OUTP ON"),
                again.toString());
            List<String> after = Files.readAllLines(rd.resolve("adc.csv"));
            assertEquals(before, after.subList(0, before.size()), "rows from before the crash are kept");
            assertTrue(after.size() > before.size(), "the resumed run logged on");
            assertTrue(Files.readString(rd.resolve("run.json")).contains("\"resumed\""));
        }
    }

    /** The recipe's own limit on a live device (40 V) applies on top of the lab file's (100 V): nothing is sent. */
    @Test
    void recipeLimitsHoldTheLiveInstrumentToo() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "livelim"); InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd())) {
            String msg = run(pty, true, RECIPE.replace("smu(cell = \"adc\")", "smu(cell = \"adc\", max_voltage = 40 V)"));
            assertTrue(msg.contains("extract.adc:5") && msg.contains("50 V is above the recipe's limit max_voltage = 40 V"), msg);
            assertTrue(fake.seen().stream().noneMatch(s -> s.startsWith(":SOUR:VOLT 50")) && !fake.outputOn(), fake.seen().toString());
        }
    }

    @Test
    void garbageReplyEndsTheRecipeInTheSafeState() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "livebad");
             InstrumentFake fake = FakeMain.start(null, "keithley", pty.instrumentEnd(), "GARBAGE>=2")) {
            String msg = run(pty, true);
            assertTrue(msg.contains("reply '#!&%garbage' to ':READ?'"), msg);
            List<String> seen = fake.seen();
            assertTrue(seen.lastIndexOf(":OUTP OFF") > seen.indexOf(":OUTP ON"), seen.toString());
            assertTrue(csv().size() >= 2, "rows before the fault are in the CSV");
        }
    }

    private static final String FURNACE_RECIPE = """
        let f = furnace(max_rate = 1000 degC/min)
        recipe anneal() {
            STEP
        } finally {
            f.off()
        }
        anneal()
        """;

    /** adc run --live against a fake Eurotherm process: exit code and everything printed. */
    private Object[] liveFurnace(PtyPair tc, String driver, String step) throws Exception {
        Path recipe = dir.resolve("anneal.adc");
        Files.writeString(recipe, FURNACE_RECIPE.replace("STEP", step));
        Path lab = dir.resolve("furnace.yaml");
        Files.writeString(lab, "devices:\n  furnace:\n    driver: " + driver + "\n    port: " + tc.driverEnd() + "\n    address: 1\n"
            + "    serial: {timeout: \"500 ms\"}\n    limits: {max_temperature: \"1000 degC\", max_rate: \"1000 degC/min\"}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        int code = org.adc.launcher.Main.execute(InputStream.nullInputStream(), ps, ps, "run", "--live", "--lab", lab.toString(),
            "--run-dir", dir.resolve("anneal-run").toString(), recipe.toString());
        return new Object[]{code, out.toString(StandardCharsets.UTF_8)};
    }

    /** The pre-flight reads the controller's own setpoint limits (SP.HI 400 degC) and refuses a 450 degC ramp; nothing is written. */
    @Test
    void preflightRefusesATargetOutsideTheControllersSetpointLimits() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "splim"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "sp_hi=400")) {
            Object[] r = liveFurnace(tc, "eurotherm-3200", "f.ramp(to = 450 degC, rate = 100 degC/min)");
            String out = (String) r[1];
            assertEquals(3, r[0], out);
            assertTrue(out.contains("refused at pre-flight") && out.contains("SP.LO .. SP.HI") && out.contains("400"), out);
            assertTrue(euro.seen().stream().noneMatch(x -> x.contains("=")), "nothing written to the controller: " + euro.seen());
        }
    }

    /** program() on a 3200 (no programmer adc can drive over Modbus) is refused at pre-flight, before anything is written. */
    @Test
    void preflightRefusesAProgramOnA3200() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "prog3200"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0")) {
            Object[] r = liveFurnace(tc, "eurotherm-3200", "f.program([{ramp: 600 degC/min, to: 30 degC}, {dwell: 3 s}])");
            String out = (String) r[1];
            assertEquals(3, r[0], out);
            assertTrue(out.contains("refused at pre-flight") && out.contains("f.program") && out.contains("no setpoint programmer"), out);
            assertTrue(euro.seen().stream().noneMatch(x -> x.contains("=") || x.startsWith("exception")), euro.seen().toString());
        }
    }

    /** The same recipe on a 2400 (2000-series programmer map) passes the pre-flight and runs the program in the controller. */
    @Test
    void programRunsOnA2400() throws Exception {
        try (PtyPair tc = new PtyPair(dir, "prog2400"); InstrumentFake euro = FakeMain.start(null, "eurotherm", tc.instrumentEnd(), "1", "0", "0",
            "model=2400")) {
            Object[] r = liveFurnace(tc, "eurotherm-2400", "f.program([{ramp: 600 degC/min, to: 30 degC}, {dwell: 3 s}])");
            String out = (String) r[1];
            assertEquals(0, r[0], out);
            assertTrue(out.contains("pre-flight ok"), out);
            List<String> seen = euro.seen();
            assertTrue(seen.contains("status=2") && seen.contains("program complete"), seen.toString());
        }
    }
}
