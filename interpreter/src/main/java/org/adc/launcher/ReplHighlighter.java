package org.adc.launcher;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import org.adc.parser.AdcLexer;
import org.adc.parser.SafeLexer;
import org.adc.units.Units;

/**
 * Syntax colouring of the REPL's input line with the language's own lexer, so the colours agree
 * with what the parser reads: keywords, numbers, strings, comments, and units (a name right after
 * a number that is a unit and not a name the session has defined).
 */
final class ReplHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle UNIT = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final Predicate<String> isName;

    /** isName: true for names the session has bound (those are never coloured as units). */
    ReplHighlighter(Predicate<String> isName) {
        this.isName = isName;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    AttributedString highlight(String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":")) {
            return sb.append(buffer).toAttributedString();
        }
        int done = 0;
        int previous = -1;
        try {
            SafeLexer lexer = new SafeLexer(CharStreams.fromString(buffer));
            lexer.removeErrorListeners();
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                int start = t.getStartIndex();
                int stop = t.getStopIndex() + 1;
                if (start < done || stop > buffer.length()) {
                    break;
                }
                sb.append(buffer.substring(done, start));
                sb.style(style(t, previous)).append(buffer.substring(start, stop)).style(AttributedStyle.DEFAULT);
                done = stop;
                if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                    previous = t.getType();
                }
            }
        } catch (RuntimeException e) {
            // a lexer problem leaves the rest of the line uncoloured
        }
        sb.append(buffer.substring(done));
        return sb.toAttributedString();
    }

    private AttributedStyle style(Token t, int previous) {
        int type = t.getType();
        if (type == AdcLexer.COMMENT) {
            return COMMENT;
        }
        if (type == AdcLexer.INT || type == AdcLexer.FLOAT) {
            return NUMBER;
        }
        if (type == AdcLexer.DQUOTE || type == AdcLexer.STR_TEXT || type == AdcLexer.STR_END || type == AdcLexer.STR_DOLLAR
            || type == AdcLexer.STR_NL) {
            return STRING;
        }
        if (type == AdcLexer.IDENT) {
            boolean afterNumber = previous == AdcLexer.INT || previous == AdcLexer.FLOAT;
            if (afterNumber && !isName.test(t.getText()) && Units.isUnit(t.getText())) {
                return UNIT;
            }
            return AttributedStyle.DEFAULT;
        }
        if (type == AdcLexer.ERROR_CHAR) {
            return ERROR;
        }
        String name = AdcLexer.VOCABULARY.getSymbolicName(type);
        if (name != null && t.getText().matches("[a-z]+") && name.equals(t.getText().toUpperCase(java.util.Locale.ROOT))) {
            return KEYWORD;
        }
        return AttributedStyle.DEFAULT;
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
