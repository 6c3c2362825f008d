package org.adc.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

import org.adc.AdcLanguage;
import org.adc.launcher.Launch;
import org.adc.parser.Analysis;

/**
 * Diagnostics of a document from the interpreter's own parser and checker: the text is handed to
 * a sandboxed polyglot {@link Context} as a source of type {@link AdcLanguage#CHECK_MIME_TYPE},
 * whose evaluation parses, checks names, arguments and units and returns the {@link Analysis}
 * (errors as {@link org.adc.runtime.Diagnostic} data, inferred dimensions) without running the
 * recipe. The context's output streams go nowhere, so nothing a guest does can reach the JSON-RPC
 * stream on stdout. Not thread-safe: one checker per analysis thread.
 */
public final class Checker implements AutoCloseable {
    /** Name the sources get. */
    static final String NAME = "adc-lsp-document.adc";

    private Context context;
    /** The folder the context reads local modules from (the document's), or null. */
    private java.nio.file.Path folder;

    public Checker() {
        this.context = context(null);
    }

    private static Context context(java.nio.file.Path folder) {
        Launch.Options o = new Launch.Options(folder, null, Map.of(), List.of(), List.of());
        return Launch.context(o, InputStream.nullInputStream(), OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
    }

    /**
     * The analysis of a document in a folder: its local modules ({@code import "lib/p.adc" as p})
     * are read from there, through the same sandbox as a run (reads below that folder only).
     */
    public Analysis analyze(SourceModel model, java.nio.file.Path documentFolder) {
        if (!java.util.Objects.equals(documentFolder, folder)) {
            context.close(true);
            context = context(documentFolder);
            folder = documentFolder;
        }
        return analyze(model);
    }

    /** The diagnostics of one version of a document (empty when it checks). */
    public List<Diagnostic> check(SourceModel model) {
        return diagnostics(analyze(model), model);
    }

    /** The parser's and checker's analysis of one version of a document. */
    public Analysis analyze(SourceModel model) {
        Source src = Source.newBuilder("adc", model.text(), NAME).mimeType(AdcLanguage.CHECK_MIME_TYPE).cached(false).buildLiteral();
        try {
            return context.eval(src).asHostObject();
        } catch (PolyglotException e) {
            // the analysis catches the user's errors: anything else is a fault of the checker
            org.adc.runtime.Diagnostic d = org.adc.runtime.Diagnostic.at(null, 1, 1, 1, "warning",
                "adc could not check this file: " + e.getMessage(), null);
            return new Analysis(List.of(d), List.of());
        }
    }

    /** The analysis's errors as LSP diagnostics. */
    static List<Diagnostic> diagnostics(Analysis a, SourceModel model) {
        List<Diagnostic> out = new ArrayList<>();
        for (org.adc.runtime.Diagnostic d : a.diagnostics()) {
            if (d.file() != null && !d.file().equals(NAME)) {
                // an error in an imported module: shown at the document's import of that file
                int line = importLine(model, d.file());
                String text = model.text().split("\n", -1)[line - 1];
                String msg = "error in the imported module " + d.file() + ":" + d.line() + ": " + d.message();
                out.add(new Diagnostic(model.range(line, 1, Math.max(1, text.codePointCount(0, text.length()))), msg,
                    d.severity().equals("error") ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "adc"));
                continue;
            }
            String msg = d.hint() == null ? d.message() : d.message() + "\nhint: " + d.hint();
            DiagnosticSeverity sev = switch (d.severity()) {
                case "error" -> DiagnosticSeverity.Error;
                case "warning" -> DiagnosticSeverity.Warning;
                default -> DiagnosticSeverity.Information;
            };
            out.add(new Diagnostic(model.range(d.line(), d.column(), d.width()), msg, sev, "adc"));
        }
        return out;
    }

    /** The line (1-based) of the import of a module file, else of the first import, else 1. */
    private static int importLine(SourceModel model, String file) {
        String[] lines = model.text().split("\n", -1);
        int first = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith("import ")) {
                if (first == 0) {
                    first = i + 1;
                }
                if (l.contains("\"" + file + "\"") || l.contains(file.replaceFirst("\\.adc$", ""))) {
                    return i + 1;
                }
            }
        }
        return first == 0 ? 1 : first;
    }

    @Override
    public void close() {
        context.close(true);
    }
}
