package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.adc.procedure.RunControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's controls and crash recovery as a user runs them: kill -9 of the adc process then
 * {@code adc run --resume}, Ctrl-C pause with resume / abort / halt, the pre-flight dry run that
 * refuses a recipe breaking a limit before any device moves, non-resumable sections.
 */
class RunControlTest {
    @TempDir
    Path dir;

    private static final String WALL = """
        let furnace = furnace(max_temperature = 1000 degC, max_rate = 600 degC/min, tau = 2 s)
        let smu = smu(cell = "resistor", ohms = 1 Mohm)
        log_to("log.csv", furnace, smu, every = 1 s)
        recipe anneal() {
            limit furnace.temperature <= 460 degC, "decomposes above 450 degC"
            smu.apply(voltage = 5 V, compliance = 1 mA)
            furnace.ramp(to = 100 degC, rate = 600 degC/min)
            hold HOLD
            print("held, charge ${fmt(smu.charge, ".3g")}")
        } finally {
            print("finally ran")
            smu.off()
            FINALLY
        }
        anneal()
        """;

    private Path recipe(String hold, String fin) throws Exception {
        return Cli.write(dir, "anneal.adc", WALL.replace("HOLD", hold).replace("FINALLY", fin));
    }

    private static List<String> lines(Path p) throws Exception {
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    private static JsonNode record(Path rd) throws Exception {
        return new ObjectMapper().readTree(rd.resolve("run.json").toFile());
    }

    private static String events(JsonNode rec) {
        StringBuilder sb = new StringBuilder();
        rec.get("events").forEach(e -> sb.append(e.get("kind").asText()).append(": ").append(e.get("message").asText()).append('\n'));
        return sb.toString();
    }

    private static void waitFor(java.util.function.BooleanSupplier c, String what) throws Exception {
        for (int i = 0; i < 1200 && !c.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(c.getAsBoolean(), "timed out waiting for " + what);
    }

    /** kill -9 of the adc process during a wall-clock run, then adc run --resume: every row logged before is kept, the run completes. */
    @Test
    void killDashNineThenResume() throws Exception {
        Path r = recipe("12 s", "furnace.off()");
        Path rd = dir.resolve("run");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path errFile = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-Dadc.stateDir=" + System.getProperty("adc.stateDir", ""), "-cp", System.getProperty("java.class.path"),
            "org.adc.launcher.Main", "run", "--real-time", "--no-preflight", "--run-dir", rd.toString(), r.toString())
            .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(errFile.toFile()).start();
        try {
            Path csv = rd.resolve("log.csv");
            waitFor(() -> {
                try {
                    return lines(csv).size() >= 4;
                } catch (Exception e) {
                    return false;
                }
            }, "the first rows");
            // Ctrl-C: the run pauses at the next checkpoint and asks; resume
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            waitFor(() -> {
                try {
                    return Files.readString(errFile).contains("[r]esume");
                } catch (Exception e) {
                    return false;
                }
            }, "the pause prompt");
            OutputStream in = p.getOutputStream();
            in.write("r\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            int before = lines(csv).size();
            waitFor(() -> {
                try {
                    return lines(csv).size() >= before + 3;
                } catch (Exception e) {
                    return false;
                }
            }, "rows after the pause");
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        assertTrue(!Files.exists(rd.resolve("run.json")), "a killed run leaves no run record");
        List<String> logged = lines(rd.resolve("log.csv"));
        String journal = Files.readString(rd.resolve("journal.jsonl"));
        assertTrue(journal.contains("\"kind\":\"pause\"") && journal.contains("\"kind\":\"resume\""), journal);

        Cli c = Cli.run("run", "--resume", rd.toString());
        assertEquals(0, c.code, c.toString());
        assertTrue(c.out.contains("adc: resuming") && c.out.contains("held, charge"), c.toString());
        List<String> after = lines(rd.resolve("log.csv"));
        List<String> complete = logged.subList(0, logged.size() - 1);
        assertEquals(complete, after.subList(0, complete.size()), "every row logged before the kill is still in the CSV");
        double last = -1;
        for (String row : after.subList(1, after.size())) {
            double t = Double.parseDouble(row.split(",")[0]);
            assertTrue(t > last, "times go forward: " + after);
            last = t;
        }
        assertTrue(last >= 14, "the resumed run held to the end: " + after);
        JsonNode rec = record(rd);
        assertEquals("ok", rec.get("status").asText());
        String ev = events(rec);
        assertTrue(ev.contains("resumed: resumed at") && ev.contains("pause:") && ev.contains("safe state: end of run"), ev);
        assertTrue(ev.indexOf("output: smu off") > ev.indexOf("resumed:"), ev);
    }

    /**
     * A dry run killed with kill -9 at two different moments and resumed each time: its CSV and its console output
     * (stdout.txt) are byte for byte those of the same run without the kill (no gap, no repeated row: the CSV reaches
     * the file before each journal checkpoint), the resume records its downtime, and adc verify of the resumed run is OK.
     */
    @Test
    void killedDryRunResumesWithoutAGapAndVerifies() throws Exception {
        Path r = Cli.write(dir, "long.adc", """
            let furnace = furnace(max_temperature = 1000 degC, max_rate = 600 degC/min)
            let smu = smu(cell = "resistor", ohms = 1 Mohm)
            log_to("long.csv", furnace, smu, every = 2 min)
            print("start")
            furnace.ramp(to = 300 degC, rate = 5 degC/min)
            smu.apply(voltage = 5 V, compliance = 1 mA)
            hold 30 d
            print("held, charge ${fmt(smu.charge, ".6g")}")
            smu.off()
            """);
        Cli whole = Cli.run("run", "--run-dir", dir.resolve("whole").toString(), r.toString());
        assertEquals(0, whole.code, whole.toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int trial = 0; trial < 2; trial++) {
            Path rd = dir.resolve("killed" + trial);
            Process p = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-Dadc.stateDir=" + System.getProperty("adc.stateDir", ""), "-cp", System.getProperty("java.class.path"),
                "org.adc.launcher.Main", "run", "--run-dir", rd.toString(), r.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int checkpoints = 20 + 60 * trial;
            try {
                waitFor(() -> {
                    try {
                        return lines(rd.resolve("journal.jsonl")).stream().filter(l -> l.contains("\"k\":\"cp\"")).count() >= checkpoints;
                    } catch (Exception e) {
                        return false;
                    }
                }, "checkpoints");
            } finally {
                p.destroyForcibly();
                p.waitFor();
            }
            if (Files.exists(rd.resolve("run.json"))) {
                continue; // the run finished before the kill: nothing to resume
            }
            Cli c = Cli.run("run", "--resume", rd.toString());
            assertEquals(0, c.code, c.toString());
            assertEquals(Files.readString(dir.resolve("whole/long.csv")), Files.readString(rd.resolve("long.csv")),
                "the resumed CSV is the uninterrupted one (trial " + trial + ")");
            assertEquals(Files.readString(dir.resolve("whole/stdout.txt")), Files.readString(rd.resolve("stdout.txt")),
                "the console output before the kill is kept, once");
            assertTrue(events(record(rd)).contains("resumed: resumed at"), events(record(rd)));
            Cli v = Cli.run("verify", rd.toString());
            assertEquals(0, v.code, v.out + v.err);
            assertTrue(v.out.contains("verify: OK"), v.out);
        }
    }

    /**
     * SIGTERM (logout, systemd stop) during a run: halted into the safe state, rows kept, run.json "halted", and a plain
     * --resume of the halted run refused.
     */
    @Test
    void sigtermReachesTheSafeState() throws Exception {
        Path r = recipe("60 s", "furnace.off()");
        Path rd = dir.resolve("term");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-Dadc.stateDir=" + System.getProperty("adc.stateDir", ""), "-cp", System.getProperty("java.class.path"),
            "org.adc.launcher.Main", "run", "--real-time", "--no-preflight", "--run-dir", rd.toString(), r.toString())
            .redirectOutput(dir.resolve("term-out.txt").toFile()).redirectError(dir.resolve("term-err.txt").toFile()).start();
        try {
            waitFor(() -> {
                try {
                    return lines(rd.resolve("log.csv")).size() >= 4;
                } catch (Exception e) {
                    return false;
                }
            }, "the first rows");
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "adc ended after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String journal = Files.readString(rd.resolve("journal.jsonl"));
        assertTrue(journal.contains("\"kind\":\"halt\"") && journal.contains("\"kind\":\"safe state\""), journal);
        List<String> rows = lines(rd.resolve("log.csv"));
        String last = rows.get(rows.size() - 1);
        String[] f = last.split(",");
        assertTrue(rows.get(0).startsWith("t [s],utc,"), "a wall-clock log has the UTC column: " + rows.get(0));
        assertEquals("0", f[5], "smu voltage 0 (output off) in the last row: " + last);
        assertTrue(rows.size() >= 5, "rows before SIGTERM are kept: " + rows);
        JsonNode rec = record(rd);
        assertEquals("halted", rec.get("status").asText(), "SIGTERM halts, and run.json says so");
        Cli again = Cli.run("run", "--resume", rd.toString());
        assertEquals(2, again.code, again.err);
        assertTrue(again.err.contains("refused") && again.err.contains("--force"), again.err);
    }

    private Cli runWithAnswer(Path r, Path rd, String answer) throws Exception {
        RunControl.reset();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Thread ctrlC = new Thread(() -> {
            try {
                while (!Files.exists(rd.resolve("log.csv")) || lines(rd.resolve("log.csv")).size() < 3) {
                    Thread.sleep(50);
                }
                RunControl.interrupt();
            } catch (Exception ex) {
                throw new RuntimeException(ex);
            }
        });
        ctrlC.setDaemon(true);
        ctrlC.start();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = Main.execute(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), po, pe,
                "run", "--real-time", "--no-preflight", "--run-dir", rd.toString(), r.toString());
        }
        ctrlC.join(5000);
        RunControl.reset();
        return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Ctrl-C then "abort": the finally block runs, every device goes safe, the run is marked aborted, rows are kept. */
    @Test
    void pauseThenAbortRunsFinally() throws Exception {
        Path rd = dir.resolve("abort");
        Cli c = runWithAnswer(recipe("60 s", "furnace.off()"), rd, "a\n");
        assertEquals(1, c.code, c.toString());
        assertTrue(c.err.contains("paused at") && c.err.contains("aborted by the operator"), c.toString());
        assertTrue(c.out.contains("finally ran") && !c.out.contains("held,"), c.toString());
        JsonNode rec = record(rd);
        assertEquals("aborted", rec.get("status").asText());
        String ev = events(rec);
        assertTrue(ev.contains("pause:") && ev.contains("abort:") && ev.indexOf("output: smu off") > ev.indexOf("abort:")
            && ev.contains("safe state"), ev);
        assertTrue(lines(rd.resolve("log.csv")).size() >= 4, "rows before the abort are kept");
    }

    /** Ctrl-C then "halt": safe state at once, the finally block's device steps are skipped, the run is marked halted. */
    @Test
    void pauseThenHaltGoesSafeAtOnce() throws Exception {
        Path rd = dir.resolve("halt");
        Cli c = runWithAnswer(recipe("60 s", "furnace.ramp(to = 300 degC, rate = 600 degC/min)"), rd, "h\n");
        assertEquals(1, c.code, c.toString());
        assertTrue(c.err.contains("halted at"), c.toString());
        JsonNode rec = record(rd);
        assertEquals("halted", rec.get("status").asText());
        String ev = events(rec);
        assertTrue(ev.contains("halt: halted by the operator") && ev.contains("safe state: halt"), ev);
        assertTrue(!Files.readString(rd.resolve("journal.jsonl")).contains("furnace.ramp(300"), "no step after the halt");
        List<String> rows = lines(rd.resolve("log.csv"));
        String lastRow = rows.get(rows.size() - 1);
        assertTrue(lastRow.endsWith(",0,0") || lastRow.contains(",0,0,"), "output off in the last row: " + lastRow);
    }

    private static final String DRY = """
        let furnace = furnace(max_temperature = 1000 degC)
        let smu = smu(cell = "adc", furnace = furnace, q_max = 0.78 C)
        log_to("adc.csv", furnace, smu, every = 10 s)
        recipe adc() {
            smu.apply(voltage = 50 V, compliance = 1 mA)
            furnace.ramp(to = 450 degC, rate = 5 degC/min)
            hold 6 h
            SECTION
            furnace.ramp(to = 300 degC, rate = 5 degC/min)
            hold 2 h
            print("Q = ${fmt(smu.charge, ".4g")}")
        } finally {
            smu.off()
            furnace.off()
        }
        adc()
        """;

    /** Cuts a finished run back to a crash at run time {@code tCrash} (s): journal and CSV as they were then, no run record. */
    private static void crashAt(Path rd, double tCrash) throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<String> kept = new ArrayList<>();
        for (String l : Files.readAllLines(rd.resolve("journal.jsonl"))) {
            if (om.readTree(l).get("t").asDouble() <= tCrash) {
                kept.add(l);
            }
        }
        Files.write(rd.resolve("journal.jsonl"), kept);
        List<String> rows = new ArrayList<>();
        for (String l : Files.readAllLines(rd.resolve("adc.csv"))) {
            if (rows.isEmpty() || Double.parseDouble(l.split(",")[0]) <= tCrash + 100) {
                rows.add(l);
            }
        }
        Files.writeString(rd.resolve("adc.csv"), String.join("\n", rows) + "\n12345,4");   // and a torn last row
        Files.delete(rd.resolve("run.json"));
    }

    /** A crashed dry run resumed from its journal ends as the uninterrupted run did (the twins' state is restored exactly). */
    @Test
    void resumedDryRunMatchesTheUninterruptedRun() throws Exception {
        Path r = Cli.write(dir, "adc.adc", DRY.replace("SECTION", ""));
        Path whole = dir.resolve("whole");
        Cli a = Cli.run("run", "--run-dir", whole.toString(), r.toString());
        assertEquals(0, a.code, a.toString());
        Path rd = dir.resolve("crashed");
        assertEquals(0, Cli.run("run", "--run-dir", rd.toString(), r.toString()).code);
        crashAt(rd, 4 * 3600 + 5);
        Cli b = Cli.run("run", "--resume", rd.toString());
        assertEquals(0, b.code, b.toString());
        assertTrue(b.out.contains(a.out.strip().lines().reduce((x, y) -> y).orElseThrow()), "same charge at the end:\n" + a + b);
        List<String> x = lines(whole.resolve("adc.csv"));
        List<String> y = lines(rd.resolve("adc.csv"));
        assertEquals(x.size(), y.size(), "one row every 10 s, none lost, none twice");
        for (int i = 1; i < x.size(); i++) {
            String[] u = x.get(i).split(",");
            String[] v = y.get(i).split(",");
            for (int k = 0; k < u.length; k++) {
                double p = Double.parseDouble(u[k]);
                double q = Double.parseDouble(v[k]);
                assertTrue(Math.abs(p - q) <= 1e-3 * Math.max(1e-9, Math.abs(p)) + 1e-12, "row " + i + ": " + x.get(i) + " vs " + y.get(i));
            }
        }
        assertTrue(events(record(rd)).contains("resumed: resumed at t = 3.8") && events(record(rd)).contains("of the hold already done"),
            events(record(rd)));
    }

    /** A crash inside a non_resumable section: --resume refuses with the reason. */
    @Test
    void nonResumableSectionRefusesToResume() throws Exception {
        Path r = Cli.write(dir, "adc.adc", DRY.replace("SECTION", "non_resumable(\"the quenched sample must not be reheated\")"));
        Path rd = dir.resolve("nr");
        assertEquals(0, Cli.run("run", "--run-dir", rd.toString(), r.toString()).code);
        crashAt(rd, 8.5 * 3600);
        Cli c = Cli.run("run", "--resume", rd.toString()).noJava();
        assertEquals(1, c.code, c.toString());
        assertTrue(c.err.contains("refused") && c.err.contains("non-resumable") && c.err.contains("the quenched sample must not be reheated"),
            c.toString());
        Cli done = Cli.run("run", "--resume", dir.resolve("nr-missing").toString()).noJava();
        assertEquals(2, done.code, done.toString());
    }

    /** Pre-flight: a recipe that breaks a limit is refused before any device moves, with the line and the limit. */
    @Test
    void preflightRefusesALimitBeforeAnythingMoves() throws Exception {
        Path r = Cli.write(dir, "hot.adc", """
            let furnace = furnace(max_temperature = 500 degC)
            log_to("log.csv", furnace, every = 1 s)
            furnace.ramp(to = 450 degC, rate = 20 degC/min)
            hold 2 h
            furnace.ramp(to = 550 degC, rate = 20 degC/min)
            """);
        Path rd = dir.resolve("hot");
        Cli c = Cli.run("run", "--real-time", "--run-dir", rd.toString(), r.toString()).noJava();
        assertEquals(3, c.code, c.toString());
        assertTrue(c.err.contains("refused at pre-flight") && c.err.contains("hot.adc:5") && c.err.contains("500"), c.toString());
        assertTrue(!Files.exists(rd.resolve("log.csv")), "the real run never started");

        Path r2 = Cli.write(dir, "lim.adc", """
            let furnace = furnace()
            limit furnace.temperature <= 400 degC, "Na24Si136 decomposes above 450 degC"
            furnace.ramp(to = 450 degC, rate = 20 degC/min)
            """);
        Cli d = Cli.run("run", "--real-time", "--run-dir", dir.resolve("lim").toString(), r2.toString()).noJava();
        assertEquals(3, d.code, d.toString());
        assertTrue(d.err.contains("refused at pre-flight") && d.err.contains("furnace.temperature <= 400 degC"), d.toString());

        // the lab file's limits hold the twins in the pre-flight of a live run too
        Path lab = Cli.write(dir, "lab.yaml", "devices:\n  furnace:\n    driver: eurotherm-3200\n    port: /dev/null\n"
            + "    limits: {max_temperature: \"400 degC\", max_rate: \"30 degC/min\"}\n");
        Path r3 = Cli.write(dir, "live.adc", "let furnace = furnace(name = \"furnace\")\nfurnace.ramp(to = 450 degC, rate = 20 degC/min)\n");
        Cli e = Cli.run("run", "--live", "--lab", lab.toString(), "--run-dir", dir.resolve("live").toString(), r3.toString()).noJava();
        assertEquals(3, e.code, e.toString());
        assertTrue(e.err.contains("refused at pre-flight") && e.err.contains("live.adc:2") && e.err.contains("400"), e.toString());

        // an instrument without a twin (driver scpi) is a stand-in in the pre-flight: readings 0, commands ignored
        Path lab2 = Cli.write(dir, "lab2.yaml", "devices:\n  gauge:\n    driver: scpi\n    port: /dev/null\n"
            + "    readings:\n      pressure: {query: \"MEAS:PRES?\", unit: Torr}\n    commands:\n      flow: {send: \"FLOW {value}\", unit: L/min}\n"
            + "    reconnect: {attempts: 0, safe_attempts: 0}\n    serial: {timeout: \"200 ms\"}\n");
        Path r4 = Cli.write(dir, "gauge.adc", "let g = instrument(\"gauge\")\ng.flow(0.2 L/min)\nhold 10 s until g.pressure < 1 Torr\n");
        Cli g = Cli.run("run", "--live", "--lab", lab2.toString(), "--run-dir", dir.resolve("gauge").toString(), r4.toString()).noJava();
        assertTrue(g.out.contains("pre-flight ok") && g.out.contains("gauge.flow(0.2 L/min)"), g.toString());

        // a hold waiting for what the twins never reach does not spin forever
        Path never = Cli.write(dir, "never.adc", "let f = furnace()\ntime_step(1 h)\nhold until f.temperature > 2000 degC\n");
        Cli n = Cli.run("run", "--real-time", "--run-dir", dir.resolve("never").toString(), never.toString()).noJava();
        assertEquals(3, n.code, n.toString());
        assertTrue(n.err.contains("never.adc:3") && n.err.contains("a year of virtual time"), n.toString());

        Path ok = Cli.write(dir, "ok.adc", "let furnace = furnace(tau = 1 s, max_rate = 600 degC/min)\nfurnace.ramp(to = 26 degC, rate = 600 degC/min)\nhold 1 s\n");
        Cli f = Cli.run("run", "--real-time", "--run-dir", dir.resolve("ok").toString(), ok.toString());
        assertEquals(0, f.code, f.toString());
        assertTrue(f.out.contains("pre-flight ok") && f.out.contains("steps, total") && f.out.contains("furnace.ramp(26 degC, 600 degC/min)"),
            f.toString());
    }
}
