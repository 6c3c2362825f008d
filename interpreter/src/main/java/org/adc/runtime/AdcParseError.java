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
    private final List<String> diagnostics;
    private final boolean incomplete;

    public AdcParseError(List<String> diagnostics, boolean incomplete) {
        super(String.join("", diagnostics).stripTrailing());
        this.diagnostics = List.copyOf(diagnostics);
        this.incomplete = incomplete;
    }

    public List<String> diagnostics() {
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
