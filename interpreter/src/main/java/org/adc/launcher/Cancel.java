package org.adc.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code adc cancel RUN_DIR}: cancels (scancel) every job of a run that has not finished, from the task list run.json
 * keeps from the moment of submission, also when the adc process that submitted them is gone.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
    description = "Cancel the Slurm jobs of a run (scancel) that have not finished, as listed in its run.json.")
final class Cancel implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run directory")
    Path runDir;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        Path rj = runDir.resolve("run.json");
        if (!Files.isRegularFile(rj)) {
            main.err.println("adc cancel: " + runDir + " has no run.json (nothing was submitted from it)");
            return Launch.USAGE_ERROR;
        }
        Set<String> jobs;
        try {
            jobs = unfinishedJobs(new ObjectMapper().readTree(rj.toFile()));
        } catch (IOException e) {
            main.err.println("adc cancel: " + rj + " is not readable: " + e.getMessage());
            return Launch.USAGE_ERROR;
        }
        if (jobs.isEmpty()) {
            main.out.println("adc cancel: no unfinished job in " + runDir);
            return Launch.OK;
        }
        String problem = scancel(jobs);
        if (problem != null) {
            main.err.println("adc cancel: " + problem);
            return Launch.RUNTIME_ERROR;
        }
        main.out.println("adc cancel: cancelled " + String.join(" ", jobs));
        return Launch.OK;
    }

    /** Job ids (digits, "123_4" array elements, "123.5" steps) of the tasks not done in a run record. */
    static Set<String> unfinishedJobs(JsonNode rec) {
        Set<String> jobs = new LinkedHashSet<>();
        for (JsonNode t : rec.path("tasks")) {
            String state = t.path("state").asText("");
            if (state.equals("done") || state.equals("failed")) {
                continue;
            }
            String id;
            if (t.has("array_job_id")) {
                id = t.path("array_job_id").asText() + "_" + t.path("array_task_id").asText();
            } else if (t.has("step_id")) {
                id = t.path("job_id").asText() + "." + t.path("step_id").asText();
            } else {
                continue; // a step not started yet: nothing in the queue
            }
            if (id.matches("\\d{1,12}([_.]\\d{1,9})?")) {
                jobs.add(id);
            }
        }
        return jobs;
    }

    /** scancel with the given ids; null or the problem. */
    static String scancel(Set<String> jobs) {
        List<String> cmd = new ArrayList<>(List.of("scancel"));
        cmd.addAll(jobs);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            int code = p.waitFor();
            return code == 0 ? null : "scancel failed (exit " + code + "): " + out;
        } catch (IOException e) {
            return "cannot run scancel: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
