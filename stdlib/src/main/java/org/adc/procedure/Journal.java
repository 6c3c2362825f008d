package org.adc.procedure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The run's journal, {@code journal.jsonl} in the run directory: one JSON object a line, appended
 * as the recipe runs and fsynced per line on the wall clock. A checkpoint line records the number
 * of the step (device operation, hold, end of a parallel block) and whether it is done, the run
 * time, the progress of a hold, whether the section is resumable, each device's state and each
 * log's next row time; an event line records a run event. {@code adc run --resume RUN_DIR} reads it
 * back ({@link #load}): the recipe is replayed without touching the devices up to the last
 * checkpoint, whose state is restored, and then goes on live.
 * <pre>
 * {"k":"cp","op":3,"done":false,"t":5400.0,"held":1800.0,"resumable":true,"utc":"2026-12-08T01:00:00Z","reason":null,
 *  "devices":{"furnace":[...],"smu":[...]},"logs":{"adc.csv":5401.0}}
 * {"k":"ev","t":5400.0,"kind":"limit","message":"..."}
 * </pre>
 */
public final class Journal {
    static final String FILE = "journal.jsonl";
    private static final ObjectMapper OM = new ObjectMapper();

    /** One checkpoint. */
    public record Checkpoint(int op, boolean done, double t, double held, boolean resumable, String reason, String step,
                             Map<String, double[]> devices, Map<String, Double> logs, long console) {
    }

    /** What a resumed run needs: the state after each finished step, the last checkpoint, the events so far. */
    public record Replay(Map<Integer, Checkpoint> done, Checkpoint last, List<ProcedureEngine.Event> events, String lastUtc) {
        /** The checkpoint at the end of step {@code op}, if that step finished before the last checkpoint. */
        Checkpoint doneAt(int op) {
            return last == null || op > last.op() || (op == last.op() && !last.done()) ? null : done.get(op);
        }
    }

    private final LogFile file;
    private final boolean durable;

    Journal(LogFile file, boolean durable) {
        this.file = file;
        this.durable = durable;
    }

    void checkpoint(Checkpoint c) {
        ObjectNode n = OM.createObjectNode();
        n.put("k", "cp");
        n.put("op", c.op());
        n.put("done", c.done());
        n.put("t", c.t());
        n.put("held", c.held());
        n.put("resumable", c.resumable());
        if (durable) {
            // wall-clock runs: when, for the downtime a resume records (a dry run's journal stays reproducible)
            n.put("utc", java.time.Instant.now().toString());
        }
        if (c.reason() != null) {
            n.put("reason", c.reason());
        }
        if (c.step() != null) {
            n.put("step", c.step());
        }
        ObjectNode d = n.putObject("devices");
        c.devices().forEach((k, v) -> {
            var a = d.putArray(k);
            for (double x : v) {
                a.add(x);
            }
        });
        ObjectNode l = n.putObject("logs");
        c.logs().forEach(l::put);
        if (c.console() >= 0) {
            n.put("console", c.console());
        }
        line(n);
    }

    void event(ProcedureEngine.Event e) {
        ObjectNode n = OM.createObjectNode();
        n.put("k", "ev");
        n.put("t", e.t());
        n.put("kind", e.kind());
        n.put("message", e.message());
        line(n);
    }

    private void line(ObjectNode n) {
        try {
            file.write(OM.writeValueAsString(n) + "\n");
            if (durable) {
                file.sync();
            }
        } catch (IOException e) {
            throw new ProcedureError("cannot write the journal: " + e.getMessage(), "check the disk of the run directory");
        }
    }

    void sync() {
        try {
            file.sync();
        } catch (IOException e) {
            throw new ProcedureError("cannot write the journal: " + e.getMessage(), "check the disk of the run directory");
        }
    }

    void flush() {
        try {
            file.flush();
        } catch (IOException e) {
            throw new ProcedureError("cannot write the journal: " + e.getMessage(), "check the disk of the run directory");
        }
    }

    void close() {
        try {
            file.close();
        } catch (IOException e) {
            // the journal is only needed to resume; closing it late is harmless
        }
    }

    /** Reads a journal; a torn last line (the crash hit it) is ignored. Null when there is no checkpoint. */
    public static Replay load(Path runDir) throws IOException {
        Path p = runDir.resolve(FILE);
        if (!Files.exists(p)) {
            return null;
        }
        Map<Integer, Checkpoint> done = new HashMap<>();
        List<ProcedureEngine.Event> events = new ArrayList<>();
        Checkpoint last = null;
        String lastUtc = null;
        for (String line : Files.readAllLines(p)) {
            JsonNode n;
            try {
                n = OM.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            if (n == null || !n.has("k")) {
                continue;
            }
            if (n.get("k").asText().equals("ev")) {
                events.add(new ProcedureEngine.Event(n.get("t").asDouble(), n.get("kind").asText(), n.get("message").asText()));
                continue;
            }
            Map<String, double[]> devs = new LinkedHashMap<>();
            n.get("devices").fields().forEachRemaining(f -> {
                double[] v = new double[f.getValue().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = f.getValue().get(i).asDouble();
                }
                devs.put(f.getKey(), v);
            });
            Map<String, Double> logs = new LinkedHashMap<>();
            n.get("logs").fields().forEachRemaining(f -> logs.put(f.getKey(), f.getValue().asDouble()));
            Checkpoint c = new Checkpoint(n.get("op").asInt(), n.get("done").asBoolean(), n.get("t").asDouble(), n.get("held").asDouble(),
                n.get("resumable").asBoolean(), n.has("reason") ? n.get("reason").asText() : null,
                n.has("step") ? n.get("step").asText() : null, devs, logs, n.has("console") ? n.get("console").asLong() : -1);
            if (c.done()) {
                done.put(c.op(), c);
            }
            last = c;
            lastUtc = n.has("utc") ? n.get("utc").asText() : null;
        }
        return last == null ? null : new Replay(done, last, events, lastUtc);
    }
}
