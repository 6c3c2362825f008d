package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * One located message of the parser or checker, kept as data (line, column, width, severity,
 * message, hint) for tools such as the language server, and formatted the way every adc tool
 * shows it:
 * <pre>
 * rates.adc:12:17: error: cannot add temperature (450 degC) to energy (0.3 eV)
 *    12 |     let x = ea + t
 *       |             ^^^^^^
 *   hint: both sides of + must have the same dimension
 * </pre>
 * Lines and columns are 1-based; columns and widths count code points, as the lexer does.
 */
public final class Diagnostic {
    private final int line;
    private final int column;
    private final int width;
    private final String severity;
    private final String message;
    private final String hint;
    private final String text;
    /** The name of the source it is located in, or null. */
    private String file;

    private Diagnostic(int line, int column, int width, String severity, String message, String hint, String text) {
        this.line = line;
        this.column = column;
        this.width = width;
        this.severity = severity;
        this.message = message;
        this.hint = hint;
        this.text = text;
    }

    /** A message at a line and column of a source (1-based) spanning width code points on that line; src may be null. */
    @TruffleBoundary
    public static Diagnostic at(Source src, int line, int col, int width, String severity, String message, String hint) {
        int w = Math.max(1, width);
        Diagnostic d = new Diagnostic(line, col, w, severity, message, hint == null || hint.isEmpty() ? null : hint,
            src == null ? format((SourceSection) null, severity, message, hint) : format(src, line, col, w, severity, message, hint));
        d.file = src == null ? null : src.getName();
        return d;
    }

    /** The name of the source the message is located in (a recipe or one of its modules), or null. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int width() {
        return width;
    }

    /** "error", "warning" or "note". */
    public String severity() {
        return severity;
    }

    public String message() {
        return message;
    }

    /** What to do about it, or null. */
    public String hint() {
        return hint;
    }

    /** The formatted block: location, message, source line with carets, hint. */
    @Override
    public String toString() {
        return text;
    }

    @TruffleBoundary
    public static String format(SourceSection s, String kind, String message, String hint) {
        StringBuilder sb = new StringBuilder();
        if (s == null || !s.isAvailable()) {
            sb.append(kind).append(": ").append(message).append('\n');
        } else {
            Source src = s.getSource();
            int line = s.getStartLine();
            int col = s.getStartColumn();
            sb.append(src.getName()).append(':').append(line).append(':').append(col).append(": ").append(kind).append(": ")
                .append(message).append('\n');
            appendSnippet(sb, src, line, col, s.getEndLine() == line ? Math.max(1, s.getCharLength()) : 1);
        }
        if (hint != null && !hint.isEmpty()) {
            sb.append("  hint: ").append(hint).append('\n');
        }
        return sb.toString();
    }

    /** Formats a message at a line and column of a source (1-based) with a caret of the given width. */
    @TruffleBoundary
    public static String format(Source src, int line, int col, int width, String kind, String message, String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append(src.getName()).append(':').append(line).append(':').append(col).append(": ").append(kind).append(": ")
            .append(message).append('\n');
        appendSnippet(sb, src, line, col, Math.max(1, width));
        if (hint != null && !hint.isEmpty()) {
            sb.append("  hint: ").append(hint).append('\n');
        }
        return sb.toString();
    }

    private static void appendSnippet(StringBuilder sb, Source src, int line, int col, int width) {
        if (line < 1 || line > src.getLineCount()) {
            return;
        }
        String text = src.getCharacters(line).toString().replace("\t", " ");
        String num = String.valueOf(line);
        String pad = " ".repeat(num.length());
        sb.append("  ").append(num).append(" | ").append(text).append('\n');
        int start = Math.max(0, Math.min(col - 1, text.length()));
        int w = Math.max(1, Math.min(width, Math.max(1, text.length() - start)));
        sb.append("  ").append(pad).append(" | ").append(" ".repeat(start)).append("^".repeat(w)).append('\n');
    }
}
