package org.adc.procedure;

import org.adc.lang.AdcError;

/**
 * A procedure stopped: a limit was breached, a device refused a command (above its limits), a
 * compliance trip that the recipe treats as fatal, or a lost link. The engine has already put every
 * device into its safe state and flushed the logs when the user sees it.
 */
public final class ProcedureError extends AdcError {
    private static final long serialVersionUID = 1L;

    public ProcedureError(String message, String hint) {
        super(message, hint);
    }
}
