package org.adc.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.adc.lang.AdcError;

/** Runs the Slurm client commands (sbatch, squeue, scancel) with argument lists adc built; never through a shell. */
final class Slurm {
    private Slurm() {
    }

    /** Runs {@code cmd}, returns its standard output; a non-zero exit is an error with its message. */
    static String run(List<String> cmd, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[][] out = new byte[2][];
            Thread t = new Thread(() -> {
                try {
                    out[1] = p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    out[1] = new byte[0];
                }
            });
            t.start();
            out[0] = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AdcError(cmd.get(0) + " did not answer within " + timeoutSeconds + " s", "check that slurmctld is up (sinfo)");
            }
            t.join(1000);
            if (p.exitValue() != 0) {
                String msg = out[1] == null ? "" : new String(out[1], StandardCharsets.UTF_8).strip();
                throw new AdcError(cmd.get(0) + " failed (exit code " + p.exitValue() + "): " + msg, "check the Slurm options (--partition, --time, --account)");
            }
            return new String(out[0], StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AdcError("cannot run " + cmd.get(0) + ": " + e.getMessage(), "is Slurm's client installed here (sbatch, squeue, scancel on the PATH)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdcError("interrupted while running " + cmd.get(0), "adc cancel RUN_DIR cancels the run's jobs");
        }
    }

    /**
     * The elements of array job {@code jobId} as the scheduler knows them (one batched query: squeue --json, which also
     * lists finished jobs while MinJobAge keeps them), by array task id; empty when the job has left the queue.
     * A failed query returns null (try again at the next poll).
     */
    static Map<Integer, JsonNode> arrayTasks(String jobId) {
        String json;
        try {
            json = run(List.of("squeue", "--json", "--states=all", "--jobs=" + jobId), 30);
        } catch (AdcError e) {
            if (e.getMessage().contains("Invalid job id")) {
                return Map.of();
            }
            return null;
        }
        Map<Integer, JsonNode> m = new HashMap<>();
        try {
            for (JsonNode j : TaskFiles.OM.readTree(json).path("jobs")) {
                if (!j.path("array_job_id").asText().equals(jobId)) {
                    continue;
                }
                if (j.has("array_task_id") && !j.get("array_task_id").isNull()) {
                    m.put(j.get("array_task_id").asInt(), j);
                }
                // the elements not started yet are one record: array_task_string "2-15%4" or "3,5-7"
                String pending = j.path("array_task_string").asText("").replaceAll("%.*$", "");
                for (String part : pending.isEmpty() ? new String[0] : pending.split(",")) {
                    String[] ab = part.split("-");
                    try {
                        int a = Integer.parseInt(ab[0].trim());
                        int b = ab.length > 1 ? Integer.parseInt(ab[1].trim().split(":")[0]) : a;
                        for (int i = a; i <= b; i++) {
                            m.putIfAbsent(i, j);
                        }
                    } catch (NumberFormatException e) {
                        // an unexpected form: those elements are read from their files
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return m;
    }
}
