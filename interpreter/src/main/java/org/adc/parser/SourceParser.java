package org.adc.parser;

import com.oracle.truffle.api.source.Source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import org.adc.AdcContext;
import org.adc.AdcLanguage;
import org.adc.builtins.CoreBuiltins;
import org.adc.lang.Module;
import org.adc.lib.Stdlib;
import org.adc.nodes.AdcRootNode;
import org.adc.runtime.AdcParseError;
import org.adc.runtime.Diagnostic;

/**
 * Entry point of the front end: lexes (with the newline filter), parses with error recovery so
 * every syntax error of the file is reported in one run, then builds nodes and checks names and
 * units. Any error ends in one {@link AdcParseError} listing them all in source order.
 */
public final class SourceParser {
    private SourceParser() {
    }

    public static AdcRootNode parse(AdcLanguage language, Source source) {
        return build(language, source, null);
    }

    /**
     * Parses and checks a source without running it: its errors and warnings as data (in source
     * order) and the dimensions the checker inferred (also when it has check errors; none when it has syntax errors).
     */
    public static Analysis analyze(AdcLanguage language, Source source) {
        NodeBuilder[] builder = new NodeBuilder[1];
        List<Diagnostic> errors = List.of();
        try {
            build(language, source, builder);
        } catch (AdcParseError e) {
            errors = e.diagnostics();
        }
        List<Diagnostic> all = new ArrayList<>(errors);
        if (builder[0] != null) {
            all.addAll(builder[0].warnings);
        }
        all.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return new Analysis(all, builder[0] == null ? List.of() : builder[0].spans());
    }

    private static AdcRootNode build(AdcLanguage language, Source source, NodeBuilder[] built) {
        AdcParser.ProgramContext tree = tree(source);
        NodeBuilder builder = new NodeBuilder(language, source, knownGlobals(source));
        AdcRootNode root = builder.program(tree);
        if (built != null) {
            built[0] = builder;
        }
        if (!builder.errors.isEmpty()) {
            throw new AdcParseError(builder.errors, false);
        }
        return root;
    }

    /**
     * Parses and checks a local module (import "profiles.adc" as p) in its own namespace. Its
     * syntax errors end in an {@link AdcParseError}; its check errors are left in the returned
     * module's builder, so the importer reports them and still checks its uses of the module.
     *
     * @param file  the module's path relative to the recipe's folder (also the source's name)
     * @param chain the files being imported, outermost first, ending with this one
     */
    static NodeBuilder.LocalModule module(AdcLanguage language, Source source, String file, List<String> chain, Set<String> knownGlobals) {
        AdcParser.ProgramContext tree = tree(source);
        NodeBuilder builder = new NodeBuilder(language, source, knownGlobals).asModule(file, chain);
        AdcRootNode root = builder.moduleProgram(tree);
        String base = file.substring(file.lastIndexOf('/') + 1);
        String name = base.endsWith(".adc") ? base.substring(0, base.length() - 4) : base;
        return new NodeBuilder.LocalModule(name, file, file + "::", root.getCallTarget(), builder);
    }

    /** The parse tree of a source without syntax errors; otherwise all of them in one {@link AdcParseError}. */
    private static AdcParser.ProgramContext tree(Source source) {
        List<Diagnostic> errors = new ArrayList<>();
        boolean[] incomplete = {false};
        String text = source.getCharacters().toString();
        // unterminated strings and unbalanced brackets first, reported at their opener: the
        // parser's messages for such a file would be their cascade
        boolean blocking = false;
        for (SyntaxErrors.Error e : SyntaxErrors.lexical(text, incomplete)) {
            errors.add(Diagnostic.at(source, e.line(), e.column() + 1, e.width(), "error", e.message(), e.hint()));
            blocking |= !e.local();
        }
        if (blocking) {
            // the statements that end before the first unclosed bracket or string are independent of
            // it: their syntax errors are reported too (what follows it was read inside the bracket)
            int firstLine = errors.stream().mapToInt(Diagnostic::line).min().orElse(1);
            List<Diagnostic> before = new ArrayList<>();
            for (List<Token> chunk : statements(text, source.getName())) {
                if (chunk.get(chunk.size() - 1).getLine() < firstLine) {
                    parseStatement(source, chunk, false, before, new boolean[1]);
                }
            }
            errors.addAll(before);
            errors.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
            throw new AdcParseError(errors, incomplete[0] && before.isEmpty());
        }
        SafeLexer lexer = new SafeLexer(CharStreams.fromString(text, source.getName()));
        lexer.removeErrorListeners();
        NewlineFilter filter = new NewlineFilter(lexer);
        CommonTokenStream tokens = new CommonTokenStream(filter);
        AdcParser parser = new AdcParser(tokens);
        parser.removeErrorListeners();
        // two stages: SLL prediction, stopping at the first error, parses correct input several times
        // faster; only input with an error is parsed again with full LL and error recovery, which
        // gives the messages and the recovered tree
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        AdcParser.ProgramContext tree;
        try {
            tree = parser.program();
        } catch (ParseCancellationException e) {
            tree = null;
        }
        if (tree == null) {
            // the file has a syntax error: each top-level statement is parsed on its own, with full
            // LL and error recovery, and reports its first error, so one mistake gives one message
            // and independent mistakes in other statements are all reported
            List<List<Token>> chunks = statements(text, source.getName());
            List<Diagnostic> found = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                parseStatement(source, chunks.get(c), c == chunks.size() - 1, found, incomplete);
            }
            for (Diagnostic d : found) {
                // a line with a stray bracket already has its message
                if (errors.stream().noneMatch(x -> x.line() == d.line())) {
                    errors.add(d);
                }
            }
            errors.sort(java.util.Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
            if (errors.isEmpty()) {
                // SLL prediction can fail on input that full LL accepts, and every statement parsed
                // alone: the whole file again with full LL gives the tree (or its errors)
                parser.reset();
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                parser.addErrorListener(new BaseErrorListener() {
                    @Override
                    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
                        Token t = offending instanceof Token tok ? tok : null;
                        if (errors.isEmpty() || errors.get(errors.size() - 1).line() != line) {
                            errors.add(Diagnostic.at(source, line, col + 1, t == null || t.getType() == Token.EOF ? 1 : Math.max(1, t.getText().length()),
                                "error", describe(t, msg), hint(t, msg)));
                        }
                    }
                });
                tree = parser.program();
            }
        }
        if (!errors.isEmpty()) {
            throw new AdcParseError(errors, incomplete[0] && errors.size() == 1);
        }
        return tree;
    }

    /**
     * The tokens of a file (after the newline filter) split into top-level statements: at a
     * newline or ';' outside any bracket, unless the next line continues the statement with
     * else, catch or finally. Only called for a file whose brackets balance.
     */
    private static List<List<Token>> statements(String text, String name) {
        SafeLexer lexer = new SafeLexer(CharStreams.fromString(text, name));
        lexer.removeErrorListeners();
        NewlineFilter filter = new NewlineFilter(lexer);
        List<Token> all = new ArrayList<>();
        for (Token t = filter.nextToken(); t.getType() != Token.EOF; t = filter.nextToken()) {
            all.add(t);
        }
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            int ty = t.getType();
            switch (ty) {
                case AdcLexer.LPAREN, AdcLexer.LBRACK, AdcLexer.LBRACE, AdcLexer.STR_INTERP -> depth++;
                case AdcLexer.RPAREN, AdcLexer.RBRACK, AdcLexer.RBRACE -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            cur.add(t);
            if (depth == 0 && t.getChannel() == Token.DEFAULT_CHANNEL && (ty == AdcLexer.NL || ty == AdcLexer.SEMI)) {
                Token next = null;
                for (int k = i + 1; k < all.size() && next == null; k++) {
                    Token x = all.get(k);
                    if (x.getChannel() == Token.DEFAULT_CHANNEL && x.getType() != AdcLexer.NL && x.getType() != AdcLexer.SEMI) {
                        next = x;
                    }
                }
                if (next == null || next.getType() != AdcLexer.ELSE && next.getType() != AdcLexer.CATCH && next.getType() != AdcLexer.FINALLY) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** Parses one top-level statement's tokens and adds its first syntax error, if any. */
    private static void parseStatement(Source source, List<Token> chunk, boolean last, List<Diagnostic> errors, boolean[] incomplete) {
        CommonTokenStream tokens = new CommonTokenStream(new org.antlr.v4.runtime.ListTokenSource(chunk));
        // all of the statement's tokens at hand, so a hint that quotes the rest of the line does not depend on lookahead
        tokens.fill();
        AdcParser parser = new AdcParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        boolean[] reported = {false};
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
                if (reported[0]) {
                    return;
                }
                reported[0] = true;
                Token t = offending instanceof Token tok ? tok : null;
                SyntaxErrors.Error py = SyntaxErrors.pythonism(tokens, t);
                if (py != null) {
                    errors.add(Diagnostic.at(source, py.line(), py.column() + 1, py.width(), "error", py.message(), py.hint()));
                    return;
                }
                boolean atEof = t != null && t.getType() == Token.EOF;
                if (atEof && last) {
                    incomplete[0] = true;
                    errors.add(Diagnostic.at(source, line, col + 1, 1, "error", "unexpected end of input", hint(t, msg)));
                    return;
                }
                if (atEof) {
                    // the end of this statement's tokens is the end of its line
                    Token end = chunk.get(chunk.size() - 1);
                    errors.add(Diagnostic.at(source, end.getLine(), end.getCharPositionInLine() + 1, 1, "error", "unexpected end of line",
                        hint(null, msg)));
                    return;
                }
                errors.add(Diagnostic.at(source, line, col + 1, t == null ? 1 : Math.max(1, t.getText().length()), "error",
                    describe(t, msg), hint(t, msg)));
            }
        });
        parser.program();
    }

    private static Set<String> knownGlobals(Source source) {
        Set<String> names = new HashSet<>(Stdlib.globals().keySet());
        for (Module m : CoreBuiltins.modules()) {
            names.addAll(m.memberNames());
        }
        if (source.isInteractive()) {
            try {
                AdcContext.get(null).globals().cells().forEach((name, cell) -> {
                    if (cell.defined) {
                        names.add(name);
                    }
                });
            } catch (RuntimeException e) {
                // no context entered: names are checked at run time
            }
        }
        return names;
    }

    private static String describe(Token t, String msg) {
        if (t == null) {
            return msg;
        }
        if (t.getType() == Token.EOF) {
            return "unexpected end of input";
        }
        if (t.getType() == AdcLexer.NL) {
            return "unexpected end of line";
        }
        if (t.getType() == AdcLexer.ERROR_CHAR) {
            return "unexpected character '" + t.getText() + "'";
        }
        return "unexpected '" + t.getText() + "'";
    }

    private static String hint(Token t, String msg) {
        if (t != null && t.getType() == Token.EOF) {
            return "a block, bracket or string is not closed";
        }
        int i = msg.indexOf("expecting ");
        if (i >= 0) {
            String exp = msg.substring(i + "expecting ".length());
            if (exp.length() <= 60) {
                return "expected " + exp.replace("{", "one of ").replace("}", "").replace("<EOF>", "end of input")
                    .replace("NL", "end of line").replace("IDENT", "a name");
            }
        }
        if (msg.startsWith("missing ")) {
            return msg;
        }
        return null;
    }
}
