package org.adc.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.adc.executor.ExecutorSpec;
import org.graalvm.polyglot.Source;

/**
 * {@code adc run --resume RUN_DIR} of a run whose fan-outs went to a cluster (it has {@code tasks/}): cancels what the
 * earlier attempt left in the queue, then runs the recipe again in the same run directory; every task whose result file
 * is complete and matches its hash is taken as it is, only the others run again (org.adc.executor.ClusterExecutor).
 */
final class SweepResume {
    private SweepResume() {
    }

    static int resume(Main.Run run, Path rd, ExecutorSpec given, Main main, PrintStream err) throws IOException {
        if (run.file != null) {
            err.println("adc run --resume takes the run directory only: the recipe, parameters and options are those the run started with");
            return Launch.USAGE_ERROR;
        }
        Path start = rd.resolve("resume.json");
        if (!Files.isRegularFile(start)) {
            err.println("adc run --resume: " + rd + " is not the directory of a run started by adc run (no resume.json)");
            return Launch.USAGE_ERROR;
        }
        ObjectMapper om = new ObjectMapper();
        Path record = rd.resolve("run.json");
        if (Files.isRegularFile(record)) {
            JsonNode rec = om.readTree(record.toFile());
            if (rec.path("status").asText().equals("ok")) {
                err.println("adc run --resume: the run in " + rd + " already ended with every task done; there is nothing to resume");
                return Launch.USAGE_ERROR;
            }
            Set<String> left = Cancel.unfinishedJobs(rec);
            if (!left.isEmpty()) {
                String problem = Cancel.scancel(left);
                main.out.println("adc: cancelled the earlier attempt's jobs still queued: " + String.join(" ", left)
                    + (problem == null ? "" : " (" + problem + ")"));
            }
        }
        ExecutorSpec spec = given;
        Path ex = rd.resolve("executor.txt");
        if (!spec.slurm() && Files.isRegularFile(ex)) {
            spec = ExecutorSpec.decode(Files.readString(ex)); // the executor the run started with
            String problem = spec.problem();
            if (problem != null) {
                err.println("adc run --resume: " + ex + ": " + problem);
                return Launch.USAGE_ERROR;
            }
        }
        JsonNode n = om.readTree(start.toFile());
        Map<String, String> params = new LinkedHashMap<>();
        n.path("parameters").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
        List<Path> reads = new ArrayList<>();
        n.path("allow_read").forEach(x -> reads.add(Path.of(x.asText())));
        List<Path> writes = new ArrayList<>();
        n.path("allow_write").forEach(x -> writes.add(Path.of(x.asText())));
        Path script = Path.of(n.get("recipe").asText());
        main.out.println("adc: resuming " + rd + ": tasks with a complete result are kept, the others run again");
        Source source = Source.newBuilder("adc", n.get("text").asText(), n.path("name").asText(script.getFileName().toString())).build();
        Launch.Options o = new Launch.Options(script.getParent(), rd, params, reads, writes, false, true, null, false, false, false,
            spec.encode());
        return RunJournal.execute(o, source, main, err);
    }
}
