package org.adc.structure;

/**
 * The single error type of the adc structure layer: malformed files, unknown space groups,
 * impossible occupancies, overlapping atoms, inconsistent arguments.
 *
 * <p>When the error comes from a file, {@link #file()} and {@link #line()} locate it
 * (1-based line number, 0 if not applicable) and the message starts with {@code file:line:}.
 * Parsers in {@code org.adc.structure.io} never let a {@code NumberFormatException} or an
 * index exception escape; they are converted into this type.</p>
 */
public class StructureException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    /** An error not tied to a file position. */
    public StructureException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
    }

    /**
     * An error at a file position.
     * @param file file name or description (e.g. {@code "<string>"}), may be null
     * @param line 1-based line number, 0 if unknown
     * @param message what is wrong
     */
    public StructureException(String file, int line, String message) {
        super((file == null ? "<input>" : file) + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** @return the file name, or null when the error is not tied to a file */
    public String file() { return file; }

    /** @return the 1-based line number, 0 when not applicable */
    public int line() { return line; }
}
