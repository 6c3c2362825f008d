package org.adc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Builds the polyglot context a recipe runs in, with the sandbox: no host classes, no processes,
 * no native code, files only through {@link SandboxFileSystem}. Also turns guest errors into
 * exit codes: 0 ok, 1 runtime error, 2 usage error, 3 syntax or check error, 70 internal error.
 */
public final class Launch {
    public static final int OK = 0;
    public static final int RUNTIME_ERROR = 1;
    public static final int USAGE_ERROR = 2;
    public static final int CHECK_ERROR = 3;
    public static final int INTERNAL_ERROR = 70;

    private Launch() {
    }

    /** Options of one context. */
    public record Options(Path scriptDir, Path runDir, Map<String, String> params, List<Path> allowRead, List<Path> allowWrite,
                          boolean realTime, boolean runRecord, Path lab, boolean live, boolean resume, boolean preflight, String executor) {
        /** @param executor where fan-outs run: org.adc.executor.ExecutorSpec's text ("": here) */
        public Options(Path scriptDir, Path runDir, Map<String, String> params, List<Path> allowRead, List<Path> allowWrite,
                       boolean realTime, boolean runRecord, Path lab, boolean live, boolean resume, boolean preflight) {
            this(scriptDir, runDir, params, allowRead, allowWrite, realTime, runRecord, lab, live, resume, preflight, "");
        }

        public Options(Path scriptDir, Path runDir, Map<String, String> params, List<Path> allowRead, List<Path> allowWrite,
                       boolean realTime, boolean runRecord, Path lab, boolean live) {
            this(scriptDir, runDir, params, allowRead, allowWrite, realTime, runRecord, lab, live, false, false);
        }

        public Options(Path scriptDir, Path runDir, Map<String, String> params, List<Path> allowRead, List<Path> allowWrite) {
            this(scriptDir, runDir, params, allowRead, allowWrite, false, false, null, false);
        }

        public Options(Path scriptDir, Path runDir, Map<String, String> params, List<Path> allowRead, List<Path> allowWrite,
                       boolean realTime, boolean runRecord) {
            this(scriptDir, runDir, params, allowRead, allowWrite, realTime, runRecord, null, false);
        }
    }

    public static Context context(Options o, InputStream in, OutputStream out, OutputStream err) {
        List<Path> reads = new ArrayList<>(o.allowRead());
        if (o.scriptDir() != null) {
            reads.add(o.scriptDir());
        }
        List<Path> writes = new ArrayList<>(o.allowWrite());
        if (o.runDir() != null) {
            writes.add(o.runDir());
        }
        StringBuilder params = new StringBuilder();
        o.params().forEach((k, v) -> params.append(k).append('=').append(v).append('\n'));
        return Context.newBuilder("adc")
            .in(in).out(out).err(err)
            .allowIO(IOAccess.newBuilder().fileSystem(new SandboxFileSystem(reads, writes)).build())
            .allowHostAccess(HostAccess.NONE)
            // no allowHostClassLookup: even a filter that refuses every class switches host lookup on
            .allowCreateProcess(false)
            .allowNativeAccess(false)
            .allowCreateThread(false)
            .allowEnvironmentAccess(org.graalvm.polyglot.EnvironmentAccess.NONE)
            .allowExperimentalOptions(Boolean.getBoolean("adc.experimentalOptions"))
            .allowPolyglotAccess(org.graalvm.polyglot.PolyglotAccess.NONE)
            .option("engine.WarnInterpreterOnly", "false")
            .option("adc.ScriptDir", o.scriptDir() == null ? "" : o.scriptDir().toAbsolutePath().normalize().toString())
            .option("adc.RunDir", o.runDir() == null ? "" : o.runDir().toAbsolutePath().normalize().toString())
            .option("adc.Params", params.toString())
            .option("adc.RealTime", Boolean.toString(o.realTime()))
            .option("adc.RunRecord", Boolean.toString(o.runRecord()))
            .option("adc.Lab", o.lab() == null ? "" : o.lab().toAbsolutePath().normalize().toString())
            .option("adc.Live", Boolean.toString(o.live()))
            .option("adc.Resume", Boolean.toString(o.resume()))
            .option("adc.Preflight", Boolean.toString(o.preflight()))
            .option("adc.Executor", o.executor() == null ? "" : o.executor())
            .build();
    }

    /** Reads a script file as a Source named as the user wrote its path. */
    public static Source source(Path file, String displayName) throws IOException {
        String text = Files.readString(file);
        return Source.newBuilder("adc", text, displayName).build();
    }

    /** Prints a polyglot error the way adc shows errors and returns the exit code. */
    public static int report(PolyglotException e, PrintStream err) {
        if (e.isExit()) {
            return e.getExitStatus();
        }
        if (e.isInterrupted() || e.isCancelled()) {
            err.println("interrupted");
            return RUNTIME_ERROR;
        }
        if (e.isResourceExhausted()) {
            org.graalvm.polyglot.SourceSection loc = e.getSourceLocation();
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                if (loc == null && f.isGuestFrame() && f.getSourceLocation() != null) {
                    loc = f.getSourceLocation();
                }
            }
            String where = loc == null || loc.getSource() == null ? ""
                : loc.getSource().getName() + ":" + loc.getStartLine() + ":" + loc.getStartColumn() + ": ";
            boolean stack = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("stack");
            err.println(where + "error: " + (stack ? "recursion too deep (the stack overflowed)" : "out of resources: " + e.getMessage()));
            err.println(stack ? "  hint: check that the recursive function reaches a case that returns without calling itself"
                : "  hint: the recipe needs more memory than it may use");
            return RUNTIME_ERROR;
        }
        if (e.isSyntaxError()) {
            err.println(e.getMessage());
            return CHECK_ERROR;
        }
        if (e.isGuestException() && !e.isInternalError()) {
            err.println(e.getMessage());
            return RUNTIME_ERROR;
        }
        return internal(e, err);
    }

    public static int internal(Throwable e, PrintStream err) {
        err.println("internal error in adc (not a mistake in your recipe): " + e);
        err.println("please report it as an issue of the adc project with the command you ran and the recipe; details:");
        e.printStackTrace(err);
        return INTERNAL_ERROR;
    }

    /** "GraalVM CE" with the optimizing runtime, "Interpreted" without. */
    public static String runtimeName() {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            return engine.getImplementationName();
        }
    }
}
