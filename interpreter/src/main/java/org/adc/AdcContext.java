package org.adc;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.adc.builtins.CoreBuiltins;
import org.adc.lang.Module;
import org.adc.lib.Stdlib;
import org.adc.runtime.AdcException;
import org.adc.runtime.ConsoleCopy;
import org.adc.runtime.GlobalScope;
import org.adc.runtime.ScriptEnv;
import org.adc.units.Quantity;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * The state of one running adc program: its global names (library globals first, then the
 * script's own), the sandboxed environment for library functions, script parameters given on
 * the command line, and the parameters actually used (for the run record).
 */
public final class AdcContext {
    private static final TruffleLanguage.ContextReference<AdcContext> REFERENCE = TruffleLanguage.ContextReference.create(AdcLanguage.class);

    private final TruffleLanguage.Env env;
    private final GlobalScope globals = new GlobalScope();
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
        for (String kv : env.getOptions().get(AdcLanguage.Params).split("\n")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                overrides.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
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

    private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*");

    /** Reads a value given on the command line: 440degC, "440 degC", 5, 0.5, true, or text. */
    @TruffleBoundary
    public Object parseValue(String text, Node site, String name) {
        Matcher m = QUANTITY.matcher(text);
        if (m.matches()) {
            String num = m.group(1);
            String unit = m.group(2);
            try {
                if (unit.isEmpty()) {
                    if (num.matches("[-+]?\\d+")) {
                        return Long.parseLong(num);
                    }
                    return Double.parseDouble(num);
                }
                return Quantity.of(Double.parseDouble(num), Units.parse(unit));
            } catch (UnitException e) {
                throw new AdcException("--set " + name + "=" + text + ": " + e.getMessage(), e.hint(), site);
            } catch (NumberFormatException e) {
                throw new AdcException("--set " + name + "=" + text + ": not a number", "write e.g. 440degC or 5", site);
            }
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
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
