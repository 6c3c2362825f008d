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
        List<Diagnostic> errors = new ArrayList<>();
        boolean[] incomplete = {false};
        String text = source.getCharacters().toString();
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
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
                    Token t = offending instanceof Token tok ? tok : null;
                    boolean atEof = t != null && t.getType() == Token.EOF;
                    if (atEof) {
                        incomplete[0] = true;
                    }
                    String hint = hint(t, msg);
                    Token open = atEof ? filter.innermostOpen() : null;
                    if (open != null) {
                        hint = describeOpen(open) + " opened at line " + open.getLine() + ", column " + (open.getCharPositionInLine() + 1)
                            + " is not closed";
                    }
                    errors.add(Diagnostic.at(source, line, col + 1, t == null || atEof ? 1 : Math.max(1, t.getText().length()), "error",
                        describe(t, msg), hint));
                }
            });
            tree = parser.program();
        }
        if (!errors.isEmpty()) {
            throw new AdcParseError(errors, incomplete[0] && errors.size() == 1);
        }
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

    private static String describeOpen(Token t) {
        return switch (t.getType()) {
            case AdcLexer.DQUOTE -> "the string";
            case AdcLexer.STR_INTERP -> "the interpolation ${";
            case AdcLexer.LBRACE -> "the block {";
            default -> "the '" + t.getText() + "'";
        };
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
