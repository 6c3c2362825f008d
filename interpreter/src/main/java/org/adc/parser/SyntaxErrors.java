package org.adc.parser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Syntax errors worded as Python 3.12 words them, in two parts.
 *
 * <p>{@link #lexical} scans the tokens of a whole file for unterminated strings and for brackets
 * that are never closed or closed by the wrong kind, and reports each at its opener ("'(' was
 * never closed"), before the parser sees the file: an open bracket lets the statement run on over
 * the following lines, so the parser would stumble only there, far from the mistake. When this
 * scan finds errors, the parser's messages would be their cascade and are not shown.
 *
 * <p>{@link #pythonism} recognises habits from Python at the token the parser stopped at
 * ({@code def}, {@code elif}, {@code :} before a block, {@code =} in a condition, {@code &&},
 * {@code True}) and gives the adc form as the hint.
 */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    /**
     * One located message, before it is formatted: line (1-based), column (0-based), width. A
     * local error (a stray closing bracket) leaves the rest of the file readable, so the parser
     * still runs; any other error of {@link #lexical} stops before the parser.
     */
    record Error(int line, int column, int width, String message, String hint, boolean local) {
        Error(int line, int column, int width, String message, String hint) {
            this(line, column, width, message, hint, false);
        }
    }

    /** Unterminated strings and unbalanced brackets; {@code incomplete[0]} is set when only the end of input is missing. */
    static List<Error> lexical(String text, boolean[] incomplete) {
        SafeLexer lexer = new SafeLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Error> errors = new ArrayList<>();
        Deque<Token> open = new ArrayDeque<>();
        // braces that were closed by a '}' indented differently from their opening line: the likely missing '}'
        List<Token> suspect = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            int type = t.getType();
            if (type == Token.EOF) {
                break;
            }
            switch (type) {
                case AdcLexer.LPAREN, AdcLexer.LBRACK, AdcLexer.LBRACE, AdcLexer.STR_INTERP, AdcLexer.DQUOTE -> open.push(t);
                case AdcLexer.STR_END -> popString(open);
                case AdcLexer.STR_NL -> {
                    Token q = popString(open);
                    if (q != null) {
                        errors.add(new Error(q.getLine(), q.getCharPositionInLine(), 1, "unterminated string (detected at line " + q.getLine() + ")",
                            "close it with \" on the same line; write a quote inside a string as \\\""));
                        // brackets opened earlier on the string's line were probably meant to close after it
                        while (!open.isEmpty() && open.peek().getLine() == q.getLine()) {
                            open.pop();
                        }
                    }
                }
                case AdcLexer.RPAREN, AdcLexer.RBRACK, AdcLexer.RBRACE -> {
                    Token o = open.peek();
                    if (o == null) {
                        errors.add(new Error(t.getLine(), t.getCharPositionInLine(), 1, "unmatched '" + t.getText() + "'",
                            "remove it, or add the opening " + opener(type) + " it should close", true));
                        continue;
                    }
                    if (o.getType() == AdcLexer.DQUOTE) {
                        continue;
                    }
                    if (closer(o.getType()) != type) {
                        errors.add(new Error(t.getLine(), t.getCharPositionInLine(), 1,
                            "closing '" + t.getText() + "' does not match '" + bracket(o) + "' opened at line " + o.getLine() + ", column "
                                + (o.getCharPositionInLine() + 1), "close the '" + bracket(o) + "' with '" + closerText(o.getType()) + "' first"));
                        return errors;
                    }
                    open.pop();
                    if (type == AdcLexer.RBRACE && o.getType() == AdcLexer.LBRACE && startsLine(lines, t)
                        && indent(lines, t.getLine()) != indent(lines, o.getLine())) {
                        suspect.add(o);
                    }
                }
                default -> {
                }
            }
        }
        if (!open.isEmpty()) {
            Token q = open.peek();
            if (q.getType() == AdcLexer.DQUOTE) {
                errors.add(new Error(q.getLine(), q.getCharPositionInLine(), 1, "unterminated string (detected at the end of the file)",
                    "close it with \" on the same line"));
                return errors;
            }
            Token culprit = q;
            if (q.getType() == AdcLexer.LBRACE && !suspect.isEmpty()) {
                // a '}' lined up with an outer block closed an inner one: the inner block lacks its '}'
                culprit = suspect.get(0);
            }
            errors.add(new Error(culprit.getLine(), culprit.getCharPositionInLine(), culprit.getText().length(),
                "'" + bracket(culprit) + "' was never closed", neverClosedHint(culprit)));
            incomplete[0] = errors.size() == 1;
        }
        return errors;
    }

    private static String neverClosedHint(Token t) {
        return switch (t.getType()) {
            case AdcLexer.LBRACE -> "add the '}' that ends this block (a block ends with '}' lined up with the line that opens it)";
            case AdcLexer.STR_INTERP -> "close the interpolation with '}' before the closing \"";
            default -> "add the '" + closerText(t.getType()) + "' that closes it; everything after it was read as part of this bracket";
        };
    }

    private static Token popString(Deque<Token> open) {
        if (!open.isEmpty() && open.peek().getType() == AdcLexer.DQUOTE) {
            return open.pop();
        }
        return null;
    }

    private static boolean startsLine(String[] lines, Token t) {
        String l = t.getLine() - 1 < lines.length ? lines[t.getLine() - 1] : "";
        return l.substring(0, Math.min(l.length(), t.getCharPositionInLine())).isBlank();
    }

    private static int indent(String[] lines, int line) {
        String l = line - 1 < lines.length ? lines[line - 1] : "";
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String bracket(Token t) {
        return t.getType() == AdcLexer.STR_INTERP ? "${" : t.getText();
    }

    private static int closer(int open) {
        return switch (open) {
            case AdcLexer.LPAREN -> AdcLexer.RPAREN;
            case AdcLexer.LBRACK -> AdcLexer.RBRACK;
            default -> AdcLexer.RBRACE;
        };
    }

    private static String closerText(int open) {
        return switch (open) {
            case AdcLexer.LPAREN -> ")";
            case AdcLexer.LBRACK -> "]";
            default -> "}";
        };
    }

    private static String opener(int close) {
        return switch (close) {
            case AdcLexer.RPAREN -> "'('";
            case AdcLexer.RBRACK -> "'['";
            default -> "'{'";
        };
    }

    // ---------------------------------------------------------------- Python habits

    /**
     * The Python habit at the token the parser stopped at, or null: where to report it (a token of
     * the stream), the message and the adc form.
     */
    static Error pythonism(TokenStream tokens, Token t) {
        if (t == null || t.getType() == Token.EOF || t.getTokenIndex() < 0) {
            return null;
        }
        int i = t.getTokenIndex();
        Token prev = previous(tokens, i);
        Token next = following(tokens, i);
        Token start = statementStart(tokens, i);
        String text = t.getText();
        if (prev != null && prev.getText().equals("def") && prev == start) {
            return at(prev, "'def' is Python: adc declares a function with fn",
                "fn " + text + "(x) { return x * 2 }  (the body in braces, no ':')");
        }
        if (text.equals("elif") || prev != null && prev.getText().equals("elif") && prev == start) {
            Token e = text.equals("elif") ? t : prev;
            return at(e, "'elif' is Python: adc writes else if", "} else if n == 2 { ... }");
        }
        if (t.getType() == AdcLexer.COLON && (next == null || next.getType() == AdcLexer.NL || next.getType() == Token.EOF
            || next.getLine() > t.getLine())) {
            String kw = start == null ? "" : start.getText();
            String cond = start == null ? "" : between(tokens, start.getTokenIndex(), i);
            String example = switch (kw) {
                case "for" -> "for " + cond + " { ... }";
                case "while" -> "while " + cond + " { ... }";
                case "if" -> "if " + cond + " { ... } else { ... }";
                case "else" -> "} else { ... }";
                case "try" -> "try { ... } catch e { ... }";
                default -> "fn f(x) { return x }";
            };
            return at(t, "':' does not start a block in adc: blocks are in braces", example);
        }
        if (t.getType() == AdcLexer.ASSIGN && start != null && (start.getType() == AdcLexer.IF || start.getType() == AdcLexer.WHILE
            || start.getType() == AdcLexer.ELSE || start.getType() == AdcLexer.ASSERT)) {
            return at(t, "'=' assigns; a condition compares with '=='", start.getText() + " " + between(tokens, start.getTokenIndex(), t.getTokenIndex())
                + " == " + between(tokens, t.getTokenIndex(), tokens.size()) + " { ... }");
        }
        if (t.getType() == AdcLexer.ELSE && (prev == null || prev.getType() == AdcLexer.NL)) {
            return at(t, "'else' without a matching if block before it",
                "write else right after the closing '}' of the if block: } else { ... }");
        }
        if (t.getType() == AdcLexer.ERROR_CHAR && (text.equals("&") || text.equals("|") || text.equals("!"))) {
            String adc = text.equals("&") ? "and" : text.equals("|") ? "or" : next != null && next.getText().equals("=") ? "!=" : "not";
            return at(t, "unexpected character '" + text + "'", "adc writes " + adc + (adc.equals("!=") ? "" : " (a word)"));
        }
        if (text.equals("lambda") && t.getType() == AdcLexer.IDENT) {
            return at(t, "'lambda' is Python: adc writes an anonymous function as fn(x) => x * 2", null);
        }
        return null;
    }

    private static Error at(Token t, String message, String hint) {
        return new Error(t.getLine(), t.getCharPositionInLine(), Math.max(1, t.getText().length()), message, hint);
    }

    /** The tokens strictly between two token indexes, up to a '{' or the end of the line, as text. */
    private static String between(TokenStream tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from + 1; k < to && k < tokens.size(); k++) {
            Token x = tokens.get(k);
            if (x.getType() == AdcLexer.LBRACE || x.getType() == AdcLexer.NL || x.getType() == Token.EOF) {
                break;
            }
            if (x.getChannel() == Token.DEFAULT_CHANNEL) {
                sb.append(sb.length() == 0 ? "" : " ").append(x.getText());
            }
        }
        return sb.toString();
    }

    private static Token previous(TokenStream tokens, int i) {
        for (int k = i - 1; k >= 0; k--) {
            Token x = tokens.get(k);
            if (x.getChannel() == Token.DEFAULT_CHANNEL) {
                return x;
            }
        }
        return null;
    }

    private static Token following(TokenStream tokens, int i) {
        for (int k = i + 1; k < tokens.size(); k++) {
            Token x = tokens.get(k);
            if (x.getChannel() == Token.DEFAULT_CHANNEL) {
                return x;
            }
            if (x.getType() == Token.EOF) {
                return x;
            }
        }
        return null;
    }

    /** The first token of the statement holding token i (after a newline, ';', '{' or '}'). */
    private static Token statementStart(TokenStream tokens, int i) {
        Token first = null;
        for (int k = i; k >= 0; k--) {
            Token x = tokens.get(k);
            if (x.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int ty = x.getType();
            if (k < i && (ty == AdcLexer.NL || ty == AdcLexer.SEMI || ty == AdcLexer.LBRACE || ty == AdcLexer.RBRACE)) {
                break;
            }
            first = x;
        }
        return first;
    }
}
