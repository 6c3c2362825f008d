package org.adc.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    subcommands = {Main.Run.class, Main.Check.class, Main.Repl.class, Main.Lsp.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new java.io.PrintWriter(OUT, true));
        cl.setErr(new java.io.PrintWriter(ERR, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Launch.internal(ex, ERR));
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(OUT);
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

    static Path existingScript(String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new CommandLine.ParameterException(new CommandLine(new Main()), "no such file: " + file);
        }
        return p;
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a recipe.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "the .adc recipe")
        String file;

        @Option(names = "--set", paramLabel = "NAME=VALUE", description = "set a script parameter, e.g. --set anneal_t=440degC")
        List<String> sets = new ArrayList<>();

        @Option(names = "--run-dir", paramLabel = "DIR", description = "where outputs go (default: runs/NAME-TIMESTAMP)")
        Path runDir;

        @Option(names = "--allow-read", paramLabel = "PATH", description = "let the recipe read below PATH too")
        List<Path> allowRead = new ArrayList<>();

        @Option(names = "--allow-write", paramLabel = "PATH", description = "let the recipe write below PATH too")
        List<Path> allowWrite = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path script;
            try {
                script = existingScript(file);
            } catch (CommandLine.ParameterException e) {
                ERR.println("adc run: " + e.getMessage());
                return Launch.USAGE_ERROR;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String s : sets) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    ERR.println("adc run: --set needs NAME=VALUE, got '" + s + "'");
                    return Launch.USAGE_ERROR;
                }
                params.put(s.substring(0, eq), s.substring(eq + 1));
            }
            String stem = script.getFileName().toString().replaceFirst("\\.adc$", "");
            Path rd = runDir != null ? runDir
                : Path.of("runs", stem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Path dir = script.toAbsolutePath().getParent();
            Launch.Options o = new Launch.Options(dir, rd, params, allowRead, allowWrite);
            try (Context ctx = Launch.context(o, System.in, OUT, ERR)) {
                ctx.eval(Launch.source(script, file));
                return Launch.OK;
            } catch (PolyglotException e) {
                return Launch.report(e, ERR);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and check recipes (names, units, arguments) without running anything.")
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "the .adc recipes")
        List<String> files;

        @Override
        public Integer call() throws Exception {
            int worst = Launch.OK;
            for (String f : files) {
                Path script;
                try {
                    script = existingScript(f);
                } catch (CommandLine.ParameterException e) {
                    ERR.println("adc check: " + e.getMessage());
                    worst = Math.max(worst, Launch.USAGE_ERROR);
                    continue;
                }
                Launch.Options o = new Launch.Options(script.toAbsolutePath().getParent(), null, Map.of(), List.of(), List.of());
                try (Context ctx = Launch.context(o, System.in, OUT, ERR)) {
                    ctx.parse(Launch.source(script, f));
                    OUT.println(f + ": ok");
                } catch (PolyglotException e) {
                    worst = Math.max(worst, Launch.report(e, ERR));
                }
            }
            return worst;
        }
    }

    @Command(name = "repl", mixinStandardHelpOptions = true, description = "Explore interactively.")
    static final class Repl implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            return new ReplSession(OUT, ERR).run();
        }
    }

    @Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Language server for editors (LSP over stdin/stdout). Checks recipes, never runs them.")
    static final class Lsp implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            // stdout carries JSON-RPC only: anything else printed by mistake goes to stderr
            java.io.OutputStream rpc = new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
            System.setOut(ERR);
            return org.adc.lsp.LspMain.serve(new java.io.FileInputStream(FileDescriptor.in), rpc);
        }
    }
}
