package org.adc.units;

/**
 * A user error about units: an unknown unit symbol, a dimension mismatch, an operation that is not
 * defined for absolute temperatures. Carries a one-line hint that tells the user what to do.
 * The interpreter attaches the source location.
 */
public final class UnitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public UnitException(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }
}
