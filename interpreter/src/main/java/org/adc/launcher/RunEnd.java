package org.adc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * The launcher's guarantee that every end of a recorded run leaves an honest {@code run.json}: after the context has
 * closed, the record's status and exit status are made to agree with the exit code the process returns (an internal
 * error, a stack overflow, heap exhaustion or a signal never leaves "ok"), and a run that ended before the context could
 * write its record (cancelled by SIGINT/SIGTERM, killed inside a library call, a syntax error) gets a short one written
 * here. The record is then sealed ({@link RunSeal}).
 *
 * <p>Statuses: "ok" (exit 0), "error" (a recipe error, exit 1, or a check/syntax error, exit 3), "aborted" and "halted"
 * (the operator stopped a hardware run), "internal_error" (exit 70), "interrupted" (SIGINT: exit 130, SIGTERM: exit 143).
 */
final class RunEnd {
    private static final ObjectMapper OM = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunEnd() {
    }

    /** One line saying why a run failed, for the record (the console shows the full report). */
    static String reason(PolyglotException e) {
        if (e.isResourceExhausted()) {
            return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("stack")
                ? "recursion too deep (the stack overflowed)" : "out of resources: " + e.getMessage();
        }
        if (e.isCancelled() || e.isInterrupted()) {
            return "interrupted";
        }
        if (e.isInternalError() || e.isHostException() || !e.isGuestException()) {
            return "internal error in adc: " + e.getMessage();
        }
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    static String statusFor(int code) {
        return switch (code) {
            case 0 -> "ok";
            case Launch.INTERNAL_ERROR -> "internal_error";
            case 130, 143 -> "interrupted";
            default -> "error";
        };
    }

    /**
     * Makes run.json in {@code runDir} agree with {@code code}, writing a short record if the run left none, then seals it.
     *
     * @param reason why the run ended (null when it ended well)
     */
    static void settle(Path runDir, int code, String reason, Source source, Map<String, String> params, Instant started, PrintStream err) {
        Path rj = runDir.resolve("run.json");
        try {
            ObjectNode root = null;
            if (Files.isRegularFile(rj)) {
                try {
                    JsonNode n = OM.readTree(rj.toFile());
                    root = n instanceof ObjectNode o ? o : null;
                } catch (IOException e) {
                    root = null;
                }
            }
            if (root == null) {
                root = OM.createObjectNode();
                root.put("schema", org.adc.runtime.RunRecord.SCHEMA);
                root.put("status", statusFor(code));
                root.put("exit_status", code);
                root.put("started", started.toString());
                root.put("ended", Instant.now().toString());
                root.put("duration_s", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
                ObjectNode recipe = root.putObject("recipe");
                recipe.put("path", source.getName());
                String text = source.getCharacters().toString();
                recipe.put("sha256", org.adc.runtime.RunRecord.sha256(text.getBytes(StandardCharsets.UTF_8)));
                recipe.put("text", text);
                ObjectNode set = root.putObject("set");
                params.forEach(set::put);
                root.put("note", "written by the launcher: the run ended before it could write its own record "
                    + "(no inputs, outputs or events are listed)");
            }
            String status = root.path("status").asText("ok");
            boolean operatorStop = status.equals("aborted") || status.equals("halted");
            if (code != 0 && !operatorStop) {
                root.put("status", statusFor(code));
            } else if (code == 0 && !status.equals("ok") && !operatorStop) {
                root.put("status", "ok");
            }
            root.put("exit_status", code);
            if (code != 0 && reason != null && (!root.has("error") || !statusFor(code).equals("error"))) {
                root.put("error", reason);
            }
            Files.writeString(rj, OM.writeValueAsString(root) + "\n");
        } catch (IOException | RuntimeException e) {
            err.println("adc: could not complete the run record " + rj + ": " + e.getMessage());
        }
        RunSeal.seal(runDir, err, "run.json");
    }
}
