package org.adc.device.config;

import org.adc.lang.AdcError;

/** A lab configuration file that cannot be used: the message names the file, the device entry and the key. */
public final class LabConfigError extends AdcError {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the entry; @param hint how to fix it */
    public LabConfigError(String message, String hint) {
        super(message, hint);
    }
}
