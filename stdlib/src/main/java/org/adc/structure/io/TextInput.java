package org.adc.structure.io;

import org.adc.structure.StructureException;

/**
 * Line-oriented view of a text file with helpers that turn every parse failure into a
 * {@link StructureException} carrying the file name and 1-based line number.
 */
final class TextInput {
    final String file;
    final String[] lines;
    int pos; // index of the next line to read (0-based)

    TextInput(String text, String file) {
        this.file = file == null ? "<input>" : file;
        this.lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    boolean hasNext() { return pos < lines.length; }

    /** @return next line; throws at end of file with what was expected */
    String next(String expected) {
        if (pos >= lines.length) throw error(lines.length, "unexpected end of file, expected " + expected);
        return lines[pos++];
    }

    /** Line number (1-based) of the line most recently returned by next(). */
    int lineNo() { return pos; }

    StructureException error(int line, String msg) { return new StructureException(file, line, msg); }

    StructureException error(String msg) { return new StructureException(file, pos, msg); }

    double num(String tok, String what) { return num(tok, what, pos); }

    double num(String tok, String what, int line) {
        try {
            double v = Double.parseDouble(stripUncertainty(tok).replace('D', 'E').replace('d', 'e'));
            if (!Double.isFinite(v)) throw error(line, what + " is not finite: '" + tok + "'");
            return v;
        } catch (NumberFormatException e) {
            throw error(line, "expected a number for " + what + ", found '" + tok + "'");
        }
    }

    int integer(String tok, String what) {
        try {
            return Integer.parseInt(tok.trim());
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", found '" + tok + "'");
        }
    }

    /** Removes a standard uncertainty in parentheses, e.g. "0.1234(5)" → "0.1234". */
    static String stripUncertainty(String s) {
        int p = s.indexOf('(');
        return p > 0 && s.endsWith(")") ? s.substring(0, p) : s;
    }

    static String[] tokens(String line) {
        String t = line.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
