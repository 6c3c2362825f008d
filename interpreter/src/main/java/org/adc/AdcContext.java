package org.adc;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.builtins.CoreBuiltins;
import org.adc.lang.Module;
import org.adc.lib.Stdlib;
import org.adc.runtime.ConsoleCopy;
import org.adc.runtime.GlobalScope;
import org.adc.runtime.ScriptEnv;

/**
 * The state of one running adc program: its global names (library globals first, then the
 * script's own), the sandboxed environment for library functions, script parameters given on
 * the command line, and the parameters actually used (for the run record).
 */
public final class AdcContext {
    private static final TruffleLanguage.ContextReference<AdcContext> REFERENCE = TruffleLanguage.ContextReference.create(AdcLanguage.class);

    static {
        // a library function reached as a value finds the sandboxed environment of the context running it (issue 14)
        org.adc.lang.CurrentEnv.install(AdcContext::enteredEnv);
    }

    /** The environment of the adc context entered on this thread, or null. */
    private static org.adc.lang.Env enteredEnv() {
        try {
            AdcContext c = REFERENCE.get(null);
            return c == null ? null : c.scriptEnv;
        } catch (RuntimeException | AssertionError e) {
            return null;
        }
    }

    private final TruffleLanguage.Env env;
    private final GlobalScope globals = new GlobalScope();
    /** How many adc function calls are active (the context runs on one thread); see CallNode.MAX_DEPTH. */
    public int callDepth;
    private final ScriptEnv scriptEnv;
    private final PrintStream out;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, Object> usedParameters = new LinkedHashMap<>();
    private final org.adc.runtime.RunRecord record = new org.adc.runtime.RunRecord();
    private final boolean writeRecord;
    private final org.adc.runtime.RandomStreams randomStreams = new org.adc.runtime.RandomStreams();
    /** The console output of a recorded run, copied into the run directory (an output of the run). */
    public static final String CONSOLE = "stdout.txt";
    private final ConsoleCopy console;
    /** Where this run's fan-outs go (org.adc.exec); cancels what is left in the queue at the end. */
    private final org.adc.executor.ClusterExecutor executor;

    /** A host object handed to the embedder as it is (the analysis of adc lsp). */
    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    public Object hostValue(Object o) {
        return env.asGuestValue(o);
    }

    AdcContext(TruffleLanguage.Env env) {
        this.env = env;
        this.console = env.getOptions().get(AdcLanguage.Resume) && env.getOptions().get(AdcLanguage.RunRecord)
            ? ConsoleCopy.open(env, env.getOptions().get(AdcLanguage.RunDir), CONSOLE, consoleKept(env.getOptions().get(AdcLanguage.RunDir)))
            : ConsoleCopy.forRun(env, env.getOptions().get(AdcLanguage.RunRecord), env.getOptions().get(AdcLanguage.RunDir), CONSOLE);
        this.out = new PrintStream(console == null ? env.out() : console.tee(env.out()), true, StandardCharsets.UTF_8);
        String scriptDir = env.getOptions().get(AdcLanguage.ScriptDir);
        String runDir = env.getOptions().get(AdcLanguage.RunDir);
        this.scriptEnv = new ScriptEnv(env, out, scriptDir.isEmpty() ? null : scriptDir, runDir.isEmpty() ? null : runDir,
            env.getOptions().get(AdcLanguage.RealTime), env.getOptions().get(AdcLanguage.Lab), env.getOptions().get(AdcLanguage.Live),
            env.getOptions().get(AdcLanguage.Resume), env.getOptions().get(AdcLanguage.Preflight));
        this.scriptEnv.console(console, out);
        this.writeRecord = env.getOptions().get(AdcLanguage.RunRecord);
        org.adc.executor.ExecutorSpec spec = org.adc.executor.ExecutorSpec.decode(env.getOptions().get(AdcLanguage.Executor));
        this.executor = new org.adc.executor.ClusterExecutor(spec, runDir.isEmpty() ? null : java.nio.file.Path.of(runDir),
            new PrintStream(env.err(), true, StandardCharsets.UTF_8));
        scriptEnv.executor(executor);
        for (String kv : env.getOptions().get(AdcLanguage.Params).split("\n")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                overrides.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
            }
        }
        for (Module m : CoreBuiltins.modules()) {
            m.members().forEach((k, v) -> globals.define(k, v, false));
        }
        Stdlib.globals().forEach((k, v) -> {
            if (globals.find(k) == null) {
                globals.define(k, v, false);
            }
        });
    }

    /** How much of stdout.txt a resumed run keeps: what its last checkpoint had seen (all of it for an older journal). */
    private static long consoleKept(String runDir) {
        try {
            org.adc.procedure.Journal.Replay r = org.adc.procedure.Journal.load(java.nio.file.Path.of(runDir));
            return r == null || r.last().console() < 0 ? Long.MAX_VALUE : r.last().console();
        } catch (java.io.IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    public org.adc.runtime.RunRecord record() {
        return record;
    }

    /** End of the run: devices safe, logs closed, then the run record written. */
    void finish() {
        scriptEnv.shutdownProcedures("end of run");
        executor.close();
        out.flush();
        if (console != null) {
            console.close();
        }
        if (writeRecord) {
            record.write(env, scriptEnv, usedParameters, scriptEnv.engineIfUsed(), overrides, randomStreams,
                console == null ? null : CONSOLE);
        }
    }

    /** The seeded library calls of this run (for the run record). */
    public org.adc.runtime.RandomStreams randomStreams() {
        return randomStreams;
    }

    public static AdcContext get(Node node) {
        return REFERENCE.get(node);
    }

    public TruffleLanguage.Env truffleEnv() {
        return env;
    }

    public GlobalScope globals() {
        return globals;
    }

    public ScriptEnv env() {
        return scriptEnv;
    }

    public PrintStream out() {
        return out;
    }

    /** The --set value given for a parameter, or null. */
    public String parameterOverride(String name) {
        return overrides.get(name);
    }

    public Map<String, String> overrides() {
        return overrides;
    }

    public void recordParameter(String name, Object value) {
        usedParameters.put(name, value);
    }

    public Map<String, Object> usedParameters() {
        return usedParameters;
    }

    /** "did you mean 'x'?" for an unknown name, or null. */
    @TruffleBoundary
    public String suggest(String name) {
        String best = null;
        int bestD = 3;
        for (String k : globals.cells().keySet()) {
            if (globals.find(k) == null) {
                continue;
            }
            int d = org.adc.lang.Spelling.distance(name, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        if (best != null) {
            return "did you mean '" + best + "'?";
        }
        if (Stdlib.modules().containsKey(name)) {
            return "'" + name + "' is a module: add `import " + name + "`";
        }
        return "declare it with let or var, or check the spelling";
    }

}
