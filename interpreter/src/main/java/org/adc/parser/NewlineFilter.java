package org.adc.parser;

import java.util.ArrayDeque;
import java.util.Deque;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * Decides which newlines end a statement, as Python's and Go's tokenizers do, so the grammar
 * stays free of actions. A newline is dropped inside ( ) and [ ], after a token that cannot end
 * a statement (an operator, a comma, an opening bracket, {@code to}, {@code step}), before a line
 * that starts with '.', and when it repeats. Inside { } newlines separate statements.
 */
public final class NewlineFilter implements TokenSource {
    private final TokenSource lexer;
    private final Deque<Integer> brackets = new ArrayDeque<>();
    private final Deque<Token> pending = new ArrayDeque<>();
    /** Open brackets and strings, innermost first, for the hint at an unexpected end of input. */
    private final Deque<Token> openers = new ArrayDeque<>();
    private int lastType = AdcLexer.NL;

    public NewlineFilter(TokenSource lexer) {
        this.lexer = lexer;
    }

    private Token fetch() {
        return pending.isEmpty() ? lexer.nextToken() : pending.poll();
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token t = fetch();
            int type = t.getType();
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                return t;
            }
            if (type == AdcLexer.NL) {
                boolean insideParens = !brackets.isEmpty() && brackets.peek() != AdcLexer.LBRACE;
                if (insideParens || lastType == AdcLexer.NL || lastType == AdcLexer.SEMI || continues(lastType)) {
                    continue;
                }
                // look ahead: a line starting with '.' continues the expression
                Token next = lexer.nextToken();
                while (next.getChannel() != Token.DEFAULT_CHANNEL || next.getType() == AdcLexer.NL) {
                    if (next.getChannel() != Token.DEFAULT_CHANNEL) {
                        pending.add(next);
                    }
                    next = lexer.nextToken();
                }
                pending.add(next);
                if (next.getType() == AdcLexer.DOT) {
                    continue;
                }
                lastType = type;
                return t;
            }
            switch (type) {
                case AdcLexer.LPAREN, AdcLexer.LBRACK, AdcLexer.LBRACE, AdcLexer.STR_INTERP -> {
                    brackets.push(type == AdcLexer.STR_INTERP ? AdcLexer.LBRACE : type);
                    openers.push(t);
                }
                case AdcLexer.RPAREN, AdcLexer.RBRACK, AdcLexer.RBRACE -> {
                    if (!brackets.isEmpty()) {
                        brackets.pop();
                    }
                    if (!openers.isEmpty() && openers.peek().getType() != AdcLexer.DQUOTE) {
                        openers.pop();
                    }
                }
                case AdcLexer.DQUOTE -> openers.push(t);
                case AdcLexer.STR_END -> popString();
                case AdcLexer.STR_NL -> {
                    popString();
                    // the newline that ended an unterminated string also ends the statement, so the
                    // checker reports the string instead of the parser stumbling over the next line
                    CommonToken nl = new CommonToken(t);
                    nl.setType(AdcLexer.NL);
                    pending.addFirst(nl);
                }
                default -> {
                }
            }
            lastType = type;
            return t;
        }
    }

    private void popString() {
        if (!openers.isEmpty() && openers.peek().getType() == AdcLexer.DQUOTE) {
            openers.pop();
        }
    }

    /** The innermost bracket, brace or string still open, or null. */
    Token innermostOpen() {
        return openers.peek();
    }

    private static boolean continues(int type) {
        switch (type) {
            case AdcLexer.PLUS, AdcLexer.MINUS, AdcLexer.STAR, AdcLexer.SLASH, AdcLexer.DSLASH, AdcLexer.PERCENT, AdcLexer.POW,
                AdcLexer.ASSIGN, AdcLexer.PLUS_EQ, AdcLexer.MINUS_EQ, AdcLexer.STAR_EQ, AdcLexer.SLASH_EQ, AdcLexer.EQ, AdcLexer.NE,
                AdcLexer.LT, AdcLexer.LE, AdcLexer.GT, AdcLexer.GE, AdcLexer.AND, AdcLexer.OR, AdcLexer.NOT, AdcLexer.DOTDOT,
                AdcLexer.DOTDOTLT, AdcLexer.COMMA, AdcLexer.LPAREN, AdcLexer.LBRACK, AdcLexer.LBRACE, AdcLexer.DOT, AdcLexer.COLON,
                AdcLexer.ARROW, AdcLexer.TO, AdcLexer.STEP, AdcLexer.IN, AdcLexer.UNTIL, AdcLexer.WITH:
                return true;
            default:
                return false;
        }
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
