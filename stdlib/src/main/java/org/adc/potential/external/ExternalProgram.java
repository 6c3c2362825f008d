package org.adc.potential.external;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One external executable (LAMMPS {@code lmp}, Quantum ESPRESSO {@code pw.x}) run in a work directory.
 *
 * <p>Scripts never name the program: the library picks it, either the first of {@code names} found on the
 * PATH, or the command line in the environment variable {@code envVar} (set outside the script, e.g.
 * {@code ADC_PW="mpirun -np 2 pw.x"}). Arguments are fixed by the calculator, so a script cannot start an
 * arbitrary process.
 */
public final class ExternalProgram {
    private final String label;
    private final String envVar;
    private final List<String> names;
    private final String install;
    private final long timeoutSeconds;

    /**
     * @param label   name used in messages ("LAMMPS")
     * @param envVar  environment variable that overrides the command line ("ADC_LAMMPS")
     * @param install how to get the program (shown when it is missing)
     * @param names   executables tried on the PATH, in order
     */
    public ExternalProgram(String label, String envVar, String install, long timeoutSeconds, String... names) {
        this.label = label;
        this.envVar = envVar;
        this.names = List.of(names);
        this.install = install;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The command line (program and fixed leading arguments), or null if the program is not installed. */
    public List<String> command() {
        String over = System.getenv(envVar);
        if (over != null && !over.isBlank()) {
            List<String> c = new ArrayList<>(List.of(over.trim().split("\\s+")));
            return find(c.get(0)) == null ? null : c;
        }
        for (String n : names) {
            if (find(n) != null) {
                return new ArrayList<>(List.of(n));
            }
        }
        return null;
    }

    /** True if the program can be started here (used by tests to skip with a message). */
    public boolean available() {
        return command() != null;
    }

    private static Path find(String exe) {
        if (exe.contains(File.separator)) {
            Path p = Path.of(exe);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, exe);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs the program with {@code args} in {@code dir}, stdin from {@code stdin} (a file in dir, or null) and
     * stdout/stderr into {@code stdout} (a file in dir). Returns normally only on exit code 0.
     *
     * @param lastWords extracts the program's own error message from its output (may return null)
     * @throws ExternalProgramException when the program is missing, cannot start, times out or fails
     */
    public void run(Path dir, List<String> args, String stdin, String stdout, java.util.function.Function<Path, String> lastWords) {
        run(dir, List.of(), args, 0, stdin, stdout, lastWords);
    }

    /** Processes started by any ExternalProgram and still running: ended with their children when adc exits. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : RUNNING) {
                end(p);
            }
        }, "adc-external-programs"));
    }

    /** Ends a process and every descendant (mpirun's ranks, orted), SIGTERM first, SIGKILL after 2 s. */
    static void end(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    /**
     * As {@link #run(Path, List, String, String, java.util.function.Function)}, started through {@code launch} (the
     * executor's parallel launch, e.g. {@code srun --exact -n 4 -c 1}; empty: directly). The launch prefix comes from
     * adc's executor, never from a recipe.
     */
    public void run(List<String> launch, Path dir, List<String> args, String stdin, String stdout,
                    java.util.function.Function<Path, String> lastWords) {
        run(dir, launch, args, 0, stdin, stdout, lastWords);
    }

    /**
     * As {@link #run(Path, List, String, String, java.util.function.Function)}, with a launch prefix chosen by the
     * library from an allow-list ({@code mpirun -np 4}, {@code srun -n 4}) put before the program, and
     * {@code threads} OpenMP threads per process (0: keep OMP_NUM_THREADS, default 1). A process still running when
     * adc exits (error, signal) is ended with its children.
     */
    public void run(Path dir, List<String> launcher, List<String> args, int threads, String stdin, String stdout,
                    java.util.function.Function<Path, String> lastWords) {
        List<String> cmd = command();
        if (cmd == null) {
            String over = System.getenv(envVar);
            throw new ExternalProgramException(label + " is not installed: " + (over != null && !over.isBlank()
                ? envVar + " names '" + over.trim() + "', which is not an executable" : "none of " + names + " is on the PATH"),
                install + ", or set " + envVar + " to its command line (e.g. " + envVar + "=\"" + names.get(0) + "\")");
        }
        List<String> full = new ArrayList<>(launcher);
        full.addAll(cmd);
        full.addAll(args);
        cmd = full;
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve(stdout).toFile());
        if (stdin != null) {
            pb.redirectInput(dir.resolve(stdin).toFile());
        } else {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        pb.environment().put("OMP_NUM_THREADS", threads > 0 ? Integer.toString(threads) : pb.environment().getOrDefault("OMP_NUM_THREADS", "1"));
        // Fortran programs (pw.x) buffer a redirected stdout; an MPI abort would lose their error message
        pb.environment().put("GFORTRAN_UNBUFFERED_PRECONNECTED", "y");
        int code;
        try {
            Process p = pb.start();
            RUNNING.add(p);
            boolean done;
            try {
                done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                end(p);
                throw e;
            } finally {
                if (!p.isAlive()) {
                    RUNNING.remove(p);
                }
            }
            if (!done) {
                end(p);
                RUNNING.remove(p);
                throw new ExternalProgramException(label + " did not finish within " + timeoutSeconds + " s (work directory " + dir + ")",
                    "make the calculation smaller or check the input in that directory");
            }
            code = p.exitValue();
        } catch (IOException e) {
            throw new ExternalProgramException("cannot start " + label + " (" + String.join(" ", cmd) + "): " + e.getMessage(), install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalProgramException(label + " was interrupted", "run again");
        }
        if (code != 0) {
            String why = lastWords.apply(dir);
            throw new ExternalProgramException(label + " failed (exit code " + code + ")" + (why == null ? "" : ": " + why)
                + " (work directory " + dir + ")", "read " + dir.resolve(stdout) + " for the whole output");
        }
    }

    /** The full command line this program would be started with (launcher, program, arguments), for the run record. */
    public List<String> commandLine(List<String> launcher, List<String> args) {
        List<String> cmd = command();
        List<String> out = new ArrayList<>(launcher);
        out.addAll(cmd == null ? List.of(names.get(0)) : cmd);
        out.addAll(args);
        return out;
    }

    /** The lines of a text file, or an empty list if it cannot be read. */
    static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Rejects text that could smuggle extra commands into an input file (newlines, LAMMPS continuation, quotes). */
    static String singleLine(String what, String s, String forbidden) {
        for (char ch : s.toCharArray()) {
            if (ch < ' ' || forbidden.indexOf(ch) >= 0) {
                throw new IllegalArgumentException(what + " must be one line without " + forbidden.replace("\"", "quotes ")
                    + "(got '" + s.replace("\n", "\\n") + "')");
            }
        }
        return s;
    }
}
