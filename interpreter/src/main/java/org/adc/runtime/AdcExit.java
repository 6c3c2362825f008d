package org.adc.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/**
 * Ends the program with an exit status after its message has been printed; the launcher exits
 * with that status. Used for a bad {@code --set} value (status 2, a usage error), found before
 * the script runs.
 */
@ExportLibrary(InteropLibrary.class)
public final class AdcExit extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public AdcExit(int status, Node location) {
        super("exit " + status, location);
        this.status = status;
    }

    /** The exit status. */
    public int status() {
        return status;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return ExceptionType.EXIT;
    }

    @ExportMessage
    int getExceptionExitStatus() {
        return status;
    }
}
