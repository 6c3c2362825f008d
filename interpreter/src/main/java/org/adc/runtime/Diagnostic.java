package org.adc.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * Formats one located message the way every adc tool shows it:
 * <pre>
 * rates.adc:12:17: error: cannot add temperature (450 degC) to energy (0.3 eV)
 *    12 |     let x = ea + t
 *       |             ^^^^^^
 *   hint: both sides of + must have the same dimension
 * </pre>
 */
public final class Diagnostic {
    private Diagnostic() {
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
