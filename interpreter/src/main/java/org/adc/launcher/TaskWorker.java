package org.adc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.adc.executor.ExecutorSpec;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adc task RUN_DIR --fanout K [--index I]}: one task of a run's fan-out, as a Slurm job-array element or an
 * {@code srun} step starts it (the index defaults to SLURM_ARRAY_TASK_ID). It runs the run's recipe with the run's
 * parameters in {@code RUN_DIR/tasks/K/I/work}, up to fan-out K, runs task I there and writes its result and status
 * (org.adc.executor.ClusterExecutor). Started by adc, not by people: hidden from the help.
 */
@Command(name = "task", hidden = true, description = "Run one task of a run's fan-out (started by adc on a cluster).")
final class TaskWorker implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--fanout", required = true)
    int fanout;

    @Option(names = "--index")
    Integer index;

    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        int i;
        if (index != null) {
            i = index;
        } else {
            String a = System.getenv("SLURM_ARRAY_TASK_ID");
            if (a == null || !a.matches("\\d+")) {
                main.err.println("adc task: give --index or run as an element of a job array (SLURM_ARRAY_TASK_ID)");
                return Launch.USAGE_ERROR;
            }
            i = Integer.parseInt(a);
        }
        Path root = runDir.toAbsolutePath().normalize();
        Path start = root.resolve("resume.json");
        if (!Files.isRegularFile(start)) {
            main.err.println("adc task: " + root + " is not the directory of a run started by adc run (no resume.json)");
            return Launch.USAGE_ERROR;
        }
        JsonNode n = new ObjectMapper().readTree(start.toFile());
        Map<String, String> params = new LinkedHashMap<>();
        n.path("parameters").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
        List<Path> reads = new ArrayList<>();
        n.path("allow_read").forEach(x -> reads.add(Path.of(x.asText())));
        List<Path> writes = new ArrayList<>();
        n.path("allow_write").forEach(x -> writes.add(Path.of(x.asText())));
        Path script = Path.of(n.get("recipe").asText());
        Path work = root.resolve("tasks").resolve(Integer.toString(fanout)).resolve(Integer.toString(i)).resolve("work");
        Files.createDirectories(work);
        main.out.println("adc task: fan-out " + fanout + ", task " + i + " of " + root + " (restart "
            + System.getenv().getOrDefault("SLURM_RESTART_COUNT", "0") + ")");
        String spec = ExecutorSpec.LOCAL.worker(root.toString(), fanout, i).encode();
        Launch.Options o = new Launch.Options(script.getParent(), work, params, reads, writes, false, false, null, false, false, false, spec);
        Source source = Source.newBuilder("adc", n.get("text").asText(), n.path("name").asText(script.getFileName().toString())).build();
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), main.out, main.err)) {
            ctx.eval(source);
            main.err.println("adc task: the recipe ended before it reached fan-out " + fanout);
            return Launch.RUNTIME_ERROR;
        } catch (PolyglotException e) {
            return Launch.report(e, main.err);
        }
    }
}
