package org.adc.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import java.util.List;

/**
 * All syntax and check errors of one source, reported together (the parser recovers and goes
 * on). Interop marks it a parse error, so the launcher exits with code 3 and the REPL reads
 * "incomplete input" from {@link #isIncomplete()}.
 */
@ExportLibrary(InteropLibrary.class)
public final class AdcParseError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final List<Diagnostic> diagnostics;
    private final boolean incomplete;

    public AdcParseError(List<Diagnostic> diagnostics, boolean incomplete) {
        super(join(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
        this.incomplete = incomplete;
    }

    private static String join(List<Diagnostic> ds) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : ds) {
            sb.append(d);
        }
        return sb.toString().stripTrailing();
    }

    /** The errors in source order, as data. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** True when the only problem is that the input ended early (an open block or string). */
    public boolean isIncomplete() {
        return incomplete;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.PARSE_ERROR;
    }

    @ExportMessage
    boolean isExceptionIncompleteSource() {
        return incomplete;
    }
}
