package org.adc.potential.external;

/** An external code (LAMMPS, pw.x) is missing, failed or wrote output we cannot read; the message says which and where. */
public final class ExternalProgramException extends RuntimeException {
    private final String hint;

    public ExternalProgramException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** What the user can do about it. */
    public String hint() {
        return hint;
    }
}
