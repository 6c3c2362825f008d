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
    // the spans in columns: an analysis is kept per open document, and must not hold on to the tree
    private final int[] starts;
    private final int[] lengths;
    private final Dimension[] dimensions;
    private final String[] units;

    public Analysis(List<Diagnostic> diagnostics, List<Span> spans) {
        this.diagnostics = List.copyOf(diagnostics);
        int n = spans.size();
        starts = new int[n];
        lengths = new int[n];
        dimensions = new Dimension[n];
        units = new String[n];
        for (int i = 0; i < n; i++) {
            Span s = spans.get(i);
            starts[i] = s.start();
            lengths[i] = s.length();
            dimensions[i] = s.dimension();
            units[i] = s.unit();
        }
    }

    /** Errors and warnings in source order; no errors when the source checks. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** True when a diagnostic is an error (not a warning): the source does not check. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity().equals("error"));
    }

    public List<Span> spans() {
        List<Span> out = new java.util.ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new Span(starts[i], lengths[i], dimensions[i], units[i]));
        }
        return out;
    }

    /** The innermost span holding the offset, or null. */
    public Span at(int offset) {
        int best = -1;
        for (int i = 0; i < starts.length; i++) {
            if (offset >= starts[i] && offset < starts[i] + lengths[i] && (best < 0 || lengths[i] < lengths[best])) {
                best = i;
            }
        }
        return best < 0 ? null : new Span(starts[best], lengths[best], dimensions[best], units[best]);
    }
}
