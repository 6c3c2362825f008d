package org.adc.device.driver;

/**
 * The serial link to an instrument is gone: a write that did not go out completely, a read that
 * failed or timed out, a port that vanished. {@link Link} reacts by reconnecting per its
 * {@link ReconnectPolicy}; when that fails the driver raises a
 * {@link org.adc.procedure.ProcedureError} and the engine puts every device into its safe state.
 */
public final class LinkLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the port */
    public LinkLostException(String message) {
        super(message);
    }

    /** @param message what failed, naming the port; @param cause the underlying I/O error */
    public LinkLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
