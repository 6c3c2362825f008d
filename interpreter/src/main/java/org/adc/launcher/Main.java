package org.adc.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
 * The {@code adc} command line: {@code adc run}, {@code adc check}, {@code adc repl}, {@code adc lsp},
 * {@code adc --version}. Exit codes: 0 ok, 1 runtime error, 2 usage error, 3 syntax or check
 * error, 70 internal error.
 */
@Command(name = "adc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "adc: recipes for materials processing (structures, simulations, lab procedures).",
    subcommands = {Main.Run.class, Main.Check.class, Pack.class, Verify.class, Main.Repl.class, Main.Lsp.class, Cancel.class, TaskWorker.class,
        CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    final InputStream in;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(execute(System.in, out, err, args));
    }

    /** Runs the command line on the process's standard streams and returns the exit code. */
    public static int execute(String... args) {
        return execute(System.in, System.out, System.err, args);
    }

    /**
     * Runs the command line with the given streams and returns the exit code (tests call this
     * in-process). Usage errors (unknown command or option, missing file, bad --set) give 2.
     */
    public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
        Main main = new Main(in, out, err);
        CommandLine cl = new CommandLine(main);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, params) -> {
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched() : List.of();
            if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-") && !cmd.getSubcommands().isEmpty()) {
                String word = unmatched.get(0);
                err.println(name + ": unknown command '" + word + "'");
                String close = closest(word, cmd.getSubcommands().keySet());
                if (close != null) {
                    err.println("  did you mean '" + name + " " + close + "'?");
                }
            } else if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-")) {
                err.println(name + ": unknown option '" + unmatched.get(0) + "'");
            } else {
                err.println(name + ": " + ex.getMessage());
            }
            err.println("run '" + name + " --help' for usage");
            return Launch.USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Launch.internal(ex, err));
        return cl.execute(args);
    }

    private static String closest(String word, java.util.Collection<String> names) {
        String best = null;
        int bestD = 3;
        for (String n : names) {
            int d = org.adc.lang.Spelling.distance(word, n);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return best;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(err);
        return Launch.USAGE_ERROR;
    }

    /** adc --version: the adc version, the Truffle runtime in use and the JVM. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"adc 0.1.0", "runtime: " + Launch.runtimeName(),
                "java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")};
        }
    }

    /** The script's text, or null after printing why it cannot be read (a usage error). */
    static Source readScript(String command, String file, PrintStream err) {
        return readScript(command, file, err, null);
    }

    /** The script's text named {@code shownAs} in messages (null: as the path), or null after printing why it cannot be read. */
    static Source readScript(String command, String file, PrintStream err, String shownAs) {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            err.println(command + ": not a valid path: " + file);
            return null;
        }
        if (Files.isDirectory(p)) {
            err.println(command + ": " + file + " is a folder, not a recipe file");
            return null;
        }
        if (!Files.isRegularFile(p)) {
            err.println(command + ": no such file: " + file);
            return null;
        }
        try {
            return Launch.source(p, shownAs == null ? file : shownAs);
        } catch (CharacterCodingException e) {
            err.println(command + ": " + file + " is not UTF-8 text");
            return null;
        } catch (IOException e) {
            err.println(command + ": cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a recipe.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the .adc recipe")
        String file;

        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue a run that crashed (power loss, kill) from the last "
            + "checkpoint of its journal, with the recipe, parameters and options it started with")
        Path resume;

        @Option(names = "--force", description = "with --resume: resume a run that was halted, aborted or ended with an error "
            + "(refused without it)")
        boolean force;

        @Option(names = "--confirm-outputs", description = "with --resume: confirm the outputs the resumed run switches back on "
            + "(listed first) without asking; without it a resume asks on the terminal and refuses when there is none")
        boolean confirmOutputs;

        @Option(names = "--no-preflight", description = "skip the pre-flight dry run before a --live or --real-time run")
        boolean noPreflight;

        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "set a script parameter, e.g. --set anneal_t=440degC")
        List<String> sets = new ArrayList<>();

        @Option(names = "--run-dir", paramLabel = "DIR", description = "where outputs go (default: runs/NAME-TIMESTAMP)")
        Path runDir;

        @Option(names = "--allow-read", paramLabel = "PATH", description = "let the recipe read below PATH too")
        List<Path> allowRead = new ArrayList<>();

        @Option(names = "--allow-write", paramLabel = "PATH", description = "let the recipe write below PATH too")
        List<Path> allowWrite = new ArrayList<>();

        @Option(names = "--real-time", description = "run procedures on the wall clock (default: virtual time on the digital twins)")
        boolean realTime;
        @CommandLine.ParentCommand
        Main main;

        @Option(names = "--lab", paramLabel = "FILE", description = "lab configuration (YAML): device names -> drivers, ports, limits; "
            + "checked on start, used only with --live")
        Path lab;

        @Option(names = "--live", description = "drive the real instruments of the --lab file on the wall clock (without it every device is "
            + "a digital twin)")
        boolean live;

        @Option(names = "--help-params", description = "list the recipe's parameters (name, unit, default, range, description) and run nothing")
        boolean helpParams;

        @Option(names = "--executor", paramLabel = "KIND", description = "where fan-outs (tasks.map, gcmc μ sweeps, NEB images with "
            + "an external calculator) run: local (default) or slurm (a job array per fan-out; srun --exact steps inside an allocation)")
        String executor = "local";

        @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition of the tasks (--executor slurm)")
        String partition;

        @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm time limit per task, e.g. 00:30:00 (--executor slurm)")
        String time;

        @Option(names = "--account", paramLabel = "NAME", description = "Slurm account to charge (--executor slurm)")
        String account;

        @Option(names = "--cpus-per-task", paramLabel = "N", description = "CPUs of each task (--executor slurm, default 1)")
        int cpusPerTask = 1;

        @Option(names = "--max-concurrent", paramLabel = "N", description = "at most N tasks of a job array at once (--executor slurm, "
            + "default: no limit)")
        int maxConcurrent;

        /** The executor options, checked; null after printing the problem. */
        org.adc.executor.ExecutorSpec executorSpec(PrintStream err) {
            org.adc.executor.ExecutorSpec spec = new org.adc.executor.ExecutorSpec(executor, partition, time, account, cpusPerTask,
                maxConcurrent, null, -1, -1);
            String problem = spec.problem();
            if (problem != null) {
                err.println("adc run: " + problem);
                return null;
            }
            return spec;
        }

        @Option(names = "--bundle-max-entry", paramLabel = "SIZE", description = "largest file a .adcz bundle may unpack to "
            + "(default 256MiB)")
        String bundleMaxEntry;

        @Option(names = "--bundle-max-total", paramLabel = "SIZE", description = "largest total a .adcz bundle may unpack to (default 1GiB)")
        String bundleMaxTotal;

        @Option(names = "--bundle-max-files", paramLabel = "N", description = "most entries a .adcz bundle may hold (default 10000)")
        Integer bundleMaxFiles;

        /** Set when FILE is a bundle: the checked, extracted bundle and the recipe's name in messages. */
        Bundle.Opened bundle;
        String shownAs;

        @Override
        public Integer call() throws Exception {
            if (Bundle.isBundle(file) && bundle == null) {
                return BundleRun.run(this);
            }
            if (helpParams) {
                return ParamHelp.print(file, shownAs, main.out, main.err);
            }
            PrintStream err = main.err;
            org.adc.executor.ExecutorSpec spec = executorSpec(err);
            if (spec == null) {
                return Launch.USAGE_ERROR;
            }
            if (resume != null && java.nio.file.Files.isDirectory(resume.resolve("tasks"))) {
                return SweepResume.resume(this, resume, spec, main, err);
            }
            if (resume != null) {
                return RunJournal.resume(this, resume, main, err);
            }
            if (file == null) {
                err.println("adc run: missing the recipe FILE (or --resume RUN_DIR)");
                err.println("run 'adc run --help' for usage");
                return Launch.USAGE_ERROR;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String s : sets) {
                int eq = s.indexOf('=');
                String name = eq <= 0 ? "" : s.substring(0, eq).strip();
                if (eq <= 0 || !name.matches("[\\p{L}_][\\p{L}\\p{N}_]*") || s.substring(eq + 1).isBlank()) {
                    err.println("adc run: --set needs NAME=VALUE, got '" + s + "'");
                    err.println("  hint: e.g. --set anneal_t=440degC");
                    return Launch.USAGE_ERROR;
                }
                if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    err.println("adc run: --set " + name + ": the value contains a line break");
                    err.println("  hint: give the value on one line");
                    return Launch.USAGE_ERROR;
                }
                if (params.containsKey(name)) {
                    err.println("adc run: parameter '" + name + "' is set twice");
                    return Launch.USAGE_ERROR;
                }
                params.put(name, s.substring(eq + 1));
            }
            Source source = readScript("adc run", file, err, shownAs);
            if (source == null) {
                return Launch.USAGE_ERROR;
            }
            Path script = Path.of(file);
            String stem = script.getFileName().toString().replaceFirst("\\.adc$", "");
            Path rd = runDir != null ? runDir
                : Path.of("runs", stem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Path dir = script.toAbsolutePath().getParent();
            if (live && lab == null) {
                err.println("adc run: --live needs --lab FILE (the lab configuration that maps devices to instruments)");
                return Launch.USAGE_ERROR;
            }
            if (lab != null) {
                try {
                    org.adc.device.config.LabConfig cfg = org.adc.device.config.LabConfig.load(lab);
                    if (live) {
                        cfg.checkPorts();
                    }
                } catch (org.adc.device.config.LabConfigError e) {
                    err.println("adc run: " + e.getMessage());
                    if (e.hint() != null) {
                        err.println("  hint: " + e.hint());
                    }
                    return Launch.USAGE_ERROR;
                }
            }
            if (java.nio.file.Files.exists(rd.resolve("run.json")) && RunJournal.syntaxError(source, err)) {
                // the earlier run's record stays: a recipe that does not parse never touches the run directory
                err.println("  the run directory " + rd + " keeps its earlier run (run.json); nothing was changed");
                return Launch.CHECK_ERROR;
            }
            try {
                java.nio.file.Files.createDirectories(rd);
            } catch (java.io.IOException e) {
                err.println("adc run: cannot create the run directory " + rd + ": " + e.getMessage());
                return Launch.USAGE_ERROR;
            }
            RunJournal.writeStart(rd, script, file, source.getCharacters().toString(), params, lab, live, realTime || live, allowRead, allowWrite);
            if ((realTime || live) && !noPreflight) {
                // a live run's pre-flight reads the controllers' own limits (LabDeviceFactory.probingInstruments)
                System.setProperty("adc.preflightProbe", Boolean.toString(live));
                int pf = RunJournal.preflight(source, dir, rd, params, allowRead, allowWrite, lab, main.out, err);
                if (pf != Launch.OK) {
                    return pf;
                }
            }
            if (spec.slurm()) {
                java.nio.file.Files.writeString(rd.resolve("executor.txt"), spec.encode());
            }
            Launch.Options o = new Launch.Options(dir, rd, params, allowRead, allowWrite, realTime || live, true, lab, live, false, false,
                spec.encode());
            return RunJournal.execute(o, source, main, err);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and check recipes (names, units, arguments) without running anything.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .adc recipes")
        List<String> files;

        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws Exception {
            int worst = Launch.OK;
            for (String f : files) {
                Source source = readScript("adc check", f, main.err);
                if (source == null) {
                    worst = Math.max(worst, Launch.USAGE_ERROR);
                    continue;
                }
                Path dir = Path.of(f).toAbsolutePath().getParent();
                Launch.Options o = new Launch.Options(dir, null, Map.of(), List.of(), List.of());
                try (Context ctx = Launch.context(o, InputStream.nullInputStream(), main.out, main.err)) {
                    // checked as CHECK_MIME_TYPE: the analysis (errors and warnings as data), never a run
                    Source checked = Source.newBuilder("adc", source.getCharacters(), source.getName())
                        .mimeType(org.adc.AdcLanguage.CHECK_MIME_TYPE).cached(false).build();
                    org.adc.parser.Analysis a = ctx.eval(checked).asHostObject();
                    int warnings = 0;
                    for (org.adc.runtime.Diagnostic d : a.diagnostics()) {
                        main.err.print(d);
                        warnings += d.severity().equals("warning") ? 1 : 0;
                    }
                    if (a.hasErrors()) {
                        worst = Math.max(worst, Launch.CHECK_ERROR);
                    } else {
                        main.out.println(f + ": ok" + (warnings == 0 ? "" : " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ")"));
                    }
                } catch (PolyglotException e) {
                    worst = Math.max(worst, Launch.report(e, main.err));
                }
            }
            return worst;
        }
    }

    @Command(name = "repl", mixinStandardHelpOptions = true, description = "Explore interactively.")
    static final class Repl implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Option(names = "--run-dir", paramLabel = "DIR", description = "where files written with a relative path go (default: runs/repl, created)")
        Path runDir;

        @Option(names = "--allow-read", paramLabel = "PATH", description = "let the session read below PATH too (it reads below the current folder)")
        List<Path> allowRead = new ArrayList<>();

        @Option(names = "--allow-write", paramLabel = "PATH", description = "let the session write below PATH too")
        List<Path> allowWrite = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            try (ReplSession session = new ReplSession(main.in, main.out, main.err, runDir, allowRead, allowWrite)) {
                return session.run();
            }
        }
    }

    @Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Language server for editors (LSP over stdin/stdout). Checks recipes, never runs them.")
    static final class Lsp implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        // language clients (vscode-languageclient's stdio transport) add --stdio; stdio is the only transport
        @Option(names = "--stdio", description = "Talk JSON-RPC over stdin/stdout (the default and only transport).")
        boolean stdio;

        /** The client's process id (vscode-languageclient passes it); the server ends with its input either way. */
        @Option(names = "--clientProcessId", hidden = true)
        String clientProcessId;

        @Override
        public Integer call() throws Exception {
            // stdout carries JSON-RPC only: anything else printed by mistake goes to stderr
            java.io.OutputStream rpc = new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
            System.setOut(main.err);
            return org.adc.lsp.LspMain.serve(new java.io.FileInputStream(FileDescriptor.in), rpc);
        }
    }
}
