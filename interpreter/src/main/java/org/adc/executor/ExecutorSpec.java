package org.adc.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run's fan-outs go, as chosen on the command line ({@code adc run --executor slurm --partition ... --time ...}),
 * and, for a task worker ({@code adc task}), which task it is. Travels to the interpreter as one text option of
 * {@code key=value} lines; every value is checked here, so the Slurm arguments adc builds from it are well formed.
 *
 * @param kind          "local" or "slurm"
 * @param partition     sbatch --partition (null: the cluster's default)
 * @param time          sbatch --time per task (null: the partition's default), Slurm's [D-]HH:MM:SS or minutes
 * @param account       sbatch --account (null: the user's default)
 * @param cpusPerTask   --cpus-per-task of each task (job-array element or step)
 * @param maxConcurrent job-array concurrency limit (the %N of --array), 0: no limit
 * @param runRoot       the run directory (task workers: the parent run's)
 * @param fanout        task worker: the fan-out number K it belongs to (-1: not a worker)
 * @param index         task worker: its task index
 */
public record ExecutorSpec(String kind, String partition, String time, String account, int cpusPerTask, int maxConcurrent,
                           String runRoot, int fanout, int index) {
    public static final ExecutorSpec LOCAL = new ExecutorSpec("local", null, null, null, 1, 0, null, -1, -1);

    public boolean worker() {
        return fanout >= 0;
    }

    public boolean slurm() {
        return kind.equals("slurm");
    }

    /** Checks the values the user gave; returns the first problem or null. */
    public String problem() {
        if (!kind.equals("local") && !kind.equals("slurm")) {
            return "--executor must be local or slurm, got '" + kind + "'";
        }
        if (partition != null && !partition.matches("[A-Za-z0-9_.,-]{1,64}")) {
            return "--partition must be a partition name (letters, digits, _ . , -), got '" + partition + "'";
        }
        if (account != null && !account.matches("[A-Za-z0-9_.-]{1,64}")) {
            return "--account must be an account name (letters, digits, _ . -), got '" + account + "'";
        }
        if (time != null && !time.matches("\\d{1,6}|(\\d{1,3}-)?\\d{1,2}(:\\d{2}){0,2}")) {
            return "--time must be Slurm's minutes, HH:MM:SS or D-HH:MM:SS, got '" + time + "'";
        }
        if (cpusPerTask < 1 || cpusPerTask > 4096) {
            return "--cpus-per-task must be 1..4096, got " + cpusPerTask;
        }
        if (maxConcurrent < 0 || maxConcurrent > 100_000) {
            return "--max-concurrent must be 0 (no limit) .. 100000, got " + maxConcurrent;
        }
        if (!slurm() && (partition != null || time != null || account != null || maxConcurrent > 0)) {
            return "--partition, --time, --account and --max-concurrent need --executor slurm";
        }
        return null;
    }

    public ExecutorSpec worker(String root, int k, int i) {
        return new ExecutorSpec(kind, partition, time, account, cpusPerTask, maxConcurrent, root, k, i);
    }

    /** The option text. */
    public String encode() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", kind);
        if (partition != null) {
            m.put("partition", partition);
        }
        if (time != null) {
            m.put("time", time);
        }
        if (account != null) {
            m.put("account", account);
        }
        m.put("cpus_per_task", Integer.toString(cpusPerTask));
        m.put("max_concurrent", Integer.toString(maxConcurrent));
        if (runRoot != null) {
            m.put("run_root", runRoot);
        }
        m.put("fanout", Integer.toString(fanout));
        m.put("index", Integer.toString(index));
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** Reads {@link #encode()}'s text; an empty text is the local executor. */
    public static ExecutorSpec decode(String text) {
        if (text == null || text.isBlank()) {
            return LOCAL;
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new ExecutorSpec(m.getOrDefault("kind", "local"), m.get("partition"), m.get("time"), m.get("account"),
            Integer.parseInt(m.getOrDefault("cpus_per_task", "1")), Integer.parseInt(m.getOrDefault("max_concurrent", "0")),
            m.get("run_root"), Integer.parseInt(m.getOrDefault("fanout", "-1")), Integer.parseInt(m.getOrDefault("index", "-1")));
    }

    /** sbatch/srun resource options of one task. */
    List<String> resourceArgs() {
        List<String> a = new ArrayList<>();
        if (partition != null) {
            a.add("--partition=" + partition);
        }
        if (time != null) {
            a.add("--time=" + time);
        }
        if (account != null) {
            a.add("--account=" + account);
        }
        a.add("--cpus-per-task=" + cpusPerTask);
        return a;
    }
}
