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
 * what came out (output files and hashes), when, and how it ended. Schema "adc-run/1":
 * <pre>
 * { schema, status ("ok" | "error" | "aborted" | "halted"), error, started, ended, recipe {path, sha256, text},
 *   parameters {name: value}, inputs [{path, resolved, sha256}], outputs [{path, bytes, sha256}],
 *   devices [identity], events [{t_s, kind, message}], software {adc, git, java, runtime, os} }
 * </pre>
 */
public final class RunRecord {
    private final String started = Instant.now().toString();
    private String recipePath;
    private String recipeText;
    private String status = "ok";
    private String error;

    public void recipe(String path, String text) {
        if (recipePath == null) {
            recipePath = path;
            recipeText = text;
        }
    }

    public void failed(String message) {
        status = "error";
        error = message;
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
        if (scriptEnv.runDir() == null || recipePath == null) {
            return;
        }
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("schema", "adc-run/1");
        root.put("status", engine != null && engine.outcome() != null ? engine.outcome() : status);
        if (error != null) {
            root.put("error", error);
        }
        root.put("started", started);
        root.put("ended", Instant.now().toString());
        ObjectNode recipe = root.putObject("recipe");
        recipe.put("path", recipePath);
        recipe.put("sha256", sha256(recipeText.getBytes(StandardCharsets.UTF_8)));
        recipe.put("text", recipeText);
        ObjectNode params = root.putObject("parameters");
        parameters.forEach((k, v) -> params.put(k, Values.repr(v)));
        ArrayNode inputs = root.putArray("inputs");
        for (Map.Entry<String, String> e : scriptEnv.filesRead().entrySet()) {
            ObjectNode in = inputs.addObject();
            in.put("path", e.getKey());
            in.put("resolved", e.getValue());
            try {
                in.put("sha256", sha256(env.getPublicTruffleFile(e.getValue())));
            } catch (IOException | SecurityException ex) {
                in.put("sha256", "unreadable: " + ex.getMessage());
            }
        }
        ArrayNode outputs = root.putArray("outputs");
        for (String out : scriptEnv.filesWritten()) {
            TruffleFile f = env.getPublicTruffleFile(scriptEnv.runDir()).resolve(out);
            ObjectNode o = outputs.addObject();
            o.put("path", out);
            try {
                o.put("bytes", f.size());
                o.put("sha256", sha256(f));
            } catch (IOException | SecurityException ex) {
                o.put("sha256", "unreadable: " + ex.getMessage());
            }
        }
        ArrayNode devices = root.putArray("devices");
        ArrayNode events = root.putArray("events");
        if (engine != null) {
            engine.devices().forEach(d -> devices.add(d.name() + ": " + d.identity()));
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
        sw.put("runtime", Truffle.getRuntime().getName());
        sw.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        try {
            TruffleFile dir = env.getPublicTruffleFile(scriptEnv.runDir());
            if (!dir.exists()) {
                dir.createDirectories();
            }
            try (Writer w = dir.resolve("run.json").newBufferedWriter(StandardCharsets.UTF_8)) {
                w.write(om.writeValueAsString(root));
                w.write('\n');
            }
        } catch (IOException | SecurityException e) {
            scriptEnv.out().println("adc: could not write the run record: " + e.getMessage());
        }
    }

    /** Parameters used, for tests. */
    public static Map<String, Object> none() {
        return new LinkedHashMap<>();
    }
}
