package org.adc.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import org.adc.launcher.Launch;

/**
 * Diagnostics of a document from the interpreter's own parser and checker: the text is handed to
 * a sandboxed polyglot {@link Context}'s {@code parse} (which builds nodes and checks names,
 * arguments and units, and never runs the recipe). The context's output streams go nowhere, so
 * nothing a guest does can reach the JSON-RPC stream on stdout.
 *
 * <p>The checker reports all errors of a source in one parse error whose message holds one block
 * per error, {@code NAME:LINE:COL: error: MESSAGE}, the source line, a caret line whose carets
 * give the width, and an optional {@code hint:} line; this class reads those blocks back.
 * Not thread-safe: one checker per analysis thread.
 */
public final class Checker implements AutoCloseable {
    /** Name the sources get, so a block's first line can be recognised. */
    static final String NAME = "adc-lsp-document.adc";
    private static final Pattern HEAD = Pattern.compile("^" + Pattern.quote(NAME) + ":(\\d+):(\\d+): (error|warning|note): (.*)$");
    private static final Pattern CARET = Pattern.compile("^\\s+\\|\\s?( *)(\\^+)\\s*$");

    private final Context context;

    public Checker() {
        Launch.Options o = new Launch.Options(null, null, Map.of(), List.of(), List.of());
        this.context = Launch.context(o, InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }

    /** The diagnostics of one version of a document (empty when it checks). */
    public List<Diagnostic> check(SourceModel model) {
        Source src = Source.newBuilder("adc", model.text(), NAME).cached(false).buildLiteral();
        try {
            context.parse(src);
            return List.of();
        } catch (PolyglotException e) {
            if (e.isSyntaxError()) {
                return read(e.getMessage(), model);
            }
            Diagnostic d = new Diagnostic(model.range(1, 1, 1), "adc could not check this file: " + e.getMessage(),
                DiagnosticSeverity.Warning, "adc");
            return List.of(d);
        }
    }

    /** Reads the blocks of a checker message back into diagnostics. */
    static List<Diagnostic> read(String message, SourceModel model) {
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = message == null ? new String[0] : message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher h = HEAD.matcher(lines[i]);
            if (!h.matches()) {
                continue;
            }
            int line = Integer.parseInt(h.group(1));
            int col = Integer.parseInt(h.group(2));
            String severity = h.group(3);
            String msg = h.group(4);
            int width = 1;
            String hint = null;
            for (int j = i + 1; j < lines.length && !HEAD.matcher(lines[j]).matches(); j++) {
                Matcher c = CARET.matcher(lines[j]);
                if (c.matches()) {
                    width = c.group(2).length();
                } else if (lines[j].startsWith("  hint: ")) {
                    hint = lines[j].substring("  hint: ".length());
                }
            }
            Diagnostic d = new Diagnostic(model.range(line, col, width), hint == null ? msg : msg + "\nhint: " + hint,
                severity.equals("error") ? DiagnosticSeverity.Error : severity.equals("warning") ? DiagnosticSeverity.Warning
                    : DiagnosticSeverity.Information, "adc");
            out.add(d);
        }
        if (out.isEmpty() && message != null && !message.isBlank()) {
            out.add(new Diagnostic(model.range(1, 1, 1), message.strip(), DiagnosticSeverity.Error, "adc"));
        }
        return out;
    }

    @Override
    public void close() {
        context.close(true);
    }
}
