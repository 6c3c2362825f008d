package org.adc.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a library function may touch outside its arguments: files and the script's output. The
 * interpreter implements it on Truffle's sandboxed file system (reads only below the recipe's
 * folder, writes only into the run directory, unless the user allows more), so library code
 * never opens files on its own.
 */
public interface Env {
    /**
     * Opens a text file for reading; a relative path is resolved against the script's folder.
     *
     * @throws AdcError when the file is missing, unreadable or outside what the sandbox allows
     */
    BufferedReader openRead(String path);

    /**
     * Opens a text file for reading in a given character set (instrument exports in Windows-1252); otherwise as
     * {@link #openRead(String)}. Malformed input is reported as an IOException while reading.
     *
     * @throws AdcError as {@link #openRead(String)}
     */
    default BufferedReader openRead(String path, java.nio.charset.Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return openRead(path);
        }
        throw new AdcError("reading '" + path + "' as " + charset + " is not supported here", "run the recipe with `adc run`");
    }

    /**
     * Opens a text file for writing; a relative path is resolved against the run directory.
     *
     * @throws AdcError when the sandbox refuses the path or the file cannot be created
     */
    Writer openWrite(String path);

    /**
     * Opens a text file that this run wrote earlier (a log or table in the run directory) for reading; a relative path
     * is resolved against the run directory.
     *
     * @throws AdcError when the file is missing or outside what the sandbox allows
     */
    default BufferedReader openReadRun(String path) {
        return openRead(path);
    }

    /**
     * Opens a binary file for writing (images); a relative path is resolved against the run directory.
     * The same sandbox rules as {@link #openWrite} apply.
     *
     * @throws AdcError when the sandbox refuses the path or the file cannot be created
     */
    default java.io.OutputStream openWriteBinary(String path) {
        throw new AdcError("writing binary files is not supported here ('" + path + "')", "run the recipe with `adc run`");
    }

    /**
     * Records an external program the run starts (name, full command line, and its version once known) for the run
     * record's {@code external_programs}. The default records nothing.
     */
    default void externalProgram(String name, java.util.List<String> commandLine, java.util.function.Supplier<String> version) {
    }

    /**
     * The executor for a fan-out that asked for {@code choice} ("auto": the one the command line picked, "local", "slurm").
     * Without a launcher (tests, tools) every fan-out runs locally.
     *
     * @throws AdcError when the recipe asks for Slurm but the command line did not allow it
     */
    default org.adc.exec.TaskExecutor executor(String choice) {
        return org.adc.exec.TaskExecutor.LOCAL;
    }

    /** The script's standard output. */
    PrintStream out();

    /**
     * The real path of a file the script may read (relative to the script's folder), for handing to an external
     * program (a potential file for LAMMPS, a pseudopotential for pw.x). The sandbox decides as for {@link #openRead}.
     *
     * @throws AdcError when the file is missing or outside what the sandbox allows
     */
    default Path readablePath(String path) {
        throw new AdcError("external programs cannot read '" + path + "' here", "run the recipe with `adc run`");
    }

    /**
     * A folder inside the run directory (created if missing) where library code may run external programs
     * (LAMMPS, pw.x). Scripts cannot start processes themselves; only these calculators do, in this folder.
     *
     * @throws AdcError when the run has no run directory or the sandbox refuses it
     */
    default Path workDirectory(String name) {
        throw new AdcError("external programs need a run directory", "run the recipe with `adc run`");
    }

    /**
     * The procedure engine of this run (clock, devices, logs, limits), created on first use.
     * Library functions that drive devices reach it here.
     */
    org.adc.procedure.ProcedureEngine procedures();

    /**
     * Opens an append-only log of the run (CSV log, journal) in the run directory, truncated or for
     * appending (a resumed run); it can be fsynced.
     */
    default org.adc.procedure.LogFile openLog(String path, boolean append) {
        throw new AdcError("cannot write the log '" + path + "' here", "run the recipe with `adc run`");
    }

    /**
     * Opens one of adc's own files in the run directory (the journal, the plan) that a recipe may not write itself
     * (the run directory's reserved names); otherwise as {@link #openLog}.
     */
    default org.adc.procedure.LogFile openOwnLog(String name, boolean append) {
        return openLog(name, append);
    }

    /** True when the run keeps a journal (for adc run --resume) in its run directory. */
    default boolean journaled() {
        return false;
    }

    /**
     * Bytes of console output kept in the run directory so far (stdout.txt), flushed to the file; -1 when the run keeps no
     * copy. Checkpoints record it, so a resumed run keeps exactly the output up to its last checkpoint.
     */
    default long consoleBytes() {
        return -1;
    }

    /** Silences print while a resumed run replays the steps its journal says are done. */
    default void quiet(boolean q) {
    }

    /**
     * An environment that refuses every file, folder and program: what a library function gets when it runs outside a
     * recipe's context ({@link CurrentEnv}). Output goes to {@code out}; devices are digital twins on a virtual clock.
     */
    static Env denied(PrintStream out) {
        return new Env() {
            private org.adc.procedure.ProcedureEngine engine;

            private AdcError refused(String what) {
                return new AdcError(what + " is not allowed here: no recipe is running to own the file access",
                    "call the function from a recipe run with `adc run`");
            }

            @Override
            public synchronized org.adc.procedure.ProcedureEngine procedures() {
                if (engine == null) {
                    engine = new org.adc.procedure.ProcedureEngine(new org.adc.procedure.VirtualClock(), this);
                }
                return engine;
            }

            @Override
            public BufferedReader openRead(String path) {
                throw refused("reading '" + path + "'");
            }

            @Override
            public Writer openWrite(String path) {
                throw refused("writing '" + path + "'");
            }

            @Override
            public BufferedReader openReadRun(String path) {
                throw refused("reading '" + path + "'");
            }

            @Override
            public java.io.OutputStream openWriteBinary(String path) {
                throw refused("writing '" + path + "'");
            }

            @Override
            public org.adc.procedure.LogFile openLog(String path, boolean append) {
                throw refused("writing the log '" + path + "'");
            }

            @Override
            public Path readablePath(String path) {
                throw refused("reading '" + path + "'");
            }

            @Override
            public Path workDirectory(String name) {
                throw refused("running external programs (in '" + name + "')");
            }

            @Override
            public PrintStream out() {
                return out;
            }
        };
    }

    /** An environment on the local file system without a sandbox, for tests and tools. */
    static Env local(Path base, PrintStream out) {
        return new Env() {
            private org.adc.procedure.ProcedureEngine engine;

            @Override
            public org.adc.procedure.ProcedureEngine procedures() {
                if (engine == null) {
                    engine = new org.adc.procedure.ProcedureEngine(new org.adc.procedure.VirtualClock(), this);
                }
                return engine;
            }

            @Override
            public BufferedReader openRead(String path) {
                return openRead(path, StandardCharsets.UTF_8);
            }

            @Override
            public BufferedReader openRead(String path, java.nio.charset.Charset charset) {
                try {
                    return new BufferedReader(new InputStreamReader(Files.newInputStream(base.resolve(path)),
                        charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)));
                } catch (IOException e) {
                    throw new AdcError("cannot read '" + path + "': " + e.getMessage(), "check the file name and that it exists next to the script");
                }
            }

            @Override
            public Writer openWrite(String path) {
                try {
                    Path p = base.resolve(path);
                    if (p.getParent() != null) {
                        Files.createDirectories(p.getParent());
                    }
                    return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new AdcError("cannot write '" + path + "': " + e.getMessage(), "check the folder exists and is writable");
                }
            }

            @Override
            public org.adc.procedure.LogFile openLog(String path, boolean append) {
                try {
                    return org.adc.procedure.LogFile.open(base.resolve(path), append);
                } catch (IOException e) {
                    throw new AdcError("cannot write '" + path + "': " + e.getMessage(), "check the folder exists and is writable");
                }
            }

            @Override
            public java.io.OutputStream openWriteBinary(String path) {
                try {
                    Path p = base.resolve(path);
                    if (p.getParent() != null) {
                        Files.createDirectories(p.getParent());
                    }
                    return new java.io.BufferedOutputStream(Files.newOutputStream(p));
                } catch (IOException e) {
                    throw new AdcError("cannot write '" + path + "': " + e.getMessage(), "check the folder exists and is writable");
                }
            }

            @Override
            public PrintStream out() {
                return out;
            }

            @Override
            public Path readablePath(String path) {
                Path p = base.resolve(path).toAbsolutePath().normalize();
                if (!Files.isReadable(p)) {
                    throw new AdcError("no such file '" + path + "'", "check the file name and that it exists next to the script");
                }
                return p;
            }

            @Override
            public Path workDirectory(String name) {
                try {
                    return Files.createDirectories(base.resolve(name).toAbsolutePath().normalize());
                } catch (IOException e) {
                    throw new AdcError("cannot create '" + name + "': " + e.getMessage(), "check the folder is writable");
                }
            }
        };
    }
}
