package org.adc.executor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.adc.exec.FanOut;
import org.adc.exec.TaskExecutor;
import org.adc.lang.AdcError;
import org.adc.random.StreamRng;
import org.adc.runtime.AdcExit;
import org.adc.runtime.RunRecord;

/**
 * The executor of one run (org.adc.exec): fan-outs run here, as one Slurm job array, or as concurrent
 * {@code srun --exact} steps of the allocation adc itself runs in (SLURM_JOB_ID set). Fan-outs are numbered K = 0, 1, ...
 * in the order the recipe reaches them.
 *
 * <p>A task on the cluster is {@code adc task RUN_DIR --fanout K --index i}: it runs the same recipe with the same
 * parameters in its own work directory ({@code tasks/K/i/work}), takes the results of fan-outs before K from their
 * result files, runs task i of fan-out K with stream i of the fan-out's seed, writes {@link TaskFiles its files} and
 * stops. The run waits on those files; one {@code squeue --json} per poll tells which tasks left the queue (a task that
 * left it without a final status failed: its exit code comes from squeue, its output is in task.log). Tasks are
 * idempotent (results are pure functions of recipe, parameters and index; files are replaced by rename), so a requeued
 * task (--requeue, node failure) just runs again; SLURM_RESTART_COUNT goes into its status.
 *
 * <p>Every task is listed in run.json from the moment it is submitted ({@code status: "running"} until the run ends), so
 * {@code adc cancel RUN_DIR} finds the jobs of a run whose adc process died. Only adc builds the sbatch/srun/scancel
 * arguments, from checked command-line values; a recipe chooses only "local" or "slurm".
 */
public final class ClusterExecutor implements TaskExecutor {
    private final ExecutorSpec spec;
    private final Path root;
    private final PrintStream err;
    private int counter;
    /** Tasks of this run by "K/i", in submission order (the run record's "tasks"). */
    private final Map<String, ObjectNode> ledger = new LinkedHashMap<>();
    private final Set<String> activeJobs = new LinkedHashSet<>();
    /** Every array this run submitted: at its end, whatever of them is still queued (a task requeued after it finished) goes. */
    private final Set<String> submitted = new LinkedHashSet<>();
    private final List<Process> activeSteps = new ArrayList<>();
    private Thread cancelHook;

    /**
     * @param spec the command line's choice (or the worker's identity)
     * @param root the run directory (null: no run directory, every fan-out runs locally)
     * @param err  where the progress line goes (only when it is a terminal)
     */
    public ClusterExecutor(ExecutorSpec spec, Path root, PrintStream err) {
        this.spec = spec;
        this.root = root == null ? null : root.toAbsolutePath().normalize();
        this.err = err;
    }

    /** True when adc itself runs inside a Slurm allocation and not as one of its own tasks. */
    static boolean inAllocation() {
        String id = System.getenv("SLURM_JOB_ID");
        return id != null && !id.isBlank();
    }

    private boolean useSlurm(String choice) {
        if (choice.equals("local")) {
            return false;
        }
        if (spec.slurm()) {
            return true;
        }
        if (choice.equals("slurm")) {
            throw new AdcError("this call asks for executor = \"slurm\", but adc run was not given --executor slurm",
                "run with adc run --executor slurm [--partition P --time T] (the command line decides where jobs go), "
                    + "or use executor = \"local\"");
        }
        return false;
    }

    @Override
    public int concurrentSlots() {
        if (spec.slurm() && inAllocation() && !spec.worker()) {
            return Math.max(1, envInt("SLURM_NTASKS", 1));
        }
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public List<String> launchPrefix(int ranks, int threads) {
        if (!(spec.slurm() && inAllocation())) {
            return ranks == 1 && threads == 1 ? List.of() : List.of("env", "OMP_NUM_THREADS=" + threads);
        }
        return List.of("srun", "--exact", "--quiet", "--ntasks=" + ranks, "--cpus-per-task=" + threads,
            "--export=ALL,OMP_NUM_THREADS=" + threads);
    }

    @Override
    public <R> List<R> map(FanOut<R> f) {
        int k = counter++;
        if (spec.worker()) {
            return workerMap(k, f);
        }
        if (!useSlurm(f.choice()) || f.n() == 0) {
            return TaskExecutor.LOCAL.map(f);
        }
        if (root == null) {
            throw new AdcError("running tasks on Slurm needs a run directory", "run the recipe with adc run");
        }
        try {
            return clusterMap(k, f);
        } catch (IOException e) {
            throw new AdcError("cannot keep the task files of " + f.label() + " in " + TaskFiles.fanoutDir(root, k) + ": " + e.getMessage(),
                "check that the run directory is on a file system the cluster nodes share and that it is writable");
        }
    }

    // ---------------------------------------------------------------- the task worker's side

    private <R> List<R> workerMap(int k, FanOut<R> f) {
        Path runRoot = Path.of(spec.runRoot());
        if (k < spec.fanout()) {
            // an earlier fan-out: its results are on disk, gathered before this fan-out was submitted
            List<R> out = new ArrayList<>(f.n());
            for (int i = 0; i < f.n(); i++) {
                byte[] b = TaskFiles.verifiedResult(TaskFiles.taskDir(runRoot, k, i));
                if (b == null) {
                    throw new AdcError("task worker: the result of task " + i + " of fan-out " + k + " (" + f.label() + ") is missing",
                        "the recipe took another path in the task than in the run; make the code before the call deterministic");
                }
                out.add(decode(f, b));
            }
            return out;
        }
        if (k > spec.fanout()) {
            throw new AdcError("task worker: passed fan-out " + spec.fanout() + " without reaching it", "internal inconsistency");
        }
        Path dir = TaskFiles.taskDir(runRoot, k, spec.index());
        checkFanout(runRoot, k, f);
        int i = spec.index();
        if (i < 0 || i >= f.n()) {
            throw new AdcError("task worker: index " + i + " is outside fan-out " + k + " (" + f.n() + " tasks)", "internal inconsistency");
        }
        ObjectNode st = TaskFiles.OM.createObjectNode();
        st.put("state", "running");
        st.put("index", i);
        st.put("start", Instant.now().toString());
        slurmIdentity(st);
        try {
            TaskFiles.writeJson(dir.resolve("status.json"), st);
            R r;
            try {
                r = f.task().run(i, StreamRng.forStream(f.seed(), i));
            } catch (RuntimeException e) {
                st.put("state", "failed");
                st.put("exit_status", 1);
                st.put("end", Instant.now().toString());
                st.put("error", e instanceof org.adc.runtime.AdcException x ? x.rawMessage() : String.valueOf(e.getMessage()));
                TaskFiles.writeJson(dir.resolve("status.json"), st);
                throw e;
            }
            byte[] b = encode(f, r);
            TaskFiles.writeAtomically(dir.resolve("result.bin"), b);
            st.put("state", "done");
            st.put("exit_status", 0);
            st.put("end", Instant.now().toString());
            st.put("sha256", RunRecord.sha256(b));
            TaskFiles.writeJson(dir.resolve("status.json"), st);
        } catch (IOException e) {
            throw new AdcError("task worker: cannot write " + dir + ": " + e.getMessage(), "check the run directory");
        }
        throw new AdcExit(0, null);
    }

    private static void slurmIdentity(ObjectNode st) {
        String[][] keys = {{"job_id", "SLURM_JOB_ID"}, {"array_job_id", "SLURM_ARRAY_JOB_ID"}, {"array_task_id", "SLURM_ARRAY_TASK_ID"},
            {"step_id", "SLURM_STEP_ID"}, {"node", "SLURMD_NODENAME"}};
        for (String[] kv : keys) {
            String v = System.getenv(kv[1]);
            if (v != null && !v.isBlank()) {
                st.put(kv[0], v);
            }
        }
        if (!st.has("node")) {
            st.put("node", hostName());
        }
        st.put("restart_count", envInt("SLURM_RESTART_COUNT", 0));
    }

    private void checkFanout(Path runRoot, int k, FanOut<?> f) {
        JsonNode n;
        try {
            n = TaskFiles.OM.readTree(TaskFiles.fanoutDir(runRoot, k).resolve("fanout.json").toFile());
        } catch (IOException e) {
            throw new AdcError("task worker: cannot read fan-out " + k + " of " + runRoot + ": " + e.getMessage(), "check the run directory");
        }
        if (!n.path("label").asText().equals(f.label()) || n.path("n").asInt() != f.n() || n.path("seed").asLong() != f.seed()) {
            throw new AdcError("task worker: fan-out " + k + " is " + f.label() + " with " + f.n() + " tasks and seed " + f.seed()
                + " here but " + n.path("label").asText() + " with " + n.path("n").asInt() + " tasks and seed " + n.path("seed").asLong()
                + " in the run", "the recipe must take the same path in every task: no reads of changing files before the call");
        }
    }

    // ---------------------------------------------------------------- the run's side

    private <R> List<R> clusterMap(int k, FanOut<R> f) throws IOException {
        Path dir = TaskFiles.fanoutDir(root, k);
        Files.createDirectories(dir);
        ObjectNode fo = TaskFiles.OM.createObjectNode();
        fo.put("label", f.label());
        fo.put("n", f.n());
        fo.put("seed", f.seed());
        Path foFile = dir.resolve("fanout.json");
        if (Files.isRegularFile(foFile)) {
            JsonNode old = TaskFiles.OM.readTree(foFile.toFile());
            if (!old.path("label").asText().equals(f.label()) || old.path("n").asInt() != f.n() || old.path("seed").asLong() != f.seed()) {
                // a resumed run whose recipe now takes another path: the old results belong to something else
                deleteTree(dir);
                Files.createDirectories(dir);
            }
        }
        TaskFiles.writeJson(foFile, fo);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < f.n(); i++) {
            Path td = TaskFiles.taskDir(root, k, i);
            ObjectNode e = entry(k, i, f.label());
            if (TaskFiles.verifiedResult(td) != null) {
                fill(e, TaskFiles.status(td));
                e.put("reused", true); // finished in an earlier attempt of this run (adc run --resume)
            } else {
                Files.deleteIfExists(td.resolve("result.bin"));
                Files.deleteIfExists(td.resolve("status.json"));
                Files.createDirectories(td);
                e.put("state", "pending");
                todo.add(i);
            }
        }
        if (!todo.isEmpty()) {
            installCancelHook();
            if (inAllocation()) {
                runSteps(k, f, todo);
            } else {
                runArray(k, f, todo);
            }
        }
        List<String> failures = new ArrayList<>();
        List<R> out = new ArrayList<>(f.n());
        for (int i = 0; i < f.n(); i++) {
            Path td = TaskFiles.taskDir(root, k, i);
            byte[] b = TaskFiles.verifiedResult(td);
            ObjectNode e = ledger.get(k + "/" + i);
            if (b == null) {
                e.put("state", "failed");
                failures.add("task " + i + " (exit status " + e.path("exit_status").asText("?") + (e.has("error") ? ": " + e.get("error").asText()
                    : e.has("slurm_state") ? ", " + e.get("slurm_state").asText() : "") + "; log " + root.relativize(td.resolve("task.log")) + ")");
                out.add(null);
            } else {
                out.add(decode(f, b));
            }
        }
        writeRunning();
        if (!failures.isEmpty()) {
            throw new AdcError(failures.size() + " of " + f.n() + " tasks of " + f.label() + " (fan-out " + k + ") failed: "
                + String.join("; ", failures.subList(0, Math.min(5, failures.size()))) + (failures.size() > 5 ? "; ..." : ""),
                "read the logs; adc run --resume " + root + " reruns only the tasks that did not finish");
        }
        return out;
    }

    private ObjectNode entry(int k, int i, String label) {
        ObjectNode e = ledger.computeIfAbsent(k + "/" + i, x -> TaskFiles.OM.createObjectNode());
        e.removeAll();
        e.put("fanout", k);
        e.put("index", i);
        e.put("function", label);
        e.put("dir", "tasks/" + k + "/" + i);
        return e;
    }

    /** Copies a task's own status into its ledger entry. */
    private static void fill(ObjectNode e, ObjectNode st) {
        if (st == null) {
            return;
        }
        for (String key : List.of("state", "job_id", "array_job_id", "array_task_id", "step_id", "node", "start", "end", "exit_status",
            "restart_count", "sha256", "error")) {
            if (st.has(key)) {
                e.set(key, st.get(key));
            }
        }
        if (e.has("sha256")) {
            e.put("output_sha256", e.get("sha256").asText());
            e.remove("sha256");
        }
    }

    private List<String> workerCommand(int k, Integer index) {
        List<String> c = new ArrayList<>(WorkerCommand.java());
        c.add("task");
        c.add(root.toString());
        c.add("--fanout");
        c.add(Integer.toString(k));
        if (index != null) {
            c.add("--index");
            c.add(index.toString());
        }
        return c;
    }

    private void runArray(int k, FanOut<?> f, List<Integer> todo) throws IOException {
        Path dir = TaskFiles.fanoutDir(root, k);
        // the batch script: written by adc, every word single-quoted
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# written by adc: task $SLURM_ARRAY_TASK_ID of fan-out " + k + " (" + f.label() + ")\nexec");
        for (String w : workerCommand(k, null)) {
            sh.append(' ').append(quote(w));
        }
        sh.append('\n');
        Path script = dir.resolve("task.sh");
        Files.writeString(script, sh.toString(), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", "--requeue", "--job-name=adc-" + jobName(), "--ntasks=1"));
        cmd.addAll(spec.resourceArgs());
        cmd.add("--array=" + ranges(todo) + (spec.maxConcurrent() > 0 ? "%" + spec.maxConcurrent() : ""));
        cmd.add("--output=" + dir.resolve("%a").resolve("task.log"));
        cmd.add("--open-mode=append");
        cmd.add("--chdir=" + dir);
        cmd.add(script.toString());
        String out = Slurm.run(cmd, 60).strip();
        String jobId = out.split(";")[0];
        if (!jobId.matches("\\d+")) {
            throw new AdcError("sbatch did not return a job id: '" + out + "'", "check the Slurm configuration and the sbatch options");
        }
        synchronized (activeJobs) {
            activeJobs.add(jobId);
            submitted.add(jobId);
        }
        for (int i : todo) {
            ObjectNode e = ledger.get(k + "/" + i);
            e.put("job_id", jobId + "_" + i);
            e.put("array_job_id", jobId);
            e.put("array_task_id", i);
            e.put("submitted", Instant.now().toString());
        }
        writeRunning();
        Progress progress = new Progress(err, f.label(), todo.size());
        Set<Integer> open = new LinkedHashSet<>(todo);
        long lastQuery = 0;
        int misses = 0;
        while (!open.isEmpty()) {
            sleep(300);
            Map<Integer, JsonNode> queue = null;
            long now = System.currentTimeMillis();
            if (now - lastQuery > 1500) {
                lastQuery = now;
                queue = Slurm.arrayTasks(jobId);
            }
            int running = 0;
            for (var it = open.iterator(); it.hasNext(); ) {
                int i = it.next();
                Path td = TaskFiles.taskDir(root, k, i);
                ObjectNode st = TaskFiles.status(td);
                ObjectNode e = ledger.get(k + "/" + i);
                String state = st == null ? null : st.path("state").asText();
                if ("done".equals(state) || "failed".equals(state)) {
                    fill(e, st);
                    progress.finished("done".equals(state));
                    it.remove();
                    continue;
                }
                if (queue == null) {
                    running += "running".equals(e.path("state").asText()) ? 1 : 0;
                    continue;
                }
                JsonNode q = queue.get(i);
                if (q != null) {
                    String js = q.path("job_state").asText();
                    e.put("slurm_state", js);
                    e.put("restart_count", Math.max(e.path("restart_count").asInt(0), q.path("restart_cnt").asInt(0)));
                    if (!q.path("nodes").asText().isEmpty()) {
                        e.put("node", q.path("nodes").asText());
                    }
                    if (js.equals("RUNNING") || js.equals("COMPLETING")) {
                        e.put("state", "running");
                        running++;
                    } else if (js.equals("PENDING") || js.equals("REQUEUED") || js.equals("REQUEUE_HOLD") || js.equals("REQUEUE_FED")
                        || js.equals("CONFIGURING") || js.equals("SUSPENDED") || js.equals("RESIZING")) {
                        e.put("state", "pending");
                    } else {
                        // left the scheduler's active states: its file decides (read once more, it may have just been renamed)
                        st = TaskFiles.status(td);
                        if (st != null && ("done".equals(st.path("state").asText()) || "failed".equals(st.path("state").asText()))) {
                            fill(e, st);
                            progress.finished("done".equals(st.path("state").asText()));
                        } else {
                            fill(e, st);
                            e.put("state", "failed");
                            int code = q.path("exit_code").asInt(0);
                            e.put("exit_status", (code & 0x7f) != 0 ? 128 + (code & 0x7f) : code >> 8);
                            e.put("error", "the job ended " + js + " without writing its result");
                            progress.finished(false);
                        }
                        it.remove();
                    }
                } else if (!queue.isEmpty() || misses++ > 3) {
                    // not in the queue at all (or the whole array has left it): read its file
                    st = TaskFiles.status(td);
                    fill(e, st);
                    boolean ok = st != null && "done".equals(st.path("state").asText());
                    if (!ok) {
                        e.put("state", "failed");
                        if (!e.has("error")) {
                            e.put("error", "the job left the queue without writing its result");
                        }
                    }
                    progress.finished(ok);
                    it.remove();
                }
            }
            progress.show(open.size() - running, running);
            if (queue != null) {
                writeRunning();
            }
        }
        progress.end();
        synchronized (activeJobs) {
            activeJobs.remove(jobId);
        }
    }

    private void runSteps(int k, FanOut<?> f, List<Integer> todo) {
        int slots = Math.max(1, concurrentSlots() / spec.cpusPerTask());
        Progress progress = new Progress(err, f.label(), todo.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(slots, todo.size()));
        String job = System.getenv("SLURM_JOB_ID");
        for (int i : todo) {
            ObjectNode e = ledger.get(k + "/" + i);
            e.put("job_id", job);
            e.put("submitted", Instant.now().toString());
        }
        writeRunning();
        int[] running = {0};
        for (int i : todo) {
            pool.submit(() -> {
                Path td = TaskFiles.taskDir(root, k, i);
                List<String> cmd = new ArrayList<>(List.of("srun", "--exact", "--quiet", "--ntasks=1", "--nodes=1",
                    "--cpus-per-task=" + spec.cpusPerTask(), "--job-name=adc-" + jobName() + "-" + k + "-" + i,
                    "--output=" + td.resolve("task.log"), "--open-mode=append"));
                cmd.addAll(workerCommand(k, i));
                ObjectNode e = ledger.get(k + "/" + i);
                int code;
                try {
                    Process p = new ProcessBuilder(cmd).directory(td.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(td.resolve("srun.log").toFile())).start();
                    synchronized (activeSteps) {
                        activeSteps.add(p);
                        running[0]++;
                    }
                    synchronized (e) {
                        e.put("state", "running");
                    }
                    code = p.waitFor();
                    synchronized (activeSteps) {
                        activeSteps.remove(p);
                        running[0]--;
                    }
                } catch (IOException ex) {
                    code = 127;
                    e.put("error", "cannot start srun: " + ex.getMessage());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                ObjectNode st = TaskFiles.status(td);
                synchronized (e) {
                    fill(e, st);
                    boolean ok = st != null && "done".equals(st.path("state").asText()) && code == 0;
                    if (!ok) {
                        e.put("state", "failed");
                        if (!e.has("exit_status") || e.get("exit_status").asInt() == 0) {
                            e.put("exit_status", code);
                        }
                    }
                    progress.finished(ok);
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(300, TimeUnit.MILLISECONDS)) {
                synchronized (activeSteps) {
                    progress.show(-1, running[0]);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        progress.end();
    }

    /** Cancels what this run has in the queue (Ctrl-C, SIGTERM, a crash of the recipe): scancel the arrays, end the steps. */
    public void cancelAll() {
        List<String> jobs;
        synchronized (activeJobs) {
            jobs = new ArrayList<>(activeJobs);
            activeJobs.clear();
        }
        if (!jobs.isEmpty()) {
            try {
                List<String> cmd = new ArrayList<>(List.of("scancel"));
                cmd.addAll(jobs);
                Slurm.run(cmd, 30);
            } catch (RuntimeException e) {
                err.println("adc: could not cancel jobs " + jobs + ": " + e.getMessage());
            }
        }
        synchronized (activeSteps) {
            for (Process p : activeSteps) {
                p.destroy(); // srun forwards the signal to its step
            }
        }
    }

    private synchronized void installCancelHook() {
        if (cancelHook == null) {
            cancelHook = new Thread(this::cancelAll, "adc-scancel");
            try {
                Runtime.getRuntime().addShutdownHook(cancelHook);
            } catch (IllegalStateException shuttingDown) {
                cancelHook = null;
            }
        }
    }

    /** The end of the run: nothing of it may stay in the queue. */
    public void close() {
        cancelAll();
        List<String> all;
        synchronized (activeJobs) {
            all = new ArrayList<>(submitted);
        }
        if (!all.isEmpty()) {
            // only elements still pending or running: finished ones are left alone (scancel -t names the states)
            List<String> cmd = new ArrayList<>(List.of("scancel", "--quiet", "--state=PENDING"));
            cmd.addAll(all);
            try {
                Slurm.run(cmd, 30);
            } catch (RuntimeException e) {
                // nothing queued, or the controller is gone: nothing to do
            }
        }
        if (cancelHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
    }

    /** The tasks for the run record (empty when nothing went to the cluster). */
    public ArrayNode tasksJson() {
        ArrayNode a = TaskFiles.OM.createArrayNode();
        synchronized (ledger) {
            ledger.values().forEach(e -> a.add(e.deepCopy()));
        }
        return a;
    }

    /** The executor for the run record (null for the local default): kind, allocation, slots, how external programs start. */
    public ObjectNode describe() {
        if (!spec.slurm() || spec.worker()) {
            return null;
        }
        ObjectNode n = TaskFiles.OM.createObjectNode();
        n.put("kind", "slurm");
        n.put("mode", inAllocation() ? "srun --exact steps in allocation " + System.getenv("SLURM_JOB_ID") : "one job array per fan-out");
        if (spec.partition() != null) {
            n.put("partition", spec.partition());
        }
        if (spec.time() != null) {
            n.put("time", spec.time());
        }
        if (spec.account() != null) {
            n.put("account", spec.account());
        }
        n.put("cpus_per_task", spec.cpusPerTask());
        n.put("max_concurrent", spec.maxConcurrent());
        n.put("slots", concurrentSlots());
        n.put("external_launch", String.join(" ", launchPrefix(1, 1)).isEmpty() ? "direct" : String.join(" ", launchPrefix(1, 1)) + " (ranks, threads per calculator)");
        n.put("fanouts", counter);
        return n;
    }

    public boolean hasTasks() {
        return !ledger.isEmpty();
    }

    /**
     * run.json while the run goes on: status "running" and every submitted task with its job id, written at submission
     * and as tasks change, so that the jobs of a run whose adc process died can be found (adc cancel RUN_DIR).
     */
    private void writeRunning() {
        ObjectNode n = TaskFiles.OM.createObjectNode();
        n.put("schema", RunRecord.SCHEMA);
        n.put("status", "running");
        n.put("pid", ProcessHandle.current().pid());
        n.put("updated", Instant.now().toString());
        n.set("tasks", tasksJson());
        try {
            TaskFiles.writeJson(root.resolve("run.json"), n);
        } catch (IOException e) {
            err.println("adc: could not write " + root.resolve("run.json") + ": " + e.getMessage());
        }
    }

    private String jobName() {
        String n = root.getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        return n.length() > 40 ? n.substring(0, 40) : n;
    }

    /** "0-3,7,9-10" for sorted indices. */
    static String ranges(List<Integer> xs) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < xs.size()) {
            int j = i;
            while (j + 1 < xs.size() && xs.get(j + 1) == xs.get(j) + 1) {
                j++;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(xs.get(i));
            if (j > i) {
                sb.append('-').append(xs.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    static String quote(String w) {
        return "'" + w.replace("'", "'\\''") + "'";
    }

    private static <R> byte[] encode(FanOut<R> f, R r) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bo)) {
            f.codec().write(r, out);
        }
        return bo.toByteArray();
    }

    private static <R> R decode(FanOut<R> f, byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            return f.codec().read(in);
        } catch (IOException e) {
            throw new AdcError("a task's result file of " + f.label() + " is damaged: " + e.getMessage(), "rerun with adc run --resume");
        }
    }

    private static int envInt(String name, int dflt) {
        try {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim().split("[^0-9]")[0]);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdcError("interrupted while waiting for tasks", "adc cancel RUN_DIR cancels the run's jobs");
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
