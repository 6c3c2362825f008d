package org.adc.launcher;

import java.io.IOException;
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
import org.graalvm.polyglot.Value;
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
final class ReplSession {
    private static final Pattern DECL = Pattern.compile("\\b(?:let|var|fn|recipe|param)\\s+([\\p{L}_][\\p{L}\\p{N}_]*)");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+([\\w.]+)(?:\\s+as\\s+(\\w+))?");
    private static final String[] KEYWORDS = {"let", "var", "fn", "return", "if", "else", "for", "in", "while", "break", "continue",
        "try", "catch", "finally", "raise", "import", "as", "recipe", "parallel", "hold", "until", "limit", "param", "assert",
        "with", "step", "to", "and", "or", "not", "true", "false", "none"};

    private final PrintStream out;
    private final PrintStream err;
    private final TreeSet<String> userNames = new TreeSet<>();
    private final Map<String, String> importAliases = new java.util.HashMap<>();
    private Context context;

    ReplSession(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Launch.Options o = new Launch.Options(cwd, cwd.resolve("runs").resolve("repl"), Map.of(), List.of(), List.of());
        context = Launch.context(o, System.in, out, err);
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        Thread evaluator = Thread.currentThread();
        terminal.handle(Terminal.Signal.INT, s -> {
            Thread t = new Thread(() -> {
                try {
                    context.interrupt(Duration.ofSeconds(10));
                } catch (Exception e) {
                    // nothing running
                }
            });
            t.setDaemon(true);
            t.start();
        });
        LineReader reader = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("adc")
            .parser(new InputParser())
            .completer(new NameCompleter())
            .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".adc_history"))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...> ")
            .build();
        out.println("adc 0.1.0 (" + Launch.runtimeName() + ") — :help NAME, :type EXPR, :quit");
        while (true) {
            String line;
            try {
                line = reader.readLine("adc> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            String input = line.strip();
            if (input.isEmpty()) {
                continue;
            }
            if (input.equals(":quit") || input.equals(":q") || input.equals("exit")) {
                break;
            }
            if (input.startsWith(":help")) {
                String name = input.substring(5).strip();
                eval(name.isEmpty() ? "print(\"names: \" + \"" + String.join(", ", globalNames()) + "\")" : "print(help(" + name + "))");
                continue;
            }
            if (input.startsWith(":type")) {
                eval("print(type(" + input.substring(5).strip() + "))");
                continue;
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
        }
        context.close(true);
        return Launch.OK;
    }

    private void eval(String code) {
        try {
            Value ignored = context.eval(Source.newBuilder("adc", code, "<repl>").interactive(true).buildLiteral());
        } catch (PolyglotException e) {
            Launch.report(e, err);
        } catch (IllegalStateException e) {
            err.println("interrupted");
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

    /** Asks for more lines while the input is an unfinished block, bracket or string. */
    private final class InputParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext ctx) {
            if (ctx == ParseContext.ACCEPT_LINE && !line.strip().startsWith(":")) {
                try {
                    context.parse(Source.newBuilder("adc", line, "<repl>").interactive(true).buildLiteral());
                } catch (PolyglotException e) {
                    if (e.isIncompleteSource()) {
                        throw new EOFError(-1, -1, "incomplete input");
                    }
                } catch (RuntimeException e) {
                    // let evaluation report it
                }
            }
            return super.parse(line, cursor, ctx);
        }
    }

    /** Completes keywords, names, modules, module members (after "mod.") and units. */
    private final class NameCompleter implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            String word = line.word().substring(0, line.wordCursor());
            int dot = word.lastIndexOf('.');
            if (dot > 0) {
                String recv = word.substring(0, dot);
                Module mod = Stdlib.modules().get(importAliases.getOrDefault(recv, recv));
                if (mod != null) {
                    for (String m : mod.memberNames()) {
                        candidates.add(new Candidate(recv + "." + m, m, null, null, null, null, true));
                    }
                }
                return;
            }
            for (String k : KEYWORDS) {
                candidates.add(new Candidate(k));
            }
            for (String n : globalNames()) {
                candidates.add(new Candidate(n));
            }
            for (String m : Stdlib.modules().keySet()) {
                candidates.add(new Candidate(m, m, "modules", null, null, null, true));
            }
            for (String u : Units.symbols()) {
                candidates.add(new Candidate(u, u, "units", null, null, null, true));
            }
        }
    }
}
