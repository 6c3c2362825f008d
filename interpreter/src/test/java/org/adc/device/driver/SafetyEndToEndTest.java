package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety of live runs judged by the instruments' own state: {@code adc run --live} as a separate process (so it can
 * be killed), a fake Keithley 2400 and a fake Eurotherm 3200 as separate processes ({@link FakeMain}) on socat pty
 * pairs, faults injected into the fakes while the run goes on (mute, latency, manual mode, random drops and garbage),
 * and every time taken from the fake's own clock (the epoch ms it prints with each command it receives). Skipped
 * without socat.
 */
class SafetyEndToEndTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private PtyPair smuPty;
    private PtyPair tcPty;
    private FakeMain.Handle smu;
    private FakeMain.Handle tc;

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        killGuardian();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** The guardian outlives adc by design: the test ends it (its pid is the first line of guardian.log). */
    private void killGuardian() throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path log : s.filter(p -> p.getFileName().toString().equals("guardian.log")).toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("guardian pid (\\d+)").matcher(Files.readString(log));
                if (m.find()) {
                    ProcessHandle.of(Long.parseLong(m.group(1))).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    private void fakes() throws Exception {
        smuPty = new PtyPair(dir, "smu");
        open.add(smuPty);
        tcPty = new PtyPair(dir, "tc");
        open.add(tcPty);
        smu = FakeMain.start(null, "keithley", smuPty.instrumentEnd());
        open.add(smu);
        tc = FakeMain.start(null, "eurotherm", tcPty.instrumentEnd(), "1", "0", "0");
        open.add(tc);
    }

    private Path lab(String tcTimeout, int tcAttempts, String smuPoll, String tcPoll) throws Exception {
        return Files.writeString(dir.resolve("lab.yaml"), "devices:\n"
            + "  smu:\n    driver: keithley-2400\n    port: " + smuPty.driverEnd() + "\n    poll: \"" + smuPoll + "\"\n"
            + "    serial: {timeout: \"500 ms\"}\n"
            + "    limits: {max_voltage: \"100 V\", max_current: \"10 mA\"}\n"
            + "    reconnect: {attempts: 3, delay: \"100 ms\", safe_attempts: 3}\n"
            + "  furnace:\n    driver: eurotherm-3200\n    port: " + tcPty.driverEnd() + "\n    address: 1\n    poll: \"" + tcPoll + "\"\n"
            + "    serial: {timeout: \"" + tcTimeout + "\"}\n"
            + "    limits: {max_temperature: \"1000 degC\", max_rate: \"5000 degC/min\"}\n"
            + "    safe: {setpoint: \"25 degC\", rate: \"10 degC/min\"}\n"
            + "    reconnect: {attempts: " + tcAttempts + ", delay: \"200 ms\", safe_attempts: 1}\n");
    }

    /** A recipe without finally: furnace to 100 degC, 5 V on the cell, a hold, then both off. */
    private Path recipe(String hold, String extra) throws Exception {
        return Files.writeString(dir.resolve("anneal.adc"), """
            let furnace = furnace(max_rate = 5000 degC/min%s)
            let smu = smu()
            log_to("adc.csv", furnace, smu, every = 1 s)
            furnace.ramp(to = 100 degC, rate = 3000 degC/min)
            smu.apply(voltage = 5 V, compliance = 1 mA)
            hold %s
            smu.off()
            furnace.off()
            """.formatted(extra, hold));
    }

    /** adc run --live as its own process; stdout and stderr into files of the test folder. */
    private Process adc(Path recipe, Path lab, Path rd, String... more) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
            "-Dadc.stateDir=" + System.getProperty("adc.stateDir", ""),
            "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.adc.launcher.Main", "run", "--live", "--lab",
            lab.toString(), "--no-preflight", "--run-dir", rd.toString()));
        cmd.addAll(List.of(more));
        cmd.add(recipe.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("adc-out.txt").toFile())
            .redirectError(dir.resolve("adc-err.txt").toFile());
        pb.environment().put("ADC_GUARDIAN_GIVE_UP", "3");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private String console() throws Exception {
        return Files.readString(dir.resolve("adc-out.txt")) + Files.readString(dir.resolve("adc-err.txt"));
    }

    private static void waitFor(BooleanSupplier c, double seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Epoch ms at which the fake received {@code cmd} the first time after {@code after}, or -1. */
    private static long at(FakeMain.Handle f, String cmd, long after) {
        for (Map.Entry<Long, String> e : f.seenAt()) {
            if (e.getKey() >= after && e.getValue().equals(cmd)) {
                return e.getKey();
            }
        }
        return -1;
    }

    private static JsonNode record(Path rd) throws Exception {
        return new ObjectMapper().readTree(rd.resolve("run.json").toFile());
    }

    /** The wall time (epoch ms) of the safe-state decision recorded in run.json. */
    private static long decision(JsonNode rec) {
        for (JsonNode e : rec.path("events")) {
            if (e.path("kind").asText().equals("decision")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("decided at (\\S+): ").matcher(e.path("message").asText());
                assertTrue(m.find(), e.toString());
                return java.time.Instant.parse(m.group(1)).toEpochMilli();
            }
        }
        throw new AssertionError("no decision event: " + rec.path("events"));
    }

    private void waitUntilBiased() throws InterruptedException {
        waitFor(() -> smu.seenNow().contains(":OUTP ON") && smu.seenNow().stream().filter(":READ?"::equals).count() >= 2, 60, "the bias on");
    }

    /**
     * The furnace controller goes silent mid-hold (a recipe without finally): the SMU keeps being read while the furnace
     * link retries, and is off within 2 s of the decision by the SMU's own clock; the console names both final states.
     */
    @Test
    void furnaceMuteSmuOffWithinTwoSeconds() throws Exception {
        fakes();
        Path rd = dir.resolve("mute");
        Process p = adc(recipe("60 s", ""), lab("300 ms", 1, "0.25 s", "0.5 s"), rd);
        waitUntilBiased();
        long mute = System.currentTimeMillis();
        tc.control("mute");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "adc ended after the furnace went silent");
        JsonNode rec = record(rd);
        long decided = decision(rec);
        long off = at(smu, ":OUTP OFF", mute);
        assertTrue(off > 0, "the SMU never saw :OUTP OFF: " + smu.seen());
        assertTrue(off - decided <= 2000, "SMU off " + (off - decided) + " ms after the decision (at most 2000)");
        long readsWhileRetrying = smu.seenAt().stream().filter(e -> e.getKey() > mute && e.getKey() < decided && e.getValue().equals(":READ?")).count();
        assertTrue(readsWhileRetrying >= 1, "the SMU is read while the furnace retries (" + (decided - mute) + " ms)");
        String out = console();
        assertTrue(out.contains("smu: output OFF (confirmed") && out.contains("furnace: UNREACHABLE \u2014 still at 100 degC setpoint"), out);
        assertEquals("error", rec.path("status").asText());
        assertTrue(rec.path("final_state").path("furnace").asText().startsWith("UNREACHABLE"), rec.path("final_state").toString());
        System.out.println("furnace mute: decision " + (decided - mute) + " ms after the mute, " + readsWhileRetrying
            + " SMU reads meanwhile, SMU off " + (off - decided) + " ms after the decision\n" + out);
    }

    /** kill -9 of adc mid-hold: the guardian process has the bias off and the heater down within 10 s, by the fakes' clocks. */
    @Test
    void killedAdcLeavesEveryOutputOffWithinTenSeconds() throws Exception {
        fakes();
        Path rd = dir.resolve("kill");
        Process p = adc(recipe("60 s", ""), lab("500 ms", 3, "0.5 s", "0.5 s"), rd);
        waitUntilBiased();
        long killed = System.currentTimeMillis();
        p.destroyForcibly();
        p.waitFor();
        waitFor(() -> at(smu, ":OUTP OFF", killed) > 0 && at(tc, "TgtSP=25.0", killed) > 0, 15, "the guardian's safe state");
        long smuOff = at(smu, ":OUTP OFF", killed) - killed;
        long heaterDown = at(tc, "TgtSP=25.0", killed) - killed;
        assertTrue(smuOff <= 10000 && heaterDown <= 10000, "after kill -9: SMU off after " + smuOff + " ms, heater down after " + heaterDown + " ms");
        assertTrue(!smu.outputOn(), "output off");
        waitFor(() -> {
            try {
                return Files.readString(rd.resolve("guardian.log")).contains("every device safe");
            } catch (Exception e) {
                return false;
            }
        }, 10, "the guardian's report");
        System.out.println("kill -9: SMU off after " + smuOff + " ms, heater down after " + heaterDown + " ms (guardian)");
    }

    /**
     * Modbus replies late by 0.7 ± 0.6 s: a 10 s hold keeps the bias on 10 to 11 s by the SMU's clock (the hold ends by
     * the wall clock within one poll interval, whatever the furnace link does).
     */
    @Test
    void holdIsWallClockUnderModbusLatency() throws Exception {
        fakes();
        tc.control("latency 0.7 0.6");
        Path rd = dir.resolve("latency");
        Process p = adc(recipe("10 s", ""), lab("2500 ms", 3, "0.5 s", "1 s"), rd);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "adc ended");
        assertEquals(0, p.exitValue(), console());
        long on = at(smu, ":OUTP ON", 0);
        long off = at(smu, ":OUTP OFF", on);
        double held = (off - on) / 1000.0;
        assertTrue(held >= 10.0 && held <= 11.0, "bias on for " + held + " s by the SMU's clock (10 s hold, 1 s poll)");
        List<String> journal = Files.readAllLines(rd.resolve("journal.jsonl"));
        double lastT = -1;
        double lastHeld = -1;
        for (String l : journal) {
            JsonNode n = new ObjectMapper().readTree(l);
            if (n.path("k").asText().equals("cp")) {
                assertTrue(n.path("t").asDouble() >= lastT, "journal times go forward: " + journal);
                if (n.path("step").asText().startsWith("hold")) {
                    assertTrue(n.path("held").asDouble() >= lastHeld - 1e-9 || !n.path("done").asBoolean() && lastHeld < 0, "held goes forward");
                    lastHeld = n.path("held").asDouble();
                }
                lastT = n.path("t").asDouble();
            }
        }
        System.out.println("latency 0.7 +- 0.6 s: bias on for " + held + " s in a 10 s hold");
    }

    /** SIGTERM: every device safe, run.json "halted" with each device's state, and a plain --resume refused. */
    @Test
    void sigtermHaltsAndResumeIsRefused() throws Exception {
        fakes();
        Path rd = dir.resolve("term");
        Process p = adc(recipe("60 s", ""), lab("500 ms", 3, "0.5 s", "0.5 s"), rd);
        waitUntilBiased();
        long term = System.currentTimeMillis();
        p.destroy();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "adc ended after SIGTERM");
        long off = at(smu, ":OUTP OFF", term) - term;
        assertTrue(off >= 0 && off <= 2000, "SMU off " + off + " ms after SIGTERM");
        System.out.println("SIGTERM: SMU off " + off + " ms after the signal");
        assertTrue(at(tc, "TgtSP=25.0", term) > 0, "heater down: " + tc.seen());
        JsonNode rec = record(rd);
        assertEquals("halted", rec.path("status").asText());
        assertTrue(rec.path("final_state").path("smu").asText().startsWith("output OFF (confirmed"), rec.path("final_state").toString());
        assertTrue(rec.path("final_state").path("furnace").asText().startsWith("heater down"), rec.path("final_state").toString());
        assertTrue(console().contains("SIGTERM"), console());
        int seen = smu.seen().size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = org.adc.launcher.Main.execute(InputStream.nullInputStream(), ps, ps, "run", "--resume", rd.toString());
        assertEquals(2, code, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("refused") && out.toString(StandardCharsets.UTF_8).contains("--force"), out.toString());
        assertEquals(seen, smu.seen().size(), "a refused resume does not touch the instrument");
    }

    /** The controller in manual mode: the ramp's stall is an alarm event and the run ends in the safe state. */
    @Test
    void manualModeStallsIntoTheSafeState() throws Exception {
        fakes();
        Path rd = dir.resolve("manual");
        Process p = adc(recipe("60 s", ""), lab("500 ms", 3, "0.5 s", "0.5 s"), rd);
        // the operator switches the controller to manual during the hold (a controller already in manual at the start
        // refuses the ramp before anything is switched on: DriverSerialEndToEndTest)
        waitFor(() -> smu.outputOn(), 30, "the bias on");
        tc.control("manual 1");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "adc ended");
        JsonNode rec = record(rd);
        String ev = rec.path("events").toString();
        assertTrue(ev.contains("\"kind\":\"stall\"") && ev.contains("manual mode"), ev);
        assertEquals("error", rec.path("status").asText());
        assertTrue(console().contains("stall") && console().contains("manual mode"), console());
        List<String> seen = tc.seen();
        assertEquals("TgtSP=25.0", seen.get(seen.size() - 1), "the heater goes down: " + seen);
        assertTrue(!smu.outputOn(), "bias never left on: " + smu.seen());
    }

    /**
     * A soak: random dropped replies, CRC garbage and latency on both links while a run holds; no row is missing from
     * the CSV (one every second; stale cells blank), and however the run ends, both instruments end safe. The length
     * is {@code -Dsoak.seconds} (bench/soak.sh runs it for 30 minutes of the fake furnace's time).
     */
    @Test
    void soakLosesNoRowAndEndsSafe() throws Exception {
        int seconds = Integer.getInteger("soak.seconds", 12);
        fakes();
        smu.control("drop 0.02");
        smu.control("latency 0.05 0.05");
        tc.control("drop 0.03");
        tc.control("garbage 0.03");
        tc.control("latency 0.1 0.1");
        Path rd = dir.resolve("soak");
        Process p = adc(recipe(seconds + " s", ""), lab("800 ms", 5, "0.25 s", Integer.getInteger("soak.poll_ms", 250) + " ms"), rd);
        assertTrue(p.waitFor(seconds + 60L, TimeUnit.SECONDS), "adc ended");
        JsonNode rec = record(rd);
        List<String> rows = Files.readAllLines(rd.resolve("adc.csv"));
        assertTrue(rows.get(0).startsWith("t [s],utc,furnace.temperature"), rows.get(0));
        // a row every second; a fault (a reconnect takes >= 1 s per attempt here) must not hold the logging up. The allowance
        // of 2 s over the interval is for the shared build machine, whose load can starve a thread that long.
        double last = -1;
        double maxGap = 0;
        for (String r : rows.subList(1, rows.size())) {
            double t = Double.parseDouble(r.split(",")[0]);
            assertTrue(t - last <= 3.0 || last < 0, "a row is missing between t = " + last + " and " + t + " s");
            maxGap = last < 0 ? 0 : Math.max(maxGap, t - last);
            last = t;
        }
        String status = rec.path("status").asText();
        if (status.equals("ok")) {
            assertTrue(last >= seconds, "the whole hold is logged: " + last);
        }
        assertTrue(!smu.outputOn(), "SMU output off at the end (" + status + ")");
        List<String> seen = tc.seen();
        assertEquals("TgtSP=25.0", seen.get(seen.size() - 1), "heater down at the end (" + status + ")");
        long faults = rec.path("events").findValues("kind").stream().filter(k -> k.asText().equals("link")).count();
        long blank = rows.stream().filter(r -> r.contains(",,")).count();
        System.out.println("soak " + seconds + " s: status " + status + ", " + (rows.size() - 1) + " rows (" + blank + " with stale cells left blank), "
            + "largest gap " + String.format(java.util.Locale.ROOT, "%.2f", maxGap) + " s, " + faults + " link events");
    }
}
