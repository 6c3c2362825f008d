package org.adc.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import org.adc.builtins.CoreBuiltins;
import org.adc.lang.Module;
import org.adc.lib.Stdlib;
import org.adc.units.Units;

/**
 * The adc REPL on JLine: history kept in ~/.adc_history, multi-line input while a block, bracket
 * or string is open, tab completion of names, modules, members and units, {@code :help NAME},
 * {@code :type EXPR}, {@code :quit}. An error prints and the session goes on; Ctrl-C interrupts
 * the running evaluation, not the REPL.
 */
final class ReplSession implements AutoCloseable {
    private static final Pattern DECL = Pattern.compile("\\b(?:let|var|fn|recipe|param)\\s+([\\p{L}_][\\p{L}\\p{N}_]*)");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+([\\w.]+)(?:\\s+as\\s+(\\w+))?");
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(?:\\.[\\p{L}_][\\p{L}\\p{N}_]*)*");
    private static final String[] KEYWORDS = {"let", "var", "fn", "return", "if", "else", "for", "in", "while", "break", "continue",
        "try", "catch", "finally", "raise", "import", "as", "recipe", "parallel", "hold", "until", "limit", "param", "assert",
        "with", "step", "to", "and", "or", "not", "true", "false", "none"};
    private static final String[] COMMANDS = {":help", ":type", ":quit"};
    /** SI prefixes offered in completion (every combination the unit table accepts). */
    private static final String[] PREFIXES = {"k", "M", "G", "T", "m", "u", "µ", "n", "p", "f", "c"};
    static final String BANNER_HELP = ":help NAME, :type EXPR, :quit";

    private final PrintStream out;
    private final PrintStream err;
    private final TreeSet<String> userNames = new TreeSet<>();
    private final Map<String, String> importAliases = new java.util.HashMap<>();
    private final Context context;
    private static List<String> unitSymbols;

    private final Path runDir;

    /** A session writing into a fresh temporary run directory (for tests and embedding). */
    ReplSession(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, tempRunDir(), List.of(), List.of());
    }

    private static Path tempRunDir() {
        try {
            return java.nio.file.Files.createTempDirectory("adc-repl-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A session reading below the current folder (and allowRead), writing into runDir (default
     * runs/repl in the current folder, created now so that the first write works) and below allowWrite.
     */
    ReplSession(InputStream in, PrintStream out, PrintStream err, Path runDir, List<Path> allowRead, List<Path> allowWrite) {
        this.out = out;
        this.err = err;
        Path cwd = Path.of("").toAbsolutePath();
        this.runDir = createRunDir(runDir != null ? runDir.toAbsolutePath().normalize() : cwd.resolve("runs").resolve("repl"), err);
        Launch.Options o = new Launch.Options(cwd, this.runDir, Map.of(), allowRead, allowWrite);
        this.context = Launch.context(o, in, out, err);
    }

    /** Creates the run directory; in a folder the user may not write, a fresh temporary one (and says so). */
    private static Path createRunDir(Path dir, PrintStream err) {
        try {
            java.nio.file.Files.createDirectories(dir);
            return dir.toRealPath();
        } catch (IOException | SecurityException e) {
            try {
                Path tmp = java.nio.file.Files.createTempDirectory("adc-repl-");
                err.println("adc repl: cannot create " + dir + " (" + e.getMessage() + "); files are written to " + tmp);
                return tmp.toRealPath();
            } catch (IOException e2) {
                throw new java.io.UncheckedIOException(e2);
            }
        }
    }

    /** Where files written with a relative path go. */
    Path runDir() {
        return runDir;
    }

    /** The interactive session on the process's terminal, history in ~/.adc_history. */
    int run() throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        return run(terminal, Path.of(System.getProperty("user.home"), ".adc_history"));
    }

    /** Reads inputs from the terminal until :quit or end of input. */
    int run(Terminal terminal, Path historyFile) {
        terminal.handle(Terminal.Signal.INT, s -> interrupt());
        LineReader reader = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("adc")
            .parser(new InputParser())
            .completer(new NameCompleter())
            .highlighter(new ReplHighlighter(this::isName))
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...> ")
            .variable(LineReader.ERRORS, 0)
            .build();
        out.println("adc 0.1.0 (" + Launch.runtimeName() + ") — " + BANNER_HELP);
        out.println("files written go to " + displayPath(runDir));
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine("adc> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!handle(line)) {
                    break;
                }
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                err.println("adc: could not save the history in " + historyFile + ": " + e.getMessage());
            }
        }
        return Launch.OK;
    }

    /** Stops the running evaluation (Ctrl-C); the session goes on. */
    void interrupt() {
        Thread t = new Thread(() -> {
            try {
                context.interrupt(Duration.ofSeconds(10));
            } catch (Exception e) {
                // nothing running, or the evaluation ended meanwhile
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Handles one complete input; false when the session should end. */
    boolean handle(String line) {
        String input = line.strip();
        if (input.isEmpty()) {
            return true;
        }
        if (input.equals(":quit") || input.equals(":q") || input.equals("exit")) {
            return false;
        }
        if (input.equals(":help") || input.startsWith(":help ")) {
            help(input.substring(5).strip());
            return true;
        }
        if (input.equals(":type") || input.startsWith(":type ")) {
            String expr = input.substring(5).strip();
            if (expr.isEmpty()) {
                err.println(":type EXPR shows the type and unit of a value, e.g. :type 450 degC");
            } else {
                eval("print(type((" + expr + "), detail = true))");
            }
            return true;
        }
        if (input.startsWith(":")) {
            err.println("unknown command " + input.split("\\s+")[0] + "; the commands are " + String.join(", ", COMMANDS));
            return true;
        }
        eval(line);
        Matcher m = DECL.matcher(line);
        while (m.find()) {
            userNames.add(m.group(1));
        }
        Matcher im = IMPORT.matcher(line);
        while (im.find()) {
            importAliases.put(im.group(2) != null ? im.group(2) : im.group(1), im.group(1));
        }
        return true;
    }

    private void help(String name) {
        if (name.isEmpty()) {
            out.println("Type adc statements and expressions; a value is printed. An unfinished block continues on the next line.");
            out.println("  :help NAME   the reference page of a function, module, statement or unit (e.g. :help arrhenius, :help for, :help degC)");
            out.println("  :type EXPR   the type and unit of a value (e.g. :type 450 degC)");
            out.println("  :quit        leave (or Ctrl-D); Ctrl-C stops a running evaluation");
            out.println("Tab completes names, modules, members (math.) and units. Modules: " + String.join(", ", Stdlib.modules().keySet()));
            return;
        }
        if (org.adc.docs.StatementDocs.pageOf(name) != null) {
            // a statement or keyword: the same page as docs/reference/statements/ and the editor's hover
            out.print(org.adc.docs.ReferenceDocs.text(name));
            return;
        }
        if (!NAME.matcher(name).matches()) {
            err.println(":help takes a name, e.g. :help arrhenius");
            return;
        }
        if (!isName(name) && Units.isUnit(name)) {
            String doc = Units.describe(name);
            out.println(name + ": unit" + (doc == null ? "" : ", " + doc));
            return;
        }
        if (Stdlib.modules().containsKey(name) && !isName(name)) {
            Module m = Stdlib.modules().get(name);
            out.println(m.name() + " — " + m.summary() + "\n  " + String.join(", ", m.memberNames()));
            return;
        }
        eval("help(" + name + ")");
    }

    private static String displayPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    boolean isName(String name) {
        return userNames.contains(name) || importAliases.containsKey(name) || globalNames().contains(name);
    }

    private void eval(String code) {
        try {
            context.eval(Source.newBuilder("adc", code, "<repl>").interactive(true).buildLiteral());
        } catch (PolyglotException e) {
            Launch.report(e, err);
        } catch (IllegalStateException e) {
            err.println("interrupted");
        }
    }

    /** True while the input is an unfinished block, bracket or string: the REPL asks for another line. */
    boolean isIncomplete(String text) {
        if (text.strip().startsWith(":")) {
            return false;
        }
        // a string cannot span lines: if ending the line makes it an error, more lines will not help
        return parsesIncomplete(text) && parsesIncomplete(text + "\n");
    }

    private boolean parsesIncomplete(String text) {
        try {
            context.parse(Source.newBuilder("adc", text, "<repl>").interactive(true).cached(false).buildLiteral());
            return false;
        } catch (PolyglotException e) {
            return e.isIncompleteSource();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<String> globalNames() {
        List<String> names = new ArrayList<>(userNames);
        for (Module m : CoreBuiltins.modules()) {
            names.addAll(m.memberNames());
        }
        names.addAll(Stdlib.globals().keySet());
        return names;
    }

    /**
     * Members of the value a name (or a chain of names, s.lattice) has in the session, as dir() lists
     * them; nothing when it is not a defined name. Only names are evaluated (never calls), so Tab has no side effects.
     */
    List<String> valueMembers(String recv) {
        String root = recv.split("\\.")[0];
        if (!NAME.matcher(recv).matches() || !isName(root)) {
            return List.of();
        }
        try {
            org.graalvm.polyglot.Value v = context.eval(Source.newBuilder("adc", "dir(" + recv + ").join(\"\\n\")", "<complete>")
                .interactive(true).cached(false).buildLiteral());
            String text = v.isString() ? v.asString() : "";
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (PolyglotException | IllegalStateException e) {
            return List.of();
        }
    }

    /** Unit symbols, with the common SI prefixes the unit table accepts (meV, uA, µA, GPa, kJ, mg). */
    static synchronized List<String> unitSymbols() {
        if (unitSymbols == null) {
            TreeSet<String> all = new TreeSet<>(Units.symbols());
            for (String s : Units.symbols()) {
                for (String p : PREFIXES) {
                    if (!all.contains(p + s) && Units.isUnit(p + s)) {
                        all.add(p + s);
                    }
                }
            }
            unitSymbols = List.copyOf(all);
        }
        return unitSymbols;
    }

    /** Completion candidates for the word before the cursor (what Tab offers). */
    List<Candidate> complete(String word) {
        List<Candidate> candidates = new ArrayList<>();
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String recv = word.substring(0, dot);
            Module mod = Stdlib.modules().get(importAliases.getOrDefault(recv, recv));
            java.util.Collection<String> members = mod != null && !userNames.contains(recv) ? mod.memberNames() : valueMembers(recv);
            for (String m : members) {
                candidates.add(new Candidate(recv + "." + m, m, null, null, null, null, true));
            }
            return candidates;
        }
        if (word.startsWith(":")) {
            for (String c : COMMANDS) {
                candidates.add(new Candidate(c));
            }
            return candidates;
        }
        for (String k : KEYWORDS) {
            candidates.add(new Candidate(k, k, "keywords", null, null, null, true));
        }
        for (String n : new TreeSet<>(globalNames())) {
            candidates.add(new Candidate(n, n, "names", null, null, null, true));
        }
        for (String m : Stdlib.modules().keySet()) {
            candidates.add(new Candidate(m, m, "modules", null, null, null, true));
        }
        for (String u : unitSymbols()) {
            candidates.add(new Candidate(u, u, "units", null, null, null, true));
        }
        return candidates;
    }

    @Override
    public void close() {
        context.close(true);
    }

    /** Splits words at brackets and operators too, so print(arr<Tab> completes "arr". */
    static class WordParser extends DefaultParser {
        @Override
        public boolean isDelimiterChar(CharSequence buffer, int pos) {
            char c = buffer.charAt(pos);
            return Character.isWhitespace(c) || "()[]{},;+-*/=<>!^%\"'".indexOf(c) >= 0;
        }
    }

    /** Asks for more lines while the input is an unfinished block, bracket or string. */
    private final class InputParser extends WordParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext ctx) {
            if (ctx == ParseContext.ACCEPT_LINE && isIncomplete(line)) {
                throw new EOFError(-1, -1, "incomplete input");
            }
            return super.parse(line, cursor, ctx);
        }
    }

    /** Completes keywords, names, modules, module members (after "mod.") and units. */
    private final class NameCompleter implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            candidates.addAll(ReplSession.this.complete(line.word().substring(0, line.wordCursor())));
        }
    }
}
