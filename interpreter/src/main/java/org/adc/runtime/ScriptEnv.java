package org.adc.runtime;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.Env;

/**
 * The {@link Env} a library function sees: files through Truffle's file system, which the
 * launcher configures as the sandbox (reads below the recipe's folder, writes into the run
 * directory, nothing else unless allowed). Relative reads resolve against the script's folder,
 * relative writes against the run directory. Every file read is remembered for the run record.
 */
public final class ScriptEnv implements Env {
    private final TruffleLanguage.Env env;
    private final PrintStream out;
    private final String scriptDir;
    private final String runDir;
    private final Map<String, String> filesRead = new LinkedHashMap<>();
    /** External programs started by calculators: name, command line, version supplier (run.json external_programs). */
    private final java.util.List<Object[]> externalPrograms = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<String> filesWritten = new java.util.LinkedHashSet<>();
    private final Map<String, double[]> tolerances = new LinkedHashMap<>();
    private final boolean realTime;
    private org.adc.procedure.ProcedureEngine engine;
    private final String labFile;
    private final boolean live;
    private org.adc.device.config.LabDeviceFactory hardware;
    private final boolean resume;
    private final boolean preflight;

    public ScriptEnv(TruffleLanguage.Env env, PrintStream out, String scriptDir, String runDir, boolean realTime) {
        this(env, out, scriptDir, runDir, realTime, "", false);
    }

    /**
     * @param labFile lab configuration (empty: none); @param live drive the real instruments it maps (wall clock);
     *                without live every device stays a digital twin
     */
    public ScriptEnv(TruffleLanguage.Env env, PrintStream out, String scriptDir, String runDir, boolean realTime, String labFile,
                     boolean live) {
        this(env, out, scriptDir, runDir, realTime, labFile, live, false, false);
    }

    /** @param resume continue the run in runDir from its journal; @param preflight twins held to the lab file's limits, virtual time */
    public ScriptEnv(TruffleLanguage.Env env, PrintStream out, String scriptDir, String runDir, boolean realTime, String labFile,
                     boolean live, boolean resume, boolean preflight) {
        this.resume = resume;
        // a resumed run replays silently up to its last checkpoint (the engine speaks again there)
        this.quiet = resume;
        this.preflight = preflight && labFile != null && !labFile.isEmpty();
        this.env = env;
        this.out = out;
        this.scriptDir = scriptDir;
        this.runDir = runDir;
        this.realTime = realTime || live;
        this.labFile = labFile;
        this.live = live && labFile != null && !labFile.isEmpty();
    }

    /** The run's procedure engine: virtual time for dry runs (the default), wall-clock time with --real-time. */
    @Override
    public org.adc.procedure.ProcedureEngine procedures() {
        if (engine == null) {
            engine = new org.adc.procedure.ProcedureEngine(realTime ? new org.adc.procedure.WallClock()
                : new org.adc.procedure.VirtualClock(), this);
            if (live) {
                hardware = new org.adc.device.config.LabDeviceFactory(org.adc.device.config.LabConfig.load(java.nio.file.Path.of(labFile)));
                hardware.beforeConnect(this::guard);
                engine.setDeviceFactory(hardware);
            } else if (preflight) {
                // the pre-flight of a --live run also reads the controllers' own limits (read-only; ports closed again)
                engine.setDeviceFactory(org.adc.procedure.DeviceFactory.twinsWithLimitsOf(
                    new org.adc.device.config.LabDeviceFactory(org.adc.device.config.LabConfig.load(java.nio.file.Path.of(labFile)))
                        .probingInstruments(Boolean.getBoolean("adc.preflightProbe"))));
            }
            if (resume && runDir != null) {
                org.adc.procedure.Journal.Replay r;
                try {
                    r = org.adc.procedure.Journal.load(java.nio.file.Path.of(runDir));
                } catch (IOException e) {
                    throw new AdcError("cannot read the journal of " + runDir + ": " + e.getMessage(), "check the run directory");
                }
                if (r != null) {
                    engine.resumeFrom(r);
                }
            }
        }
        return engine;
    }

    /** The guardian process of a live run (started with its first instrument), or null. */
    private org.adc.device.guardian.GuardianLink guardian;

    /** Tells the guardian (started on first use) to watch the lab file's device {@code name}, before adc connects it. */
    private void guard(String name) {
        if (guardian == null) {
            try {
                java.nio.file.Path log = runDir != null ? java.nio.file.Path.of(runDir).resolve("guardian.log")
                    : java.nio.file.Files.createTempFile("adc-guardian-", ".log");
                java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
                guardian = org.adc.device.guardian.GuardianLink.start(java.nio.file.Path.of(labFile), log);
                engine.event("guardian", "guardian process " + guardian.pid() + " watches this run (log: " + log + ")");
            } catch (IOException e) {
                throw new AdcError("cannot start the guardian process that makes the instruments safe if adc dies: " + e.getMessage(),
                    "check that java can be started from this process; nothing was connected");
            }
        }
        guardian.arm(name);
    }

    /** Ends the hardware side of the run: safe state for every device, logs closed; the guardian stands down or takes over. */
    public void shutdownProcedures(String reason) {
        if (engine != null) {
            engine.shutdown(reason);
        }
        if (hardware != null) {
            hardware.created().forEach(org.adc.device.driver.HardwareDevice::close);
        }
        if (guardian != null) {
            if (engine == null || engine.allSafe()) {
                guardian.standDown();
            } else {
                // the ports are closed now: the guardian goes on trying the devices adc could not confirm
                guardian.handOver();
                out.println("adc: the guardian process " + guardian.pid() + " keeps trying the devices that are not safe (see guardian.log)");
            }
            guardian = null;
        }
    }

    private TruffleFile resolve(String base, String path) {
        if (path.indexOf('\0') >= 0) {
            throw new AdcError("'" + path.replace("\0", "\\0") + "' is not a file name: it holds a NUL character", "check how the path is built");
        }
        TruffleFile f = env.getPublicTruffleFile(path);
        if (!f.isAbsolute() && base != null && !base.isEmpty()) {
            f = env.getPublicTruffleFile(base).resolve(path);
        }
        return f.normalize();
    }

    @Override
    public BufferedReader openRead(String path) {
        return openRead(path, StandardCharsets.UTF_8);
    }

    @Override
    public BufferedReader openRead(String path, java.nio.charset.Charset charset) {
        TruffleFile f;
        try {
            f = resolve(scriptDir, path);
            BufferedReader r = f.newBufferedReader(charset);
            filesRead.put(path, f.getPath());
            return r;
        } catch (SecurityException e) {
            throw new AdcError("reading '" + path + "' is not allowed: " + e.getMessage(),
                "a recipe reads files only below its own folder; run with --allow-read PATH to permit more");
        } catch (NoSuchFileException e) {
            throw new AdcError("no such file '" + path + "'", "paths are relative to the recipe's folder" + (scriptDir == null ? "" : " (" + scriptDir + ")"));
        } catch (IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file exists and is readable");
        }
    }

    @Override
    public Writer openWrite(String path) {
        return openInRunDir(path, f -> f.newBufferedWriter(StandardCharsets.UTF_8));
    }

    @Override
    public BufferedReader openReadRun(String path) {
        if (runDir == null) {
            throw new AdcError("reading '" + path + "' from the run directory: this run has no run directory", "run the recipe with `adc run`");
        }
        try {
            TruffleFile f = resolve(runDir, path);
            BufferedReader r = f.newBufferedReader(StandardCharsets.UTF_8);
            // a file of this run is among its outputs; any other file the sandbox let it read is an input of the run
            if (!CanonicalPath.of(java.nio.file.Path.of(f.getAbsoluteFile().getPath())).startsWith(CanonicalPath.of(java.nio.file.Path.of(runDir)))) {
                filesRead.put(path, f.getPath());
            }
            return r;
        } catch (SecurityException e) {
            throw new AdcError("reading '" + path + "' is not allowed: " + e.getMessage(), "give a file this run wrote, relative to its run directory");
        } catch (NoSuchFileException e) {
            throw new AdcError("no such file '" + path + "' in the run directory", "the file must have been written earlier in this run (log_to, write_csv)");
        } catch (IOException e) {
            throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file exists in the run directory");
        }
    }

    @Override
    public java.io.OutputStream openWriteBinary(String path) {
        return openInRunDir(path, f -> new java.io.BufferedOutputStream(f.newOutputStream()));
    }

    @Override
    public org.adc.procedure.LogFile openLog(String path, boolean append) {
        return openInRunDir(path, f -> {
            java.nio.channels.SeekableByteChannel ch = f.newByteChannel(org.adc.procedure.LogFile.options(append));
            java.nio.channels.FileChannel sync = ch instanceof java.nio.channels.FileChannel fc ? fc : syncChannel(f);
            return new org.adc.procedure.LogFile(ch, sync);
        });
    }

    /**
     * Files adc itself writes into the run directory and reads back (the run record, the console copy, the plan, the
     * journal and start record of --resume, their seal, the pre-flight folder): no recipe writes them, by any spelling.
     */
    public static final java.util.List<String> RESERVED = java.util.List.of("run.json", "stdout.txt", "plan.txt", "journal.jsonl",
        "resume.json", "run.seal", "run.seal.tmp", "preflight");

    /** Refuses a path that is, or lies inside, one of the run directory's reserved names (compared as canonical paths). */
    private void refuseReserved(String path, TruffleFile f) {
        java.nio.file.Path target = CanonicalPath.of(java.nio.file.Path.of(f.getAbsoluteFile().getPath()));
        java.nio.file.Path rd = CanonicalPath.of(java.nio.file.Path.of(runDir));
        for (String r : RESERVED) {
            java.nio.file.Path own = rd.resolve(r);
            if (target.startsWith(own)) {
                throw new AdcError("writing '" + path + "' is not allowed: it " + (target.equals(own) ? "names " : "lies inside ") + r
                    + ", adc's own file of this run (run.json, stdout.txt, plan.txt, journal.jsonl, resume.json, run.seal and "
                    + "preflight/ are reserved)", "choose another file name");
            }
        }
    }

    @Override
    public org.adc.procedure.LogFile openOwnLog(String name, boolean append) {
        if (runDir == null || !RESERVED.contains(name)) {
            return openLog(name, append);
        }
        try {
            TruffleFile f = resolve(runDir, name);
            java.nio.channels.SeekableByteChannel ch = f.newByteChannel(org.adc.procedure.LogFile.options(append));
            java.nio.channels.FileChannel sync = ch instanceof java.nio.channels.FileChannel fc ? fc : syncChannel(f);
            return new org.adc.procedure.LogFile(ch, sync);
        } catch (SecurityException | IOException e) {
            throw new AdcError("cannot write '" + name + "' in the run directory: " + e.getMessage(), "check the folder is writable");
        }
    }

    /** Opens a file of the run directory for writing. */
    private interface Opener<T> {
        T open(TruffleFile f) throws IOException;
    }

    /**
     * The one way a recipe writes: into the run directory (the sandbox decides), never over the run record or the
     * console copy, creating missing folders inside the allowed place; the file is noted for run.json.
     */
    private <T> T openInRunDir(String path, Opener<T> opener) {
        if (runDir == null) {
            throw new AdcError("writing '" + path + "' is not allowed: this run has no run directory", "run the recipe with `adc run`");
        }
        try {
            TruffleFile f = resolve(runDir, path);
            refuseReserved(path, f);
            T opened;
            try {
                opened = opener.open(f);
            } catch (NoSuchFileException e) {
                // the write check has passed: create the missing folders inside the allowed place, then open again
                TruffleFile parent = f.getParent();
                if (parent == null) {
                    throw e;
                }
                parent.createDirectories();
                opened = opener.open(f);
            }
            filesWritten.add(path);
            return opened;
        } catch (SecurityException e) {
            throw new AdcError("writing '" + path + "' is not allowed: " + e.getMessage(),
                "a recipe writes only into its run directory; run with --allow-write PATH to permit more");
        } catch (IOException e) {
            throw new AdcError("cannot write '" + path + "': " + e.getMessage(), "check the folder is writable");
        }
    }

    @Override
    public java.nio.file.Path readablePath(String path) {
        try {
            TruffleFile f = resolve(scriptDir, path);
            if (!f.isReadable()) {
                throw new AdcError("no such file '" + path + "'", "paths are relative to the recipe's folder" + (scriptDir == null ? "" : " (" + scriptDir + ")"));
            }
            filesRead.put(path, f.getPath());
            return java.nio.file.Path.of(f.getAbsoluteFile().getPath());
        } catch (SecurityException e) {
            throw new AdcError("reading '" + path + "' is not allowed: " + e.getMessage(),
                "a recipe reads files only below its own folder; run with --allow-read PATH to permit more");
        }
    }

    private org.adc.executor.ClusterExecutor executor;

    /** Sets where fan-outs run (the context does, from adc run --executor). */
    public void executor(org.adc.executor.ClusterExecutor e) {
        executor = e;
    }

    @Override
    public org.adc.exec.TaskExecutor executor(String choice) {
        return executor == null ? org.adc.exec.TaskExecutor.LOCAL : executor;
    }

    /** The run's executor (for the run record's task list), or null. */
    public org.adc.executor.ClusterExecutor clusterExecutor() {
        return executor;
    }

    @Override
    public java.nio.file.Path workDirectory(String name) {
        if (runDir == null) {
            throw new AdcError("external programs need a run directory (for '" + name + "')", "run the recipe with `adc run`");
        }
        try {
            TruffleFile f = resolve(runDir, name);
            f.createDirectories();
            return java.nio.file.Path.of(f.getAbsoluteFile().getPath());
        } catch (SecurityException e) {
            throw new AdcError("creating '" + name + "' is not allowed: " + e.getMessage(), "external programs run inside the run directory");
        } catch (IOException e) {
            throw new AdcError("cannot create '" + name + "' in the run directory: " + e.getMessage(), "check the folder is writable");
        }
    }

    /** A read-only channel on the same local file: fsync on it makes the file durable (Linux fsync works on any descriptor). */
    private static java.nio.channels.FileChannel syncChannel(TruffleFile f) {
        try {
            return java.nio.channels.FileChannel.open(java.nio.file.Path.of(f.getPath()), java.nio.file.StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private boolean quiet;
    private ConsoleCopy console;
    private PrintStream consoleOut;

    /** The run's copy of its console output (stdout.txt) and the stream that feeds it, or null. */
    public void console(ConsoleCopy c, PrintStream through) {
        this.console = c;
        this.consoleOut = through;
    }

    @Override
    public long consoleBytes() {
        if (console == null) {
            return -1;
        }
        consoleOut.flush();
        return console.flushedBytes();
    }

    /** Silences print (while a resumed run replays the steps its journal says are done). */
    @Override
    public boolean journaled() {
        return runDir != null;
    }

    @Override
    public void quiet(boolean q) {
        quiet = q;
    }

    @Override
    public PrintStream out() {
        return quiet ? QUIET : out;
    }

    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** Files written so far (paths relative to the run directory). */
    public java.util.Set<String> filesWritten() {
        return filesWritten;
    }

    /** The run directory, or null. */
    public String runDir() {
        return runDir;
    }

    /** The run's procedure engine if the recipe used one, else null. */
    public org.adc.procedure.ProcedureEngine engineIfUsed() {
        return engine;
    }

    /** The recipe's folder, or null. */
    public String scriptDir() {
        return scriptDir;
    }

    public boolean isLive() {
        return live;
    }

    /** The lab configuration file given with --lab, or "". */
    public String labFile() {
        return labFile == null ? "" : labFile;
    }

    public boolean isRealTime() {
        return realTime;
    }

    /** Output tolerances the recipe declared with tolerance(): path → {rel, abs}, for adc verify. */
    public Map<String, double[]> tolerances() {
        return tolerances;
    }

    /** Files read so far: path as written in the script → resolved path. */
    @Override
    public void externalProgram(String name, java.util.List<String> commandLine, java.util.function.Supplier<String> version) {
        externalPrograms.add(new Object[] {name, java.util.List.copyOf(commandLine), version});
    }

    /** External programs recorded with {@link #externalProgram}: {name, command line, version supplier}. */
    public java.util.List<Object[]> externalPrograms() {
        return externalPrograms;
    }

    public Map<String, String> filesRead() {
        return filesRead;
    }
}
