package org.adc.lang;

/**
 * A user error raised by a standard-library function: a bad argument, a missing file, a value out
 * of range. The message says what is wrong; the hint says what to do. The interpreter adds the
 * source location of the call, so library code never needs to know it.
 */
public class AdcError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public AdcError(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    public AdcError(String message) {
        this(message, null);
    }

    /** One line telling the user what to do, or null. */
    public String hint() {
        return hint;
    }
}
