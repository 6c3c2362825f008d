package org.adc.potential;

/**
 * A potential file that cannot be used: wrong column count, a number that does not parse, a missing
 * element, a truncated table. The message names the file and the 1-based line.
 */
public final class PotentialFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    /**
     * @param file   file name as given by the user
     * @param line   1-based line number, or 0 when the problem is not tied to a line (e.g. a missing element)
     * @param detail what is wrong
     */
    public PotentialFileException(String file, int line, String detail) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail);
        this.file = file;
        this.line = line;
    }

    /** File name as given. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0. */
    public int line() {
        return line;
    }
}
