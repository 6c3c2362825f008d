package org.adc.parser;

import org.antlr.v4.runtime.CharStream;

/**
 * The generated lexer with one guard: a stray '}' at top level pops an empty mode stack, which
 * ANTLR would answer with an EmptyStackException; here it stays in the default mode and the parser
 * reports the brace as unexpected.
 */
public final class SafeLexer extends AdcLexer {
    public SafeLexer(CharStream input) {
        super(input);
    }

    @Override
    public int popMode() {
        if (_modeStack.isEmpty()) {
            return _mode;
        }
        return super.popMode();
    }
}
