package org.adc.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adc verify RUN_DIR}: reruns a recorded run and checks that it reproduces. The rerun uses
 * the recipe as it is now (the file the record names, found next to the run directory as recorded,
 * or the recipe inside the recorded bundle; the recorded text if the file is gone), the recorded
 * --set values, and runs every device as its digital twin on virtual time: hardware is re-checked as
 * a dry run (pre-flight), never driven. Every recorded output is compared bit for bit, or within
 * the tolerance the recipe declares with {@code tolerance(path, rel, abs)}. The report names each
 * output that differs (where and by how much) and each recorded fact that changed: recipe,
 * parameter, seed, input file hash, thread count, adc version; facts of the machine (git commit,
 * Java, Truffle runtime, OS, host) are reported but never fail the verification by themselves.
 * Exit code 0: reproduced; 1: not reproduced; 2: no usable run record.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Rerun a recorded run (its run.json) and check every output reproduces, bit for bit or within declared tolerances.")
final class Verify implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory with run.json")
    Path runDir;

    @Option(names = "--recipe", paramLabel = "FILE", description = "rerun this recipe file instead of the one the record names")
    Path recipeOverride;

    @Option(names = "--keep", paramLabel = "DIR", description = "write the rerun's outputs into DIR (default: a temporary folder, deleted)")
    Path keep;

    @Option(names = "--threads", paramLabel = "N", description = "rerun every library call that takes threads with N threads "
        + "(checks that outputs do not depend on the thread count)")
    int threads;

    @Option(names = "--allow-read", paramLabel = "PATH", description = "let the rerun read below PATH too (never taken from run.json)")
    List<Path> allowReadOption = new ArrayList<>();

    @Option(names = "--executor", paramLabel = "KIND", description = "rerun the fan-outs here (local, the default) or on the Slurm "
        + "cluster (slurm; the rerun directory must be visible to the nodes: use --keep DIR on a shared file system)")
    String executor = "local";

    @CommandLine.ParentCommand
    Main main;

    /** run.json carries adc's seal under this user's key: paths inside it may locate the recipe and the lab file. */
    private boolean trusted;

    private final List<String> changed = new ArrayList<>();
    private final List<String> environment = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean preflightFailed;

    @Override
    public Integer call() throws Exception {
        PrintStream out = main.out;
        PrintStream err = main.err;
        if (threads < 0) {
            err.println("adc verify: --threads needs a positive number, got " + threads);
            return Launch.USAGE_ERROR;
        }
        Path rj = runDir.resolve("run.json");
        if (!Files.isRegularFile(rj)) {
            err.println("adc verify: " + runDir + " has no run.json");
            err.println("  hint: give the run directory an `adc run` wrote (runs/NAME-TIMESTAMP)");
            return Launch.USAGE_ERROR;
        }
        JsonNode rec;
        try {
            rec = new ObjectMapper().readTree(rj.toFile());
        } catch (IOException e) {
            err.println("adc verify: " + rj + " is not a readable run record: " + e.getMessage());
            return Launch.USAGE_ERROR;
        }
        RunSeal.State seal = RunSeal.check(runDir, "run.json");
        if (seal == RunSeal.State.TAMPERED) {
            err.println("adc verify: refused: " + rj + " was changed after adc wrote it (its seal in " + RunSeal.FILE + " does not match)");
            err.println("  hint: a run record is verified only as adc wrote it; rerun the recipe to get a new record");
            return Launch.USAGE_ERROR;
        }
        trusted = seal == RunSeal.State.SEALED;
        if (!trusted) {
            notes.add("run.json is not sealed by adc under this user account (" + (seal == RunSeal.State.OTHER_KEY ? "another account or machine"
                : "no seal") + "): absolute paths and the lab file named in it are not used");
        }
        String schema = rec.path("schema").asText("");
        if (!schema.equals("adc-run/1") && !schema.equals(org.adc.runtime.RunRecord.SCHEMA)) {
            err.println("adc verify: " + rj + " has schema '" + schema + "'; this adc reads adc-run/1 and " + org.adc.runtime.RunRecord.SCHEMA);
            err.println("  hint: a newer adc wrote it; verify with that version");
            return Launch.USAGE_ERROR;
        }
        JsonNode recipe = rec.path("recipe");
        String name = recipe.path("path").asText("recipe.adc");
        Bundle.Opened bundle = null;
        Path rerunDir = null;
        try {
            // 1. the recipe to rerun
            Path file;
            Path scriptDir;
            String text;
            if (rec.has("bundle") && recipeOverride == null) {
                Path bp = find(rec.path("bundle"));
                if (bp == null) {
                    err.println("adc verify: the run came from the bundle " + rec.path("bundle").path("path").asText() + ", which is not found");
                    err.println("  hint: run adc verify from the folder the run was made in, or pass --recipe FILE");
                    return Launch.USAGE_ERROR;
                }
                try {
                    bundle = Bundle.open(bp);
                } catch (Bundle.BundleError e) {
                    err.println("adc verify: " + e.getMessage());
                    err.println("  hint: " + e.hint);
                    return Launch.USAGE_ERROR;
                }
                if (!bundle.sha256().equals(rec.path("bundle").path("sha256").asText())) {
                    changed.add("bundle " + bp + ": SHA-256 recorded " + shortHash(rec.path("bundle").path("sha256").asText()) + ", now "
                        + shortHash(bundle.sha256()));
                }
                file = bundle.recipeFile();
                scriptDir = bundle.dir();
                text = Files.readString(file);
            } else {
                file = recipeOverride != null ? recipeOverride : find(recipe);
                if (file != null && Files.isRegularFile(file)) {
                    file = file.toAbsolutePath().normalize();
                    scriptDir = file.toAbsolutePath().getParent();
                    text = Files.readString(file);
                } else {
                    text = recipe.path("text").asText("");
                    String resolved = recipe.path("resolved").asText("");
                    // the recorded text reads below its recorded folder only when adc sealed the record; else below the run directory
                    scriptDir = resolved.isEmpty() || !trusted || Path.of(resolved).getParent() == null ? runDir.toAbsolutePath()
                        : Path.of(resolved).getParent();
                    notes.add("the recipe file " + (resolved.isEmpty() ? name : resolved) + " is gone: rerunning the text stored in run.json");
                    file = null;
                }
            }
            // 2. rerun: recorded --set values, digital twins, virtual time, a fresh run directory
            Map<String, String> set = new LinkedHashMap<>();
            rec.path("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue().asText()));
            rerunDir = keep != null ? keep : Files.createTempDirectory("adc-verify-");
            Files.createDirectories(rerunDir);
            Files.deleteIfExists(rerunDir.resolve("run.json"));
            // the read sandbox: the recipe's folder and --allow-read, never paths from run.json (a recipe could have forged it)
            List<Path> allowRead = new ArrayList<>(allowReadOption);
            Path folder = SandboxFileSystem.canonical(scriptDir);
            for (JsonNode in : rec.path("inputs")) {
                String r = in.path("resolved").asText("");
                if (!r.isEmpty() && !r.contains("!/") && Path.of(r).isAbsolute() && !SandboxFileSystem.canonical(Path.of(r)).startsWith(folder)
                    && allowRead.stream().noneMatch(a -> SandboxFileSystem.canonical(Path.of(r)).startsWith(SandboxFileSystem.canonical(a)))) {
                    notes.add("the recorded run read " + r + " outside the recipe's folder; the rerun may read it only with --allow-read "
                        + Path.of(r).getParent());
                }
            }
            ByteArrayOutputStream rerunErr = new ByteArrayOutputStream();
            ByteArrayOutputStream rerunOut = new ByteArrayOutputStream();
            org.adc.executor.ExecutorSpec spec = new org.adc.executor.ExecutorSpec(executor, null, null, null, 1, 0, null, -1, -1);
            if (spec.problem() != null) {
                err.println("adc verify: " + spec.problem());
                return Launch.USAGE_ERROR;
            }
            if (spec.slurm()) {
                // the rerun's tasks read the recipe and parameters from the rerun directory, as a run's tasks do
                RunJournal.writeStart(rerunDir, file != null ? file : rerunDir.resolve(name), name, text, set, null, false, false, allowRead,
                    List.of());
            }
            Launch.Options o = new Launch.Options(scriptDir, rerunDir, set, allowRead, List.of(), false, true, null, false, false, false,
                spec.encode());
            Source src = Source.newBuilder("adc", text, name).build();
            int code;
            try (PrintStream po = new PrintStream(rerunOut, true, StandardCharsets.UTF_8);
                 PrintStream pe = new PrintStream(rerunErr, true, StandardCharsets.UTF_8)) {
                org.adc.runtime.RandomStreams.overrideThreads(Math.max(0, threads));
                try (Context ctx = Launch.context(o, InputStream.nullInputStream(), po, pe)) {
                    ctx.eval(src);
                    code = Launch.OK;
                } catch (PolyglotException e) {
                    code = Launch.report(e, pe);
                } finally {
                    org.adc.runtime.RandomStreams.overrideThreads(0);
                }
            }
            Path nj = rerunDir.resolve("run.json");
            if (!Files.isRegularFile(nj)) {
                out.println("verify " + runDir + ": FAILED, the rerun did not start (exit " + code + ")");
                out.print(indent(rerunErr.toString(StandardCharsets.UTF_8)));
                return Launch.RUNTIME_ERROR;
            }
            JsonNode now = new ObjectMapper().readTree(nj.toFile());
            // 3. compare
            return report(rec, now, code, rerunErr.toString(StandardCharsets.UTF_8), file, rerunDir);
        } finally {
            if (bundle != null) {
                bundle.delete();
            }
            if (rerunDir != null && keep == null) {
                Bundle.deleteTree(rerunDir);
            }
        }
    }

    /** A recorded file: {from_run_dir} next to the run directory, else {resolved}, else {path} from here. */
    private Path find(JsonNode f) {
        String rel = f.path("from_run_dir").asText("");
        if (!rel.isEmpty() && Files.isRegularFile(runDir.resolve(rel))) {
            return runDir.resolve(rel).normalize();
        }
        String abs = f.path("resolved").asText("");
        if (trusted && !abs.isEmpty() && Files.isRegularFile(Path.of(abs))) {
            return Path.of(abs);
        }
        String p = f.path("path").asText("");
        if (!p.isEmpty() && !p.contains("!/") && Files.isRegularFile(Path.of(p))) {
            return Path.of(p);
        }
        return null;
    }

    private int report(JsonNode rec, JsonNode now, int code, String rerunErr, Path file, Path rerunDir) throws IOException {
        PrintStream out = main.out;
        boolean live = rec.path("mode").path("live").asBoolean(false);
        // facts that can change the outputs
        JsonNode rr = rec.path("recipe");
        if (!rr.path("sha256").asText().equals(now.path("recipe").path("sha256").asText())) {
            changed.add("recipe " + (file == null || rec.has("bundle") ? rr.path("path").asText() : file) + ": changed since the run (SHA-256 recorded "
                + shortHash(rr.path("sha256").asText()) + ", now " + shortHash(now.path("recipe").path("sha256").asText()) + ")");
        }
        compareMaps("parameter", rec.path("parameters"), now.path("parameters"));
        compareSeeds(rec.path("random").path("seeded_calls"), now.path("random").path("seeded_calls"));
        compareInputs(rec.path("inputs"), now.path("inputs"));
        compareThreads(rec.path("threads").path("requested"), now.path("threads").path("requested"));
        String adcWas = rec.path("software").path("adc").asText("?");
        String adcNow = now.path("software").path("adc").asText("?");
        if (!adcWas.equals(adcNow)) {
            changed.add("adc version: recorded " + adcWas + ", now " + adcNow);
        }
        // facts of the machine: reported only
        for (String k : List.of("git", "java", "runtime", "truffle", "os", "host")) {
            String a = rec.path("software").path(k).asText("");
            String b = now.path("software").path(k).asText("");
            if (!a.equals(b)) {
                environment.add(k + ": recorded " + (a.isEmpty() ? "(not recorded)" : a) + ", now " + b);
            }
        }
        int pa = rec.path("threads").path("available_processors").asInt(0);
        int pb = now.path("threads").path("available_processors").asInt(0);
        if (pa != pb) {
            environment.add("processors: recorded " + (pa == 0 ? "(not recorded)" : pa) + ", now " + pb);
        }
        // outputs
        List<String> outLines = new ArrayList<>();
        int differ = 0;
        int compared = 0;
        Map<String, double[]> tol = new LinkedHashMap<>();
        for (JsonNode t : rec.path("tolerances")) {
            tol.put(t.path("path").asText(), new double[]{t.path("rel").asDouble(), t.path("abs").asDouble()});
        }
        for (JsonNode t : now.path("tolerances")) {
            tol.put(t.path("path").asText(), new double[]{t.path("rel").asDouble(), t.path("abs").asDouble()});
        }
        Map<String, JsonNode> newOuts = new LinkedHashMap<>();
        for (JsonNode o : now.path("outputs")) {
            newOuts.put(o.path("path").asText(), o);
        }
        if (live) {
            notes.add("hardware run: re-checked as a dry run on the digital twins (pre-flight); the instruments were not driven and "
                + "their recorded outputs are not compared");
            String lab = trusted ? rec.path("mode").path("lab").asText("") : "";
            if (!lab.isEmpty()) {
                if (!Files.isRegularFile(Path.of(lab))) {
                    notes.add("the lab file " + lab + " is not on this machine: its pre-flight check was skipped");
                } else {
                    try {
                        org.adc.device.config.LabConfig.load(Path.of(lab));
                        notes.add("the lab file " + lab + " loads and is consistent (its ports were not opened)");
                    } catch (org.adc.device.config.LabConfigError e) {
                        notes.add("the lab file " + lab + " no longer loads: " + e.getMessage());
                        preflightFailed = true;
                    }
                }
            }
            List<String> was = new ArrayList<>();
            rec.path("devices").forEach(d -> was.add(d.asText().replaceFirst(":.*", "")));
            List<String> nowDevices = new ArrayList<>();
            now.path("devices").forEach(d -> nowDevices.add(d.asText().replaceFirst(":.*", "")));
            if (!was.equals(nowDevices)) {
                changed.add("devices: recorded " + was + ", the dry run used " + nowDevices);
            }
        } else {
            boolean resumed = false;
            for (JsonNode e : rec.path("events")) {
                resumed |= e.path("kind").asText().equals("resumed");
            }
            if (resumed) {
                notes.add("the run was resumed after a crash: its data logs and console output are compared with an uninterrupted rerun; "
                    + "its plan.txt lists only the steps run after the resume and is not compared");
            }
            for (JsonNode o : rec.path("outputs")) {
                String p = o.path("path").asText();
                if (p.equals("journal.jsonl") || resumed && p.equals("plan.txt")) {
                    // the run's own bookkeeping (checkpoints, events of this execution), not a result of the recipe
                    newOuts.remove(p);
                    continue;
                }
                JsonNode n = newOuts.remove(p);
                compared++;
                if (n == null) {
                    differ++;
                    outLines.add(p + ": MISSING, the rerun did not write it");
                    continue;
                }
                String sa = o.path("sha256").asText();
                String sb = n.path("sha256").asText();
                if (sa.equals(sb)) {
                    outLines.add(p + ": identical (" + o.path("bytes").asLong() + " bytes, SHA-256 " + shortHash(sa) + ")");
                    continue;
                }
                Path recorded = runDir.resolve(p);
                Path rerun = rerunDir.resolve(p);
                double[] t = tol.get(p);
                if (!Files.isRegularFile(recorded)) {
                    differ++;
                    outLines.add(p + ": DIFFERS (SHA-256 recorded " + shortHash(sa) + ", rerun " + shortHash(sb)
                        + "; the recorded file is not in the run directory to show where)");
                    continue;
                }
                OutputDiff d = OutputDiff.compare(Files.readString(recorded), Files.readString(rerun), t == null ? 0 : t[0], t == null ? 0 : t[1]);
                if (t != null && d.withinTolerance()) {
                    outLines.add(p + ": equal within tolerance rel " + t[0] + ", abs " + t[1] + " (" + d.summary() + ")");
                } else {
                    differ++;
                    outLines.add(p + ": DIFFERS, " + d.summary() + (t == null ? " (bit for bit required: no tolerance declared)"
                        : " (tolerance rel " + t[0] + ", abs " + t[1] + ")"));
                }
            }
            for (String extra : newOuts.keySet()) {
                differ++;
                outLines.add(extra + ": NEW, the rerun wrote it but the recorded run did not");
            }
        }
        int exitWas = rec.path("exit_status").asInt(rec.path("status").asText("ok").equals("ok") ? 0 : 1);
        boolean exitOk = exitWas == code;
        boolean ok = differ == 0 && exitOk && !preflightFailed;

        out.println("verify " + runDir + "  (recorded " + rec.path("started").asText("?") + " with adc " + adcWas + ")");
        out.println("  recipe:  " + (rec.has("bundle") && recipeOverride == null ? rr.path("path").asText() + " (bundle checked: archive, manifest, hashes)"
            : file == null ? rr.path("path").asText() + " (recorded text)" : file));
        StringBuilder how = new StringBuilder("  rerun:   ");
        how.append(rec.path("set").size() == 0 ? "defaults" : "--set " + join(rec.path("set")));
        how.append("; ").append(now.path("random").path("seeded_calls").size()).append(" seeded call(s)");
        if (threads > 0) {
            how.append("; every threaded call with --threads ").append(threads);
        }
        how.append("; digital twins, virtual time");
        out.println(how);
        if (!exitOk) {
            out.println("  exit:    recorded " + exitWas + ", rerun " + code);
            if (!rerunErr.isBlank()) {
                out.print(indent(rerunErr));
            }
        }
        if (!outLines.isEmpty()) {
            out.println("  outputs (" + compared + "):");
            outLines.forEach(l -> out.println("    " + l));
        }
        if (!changed.isEmpty()) {
            out.println("  recorded facts that changed" + (ok ? " (outputs still reproduce)" : "") + ":");
            changed.forEach(l -> out.println("    " + l));
        } else {
            out.println("  recorded facts: unchanged (recipe, parameters, seeds, input files, threads, adc version)");
        }
        if (!environment.isEmpty()) {
            out.println("  machine (reported, does not fail verification):");
            environment.forEach(l -> out.println("    " + l));
        }
        notes.forEach(l -> out.println("  note: " + l));
        if (ok) {
            out.println("verify: OK, " + (live ? "pre-flight passed on the twins" : "all " + compared + " output(s) reproduced"));
            return Launch.OK;
        }
        List<String> why = new ArrayList<>();
        if (differ > 0) {
            why.add(differ + " of " + compared + " output(s) differ");
        }
        if (preflightFailed) {
            why.add("the hardware pre-flight failed (see the notes)");
        }
        if (!exitOk) {
            why.add("the rerun ended with exit " + code + ", the recorded run with " + exitWas);
        }
        out.println("verify: FAILED, " + String.join("; ", why)
            + (changed.isEmpty() ? "; no recorded fact changed (a non-deterministic recipe or an adc bug)"
            : "; recorded facts that changed: " + String.join(", ", changed.stream().map(Verify::factName).distinct().toList())));
        return Launch.RUNTIME_ERROR;
    }

    private void compareMaps(String what, JsonNode a, JsonNode b) {
        a.fields().forEachRemaining(e -> {
            JsonNode v = b.get(e.getKey());
            if (v == null) {
                changed.add(what + " " + e.getKey() + ": recorded " + e.getValue().asText() + ", the recipe no longer declares it");
            } else if (!v.asText().equals(e.getValue().asText())) {
                changed.add(what + " " + e.getKey() + ": recorded " + e.getValue().asText() + ", rerun " + v.asText());
            }
        });
        b.fields().forEachRemaining(e -> {
            if (!a.has(e.getKey())) {
                changed.add(what + " " + e.getKey() + ": new in the recipe (rerun " + e.getValue().asText() + ")");
            }
        });
    }

    private void compareSeeds(JsonNode a, JsonNode b) {
        int n = Math.max(a.size(), b.size());
        int shown = 0;
        for (int i = 0; i < n && shown < 10; i++) {
            JsonNode x = a.get(i);
            JsonNode y = b.get(i);
            if (x == null) {
                changed.add("seed: the rerun made a seeded call the recorded run did not (" + y.path("function").asText() + " at "
                    + y.path("site").asText() + ", seed " + y.path("seed").asLong() + ")");
                shown++;
            } else if (y == null) {
                changed.add("seed: the recorded run made a seeded call the rerun did not (" + x.path("function").asText() + " at "
                    + x.path("site").asText() + ", seed " + x.path("seed").asLong() + ")");
                shown++;
            } else if (x.path("seed").asLong() != y.path("seed").asLong() || !x.path("function").asText().equals(y.path("function").asText())) {
                changed.add("seed of " + x.path("function").asText() + " at " + x.path("site").asText() + ": recorded " + x.path("seed").asLong()
                    + ", rerun " + y.path("seed").asLong() + (y.path("site").asText().equals(x.path("site").asText()) ? "" : " (at " + y.path("site").asText() + ")"));
                shown++;
            }
        }
    }

    private void compareInputs(JsonNode a, JsonNode b) {
        Map<String, JsonNode> nb = new LinkedHashMap<>();
        b.forEach(x -> nb.put(x.path("path").asText(), x));
        for (JsonNode x : a) {
            String p = x.path("path").asText();
            JsonNode y = nb.remove(p);
            if (y == null) {
                changed.add("input " + p + ": read by the recorded run, not by the rerun");
            } else if (!x.path("sha256").asText().equals(y.path("sha256").asText())) {
                changed.add("input " + p + ": changed since the run (SHA-256 recorded " + shortHash(x.path("sha256").asText()) + ", now "
                    + shortHash(y.path("sha256").asText()) + (x.has("bytes") ? "; " + x.path("bytes").asLong() + " → " + y.path("bytes").asLong() + " bytes" : "")
                    + ")");
            }
        }
        nb.keySet().forEach(p -> changed.add("input " + p + ": read by the rerun, not by the recorded run"));
    }

    private void compareThreads(JsonNode a, JsonNode b) {
        a.fields().forEachRemaining(e -> {
            JsonNode v = b.get(e.getKey());
            if (v != null && v.asLong() != e.getValue().asLong()) {
                changed.add("thread count of " + e.getKey() + ": recorded " + e.getValue().asLong() + ", rerun " + v.asLong());
            }
        });
    }

    private static String join(JsonNode set) {
        List<String> s = new ArrayList<>();
        set.fields().forEachRemaining(e -> s.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(" --set ", s);
    }

    /** "input barrier.csv", "parameter t", "seed of kmc.run at walk.adc:11:9", "adc version". */
    private static String factName(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line : line.substring(0, colon);
    }

    static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) + "…" : h;
    }

    private static String indent(String s) {
        StringBuilder sb = new StringBuilder();
        for (String l : s.split("\n")) {
            if (!l.isBlank()) {
                sb.append("    | ").append(l).append('\n');
            }
        }
        return sb.toString();
    }
}
