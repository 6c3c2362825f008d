package org.adc.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.adc.launcher.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real one-node Slurm cluster (.ci/slurm-up.sh, started by .ci/run): a 16-point μ sweep as a job array
 * equals the local run byte for byte; a NEB with LAMMPS runs its images as concurrent srun steps of one allocation and
 * finds the local barrier; a task cancelled with scancel and one that fails are reported and rerun by --resume; a slurmd
 * restart in the middle of a sweep loses nothing. Under CI (CI=true) the cluster must be up; elsewhere these tests skip
 * with a message.
 */
class SlurmClusterTest {
    private static final ObjectMapper OM = new ObjectMapper();

    @TempDir
    static Path tmp;

    static String sweep = """
        import gcmc
        let mus = gcmc.mu_grid(-0.15 eV, 0.15 eV, 0.02 eV)
        let iso = gcmc.lattice_gas(mus, t = 300 K, sites = 60, coupling = 0.02 eV, equilibration = 50, samples = 40, seed = 7)
        print_table(iso)
        write_csv(iso, "isotherm.csv")
        """;

    /** The sweep, then kMC replicas: the replicas' tasks take the sweep's results from its files. */
    static String sweepAndReplicas = sweep + """
        import kmc
        let r = kmc.run(kmc.lattice("fcc", 4, 3 Å), t = 600 K, events = 2000, vacancies = 1, rate = fn(hop) => 0.3 eV, replicas = 2, seed = 5)
        print(r.d_tracer, r.f, r.d_tracer_err)
        """;

    @BeforeAll
    static void cluster() {
        boolean up = sh("sinfo", "-h", "-o", "%T").strip().matches("(?s).*(idle|mixed|allocated).*");
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(up, "CI=true but the Slurm cluster does not answer: .ci/run starts it with .ci/slurm-up.sh");
        }
        Assumptions.assumeTrue(up, "no Slurm cluster here (sinfo does not answer): start one with .ci/slurm-up.sh (as root); "
            + "CI runs these tests");
    }

    record Run(int code, String out, String err) {
    }

    static Run adc(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = Main.execute(InputStream.nullInputStream(), po, pe, args);
        }
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static String sh(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return s;
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    @Test
    void muSweepAsAnArrayEqualsTheLocalRunByteForByte() throws IOException {
        Path recipe = Files.writeString(tmp.resolve("sweep.adc"), sweepAndReplicas);
        Run local = adc("run", recipe.toString(), "--run-dir", tmp.resolve("local").toString());
        assertEquals(0, local.code(), local.toString());
        Run slurm = adc("run", recipe.toString(), "--run-dir", tmp.resolve("slurm").toString(), "--executor", "slurm", "--max-concurrent", "4",
            "--time", "10");
        assertEquals(0, slurm.code(), slurm.toString());
        for (String f : List.of("stdout.txt", "isotherm.csv")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("local").resolve(f)), Files.readAllBytes(tmp.resolve("slurm").resolve(f)), f);
        }
        JsonNode rec = OM.readTree(tmp.resolve("slurm/run.json").toFile());
        assertEquals("ok", rec.path("status").asText());
        assertEquals(18, rec.path("tasks").size(), "16 μ points and 2 kMC replicas");
        assertEquals("kmc.run", rec.path("tasks").get(17).path("function").asText());
        String arrayJob = rec.path("tasks").get(0).path("array_job_id").asText();
        assertTrue(arrayJob.matches("\\d+"), rec.toString());
        for (JsonNode t : rec.path("tasks")) {
            assertEquals("done", t.path("state").asText(), t.toString());
            assertEquals(t.path("fanout").asInt() == 0, arrayJob.equals(t.path("array_job_id").asText()), "one array per fan-out");
            assertEquals(0, t.path("exit_status").asInt(-1));
            assertEquals("adcnode", t.path("node").asText(), t.toString());
            assertTrue(t.path("output_sha256").asText().matches("[0-9a-f]{64}"), t.toString());
            assertTrue(t.has("start") && t.has("end") && t.has("restart_count"), t.toString());
        }
        // adc verify reruns it here and gets the same outputs
        Run v = adc("verify", tmp.resolve("slurm").toString());
        assertEquals(0, v.code(), v.toString());
    }

    static String faulty = """
        import tasks
        let cfg = table("cfg.csv")
        let slow = cfg.row(0).slow
        let fail = cfg.row(0).fail
        fn work(i, s) {
            if i == 1 and slow == 1 {
                var x = 0
                while x >= 0 { x += 1 }
            }
            if i == 2 and fail == 1 { raise "task 2 fails on purpose" }
            return i * 1000 + s % 1000
        }
        print(tasks.map(work, [0, 1, 2, 3], seed = 3))
        """;

    @Test
    void cancelledAndFailedTasksAreReportedAndRerunByResume() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("faulty"));
        Path recipe = Files.writeString(dir.resolve("faulty.adc"), faulty);
        Files.writeString(dir.resolve("cfg.csv"), "slow,fail\n1,1\n");
        Path rd = tmp.resolve("faulty-run");
        // the run in the background; task 1 never ends until it is cancelled
        Run[] first = new Run[1];
        Thread t = new Thread(() -> first[0] = adc("run", recipe.toString(), "--run-dir", rd.toString(), "--executor", "slurm"));
        t.start();
        String victim = null;
        for (int i = 0; i < 600 && victim == null; i++) {
            Thread.sleep(200);
            Path st = rd.resolve("tasks/0/1/status.json");
            if (Files.isRegularFile(st) && OM.readTree(st.toFile()).path("state").asText().equals("running")) {
                JsonNode s = OM.readTree(st.toFile());
                victim = s.path("array_job_id").asText() + "_" + s.path("array_task_id").asText();
            }
        }
        assertTrue(victim != null, "task 1 never started");
        sh("scancel", victim);
        t.join(180_000);
        Run r = first[0];
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("2 of 4 tasks of tasks.map (fan-out 0) failed"), r.err());
        assertTrue(r.err().contains("task 1 (exit status") && r.err().contains("CANCELLED"), r.err());
        assertTrue(r.err().contains("task 2 (exit status 1: task 2 fails on purpose; log tasks/0/2/task.log)"), r.err());
        assertTrue(Files.readString(rd.resolve("tasks/0/2/task.log")).contains("task 2 fails on purpose"));
        JsonNode rec = OM.readTree(rd.resolve("run.json").toFile());
        assertEquals("error", rec.path("status").asText());
        assertEquals(4, rec.path("tasks").size());
        String done0 = Files.readString(rd.resolve("tasks/0/0/status.json"));
        // the cause is gone: --resume reruns tasks 1 and 2 only
        Files.writeString(dir.resolve("cfg.csv"), "slow,fail\n0,0\n");
        Run again = adc("run", "--resume", rd.toString());
        assertEquals(0, again.code(), again.toString());
        assertEquals(done0, Files.readString(rd.resolve("tasks/0/0/status.json")), "a finished task ran again");
        JsonNode rec2 = OM.readTree(rd.resolve("run.json").toFile());
        assertEquals("ok", rec2.path("status").asText());
        List<String> reused = new ArrayList<>();
        for (JsonNode x : rec2.path("tasks")) {
            if (x.path("reused").asBoolean()) {
                reused.add(x.path("index").asText());
            }
        }
        assertEquals(List.of("0", "3"), reused);
        // the same numbers as a local run of the fixed recipe
        Run local = adc("run", recipe.toString(), "--run-dir", tmp.resolve("faulty-local").toString());
        assertEquals(local.out(), Files.readString(rd.resolve("stdout.txt")));
    }

    @Test
    void adcCancelCancelsTheJobsOfARunFromItsRecord() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cancel"));
        Path recipe = Files.writeString(dir.resolve("faulty.adc"), faulty);
        Files.writeString(dir.resolve("cfg.csv"), "slow,fail\n1,0\n");
        Path rd = tmp.resolve("cancel-run");
        Run[] first = new Run[1];
        Thread t = new Thread(() -> first[0] = adc("run", recipe.toString(), "--run-dir", rd.toString(), "--executor", "slurm"));
        t.start();
        boolean running = false;
        for (int i = 0; i < 600 && !running; i++) {
            Thread.sleep(200);
            Path st = rd.resolve("tasks/0/1/status.json");
            running = Files.isRegularFile(st) && OM.readTree(st.toFile()).path("state").asText().equals("running");
        }
        assertTrue(running, "task 1 never started");
        String arrayJob = OM.readTree(rd.resolve("tasks/0/1/status.json").toFile()).path("array_job_id").asText();
        // the run.json written at submission names the jobs
        assertEquals("running", OM.readTree(rd.resolve("run.json").toFile()).path("status").asText());
        Run c = adc("cancel", rd.toString());
        assertEquals(0, c.code(), c.toString());
        assertTrue(c.out().contains(arrayJob + "_1"), c.out());
        t.join(120_000);
        assertEquals(1, first[0].code(), first[0].toString());
        assertTrue(first[0].err().contains("task 1 (exit status") && first[0].err().contains("CANCELLED"), first[0].err());
        assertTrue(sh("squeue", "-h", "--jobs=" + arrayJob).isBlank() || !sh("squeue", "-h", "-t", "PD,R", "--jobs=" + arrayJob).contains(arrayJob),
            "nothing of the run is left in the queue");
    }

    static String neb = """
        import potential as p
        let bulk = p.bulk("Ar", "fcc", 5.26 Å, repeat = [2, 2, 2])
        let ini = p.remove_atom(bulk, 0)
        let fin = p.move_atom(ini, 0, [0 Å, 0 Å, 0 Å])
        let calc = p.lammps("lj/cut 8.5", "* * 0.0104 3.4", elements = ["Ar"])
        let r = p.neb(ini, fin, calc, images = 4, fmax = 0.05 eV/Å, climb = false)
        print(r.barrier)
        print(r.steps)
        """;

    @Test
    void nebWithLammpsRunsItsImagesAsStepsOfOneAllocationAndFindsTheLocalBarrier() throws IOException {
        Assumptions.assumeTrue(org.adc.potential.external.LammpsCalculator.PROGRAM.available(), "lmp is not installed");
        Path recipe = Files.writeString(tmp.resolve("neb.adc"), neb);
        Run local = adc("run", recipe.toString(), "--run-dir", tmp.resolve("neb-local").toString());
        assertEquals(0, local.code(), local.toString());
        // adc itself inside an allocation of 2 tasks (salloc), as a user's sbatch script runs it
        List<String> cmd = new ArrayList<>(List.of("salloc", "--ntasks=2", "--quiet"));
        cmd.addAll(WorkerCommand.java());
        cmd.addAll(List.of("run", recipe.toString(), "--run-dir", tmp.resolve("neb-alloc").toString(), "--executor", "slurm"));
        String out = sh(cmd.toArray(String[]::new));
        assertEquals(local.out(), Files.readString(tmp.resolve("neb-alloc/stdout.txt")), out);
        assertTrue(local.out().startsWith("0.0861"), local.out());
        JsonNode ex = OM.readTree(tmp.resolve("neb-alloc/run.json").toFile()).path("executor");
        assertTrue(ex.path("mode").asText().startsWith("srun --exact steps in allocation"), ex.toString());
        assertEquals(2, ex.path("slots").asInt(), ex.toString());
        assertTrue(ex.path("external_launch").asText().startsWith("srun --exact"), ex.toString());
    }

    @Test
    void aSlurmdRestartInTheMiddleOfASweepLosesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("restart"));
        Path recipe = Files.writeString(dir.resolve("sweep.adc"), sweep);
        Path rd = tmp.resolve("restart-run");
        Run[] r = new Run[1];
        Thread t = new Thread(() -> r[0] = adc("run", recipe.toString(), "--run-dir", rd.toString(), "--executor", "slurm",
            "--max-concurrent", "2"));
        t.start();
        for (int i = 0; i < 600; i++) {
            Thread.sleep(200);
            if (Files.isRegularFile(rd.resolve("tasks/0/1/status.json"))) {
                break;
            }
        }
        String pid = Files.readString(Path.of("/run/slurm/slurmd.pid")).strip();
        sh("kill", pid);
        for (int i = 0; i < 50 && sh("kill", "-0", pid).isEmpty(); i++) {
            Thread.sleep(200);
        }
        sh("/usr/sbin/slurmd", "-N", "adcnode");
        t.join(300_000);
        assertEquals(0, r[0].code(), r[0].toString());
        Run local = adc("run", recipe.toString(), "--run-dir", tmp.resolve("restart-local").toString());
        assertEquals(0, local.code(), local.toString());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("restart-local/isotherm.csv")), Files.readAllBytes(rd.resolve("isotherm.csv")));
    }
}
