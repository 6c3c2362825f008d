package org.adc.lsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import org.adc.parser.AdcLexer;
import org.adc.parser.AdcParser;
import org.adc.parser.NewlineFilter;
import org.adc.parser.SafeLexer;

/**
 * One version of a document as the editor features see it: its tokens (from the interpreter's
 * lexer) and its declarations (from the interpreter's parser, with error recovery, so a half-typed
 * document still yields what can be read). Converts between LSP positions (UTF-16) and ANTLR
 * indices (code points). Checking is not done here: see {@link Checker}.
 */
public final class SourceModel {
    /** A declared name: a function, recipe, constant, variable, script parameter, parameter, loop variable or import. */
    public record Decl(String name, String kind, Token nameToken, int start, int stop, int scopeStart, int scopeStop,
                       String detail, List<String> params, List<Decl> children) {
    }

    private final String text;
    private final boolean surrogates;
    private final int[] lineStarts;
    private List<Token> tokens;
    private List<Decl> topLevel;
    private List<Decl> all;

    /** Cheap: only the line index. Tokens and declarations are read on first use. */
    public SourceModel(String text) {
        this.text = text;
        this.surrogates = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
        this.lineStarts = lineStarts(text);
    }

    private synchronized void analyse() {
        if (all != null) {
            return;
        }
        SafeLexer lexer = new SafeLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Token> ts = new ArrayList<>();
        List<Token> copies = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t instanceof org.antlr.v4.runtime.CommonToken ct) {
                ct.setTokenIndex(ts.size());
                copies.add(new org.antlr.v4.runtime.CommonToken(ct));
            } else {
                copies.add(t);
            }
            ts.add(t);
        }
        this.tokens = ts;
        this.topLevel = new ArrayList<>();
        this.all = new ArrayList<>();
        // the parser reads copies (its token stream renumbers them), through the interpreter's newline filter
        AdcParser parser = new AdcParser(new CommonTokenStream(new NewlineFilter(new org.antlr.v4.runtime.ListTokenSource(copies))));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        AdcParser.ProgramContext tree = parser.program();
        int end = Math.max(0, text.codePointCount(0, text.length()) - 1);
        walk(tree, topLevel, 0, end);
        recoverFromTokens(end);
    }

    public String text() {
        return text;
    }

    public List<Token> tokens() {
        analyse();
        return tokens;
    }

    /** Top-level declarations with their nested declarations as children (document symbols). */
    public List<Decl> symbols() {
        analyse();
        return topLevel;
    }

    /** Every declaration, in source order. */
    public List<Decl> declarations() {
        analyse();
        return all;
    }

    /**
     * Declarations the parser could not see because an earlier error swallowed them (an unclosed
     * parenthesis runs to the end of the file): {@code fn NAME(a, b)}, {@code recipe NAME(...)},
     * {@code let/var/param NAME} found in the tokens, visible in the whole file.
     */
    private void recoverFromTokens(int end) {
        java.util.Set<Integer> known = new java.util.HashSet<>();
        for (Decl d : all) {
            known.add(d.nameToken().getStartIndex());
        }
        List<Token> sig = new ArrayList<>();
        for (Token t : tokens) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                sig.add(t);
            }
        }
        for (int i = 0; i + 1 < sig.size(); i++) {
            int ty = sig.get(i).getType();
            Token name = sig.get(i + 1);
            if (name.getType() != AdcLexer.IDENT || known.contains(name.getStartIndex())) {
                continue;
            }
            if (ty == AdcLexer.FN || ty == AdcLexer.RECIPE) {
                List<String> params = new ArrayList<>();
                int j = i + 2;
                if (j < sig.size() && sig.get(j).getType() == AdcLexer.LPAREN) {
                    int depth = 0;
                    boolean expectName = true;
                    for (j = j + 1; j < sig.size(); j++) {
                        int tj = sig.get(j).getType();
                        if (tj == AdcLexer.LPAREN || tj == AdcLexer.LBRACK) {
                            depth++;
                        } else if (tj == AdcLexer.RPAREN || tj == AdcLexer.RBRACK) {
                            if (depth-- == 0) {
                                break;
                            }
                        } else if (depth == 0 && tj == AdcLexer.COMMA) {
                            expectName = true;
                        } else if (depth == 0 && expectName && tj == AdcLexer.IDENT) {
                            params.add(sig.get(j).getText());
                            expectName = false;
                        } else if (tj == AdcLexer.LBRACE || tj == AdcLexer.NL) {
                            break;
                        }
                    }
                }
                int stop = j < sig.size() ? sig.get(j).getStopIndex() : name.getStopIndex();
                String kind = ty == AdcLexer.FN ? "fn" : "recipe";
                add(topLevel, new Decl(name.getText(), kind, name, sig.get(i).getStartIndex(), Math.max(stop, name.getStopIndex()), 0, end,
                    clip(slice(sig.get(i).getStartIndex(), Math.max(stop, name.getStopIndex()))), params, new ArrayList<>()));
            } else if (ty == AdcLexer.LET || ty == AdcLexer.VAR || ty == AdcLexer.PARAM) {
                String kind = ty == AdcLexer.LET ? "let" : ty == AdcLexer.VAR ? "var" : "param";
                all.add(new Decl(name.getText(), kind, name, sig.get(i).getStartIndex(), name.getStopIndex(), 0, end,
                    kind + " " + name.getText(), List.of(), List.of()));
            }
        }
    }

    // ------------------------------------------------------------------ declarations

    private static boolean real(Token t) {
        return t != null && t.getStartIndex() >= 0 && t.getType() != Token.EOF && t.getText() != null && !t.getText().startsWith("<missing");
    }

    private void walk(ParseTree node, List<Decl> out, int scopeStart, int scopeStop) {
        if (node instanceof AdcParser.FnStmtContext f) {
            Decl d = callable(f, f.name, "fn", f.params(), f.block(), out, scopeStart, scopeStop);
            if (d != null) {
                walkBlockParams(f.params(), f.block(), d.children());
                walkChildren(f.block(), d.children(), f.block());
            }
            return;
        }
        if (node instanceof AdcParser.RecipeStmtContext r) {
            Decl d = callable(r, r.name, "recipe", r.params(), r.block(0), out, scopeStart, scopeStop);
            List<Decl> kids = d != null ? d.children() : out;
            walkBlockParams(r.params(), r.block(0), kids);
            for (AdcParser.BlockContext b : r.block()) {
                walkChildren(b, kids, b);
            }
            return;
        }
        if (node instanceof AdcParser.LambdaExprContext l) {
            ParserRuleContext body = l.block() != null ? l.block() : l.body;
            if (body != null) {
                walkBlockParams(l.params(), body, new ArrayList<>());
                walkChildren(body, new ArrayList<>(), body);
            }
            return;
        }
        if (node instanceof AdcParser.LetStmtContext l && real(l.name)) {
            String kind = l.VAR() != null ? "var" : "let";
            add(out, new Decl(l.name.getText(), kind, l.name, l.getStart().getStartIndex(), stop(l), scopeStart, scopeStop,
                kind + " " + l.name.getText() + (l.unit() != null ? ": " + l.unit().getText() : "") + " = " + clip(source(l.expr())),
                List.of(), new ArrayList<>()));
        } else if (node instanceof AdcParser.ParamStmtContext p && real(p.name)) {
            add(out, new Decl(p.name.getText(), "param", p.name, p.getStart().getStartIndex(), stop(p), scopeStart, scopeStop,
                clip(source(p)), List.of(), new ArrayList<>()));
        } else if (node instanceof AdcParser.ImportStmtContext i && i.path != null && real(i.alias)) {
            // import "lib/profiles.adc" as p: the module's file, relative to this document's folder
            String file = i.path.getText().length() >= 2 ? i.path.getText().substring(1, i.path.getText().length() - 1) : "";
            add(out, new Decl(i.alias.getText(), "import", i.alias, i.getStart().getStartIndex(), stop(i), scopeStart, scopeStop,
                clip(source(i)), List.of("file:" + file), new ArrayList<>()));
        } else if (node instanceof AdcParser.ImportStmtContext i && i.dottedName() != null) {
            Token nameTok = real(i.alias) ? i.alias : i.dottedName().getStop();
            if (real(nameTok)) {
                add(out, new Decl(nameTok.getText(), "import", nameTok, i.getStart().getStartIndex(), stop(i), scopeStart, scopeStop,
                    clip(source(i)), List.of(i.dottedName().getText()), new ArrayList<>()));
            }
        } else if (node instanceof AdcParser.ForStmtContext f && f.block() != null) {
            for (Token t : new Token[]{f.first, f.second}) {
                if (real(t)) {
                    all.add(new Decl(t.getText(), "for", t, t.getStartIndex(), t.getStopIndex(), f.getStart().getStartIndex(), stop(f),
                        "for " + t.getText(), List.of(), List.of()));
                }
            }
        } else if (node instanceof AdcParser.TryStmtContext t && real(t.errName) && t.handler != null) {
            all.add(new Decl(t.errName.getText(), "catch", t.errName, t.errName.getStartIndex(), t.errName.getStopIndex(),
                t.handler.getStart().getStartIndex(), stop(t.handler), "catch " + t.errName.getText(), List.of(), List.of()));
        }
        if (node instanceof AdcParser.BlockContext b) {
            walkChildren(b, out, b);
            return;
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i), out, scopeStart, scopeStop);
        }
    }

    private void walkChildren(ParserRuleContext node, List<Decl> out, ParserRuleContext scope) {
        if (node == null) {
            return;
        }
        int s = scope.getStart().getStartIndex();
        int e = stop(scope);
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChild(i), out, s, e);
        }
    }

    private void walkBlockParams(AdcParser.ParamsContext ps, ParserRuleContext body, List<Decl> out) {
        if (ps == null || body == null) {
            return;
        }
        for (AdcParser.ParamContext p : ps.param()) {
            if (real(p.name)) {
                all.add(new Decl(p.name.getText(), "parameter", p.name, p.getStart().getStartIndex(), stop(p),
                    p.getStart().getStartIndex(), stop(body), clip(source(p)), List.of(), List.of()));
            }
        }
    }

    private Decl callable(ParserRuleContext ctx, Token name, String kind, AdcParser.ParamsContext ps, ParserRuleContext body,
                          List<Decl> out, int scopeStart, int scopeStop) {
        if (!real(name)) {
            return null;
        }
        List<String> params = new ArrayList<>();
        if (ps != null) {
            for (AdcParser.ParamContext p : ps.param()) {
                if (real(p.name)) {
                    params.add(p.name.getText());
                }
            }
        }
        int headStop = body != null && body.getStart() != null ? body.getStart().getStartIndex() - 1 : stop(ctx);
        String head = headStop > ctx.getStart().getStartIndex() ? slice(ctx.getStart().getStartIndex(), headStop).strip() : kind + " " + name.getText();
        Decl d = new Decl(name.getText(), kind, name, ctx.getStart().getStartIndex(), stop(ctx), scopeStart, scopeStop, head,
            params, new ArrayList<>());
        add(out, d);
        return d;
    }

    private void add(List<Decl> out, Decl d) {
        out.add(d);
        all.add(d);
    }

    private static int stop(ParserRuleContext c) {
        Token s = c.getStop();
        int start = c.getStart().getStartIndex();
        return s == null || s.getStopIndex() < start ? Math.max(start, c.getStart().getStopIndex()) : s.getStopIndex();
    }

    private String source(ParserRuleContext c) {
        if (c == null || c.getStart() == null || c.getStart().getStartIndex() < 0) {
            return "";
        }
        return slice(c.getStart().getStartIndex(), stop(c));
    }

    /** Text between code point indices start and stop (inclusive). */
    public String slice(int start, int stop) {
        int a = utf16(start);
        int b = utf16(Math.min(stop + 1, cpLength()));
        return a <= b ? text.substring(a, b) : "";
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    // ------------------------------------------------------------------ positions

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private int cpLength() {
        return surrogates ? text.codePointCount(0, text.length()) : text.length();
    }

    /** UTF-16 offset of a code point index. */
    public int utf16(int cp) {
        if (!surrogates) {
            return Math.max(0, Math.min(cp, text.length()));
        }
        try {
            return text.offsetByCodePoints(0, Math.max(0, cp));
        } catch (IndexOutOfBoundsException e) {
            return text.length();
        }
    }

    /** Code point index of a UTF-16 offset. */
    public int codePoint(int utf16) {
        int o = Math.max(0, Math.min(utf16, text.length()));
        return surrogates ? text.codePointCount(0, o) : o;
    }

    /** UTF-16 offset of an LSP position (clamped to the text). */
    public int offset(Position p) {
        int line = Math.max(0, p.getLine());
        if (line >= lineStarts.length) {
            return text.length();
        }
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        return Math.min(lineStarts[line] + Math.max(0, p.getCharacter()), end);
    }

    public Position position(int utf16) {
        int o = Math.max(0, Math.min(utf16, text.length()));
        int line = Arrays.binarySearch(lineStarts, o);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, o - lineStarts[line]);
    }

    /** Range of code point indices start..stop (inclusive). */
    public Range range(int start, int stop) {
        return new Range(position(utf16(start)), position(utf16(stop + 1)));
    }

    public Range range(Token t) {
        return range(t.getStartIndex(), t.getStopIndex());
    }

    /** Range of a 1-based line and code point column with a width in code points (as diagnostics give them). */
    public Range range(int line1, int col1, int width) {
        int line = Math.max(0, Math.min(line1 - 1, lineStarts.length - 1));
        int ls = lineStarts[line];
        int le = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        if (le > ls && text.charAt(le - 1) == '\r') {
            le--;
        }
        String lineText = text.substring(ls, le);
        int a = offsetInLine(lineText, col1 - 1);
        int b = offsetInLine(lineText, col1 - 1 + Math.max(1, width));
        if (b <= a && a < lineText.length()) {
            b = a + 1;
        }
        return new Range(new Position(line, a), new Position(line, b));
    }

    private static int offsetInLine(String line, int cp) {
        try {
            return line.offsetByCodePoints(0, Math.max(0, cp));
        } catch (IndexOutOfBoundsException e) {
            return line.length();
        }
    }

    /** Index in {@link #tokens()} of the token covering code point index cp, or -1. */
    public int tokenAt(int cp) {
        analyse();
        int lo = 0;
        int hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Token t = tokens.get(mid);
            if (t.getStopIndex() < cp) {
                lo = mid + 1;
            } else if (t.getStartIndex() > cp) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Index of the last token that ends before code point index cp (exclusive), or -1. */
    public int tokenBefore(int cp) {
        analyse();
        int lo = 0;
        int hi = tokens.size() - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).getStopIndex() < cp) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** The identifier (or soft keyword) token at or just before a position, or null. */
    public Token wordAt(Position p) {
        int cp = codePoint(offset(p));
        for (int c : new int[]{cp, cp - 1}) {
            int i = tokenAt(c);
            if (i >= 0 && isWord(tokens.get(i))) {
                return tokens.get(i);
            }
        }
        return null;
    }

    static boolean isWord(Token t) {
        int ty = t.getType();
        return ty == AdcLexer.IDENT || (ty >= AdcLexer.LET && ty <= AdcLexer.NONE);
    }

    /** The declaration a name at code point index cp refers to: the innermost visible one, or null. */
    public Decl resolve(String name, int cp) {
        analyse();
        Decl best = null;
        for (Decl d : all) {
            if (!d.name().equals(name) || cp < d.scopeStart() || cp > d.scopeStop() + 1) {
                continue;
            }
            boolean hoisted = d.kind().equals("fn") || d.kind().equals("recipe");
            if (!hoisted && d.nameToken().getStartIndex() > cp) {
                continue;
            }
            if (best == null || (d.scopeStop() - d.scopeStart()) < (best.scopeStop() - best.scopeStart())
                || ((d.scopeStop() - d.scopeStart()) == (best.scopeStop() - best.scopeStart()) && d.start() > best.start() && d.start() <= cp)) {
                best = d;
            }
        }
        return best;
    }
}
