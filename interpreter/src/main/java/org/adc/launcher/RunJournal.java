package org.adc.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.adc.procedure.Journal;
import org.adc.procedure.ProcedureEngine;
import org.adc.procedure.RunControl;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/**
 * The launcher's side of a hardware run: the start record {@code resume.json} that lets
 * {@code adc run --resume RUN_DIR} start the same recipe with the same options again, the
 * pre-flight dry run before a wall-clock run, and the operator's controls while it runs (Ctrl-C
 * pauses at the next checkpoint and asks resume / abort / halt; a second Ctrl-C halts; the JVM
 * shutdown hook puts the devices into their safe state).
 */
final class RunJournal {
    private static final ObjectMapper OM = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJournal() {
    }

    /** Writes resume.json (schema adc-resume/1): what --resume needs to start the same run again. */
    static void writeStart(Path rd, Path script, String displayName, String text, Map<String, String> params, Path lab, boolean live,
                           boolean realTime, List<Path> allowRead, List<Path> allowWrite) throws IOException {
        ObjectNode n = OM.createObjectNode();
        n.put("schema", "adc-resume/1");
        n.put("started", Instant.now().toString());
        n.put("recipe", script.toAbsolutePath().normalize().toString());
        n.put("name", displayName);
        n.put("text", text);
        ObjectNode p = n.putObject("parameters");
        params.forEach(p::put);
        if (lab != null) {
            n.put("lab", lab.toAbsolutePath().normalize().toString());
        }
        n.put("live", live);
        n.put("real_time", realTime);
        allowRead.forEach(r -> n.withArray("allow_read").add(r.toAbsolutePath().normalize().toString()));
        allowWrite.forEach(w -> n.withArray("allow_write").add(w.toAbsolutePath().normalize().toString()));
        Files.writeString(rd.resolve("resume.json"), OM.writeValueAsString(n) + "\n");
        // the journal of an earlier run in the same directory must not be resumed into this one
        Files.deleteIfExists(rd.resolve("journal.jsonl"));
        Files.deleteIfExists(rd.resolve("run.json"));
        // --resume trusts resume.json only with adc's seal (a recipe cannot write it, nor forge the seal)
        RunSeal.seal(rd, System.err, "resume.json", "run.json");
    }

    /**
     * Dry-runs the whole recipe on the twins in virtual time, held to the recipe's own limits and the lab
     * file's, before any device moves; prints the planned steps and the total duration, or refuses.
     */
    static int preflight(Source source, Path dir, Path rd, Map<String, String> params, List<Path> allowRead, List<Path> allowWrite,
                         Path lab, PrintStream out, PrintStream err) throws IOException {
        Path pf = rd.resolve("preflight");
        Files.createDirectories(pf);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Launch.Options o = new Launch.Options(dir, pf, params, allowRead, allowWrite, false, false, lab, false, false, true);
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), buf, buf)) {
            ctx.eval(source);
        } catch (PolyglotException e) {
            Files.write(pf.resolve("output.txt"), buf.toByteArray());
            if (e.isExit() && e.getExitStatus() == 0) {
                return Launch.OK;
            }
            err.println("adc run: refused at pre-flight: the dry run of the whole recipe on the digital twins (virtual time, the recipe's "
                + "limits and the lab file's) failed; no device was touched");
            Launch.report(e, err);
            return Launch.CHECK_ERROR;
        }
        Files.write(pf.resolve("output.txt"), buf.toByteArray());
        Path plan = pf.resolve("plan.txt");
        out.println("pre-flight ok (dry run on the digital twins, details in " + pf + "): "
            + (Files.exists(plan) ? Files.readString(plan).stripTrailing() : "no device steps"));
        return Launch.OK;
    }

    /** True (after printing the error) when the recipe does not parse; checked in a context with no files. */
    static boolean syntaxError(Source source, PrintStream err) {
        Launch.Options o = new Launch.Options(null, null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream(),
            java.io.OutputStream.nullOutputStream())) {
            ctx.parse(source);
            return false;
        } catch (PolyglotException e) {
            if (e.isSyntaxError()) {
                Launch.report(e, err);
                return true;
            }
            return false;
        }
    }

    /** Runs the recipe with the operator's controls in place (wall-clock runs) and returns the exit code. */
    static int execute(Launch.Options o, Source source, Main main, PrintStream err) {
        return execute(o, source, main, err, false);
    }

    /** @param confirmOutputs --confirm-outputs: a resume switches the listed outputs back on without asking */
    static int execute(Launch.Options o, Source source, Main main, PrintStream err, boolean confirmOutputs) {
        RunControl.reset();
        RunControl.setConfirmOutputs(outputs -> confirm(outputs, confirmOutputs, main, err));
        boolean interactive = o.realTime() || o.live();
        Thread hook = new Thread(RunJournal::emergencyStop, "adc-safe-state");
        if (interactive) {
            installControls(main, err);
            Runtime.getRuntime().addShutdownHook(hook);
        }
        Instant started = Instant.now();
        int code = Launch.INTERNAL_ERROR;
        String reason = "internal error in adc";
        Signals signals = null;
        // memory set aside so that the record can still be written after the recipe exhausted the heap
        byte[] reserve = new byte[16 << 20];
        Context ctx = null;
        if (!interactive && o.runRecord() && o.runDir() != null) {
            signals = Signals.install(o.runDir(), source, o.params(), started, err);
        }
        try {
            ctx = Launch.context(o, main.in, main.out, err);
            if (signals != null) {
                signals.attach(ctx);
            }
            ctx.eval(source);
            code = Launch.OK;
            reason = null;
        } catch (PolyglotException e) {
            if (outOfMemory(e)) {
                reserve = null;
                code = outOfMemory(err);
                reason = "out of memory (Java heap space)";
            } else {
                code = Launch.report(e, err);
                reason = RunEnd.reason(e);
            }
        } catch (RuntimeException | Error e) {
            reserve = null;
            if (outOfMemory(e)) {
                code = outOfMemory(err);
                reason = "out of memory (Java heap space)";
            } else {
                // a failure outside the guest (a host error): still an honest record, never "ok"
                code = Launch.internal(e, err);
                reason = "internal error in adc: " + e;
            }
        } finally {
            reserve = null;
            if (ctx != null) {
                // the end of the context: devices safe, logs closed, the context's own record written
                try {
                    ctx.close();
                } catch (PolyglotException e) {
                    if (code == Launch.OK && !e.isCancelled()) {
                        code = Launch.report(e, err);
                        reason = RunEnd.reason(e);
                    }
                } catch (RuntimeException | Error e) {
                    if (code == Launch.OK) {
                        code = outOfMemory(e) ? outOfMemory(err) : Launch.internal(e, err);
                        reason = "internal error in adc while ending the run: " + e;
                    }
                }
            }
            if (signals != null) {
                signals.restore();
                if (signals.received() != 0) {
                    code = signals.received();
                    reason = "interrupted by " + (code == 130 ? "SIGINT (Ctrl-C)" : "SIGTERM");
                }
            }
            if (o.runRecord() && o.runDir() != null) {
                RunEnd.settle(o.runDir(), code, reason, source, o.params(), started, err);
            }
            if (interactive) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running
                }
                RunControl.setPrompt(null);
                RunControl.setStatus(null);
            }
            RunControl.setConfirmOutputs(null);
        }
        return code;
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof PolyglotException p && p.isResourceExhausted()
                && String.valueOf(p.getMessage()).contains("heap space")) {
                return true;
            }
        }
        return false;
    }

    private static int outOfMemory(PrintStream err) {
        err.println("error: out of memory: the recipe needs more memory than the Java heap allows");
        err.println("  hint: reduce the problem size, or give adc more memory with ADC_JAVA_OPTS=-Xmx8g");
        return Launch.RUNTIME_ERROR;
    }

    /** JVM shutdown (System.exit, a signal without a handler) during a run: the safe state from here, then the logs. */
    private static void emergencyStop() {
        ProcedureEngine e = RunControl.active();
        if (e == null || e.isShutDown()) {
            return;
        }
        // the devices first, concurrently, from here; then the recipe's thread gets a moment to close its logs
        RunControl.signalHalt("JVM shutdown");
        for (int i = 0; i < 30 && !e.isShutDown(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ie) {
                break;
            }
        }
        e.shutdown("JVM shutdown");
    }

    private static void installControls(Main main, PrintStream err) {
        BufferedReader in = new BufferedReader(new InputStreamReader(main.in, StandardCharsets.UTF_8));
        RunControl.setPrompt(q -> {
            err.print("\n" + q);
            err.flush();
            try {
                String line = in.readLine();
                return line == null ? "abort" : line;
            } catch (IOException e) {
                return "abort";
            }
        });
        for (String sig : List.of("TERM", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> {
                    if (RunControl.active() == null) {
                        // no run in progress (starting, or writing its record): end the ordinary way
                        System.exit(128 + s.getNumber());
                    }
                    err.println("\nadc: SIG" + sig + ": halting, every device to its safe state now");
                    RunControl.signalHalt("SIG" + sig);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal here (Windows has no SIGHUP): the JVM's shutdown hook covers it
            }
        }
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> {
                RunControl.interrupt();
                err.println("\nadc: pausing at the next checkpoint (Ctrl-C again halts: safe state at once)");
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: the run stops the ordinary way
        }
        if (System.console() != null) {
            RunControl.setStatus(line -> {
                err.print("\r\033[K" + (line.length() > 150 ? line.substring(0, 150) : line));
                err.flush();
            });
        }
    }

    /**
     * Lists the outputs a resumed run is about to switch back on and asks: yes with --confirm-outputs, else a
     * question on the terminal; without a terminal the answer is no.
     */
    private static boolean confirm(List<String> outputs, boolean confirmed, Main main, PrintStream err) {
        err.println("adc: resuming switches these outputs back on:");
        outputs.forEach(o -> err.println("  " + o));
        if (confirmed) {
            err.println("adc: confirmed by --confirm-outputs");
            return true;
        }
        if (System.console() == null) {
            err.println("adc: not confirmed: no terminal to ask; add --confirm-outputs to confirm them");
            return false;
        }
        err.print("switch them back on? [y/N] ");
        err.flush();
        try {
            String line = new BufferedReader(new InputStreamReader(main.in, StandardCharsets.UTF_8)).readLine();
            return line != null && line.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }

    /** adc run --resume RUN_DIR. */
    static int resume(Main.Run run, Path rd, Main main, PrintStream err) throws IOException {
        if (run.file != null) {
            err.println("adc run --resume takes the run directory only: the recipe, parameters and options are those the run started with");
            return Launch.USAGE_ERROR;
        }
        Path start = rd.resolve("resume.json");
        if (!Files.isRegularFile(start)) {
            err.println("adc run --resume: " + rd + " is not the directory of a run started by adc run (no resume.json)");
            return Launch.USAGE_ERROR;
        }
        RunSeal.State sealed = RunSeal.check(rd, "resume.json");
        if (sealed != RunSeal.State.SEALED) {
            err.println("adc run --resume: refused: " + start + (switch (sealed) {
                case TAMPERED -> " was changed after adc wrote it (its seal in " + RunSeal.FILE + " does not match)";
                case OTHER_KEY -> " was sealed by adc under another user account or on another machine";
                default -> " carries no seal of adc (written by an older adc, or not by adc)";
            }));
            err.println("  hint: a resume takes its recipe and options only from a start record adc itself wrote; start the recipe again "
                + "with adc run");
            return Launch.USAGE_ERROR;
        }
        Path record = rd.resolve("run.json");
        if (Files.isRegularFile(record)) {
            String status = OM.readTree(record.toFile()).path("status").asText("?");
            boolean stopped = status.equals("halted") || status.equals("aborted") || status.equals("error");
            if (!stopped) {
                err.println("adc run --resume: the run in " + rd + " already ended (status: " + status + "); there is nothing to resume");
                return Launch.USAGE_ERROR;
            }
            if (!run.force) {
                err.println("adc run --resume: refused: the run in " + rd + " was " + (status.equals("error") ? "stopped by an error" : status)
                    + " on purpose (run.json status: " + status + "); resuming it would switch its outputs back on");
                err.println("  hint: if the cause is dealt with and you mean to go on, add --force (the outputs are listed and confirmed first)");
                return Launch.USAGE_ERROR;
            }
            err.println("adc run --resume: note: resuming a run that was " + status + " (--force)");
        }
        Journal.Replay r = Journal.load(rd);
        if (r == null) {
            err.println("adc run --resume: the run in " + rd + " has no checkpoint in its journal (it stopped before its first step)");
            err.println("  hint: start the recipe again");
            return Launch.USAGE_ERROR;
        }
        Journal.Checkpoint last = r.last();
        if (!last.resumable()) {
            err.println("adc run --resume: refused: the run stopped at t = " + String.format(java.util.Locale.ROOT, "%.3f", last.t() / 3600)
                + " h in step " + last.op() + (last.step() == null ? "" : " (" + last.step() + ")") + ", inside a non-resumable section: "
                + last.reason());
            err.println("  hint: this section must not run twice on the same sample; start a new run");
            return Launch.RUNTIME_ERROR;
        }
        JsonNode n = OM.readTree(start.toFile());
        Map<String, String> params = new LinkedHashMap<>();
        n.path("parameters").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
        List<Path> reads = new ArrayList<>();
        n.path("allow_read").forEach(x -> reads.add(Path.of(x.asText())));
        List<Path> writes = new ArrayList<>();
        n.path("allow_write").forEach(x -> writes.add(Path.of(x.asText())));
        Path lab = n.has("lab") ? Path.of(n.get("lab").asText()) : null;
        boolean live = n.path("live").asBoolean();
        boolean realTime = n.path("real_time").asBoolean();
        String mismatch = Permissions.confirm(run, reads, writes, lab, live);
        if (mismatch != null) {
            err.println("adc run --resume: refused: the permissions on the command line differ from those the run started with: " + mismatch);
            err.println("  hint: permissions are never taken from the run directory; repeat them to resume: "
                + Permissions.command(rd, reads, writes, lab, live));
            return Launch.USAGE_ERROR;
        }
        Path script = Path.of(n.get("recipe").asText());
        String text = n.get("text").asText();
        if (Files.isRegularFile(script) && !Files.readString(script).equals(text)) {
            err.println("adc run --resume: note: " + script + " changed since the run started; resuming the recipe as it was then");
        }
        if (live) {
            try {
                org.adc.device.config.LabConfig.load(lab).checkPorts();
            } catch (org.adc.device.config.LabConfigError e) {
                err.println("adc run --resume: " + e.getMessage());
                return Launch.USAGE_ERROR;
            }
        }
        main.out.println("adc: resuming " + rd + " from t = " + String.format(java.util.Locale.ROOT, "%.1f", last.t()) + " s (step "
            + last.op() + (last.step() == null ? "" : ", " + last.step()) + ")");
        Source source = Source.newBuilder("adc", text, n.path("name").asText(script.getFileName().toString())).build();
        Launch.Options o = new Launch.Options(script.getParent(), rd, params, reads, writes, realTime, true, lab, live, true, false);
        return execute(o, source, main, err, run.confirmOutputs);
    }
}
