package org.adc.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.AdcLanguage;
import org.adc.lang.Values;
import org.adc.procedure.ProcedureEngine;

/**
 * The record every {@code adc run} leaves in its run directory as {@code run.json}: what ran
 * (recipe text and SHA-256), with what (resolved parameters, input files and their hashes), on
 * what (adc version and git commit, Java, Truffle runtime, OS), what happened (devices, events),
 * what came out (output files and hashes), when, and how it ended. Schema "adc-run/2" (docs/run-record.md), which adds to:
 * <pre>
 * { schema, status ("ok" | "error" | "aborted" | "halted"), error, started, ended, recipe {path, sha256, text},
 *   parameters {name: value}, inputs [{path, resolved, sha256}], outputs [{path, bytes, sha256}],
 *   devices [identity], events [{t_s, kind, message}], software {adc, git, java, runtime, os} }
 * </pre>
 * the --set values, seeded library calls and their streams, thread counts, exit status, duration,
 * stdout.txt among the outputs, tolerances, the mode (live, real time, lab file) and the bundle a
 * run came from; {@code adc verify} reads it back.
 */
public final class RunRecord {
    /** The schema this version writes; {@code adc verify} reads this one and "adc-run/1". */
    public static final String SCHEMA = "adc-run/2";
    private final Instant startedAt = Instant.now();
    private final String started = startedAt.toString();
    private String recipePath;
    private String recipeText;
    private String status = "ok";
    private String error;
    private int exitStatus;

    public void recipe(String path, String text) {
        if (recipePath == null) {
            recipePath = path;
            recipeText = text;
        }
    }

    public void failed(String message) {
        failed(message, 1);
    }

    /** The run ended with an error (exit status 1) or an explicit exit with a status. */
    public void failed(String message, int exit) {
        if (exit != 0) {
            status = "error";
            error = message;
        }
        exitStatus = exit;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(TruffleFile f) throws IOException {
        try (InputStream in = f.newInputStream()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes run.json into the run directory (after the devices are safe and the logs closed). */
    @TruffleBoundary
    public void write(TruffleLanguage.Env env, ScriptEnv scriptEnv, Map<String, Object> parameters, ProcedureEngine engine) {
        write(env, scriptEnv, parameters, engine, Map.of(), null, null);
    }

    /**
     * Writes run.json. @param overrides the --set values as given; @param random the seeded calls;
     * @param stdout the console output file written into the run directory (or null)
     */
    @TruffleBoundary
    public void write(TruffleLanguage.Env env, ScriptEnv scriptEnv, Map<String, Object> parameters, ProcedureEngine engine,
                      Map<String, String> overrides, RandomStreams random, String stdout) {
        if (scriptEnv.runDir() == null || recipePath == null) {
            return;
        }
        TruffleFile runDir = env.getPublicTruffleFile(scriptEnv.runDir());
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("status", engine != null && engine.outcome() != null ? engine.outcome() : status);
        root.put("exit_status", exitStatus);
        if (error != null) {
            root.put("error", error);
        }
        Instant endedAt = Instant.now();
        root.put("started", started);
        root.put("ended", endedAt.toString());
        root.put("duration_s", (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        ObjectNode recipe = root.putObject("recipe");
        recipe.put("path", recipePath);
        String resolved = null;
        try {
            TruffleFile rf = scriptEnv.scriptDir() == null ? env.getPublicTruffleFile(recipePath).getAbsoluteFile()
                : env.getPublicTruffleFile(scriptEnv.scriptDir()).resolve(env.getPublicTruffleFile(recipePath).getName());
            resolved = rf.normalize().getPath();
            recipe.put("resolved", resolved);
            recipe.put("from_run_dir", runDir.getAbsoluteFile().normalize().relativize(rf.normalize()).getPath());
        } catch (RuntimeException ex) {
            // a recipe without a file (tests): path only
        }
        recipe.put("sha256", sha256(recipeText.getBytes(StandardCharsets.UTF_8)));
        recipe.put("text", recipeText);
        ObjectNode set = root.putObject("set");
        overrides.forEach(set::put);
        ObjectNode params = root.putObject("parameters");
        parameters.forEach((k, v) -> params.put(k, Values.repr(v)));
        ObjectNode rnd = root.putObject("random");
        rnd.put("generator", "xoshiro256** seeded through SplitMix64 (org.adc.random.StreamRng); stream i of seed s is "
            + "StreamRng.forStream(s, i), a pure function of (s, i)");
        ArrayNode streams = rnd.putArray("seeded_calls");
        ObjectNode threads = root.putObject("threads");
        threads.put("available_processors", Runtime.getRuntime().availableProcessors());
        // NEB evaluates images on the common fork-join pool; its results do not depend on it
        threads.put("common_pool", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        ObjectNode requested = threads.putObject("requested");
        if (random != null) {
            for (RandomStreams.Use u : random.uses()) {
                ObjectNode o = streams.addObject();
                o.put("function", u.function());
                o.put("site", u.site());
                o.put("seed", u.seed());
                if (u.threads() != null) {
                    o.put("threads", u.threads());
                }
                if (u.replicas() != null) {
                    o.put("replicas", u.replicas());
                }
                o.put("streams", u.streams());
            }
            if (random.dropped() > 0) {
                rnd.put("not_recorded", random.dropped());
            }
            random.threadCounts().forEach(requested::put);
        }
        if (!scriptEnv.externalPrograms().isEmpty()) {
            ArrayNode ext = root.putArray("external_programs");
            for (Object[] e : scriptEnv.externalPrograms()) {
                ObjectNode x = ext.addObject();
                x.put("name", (String) e[0]);
                ArrayNode cmd = x.putArray("command");
                ((java.util.List<?>) e[1]).forEach(c -> cmd.add(c.toString()));
                String v = ((java.util.function.Supplier<?>) e[2]).get() instanceof String s ? s : null;
                if (v != null) {
                    x.put("version", v);
                } else {
                    x.putNull("version");
                }
            }
        }
        ArrayNode inputs = root.putArray("inputs");
        for (Map.Entry<String, String> e : scriptEnv.filesRead().entrySet()) {
            ObjectNode in = inputs.addObject();
            in.put("path", e.getKey());
            in.put("resolved", e.getValue());
            try {
                TruffleFile f = env.getPublicTruffleFile(e.getValue());
                in.put("bytes", f.size());
                in.put("sha256", sha256(f));
            } catch (IOException | SecurityException ex) {
                in.put("sha256", "unreadable: " + ex.getMessage());
            }
        }
        ArrayNode outputs = root.putArray("outputs");
        java.util.List<String> outs = new java.util.ArrayList<>(scriptEnv.filesWritten());
        if (stdout != null) {
            outs.add(stdout);
        }
        for (String out : outs) {
            TruffleFile f = runDir.resolve(out);
            ObjectNode o = outputs.addObject();
            o.put("path", out);
            if (out.equals(stdout)) {
                o.put("kind", "console");
            }
            try {
                o.put("bytes", f.size());
                o.put("sha256", sha256(f));
            } catch (IOException | SecurityException ex) {
                o.put("sha256", "unreadable: " + ex.getMessage());
            }
        }
        if (scriptEnv.clusterExecutor() != null && scriptEnv.clusterExecutor().describe() != null) {
            root.set("executor", scriptEnv.clusterExecutor().describe());
        }
        if (scriptEnv.clusterExecutor() != null && scriptEnv.clusterExecutor().hasTasks()) {
            // every task that went to the cluster: job/array/step id, node, start/end, exit status, restarts, result hash
            root.set("tasks", scriptEnv.clusterExecutor().tasksJson());
        }
        ArrayNode tol = root.putArray("tolerances");
        scriptEnv.tolerances().forEach((path, t) -> {
            ObjectNode o = tol.addObject();
            o.put("path", path);
            o.put("rel", t[0]);
            o.put("abs", t[1]);
        });
        ObjectNode mode = root.putObject("mode");
        mode.put("live", scriptEnv.isLive());
        mode.put("real_time", scriptEnv.isRealTime());
        if (!scriptEnv.labFile().isEmpty()) {
            mode.put("lab", scriptEnv.labFile()); // the path only: lab configuration never goes into records or bundles
        }
        ArrayNode devices = root.putArray("devices");
        ArrayNode events = root.putArray("events");
        if (engine != null) {
            engine.devices().forEach(d -> devices.add(d.name() + ": " + d.identity()));
            if (!engine.finalStates().isEmpty()) {
                // each instrument's state at the end: "output OFF (confirmed)", "UNREACHABLE — still at 100 °C setpoint"
                ObjectNode fs = root.putObject("final_state");
                engine.finalStates().forEach(fs::put);
            }
            for (ProcedureEngine.Event ev : engine.events()) {
                ObjectNode e = events.addObject();
                e.put("t_s", ev.t());
                e.put("kind", ev.kind());
                e.put("message", ev.message());
            }
        }
        ObjectNode sw = root.putObject("software");
        sw.put("adc", AdcLanguage.VERSION);
        sw.put("git", System.getProperty("adc.git", "unknown"));
        sw.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        sw.put("java_vendor", System.getProperty("java.vendor", ""));
        sw.put("runtime", Truffle.getRuntime().getName());
        sw.put("truffle", truffleVersion());
        sw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        sw.put("host", hostName());
        try {
            if (!runDir.exists()) {
                runDir.createDirectories();
            }
            try (Writer w = runDir.resolve("run.json").newBufferedWriter(StandardCharsets.UTF_8)) {
                w.write(om.writeValueAsString(root));
                w.write('\n');
            }
        } catch (IOException | SecurityException e) {
            scriptEnv.out().println("adc: could not write the run record: " + e.getMessage());
        }
    }

    private static String truffleVersion() {
        String v = null;
        try {
            v = org.graalvm.home.Version.getCurrent().toString();
        } catch (Throwable t) {
            // older polyglot API
        }
        if (v == null || v.equals("snapshot")) {
            // the version in the name of the Truffle API jar (truffle-api-25.0.1.jar)
            try {
                String jar = Truffle.class.getProtectionDomain().getCodeSource().getLocation().getPath();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("truffle-api-([^/]+)\\.jar$").matcher(jar);
                if (m.find()) {
                    v = m.group(1);
                }
            } catch (RuntimeException e) {
                // not from a jar
            }
        }
        return v == null ? "unknown" : v;
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                h = "unknown";
            }
        }
        return h;
    }

    /** Parameters used, for tests. */
    public static Map<String, Object> none() {
        return new LinkedHashMap<>();
    }
}
