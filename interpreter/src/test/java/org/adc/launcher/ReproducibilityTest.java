package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 as a user meets it: run records, thread-count independence, adc verify (untouched run,
 * changed input, parameter, seed), adc pack and adc run of the bundle, refused bundles.
 */
class ReproducibilityTest {
    @TempDir
    Path tmp;

    /** Seeded kMC replicas and a GCMC μ sweep, an input file, a results file and console output. */
    static final String WALK = """
        # vacancy diffusion on a small sc lattice and a lattice-gas isotherm
        import kmc
        import gcmc
        param seed = 7, "master seed"
        param threads = 1 in 1 .. 8, "worker threads"
        param t = 600 K in 300 K .. 900 K, "temperature"

        let rows = table("barrier.csv")
        let b = kmc.barriers([{path: "nn", barrier: list(rows)[0].barrier}], species = "Na")
        let lat = kmc.lattice("sc", 5, 3 Å)
        let r = kmc.run(lat, b, t = t, events = 4000, vacancies = 1, replicas = 4, threads = threads, seed = seed)
        let iso = gcmc.lattice_gas(gcmc.mu_grid(-0.2 eV, 0.0 eV, 0.1 eV), t, sites = 100, epsilon = -0.1 eV, samples = 50,
                                   seed = seed, threads = threads)
        write_csv([{f: r.f, f_err: r.f_err, d_tracer: r.d_tracer, time: r.time, events: r.events}], "kmc.csv")
        write_csv(iso, "isotherm.csv")
        print("f = ${repr(r.f)}, time = ${repr(r.time)}")
        """;

    /** Off-lattice Lennard-Jones GCMC: two activities x two chains, split over the threads. */
    static final String LJ = """
        import gcmc
        param threads = 1
        let rows = gcmc.lj(epsilon = 1 K * kB, sigma = 1 Å, t = 0.9 K, box = 6 Å, lnz = [-3.0, -2.5], equilibration = 500,
                           samples = 20, every = 50, seed = 3, replicas = 2, threads = threads)
        write_csv(rows, "lj.csv")
        """;

    private Path recipe(Path dir) throws IOException {
        Cli.write(dir, "barrier.csv", "path,barrier [eV]\nnn,0.4\n");
        return Cli.write(dir, "walk.adc", WALK);
    }

    private static Cli run(Path recipe, Path runDir, String... sets) {
        List<String> args = new java.util.ArrayList<>(List.of("run", recipe.toString(), "--run-dir", runDir.toString()));
        for (String s : sets) {
            args.add("--set");
            args.add(s);
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code, r.toString());
        return r;
    }

    private static JsonNode record(Path runDir) throws IOException {
        return new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void kmcAndGcmcGiveBitIdenticalOutputsForOneTwoAndThreeThreads() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("t1"), "threads=1");
        for (String n : List.of("2", "3")) {
            run(r, tmp.resolve("t" + n), "threads=" + n);
            for (String out : List.of("kmc.csv", "isotherm.csv", "stdout.txt")) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("t1").resolve(out)), Files.readAllBytes(tmp.resolve("t" + n).resolve(out)),
                    out + " differs between 1 and " + n + " threads");
            }
        }
        // and the records say which thread counts were asked for
        assertEquals(3, record(tmp.resolve("t3")).path("random").path("seeded_calls").get(0).path("threads").asInt());
    }

    @Test
    void offLatticeGcmcGivesBitIdenticalOutputsForOneAndTwoThreads() throws IOException {
        Path r = Cli.write(tmp, "lj.adc", LJ);
        run(r, tmp.resolve("l1"), "threads=1");
        run(r, tmp.resolve("l2"), "threads=2");
        assertArrayEquals(Files.readAllBytes(tmp.resolve("l1/lj.csv")), Files.readAllBytes(tmp.resolve("l2/lj.csv")));
        JsonNode call = record(tmp.resolve("l2")).path("random").path("seeded_calls").get(0);
        assertEquals("gcmc.lj", call.path("function").asText());
        assertTrue(call.path("streams").asText().contains("k*replicas + r"), call.toString());
    }

    @Test
    void runRecordHoldsEveryFact() throws Exception {
        Path src = tmp.resolve("src");
        Path r = recipe(src);
        Path rd = tmp.resolve("run");
        run(r, rd, "t=650K");
        JsonNode j = record(rd);
        assertEquals("adc-run/2", j.path("schema").asText());
        assertEquals("ok", j.path("status").asText());
        assertEquals(0, j.path("exit_status").asInt());
        assertTrue(j.path("started").asText().compareTo(j.path("ended").asText()) <= 0);
        assertEquals(sha(r), j.path("recipe").path("sha256").asText());
        assertEquals(WALK, j.path("recipe").path("text").asText());
        assertEquals("650K", j.path("set").path("t").asText());
        assertEquals("650 K", j.path("parameters").path("t").asText());
        assertEquals("7", j.path("parameters").path("seed").asText());
        JsonNode calls = j.path("random").path("seeded_calls");
        assertEquals(2, calls.size());
        assertEquals("kmc.run", calls.get(0).path("function").asText());
        assertEquals(7, calls.get(0).path("seed").asLong());
        assertEquals(4, calls.get(0).path("replicas").asInt());
        assertTrue(calls.get(0).path("site").asText().endsWith("walk.adc:11:9"), calls.toString());
        assertTrue(calls.get(0).path("streams").asText().contains("replica i uses stream i of seed"));
        assertEquals("gcmc.lattice_gas", calls.get(1).path("function").asText());
        assertTrue(j.path("threads").path("available_processors").asInt() >= 1);
        assertEquals(2, j.path("threads").path("requested").size());
        JsonNode in = j.path("inputs").get(0);
        assertEquals("barrier.csv", in.path("path").asText());
        assertEquals(sha(src.resolve("barrier.csv")), in.path("sha256").asText());
        List<String> outs = new java.util.ArrayList<>();
        for (JsonNode o : j.path("outputs")) {
            outs.add(o.path("path").asText());
            assertEquals(sha(rd.resolve(o.path("path").asText())), o.path("sha256").asText());
        }
        assertEquals(List.of("kmc.csv", "isotherm.csv", "stdout.txt"), outs);
        assertTrue(Files.readString(rd.resolve("stdout.txt")).startsWith("f = "));
        JsonNode sw = j.path("software");
        assertEquals("0.1.0", sw.path("adc").asText());
        for (String k : List.of("git", "java", "runtime", "truffle", "os", "host")) {
            assertFalse(sw.path(k).asText().isBlank(), k);
        }
    }

    @Test
    void failedRunRecordsItsExitStatus() throws IOException {
        Path r = Cli.write(tmp, "bad.adc", "print(\"before\")\nlet x = 1 / \"a\"\n");
        Cli c = Cli.run("run", r.toString(), "--run-dir", tmp.resolve("rd").toString());
        assertEquals(1, c.code);
        JsonNode j = record(tmp.resolve("rd"));
        assertEquals("error", j.path("status").asText());
        assertEquals(1, j.path("exit_status").asInt());
        assertEquals("before\n", Files.readString(tmp.resolve("rd/stdout.txt")));
    }

    @Test
    void theRecordsOwnFileNamesAreReserved() throws IOException {
        Path r = Cli.write(tmp, "w.adc", "write_csv([{a: 1}], \"stdout.txt\")\n");
        Cli c = Cli.run("run", r.toString(), "--run-dir", tmp.resolve("rd").toString()).noJava();
        assertEquals(1, c.code);
        assertTrue(c.err.contains("writing 'stdout.txt' is not allowed: it names stdout.txt, adc's own file of this run (run.json, stdout.txt, plan.txt, journal.jsonl, resume.json, run.seal and "
            + "preflight/ are reserved)"), c.err);
    }

    @Test
    void verifyPassesOnAnUntouchedRun() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"), "threads=2");
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.contains("kmc.csv: identical"), v.out);
        assertTrue(v.out.contains("isotherm.csv: identical"), v.out);
        assertTrue(v.out.contains("stdout.txt: identical"), v.out);
        assertTrue(v.out.contains("--set threads=2"), v.out);
        assertTrue(v.out.contains("verify: OK, all 3 output(s) reproduced"), v.out);
    }

    @Test
    void verifyFailsAndNamesTheChangedInputFile() throws IOException {
        Path src = tmp.resolve("src");
        Path r = recipe(src);
        run(r, tmp.resolve("run"));
        Files.writeString(src.resolve("barrier.csv"), "path,barrier [eV]\nnn,0.41\n");
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.contains("kmc.csv: DIFFERS"), v.out);
        assertTrue(v.out.contains("input barrier.csv: changed since the run (SHA-256 recorded"), v.out);
        assertTrue(v.out.contains("verify: FAILED"), v.out);
        assertTrue(v.out.contains("recorded facts that changed: input barrier.csv"), v.out);
        assertFalse(v.out.contains("parameter "), v.out);
    }

    @Test
    void verifyFailsAndNamesTheChangedParameter() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"));
        Files.writeString(r, WALK.replace("param t = 600 K", "param t = 650 K"));
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.contains("parameter t: recorded 600 K, rerun 650 K"), v.out);
        assertTrue(v.out.contains("DIFFERS"), v.out);
        assertFalse(v.out.contains("input barrier.csv"), v.out);
    }

    @Test
    void verifyFailsAndNamesTheChangedParameterOfTheRecord() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"), "t=650K");
        // the record claims another --set value than the one that made its outputs
        Path rj = tmp.resolve("run/run.json");
        Files.writeString(rj, Files.readString(rj).replace("\"t\" : \"650K\"", "\"t\" : \"700K\""));
        RunSeal.seal(rj.getParent(), null, "run.json"); // as adc would have sealed such a record (an edit alone is refused)
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.contains("parameter t: recorded 650 K, rerun 700 K"), v.out);
    }

    @Test
    void verifyFailsAndNamesTheChangedSeed() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"));
        Files.writeString(r, WALK.replace("param seed = 7", "param seed = 8"));
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.matches("(?s).*seed of kmc\\.run at \\S*walk\\.adc:11:9: recorded 7, rerun 8.*"), v.out);
        assertTrue(v.out.matches("(?s).*seed of gcmc\\.lattice_gas at \\S*walk\\.adc:12:11: recorded 7, rerun 8.*"), v.out);
        assertTrue(v.out.contains("isotherm.csv: DIFFERS"), v.out);
    }

    @Test
    void verifyReportsAnotherThreadCountButPassesWhenOutputsAgree() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"));
        Files.writeString(r, WALK.replace("param threads = 1 in", "param threads = 2 in"));
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.matches("(?s).*thread count of kmc\\.run \\(\\S*walk\\.adc:11:9\\): recorded 1, rerun 2.*"), v.out);
        assertTrue(v.out.contains("(outputs still reproduce)"), v.out);
    }

    @Test
    void verifyWithAnotherThreadCountReproducesBitForBit() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"));
        Cli v = Cli.run("verify", tmp.resolve("run").toString(), "--threads", "3").noJava();
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.contains("every threaded call with --threads 3"), v.out);
        assertTrue(v.out.matches("(?s).*thread count of gcmc\\.lattice_gas \\(\\S*walk\\.adc:12:11\\): recorded 1, rerun 3.*"), v.out);
        assertTrue(v.out.contains("kmc.csv: identical") && v.out.contains("isotherm.csv: identical"), v.out);
    }

    @Test
    void machineFactsAreReportedButDoNotFail() throws IOException {
        Path r = recipe(tmp.resolve("src"));
        run(r, tmp.resolve("run"));
        Path rj = tmp.resolve("run/run.json");
        Files.writeString(rj, Files.readString(rj).replaceFirst("\"host\" : \"[^\"]*\"", "\"host\" : \"elsewhere\"")
            .replaceFirst("\"git\" : \"[^\"]*\"", "\"git\" : \"0123456789ab\"")
            .replaceFirst("\"adc\" : \"0.1.0\"", "\"adc\" : \"0.0.9\""));
        RunSeal.seal(rj.getParent(), null, "run.json"); // as adc would have sealed such a record (an edit alone is refused)
        Cli v = Cli.run("verify", tmp.resolve("run").toString());
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.contains("host: recorded elsewhere"), v.out);
        assertTrue(v.out.contains("git: recorded 0123456789ab"), v.out);
        assertTrue(v.out.contains("adc version: recorded 0.0.9, now 0.1.0"), v.out);
        assertTrue(v.out.contains("does not fail verification"), v.out);
    }

    @Test
    void declaredToleranceIsUsedByVerify() throws IOException {
        Path src = tmp.resolve("src");
        Cli.write(src, "scale.csv", "x\n1.0\n");
        Path r = Cli.write(src, "tol.adc", """
            tolerance("y.csv", rel = 1e-3)
            let x = list(table("scale.csv"))[0].x
            write_csv([{y: x * 2.5}], "y.csv")
            """);
        run(r, tmp.resolve("run"));
        JsonNode t = record(tmp.resolve("run")).path("tolerances").get(0);
        assertEquals("y.csv", t.path("path").asText());
        assertEquals(1e-3, t.path("rel").asDouble());
        Files.writeString(src.resolve("scale.csv"), "x\n1.0001\n");
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.contains("y.csv: equal within tolerance rel 0.001"), v.out);
        assertTrue(v.out.contains("input scale.csv: changed"), v.out);
        Files.writeString(src.resolve("scale.csv"), "x\n1.01\n");
        v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.contains("y.csv: DIFFERS, first at line 2: recorded 2.5, rerun 2.525"), v.out);
        assertTrue(v.out.contains("(tolerance rel 0.001, abs 0.0)"), v.out);
    }

    @Test
    void verifyWithoutARunRecordIsAUsageError() {
        Cli v = Cli.run("verify", tmp.toString()).noJava();
        assertEquals(2, v.code);
        assertTrue(v.err.contains("has no run.json"), v.err);
    }

    @Test
    void packThenRunInAnEmptyDirectoryReproducesTheOutputs() throws Exception {
        Path src = tmp.resolve("src");
        Path r = recipe(src);
        run(r, tmp.resolve("orig"));
        Path bundle = tmp.resolve("out/walk.adcz");
        Cli p = Cli.run("pack", r.toString(), "-o", bundle.toString()).noJava();
        assertEquals(0, p.code, p.toString());
        assertTrue(p.out.contains("data  barrier.csv"), p.out);
        // elsewhere: only the bundle
        Path empty = Files.createDirectories(tmp.resolve("elsewhere"));
        Path copy = Files.copy(bundle, empty.resolve("walk.adcz"));
        Cli c = Cli.run("run", copy.toString(), "--run-dir", empty.resolve("run").toString()).noJava();
        assertEquals(0, c.code, c.toString());
        for (String out : List.of("kmc.csv", "isotherm.csv", "stdout.txt")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("orig").resolve(out)), Files.readAllBytes(empty.resolve("run").resolve(out)), out);
        }
        JsonNode j = record(empty.resolve("run"));
        assertEquals(sha(copy), j.path("bundle").path("sha256").asText());
        assertEquals("walk.adcz!/walk.adc", j.path("recipe").path("path").asText());
        // the bundle run verifies too (the bundle is checked and extracted again)
        Cli v = Cli.run("verify", empty.resolve("run").toString()).noJava();
        assertEquals(0, v.code, v.toString());
        // and the bundle lists its parameters
        Cli h = Cli.run("run", "--help-params", copy.toString()).noJava();
        assertTrue(h.out.contains("threads") && h.out.contains("1 .. 8"), h.out);
    }

    @Test
    void packFindsInterpolatedPathsAndTheInputsOfARecordedRun() throws IOException {
        Path src = tmp.resolve("src");
        Cli.write(src, "data/a.csv", "x\n1\n");
        Cli.write(src, "data/b.csv", "x\n2\n");
        Cli.write(src, "sub/hidden.csv", "x\n3\n");
        Path r = Cli.write(src, "r.adc", """
            for name in ["a", "b"] { print(len(table("data/${name}.csv"))) }
            print(len(table("sub" + "/hidden.csv")))
            """);
        Path b1 = tmp.resolve("b1.adcz");
        Cli p = Cli.run("pack", r.toString(), "-o", b1.toString()).noJava();
        assertTrue(p.out.contains("data/a.csv") && p.out.contains("data/b.csv"), p.out);
        assertFalse(p.out.contains("hidden.csv"), p.out);
        Cli c = Cli.run("run", b1.toString(), "--run-dir", tmp.resolve("rd1").toString()).noJava();
        assertEquals(1, c.code, "the path built at run time is not in the bundle: " + c);
        run(r, tmp.resolve("rec"));
        Path b2 = tmp.resolve("b2.adcz");
        p = Cli.run("pack", r.toString(), "-o", b2.toString(), "--from-run", tmp.resolve("rec").toString()).noJava();
        assertTrue(p.out.contains("sub/hidden.csv"), p.out);
        c = Cli.run("run", b2.toString(), "--run-dir", tmp.resolve("rd2").toString()).noJava();
        assertEquals(0, c.code, c.toString());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("rec/stdout.txt")), Files.readAllBytes(tmp.resolve("rd2/stdout.txt")));
    }

    @Test
    void packNeverTakesLabConfigurationOrCredentials() throws IOException {
        Path src = tmp.resolve("src");
        Cli.write(src, "lab.yaml", "devices:\n  furnace:\n    driver: eurotherm-3200\n    port: /dev/ttyUSB0\n    address: 1\n");
        Cli.write(src, "notes.yaml", "api_key: abc123\n");
        Cli.write(src, "id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        Cli.write(src, "data.csv", "a\n1\n");
        Path r = Cli.write(src, "r.adc", "let files = [\"lab.yaml\", \"notes.yaml\", \"id_rsa\", \"data.csv\"]\nprint(len(files))\n");
        Path bundle = tmp.resolve("r.adcz");
        Cli p = Cli.run("pack", r.toString(), "-o", bundle.toString()).noJava();
        assertEquals(0, p.code, p.toString());
        assertTrue(p.out.contains("not packed: lab.yaml (it looks like lab configuration"), p.out);
        assertTrue(p.out.contains("not packed: notes.yaml (it contains credentials"), p.out);
        assertTrue(p.out.contains("not packed: id_rsa (its name looks like credentials"), p.out);
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            List<String> names = z.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("manifest.json", "files/r.adc", "files/data.csv"), names);
            String manifest = new String(z.getInputStream(z.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"adc_version\" : \"0.1.0\"") && manifest.contains("\"sha256\""), manifest);
        }
    }

    /** A bundle whose recipe would print and write if it ran. */
    private Path goodBundle() throws IOException {
        Path src = tmp.resolve("b");
        Cli.write(src, "data.csv", "x\n1\n");
        Path r = Cli.write(src, "r.adc", "print(\"RAN\")\nwrite_csv(table(\"data.csv\"), \"copy.csv\")\n");
        Path bundle = tmp.resolve("good.adcz");
        assertEquals(0, Cli.run("pack", r.toString(), "-o", bundle.toString()).code);
        return bundle;
    }

    private void refused(Path bundle, String message) {
        Path rd = tmp.resolve("rd-" + bundle.getFileName());
        Cli c = Cli.run("run", bundle.toString(), "--run-dir", rd.toString()).noJava();
        assertEquals(2, c.code, c.toString());
        assertTrue(c.err.contains(message), c.toString());
        assertTrue(c.err.contains("nothing was run"), c.toString());
        assertFalse(c.out.contains("RAN"), c.toString());
        assertFalse(Files.exists(rd), "a refused bundle must not create its run directory");
    }

    private interface Rewrite {
        byte[] apply(String name, byte[] data);
    }

    private static void copyZip(Path from, Path to, Rewrite rw, String extraName) throws IOException {
        try (ZipFile z = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : z.stream().toList()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(rw.apply(e.getName(), z.getInputStream(e).readAllBytes()));
                out.closeEntry();
            }
            if (extraName != null) {
                out.putNextEntry(new ZipEntry(extraName));
                out.write("x".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    @Test
    void badBundlesAreRefusedAndNothingRuns() throws IOException {
        Path good = goodBundle();
        Cli ok = Cli.run("run", good.toString(), "--run-dir", tmp.resolve("rd-ok").toString());
        assertEquals(0, ok.code, ok.toString());
        assertTrue(ok.out.contains("RAN"));
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = tmp.resolve("truncated.adcz");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        refused(truncated, "is corrupted or truncated");

        Path corrupted = tmp.resolve("corrupted.adcz");
        byte[] c = bytes.clone();
        for (int i = 40; i < 60; i++) {
            c[i] ^= (byte) 0x5a; // inside the manifest's compressed data
        }
        Files.write(corrupted, c);
        refused(corrupted, "corrupted");

        Path garbage = tmp.resolve("garbage.adcz");
        Files.writeString(garbage, "not a zip at all");
        refused(garbage, "is corrupted or truncated");

        Path mismatch = tmp.resolve("mismatch.adcz");
        copyZip(good, mismatch, (n, d) -> n.equals("files/data.csv") ? "x\n2\n".getBytes(StandardCharsets.UTF_8) : d, null);
        refused(mismatch, "manifest hash mismatch in " + mismatch + ": 'data.csv' has SHA-256");

        Path newer = tmp.resolve("newer.adcz");
        copyZip(good, newer, (n, d) -> n.equals("manifest.json")
            ? new String(d, StandardCharsets.UTF_8).replace("\"adc_version\" : \"0.1.0\"", "\"adc_version\" : \"0.2.0\"").getBytes(StandardCharsets.UTF_8)
            : d, null);
        refused(newer, "was made by adc 0.2.0 (bundle format adcz/1), newer than this adc 0.1.0");

        Path extra = tmp.resolve("extra.adcz");
        copyZip(good, extra, (n, d) -> d, "files/sneaky.adc");
        refused(extra, "contains 'files/sneaky.adc', which its manifest does not list");

        Path noManifest = tmp.resolve("nomanifest.adcz");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(noManifest))) {
            out.putNextEntry(new ZipEntry("files/r.adc"));
            out.write("print(\"RAN\")\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        refused(noManifest, "has no manifest.json");
    }

    @Test
    void helpParamsListsNameUnitDefaultRangeAndDescription() throws IOException {
        Path r = Cli.write(tmp, "p.adc", """
            param anneal_t = 450 degC in 300 degC .. 460 degC, "anneal temperature"
            param n = 3, "count"
            print("RAN")
            """);
        Cli c = Cli.run("run", "--help-params", r.toString()).noJava();
        assertEquals(0, c.code, c.toString());
        assertFalse(c.out.contains("RAN"), c.out);
        assertTrue(c.out.matches("(?s).*anneal_t\\s+degC\\s+450 degC\\s+300 degC \\.\\. 460 degC\\s+anneal temperature.*"), c.out);
        assertTrue(c.out.matches("(?s).*\\bn\\s+-\\s+3\\s+any\\s+count.*"), c.out);
    }

    @Test
    void hardwareRunsAreRecheckedAsADryRunNeverDriven() throws IOException {
        Path src = tmp.resolve("src");
        Path lab = Cli.write(src, "lab.yaml", "devices:\n  furnace:\n    driver: eurotherm-3200\n    port: /dev/adc-no-such-port\n    address: 1\n");
        Path r = Cli.write(src, "anneal.adc", """
            let oven = furnace(name = "furnace", max_temperature = 1000 degC)
            log_to("anneal.csv", oven, every = 10 min)
            oven.ramp(to = 300 degC, rate = 10 degC/min)
            hold 2 h
            oven.off()
            print("done")
            """);
        run(r, tmp.resolve("run"));
        // make the record look like a live run on a port this machine does not have
        Path rj = tmp.resolve("run/run.json");
        Files.writeString(rj, Files.readString(rj).replace("\"live\" : false", "\"live\" : true, \"lab\" : \"" + lab + "\""));
        RunSeal.seal(rj.getParent(), null, "run.json"); // as adc would have sealed such a record (an edit alone is refused)
        Cli v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.contains("hardware run: re-checked as a dry run on the digital twins (pre-flight)"), v.out);
        assertTrue(v.out.contains("loads and is consistent (its ports were not opened)"), v.out);
        assertTrue(v.out.contains("pre-flight passed on the twins"), v.out);
        assertFalse(v.out.contains("anneal.csv: "), v.out);
        // a lab file that no longer loads fails the pre-flight
        Files.writeString(lab, "devices:\n  furnace:\n    driver: no-such-driver\n    port: /dev/x\n");
        v = Cli.run("verify", tmp.resolve("run").toString()).noJava();
        assertEquals(1, v.code, v.toString());
        assertTrue(v.out.contains("no longer loads"), v.out);
    }

    /** The recorded runs shipped with the examples reproduce (CI runs this test). */
    @Test
    void shippedRecordedRunsVerify() {
        Path root = Path.of(System.getProperty("adc.root", "..")).toAbsolutePath().normalize();
        for (String dir : List.of("examples/na24si136/recorded/rates", "examples/gcmc/recorded/lattice_gas",
            "examples/kmc/recorded/correlation_factors")) {
            Cli v = Cli.run("verify", root.resolve(dir).toString()).noJava();
            assertEquals(0, v.code, dir + "\n" + v);
            assertTrue(v.out.contains("verify: OK"), v.out);
        }
    }
}
