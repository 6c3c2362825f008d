package org.adc.parser;

import java.util.List;

import org.adc.runtime.Diagnostic;
import org.adc.units.Dimension;

/**
 * What the parser and checker know about a source without running it: its errors as
 * {@link Diagnostic} data, and the inferred dimension (and, where the source says it, the unit)
 * of every expression and declared name whose dimension is known. The language server shows the
 * first as diagnostics and the second on hover. Offsets count code points, as the lexer does.
 */
public final class Analysis {
    /** An expression or declared name at {@code start} (code points) spanning {@code length}, with its dimension. */
    public record Span(int start, int length, Dimension dimension, String unit) {
        public boolean contains(int offset) {
            return offset >= start && offset < start + length;
        }
    }

    private final List<Diagnostic> diagnostics;
    private java.util.function.Supplier<List<Span>> source;
    private List<Span> spans;

    public Analysis(List<Diagnostic> diagnostics, List<Span> spans) {
        this.diagnostics = List.copyOf(diagnostics);
        this.spans = List.copyOf(spans);
    }

    /** An analysis whose spans are collected on first use. */
    public Analysis(List<Diagnostic> diagnostics, java.util.function.Supplier<List<Span>> spans) {
        this.diagnostics = List.copyOf(diagnostics);
        this.source = spans;
    }

    /** Errors in source order; empty when the source checks. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public synchronized List<Span> spans() {
        if (spans == null) {
            spans = List.copyOf(source.get());
            source = null;
        }
        return spans;
    }

    /** The innermost span holding the offset, or null. */
    public Span at(int offset) {
        Span best = null;
        for (Span s : spans()) {
            if (s.contains(offset) && (best == null || s.length() < best.length())) {
                best = s;
            }
        }
        return best;
    }
}
