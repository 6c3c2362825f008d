package org.adc.gcmc;

/**
 * Bad GCMC input (unknown or non-energy μ unit, non-finite parameters, bad move probabilities,
 * species mismatch). The message names the offending item.
 */
public class GcmcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message description naming the offending item */
    public GcmcException(String message) {
        super(message);
    }
}
