package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory cannot be turned against adc (issue 14): its own files are reserved by canonical path, a resume or
 * verification trusts only records adc sealed and permissions typed on the command line, and run.json tells the truth
 * about every end of a run.
 */
class RunIntegrityTest {
    @TempDir
    Path tmp;

    private static JsonNode record(Path rd) throws IOException {
        return new ObjectMapper().readTree(rd.resolve("run.json").toFile());
    }

    @Test
    void reservedNamesAreRefusedBySpellingAndByRoute() throws IOException {
        Path rd = tmp.resolve("rd");
        String abs = rd.toAbsolutePath().resolve("run.json").toString();
        StringBuilder sb = new StringBuilder("let t = table([{a: 1}])\n");
        List<String> tries = List.of("x/../run.json", ".//stdout.txt", abs, "run.json/x.csv", "journal.jsonl", "resume.json", "plan.txt",
            "preflight/plan.txt", "run.seal", "./sub/../../rd/run.json");
        for (String p : tries) {
            sb.append("try { write_csv(t, \"").append(p).append("\") } catch e { print(\"refused\", e.message) }\n");
            sb.append("try { [\"").append(p).append("\"].map(t.write_csv) } catch e { print(\"refused\", e.message) }\n");
        }
        sb.append("print(\"end\")\n");
        Path r = Cli.write(tmp, "own.adc", sb.toString());
        Cli c = Cli.run("run", r.toString(), "--run-dir", rd.toString()).noJava();
        assertEquals(0, c.code, c.toString());
        long refused = c.out.lines().filter(l -> l.startsWith("refused") && l.contains("adc's own file of this run")).count();
        assertEquals(2L * tries.size(), refused, c.out);
        assertTrue(Files.isRegularFile(rd.resolve("run.json")), "the record is a file, not a folder the recipe made");
        assertEquals("ok", record(rd).path("status").asText());
        assertFalse(Files.exists(rd.resolve("journal.jsonl")) && Files.readString(rd.resolve("journal.jsonl")).contains("a,"));
    }

    @Test
    void aNulCharacterInAPathIsAnErrorTryCanCatch() throws IOException {
        Path r = Cli.write(tmp, "nul.adc", "try { table(\"a\0b.csv\") } catch e { print(\"caught:\", e.message) }\n"
            + "write_csv([{a: 1}], \"x\0y.csv\")\n");
        Path rd = tmp.resolve("rd");
        Cli c = Cli.run("run", r.toString(), "--run-dir", rd.toString()).noJava();
        assertEquals(1, c.code, c.toString());
        assertTrue(c.out.contains("caught: 'a\\0b.csv' is not a file name: it holds a NUL character"), c.out);
        assertTrue(c.err.contains("nul.adc:2:1: error: 'x\\0y.csv' is not a file name"), c.err);
        assertEquals("error", record(rd).path("status").asText());
    }

    @Test
    void adcStateIsOutOfReachEvenWithAllowRead() throws IOException {
        Path state = RunSeal.stateDir();
        RunSeal.seal(Files.createDirectories(tmp.resolve("x")), null, "none");   // makes sure the key exists
        Path r = Cli.write(tmp, "key.adc", "print(table(\"" + state.resolve("run-key") + "\"))\n");
        Cli c = Cli.run("run", r.toString(), "--run-dir", tmp.resolve("rd").toString(), "--allow-read", state.getParent().toString()).noJava();
        assertEquals(1, c.code, c.toString());
        assertTrue(c.err.contains("is adc's own state"), c.err);
    }

    private static final String DRY = """
        let furnace = furnace(max_temperature = 1000 degC)
        log_to("oven.csv", furnace, every = 10 min)
        furnace.ramp(to = 300 degC, rate = 10 degC/min)
        hold 2 h
        furnace.off()
        print("done")
        """;

    /** A run that "crashed": its journal kept, its end record gone (as after kill -9). */
    private Path crashed(String... extra) throws IOException {
        Path r = Cli.write(tmp, "dry.adc", DRY);
        Path rd = tmp.resolve("crashed");
        List<String> args = new ArrayList<>(List.of("run", "--run-dir", rd.toString()));
        args.addAll(List.of(extra));
        args.add(r.toString());
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.code, c.toString());
        List<String> journal = Files.readAllLines(rd.resolve("journal.jsonl"));
        Files.write(rd.resolve("journal.jsonl"), journal.subList(0, Math.max(2, journal.size() / 2)));
        Files.delete(rd.resolve("run.json"));
        return rd;
    }

    @Test
    void aForgedStartRecordIsRefused() throws IOException {
        Path rd = crashed();
        Path start = rd.resolve("resume.json");
        Files.writeString(start, Files.readString(start).replace("\"live\" : false", "\"allow_write\" : [ \"/\" ], \"live\" : false"));
        Cli c = Cli.run("run", "--resume", rd.toString()).noJava();
        assertEquals(2, c.code, c.toString());
        assertTrue(c.err.contains("resume.json was changed after adc wrote it"), c.err);
        // without any seal (written by something else than adc)
        Files.delete(rd.resolve(RunSeal.FILE));
        Cli d = Cli.run("run", "--resume", rd.toString()).noJava();
        assertEquals(2, d.code, d.toString());
        assertTrue(d.err.contains("carries no seal of adc"), d.err);
    }

    @Test
    void resumeTakesPermissionsOnlyFromTheCommandLine() throws IOException {
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Path rd = crashed("--allow-read", extra.toString());
        Cli c = Cli.run("run", "--resume", rd.toString()).noJava();
        assertEquals(2, c.code, c.toString());
        assertTrue(c.err.contains("the permissions on the command line differ") && c.err.contains("--allow-read " + extra), c.err);
        Cli ok = Cli.run("run", "--resume", rd.toString(), "--allow-read", extra.toString());
        assertEquals(0, ok.code, ok.toString());
        assertEquals("ok", record(rd).path("status").asText());
        assertEquals(RunSeal.State.SEALED, RunSeal.check(rd, "run.json"), "the resumed run's record is sealed");
    }

    @Test
    void verifyRefusesATamperedRecordAndNeverWidensItsReadSandbox() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("x.csv"), "a,b\n1,2\n");
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path r = Cli.write(src, "r.adc", "let t = table(\"" + data.resolve("x.csv") + "\")\nwrite_csv(t, \"y.csv\")\n");
        Path rd = tmp.resolve("run");
        assertEquals(0, Cli.run("run", r.toString(), "--run-dir", rd.toString(), "--allow-read", data.toString()).code);
        // the rerun reads outside the recipe's folder only with --allow-read typed again
        Cli v = Cli.run("verify", rd.toString());
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.contains("may read it only with --allow-read " + data), v.out);
        Cli w = Cli.run("verify", rd.toString(), "--allow-read", data.toString());
        assertEquals(0, w.code, w.toString());
        // a record edited after adc wrote it: refused
        Path rj = rd.resolve("run.json");
        Files.writeString(rj, Files.readString(rj).replace("\"y.csv\"", "\"z.csv\""));
        Cli t = Cli.run("verify", rd.toString(), "--allow-read", data.toString()).noJava();
        assertEquals(2, t.code, t.toString());
        assertTrue(t.err.contains("run.json was changed after adc wrote it"), t.err);
        Cli p = Cli.run("pack", r.toString(), "--from-run", rd.toString(), "-o", tmp.resolve("r.adcz").toString()).noJava();
        assertEquals(2, p.code, p.toString());
        assertTrue(p.err.contains("run.json was changed after adc wrote it"), p.err);
    }

    /** run_table reads files of the run (outputs already); a file elsewhere that --allow-read lets it read is an input. */
    @Test
    void aRunTableReadOutsideTheRunIsAnInput() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("x.csv"), "a,b\n1,2\n");
        Path r = Cli.write(tmp, "rt.adc", "import analysis\nwrite_csv([{a: 1}], \"mine.csv\")\nprint(len(analysis.run_table(\"mine.csv\")))\n"
            + "print(len(analysis.run_table(\"" + data.resolve("x.csv") + "\")))\n");
        Path rd = tmp.resolve("rd");
        Cli c = Cli.run("run", r.toString(), "--run-dir", rd.toString(), "--allow-read", data.toString()).noJava();
        assertEquals(0, c.code, c.toString());
        List<String> inputs = new ArrayList<>();
        record(rd).path("inputs").forEach(i -> inputs.add(i.path("resolved").asText()));
        assertEquals(List.of(data.resolve("x.csv").toString()), inputs);
    }

    @Test
    void aSyntaxErrorKeepsTheEarlierRecord() throws IOException {
        Path rd = tmp.resolve("rd");
        Path ok = Cli.write(tmp, "ok.adc", "print(1)\n");
        assertEquals(0, Cli.run("run", ok.toString(), "--run-dir", rd.toString()).code);
        String before = Files.readString(rd.resolve("run.json"));
        Path bad = Cli.write(tmp, "bad.adc", "let x = (\n");
        Cli c = Cli.run("run", bad.toString(), "--run-dir", rd.toString()).noJava();
        assertEquals(3, c.code, c.toString());
        assertTrue(c.err.contains("keeps its earlier run"), c.err);
        assertEquals(before, Files.readString(rd.resolve("run.json")));
        assertEquals("1\n", Files.readString(rd.resolve("stdout.txt")));
        assertEquals(RunSeal.State.SEALED, RunSeal.check(rd, "run.json"));
    }

    @Test
    void stackOverflowIsRecordedAsAnError() throws IOException {
        Path rd = tmp.resolve("rd");
        Path r = Cli.write(tmp, "so.adc", "fn f(n) { return f(n + 1) }\nf(1)\n");
        Cli c = Cli.run("run", r.toString(), "--run-dir", rd.toString()).noJava();
        assertEquals(1, c.code, c.toString());
        assertEquals("error", record(rd).path("status").asText());
        assertEquals(1, record(rd).path("exit_status").asInt());
    }

    /** The launcher's settlement: whatever the context wrote (or did not), the record ends agreeing with the exit code. */
    @Test
    void theRecordAgreesWithTheExitCode() throws IOException {
        Source src = Source.newBuilder("adc", "print(1)\n", "x.adc").build();
        Path rd = Files.createDirectories(tmp.resolve("rd"));
        java.time.Instant t0 = java.time.Instant.now();
        for (int code : new int[]{70, 130, 143, 1}) {
            Files.writeString(rd.resolve("run.json"), "{\"schema\": \"adc-run/2\", \"status\": \"ok\", \"exit_status\": 0}\n");
            RunEnd.settle(rd, code, "why", src, Map.of(), t0, System.err);
            JsonNode j = record(rd);
            assertEquals(code, j.path("exit_status").asInt());
            assertEquals(code == 70 ? "internal_error" : code == 1 ? "error" : "interrupted", j.path("status").asText());
            assertEquals("why", j.path("error").asText());
        }
        // no record at all (the run ended before its context could write one): a short one, never "ok"
        Files.delete(rd.resolve("run.json"));
        RunEnd.settle(rd, 143, "interrupted by SIGTERM", src, Map.of("t", "5"), t0, System.err);
        JsonNode j = record(rd);
        assertEquals("interrupted", j.path("status").asText());
        assertEquals("print(1)\n", j.path("recipe").path("text").asText());
        assertEquals("5", j.path("set").path("t").asText());
        assertEquals(RunSeal.State.SEALED, RunSeal.check(rd, "run.json"));
        // an operator's abort keeps its status
        Files.writeString(rd.resolve("run.json"), "{\"status\": \"aborted\", \"exit_status\": 1}\n");
        RunEnd.settle(rd, 1, "aborted", src, Map.of(), t0, System.err);
        assertEquals("aborted", record(rd).path("status").asText());
    }

    private Process adc(Path rd, Path recipe, String... jvm) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--sun-misc-unsafe-memory-access=allow",
            "-Dadc.stateDir=" + System.getProperty("adc.stateDir", ""), "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        cmd.addAll(List.of(jvm));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.adc.launcher.Main", "run", "--run-dir", rd.toString(),
            recipe.toString()));
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile()).start();
    }

    /** SIGTERM (and, the same way, Ctrl-C) during a dry run: the run stops and run.json says so, exit 143. */
    @Test
    void sigtermOfADryRunLeavesAnHonestRecord() throws Exception {
        Path r = Cli.write(tmp, "loop.adc", "var i = 0\nprint(\"started\")\nwhile true { i = i + 1 }\n");
        Path rd = tmp.resolve("rd");
        Process p = adc(rd, r);
        for (int i = 0; i < 600 && !(Files.exists(rd.resolve("stdout.txt")) && Files.readString(rd.resolve("stdout.txt")).contains("started")); i++) {
            Thread.sleep(100);
        }
        p.destroy();   // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue(), Files.readString(tmp.resolve("err.txt")));
        assertEquals("interrupted", record(rd).path("status").asText());
        assertEquals(143, record(rd).path("exit_status").asInt());
    }

    /** A recipe that exhausts the heap: exit 1 with a message, no stack trace, and the record says so. */
    @Test
    void heapExhaustionIsRecordedAsAnError() throws Exception {
        Path r = Cli.write(tmp, "oom.adc", "var xs = []\nvar s = \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\nwhile true { xs.append(s); s = s + s }\n");
        Path rd = tmp.resolve("rd");
        Process p = adc(rd, r, "-Xmx256m");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("out of memory") && !err.contains("\tat "), err);
        assertEquals("error", record(rd).path("status").asText());
        assertEquals(1, record(rd).path("exit_status").asInt());
    }
}
