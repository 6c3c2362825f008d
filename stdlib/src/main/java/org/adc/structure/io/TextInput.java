package org.adc.structure.io;

import org.adc.structure.Lattice;
import org.adc.structure.StructureException;

/**
 * Line-oriented view of a text file with helpers that turn every parse failure into a
 * {@link StructureException} carrying the file name and 1-based line number, and the checks every
 * reader applies to what a file declares: counts against the lines actually present (before
 * anything is allocated for them), cells and positions finite, bounded and non-degenerate.
 */
final class TextInput {
    final String file;
    final String[] lines;
    int pos; // index of the next line to read (0-based)

    TextInput(String text, String file) {
        this.file = file == null ? "<input>" : file;
        this.lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }

    boolean hasNext() { return pos < lines.length; }

    /** @return next line; throws at end of file with what was expected */
    String next(String expected) {
        if (pos >= lines.length) throw error(lines.length, "unexpected end of file, expected " + expected);
        return lines[pos++];
    }

    /** Line number (1-based) of the line most recently returned by next(). */
    int lineNo() { return pos; }

    StructureException error(int line, String msg) { return new StructureException(file, line, msg); }

    StructureException error(String msg) { return new StructureException(file, pos, msg); }

    double num(String tok, String what) { return num(tok, what, pos); }

    double num(String tok, String what, int line) {
        try {
            double v = Double.parseDouble(stripUncertainty(tok).replace('D', 'E').replace('d', 'e'));
            if (!Double.isFinite(v)) throw error(line, what + " is not finite: '" + tok + "'");
            return v;
        } catch (NumberFormatException e) {
            throw error(line, "expected a number for " + what + ", found '" + tok + "'");
        }
    }

    int integer(String tok, String what) {
        try {
            return Integer.parseInt(tok.trim());
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", found '" + tok + "'");
        }
    }

    /** Largest lattice vector component or box length a reader accepts, Å (0.1 mm; an MD box is well below). */
    static final double MAX_LENGTH = 1e6;
    /** Smallest |det| / (|a|·|b|·|c|) of a cell (the sine-like shape factor; 1 for a cube): flatter cells are degenerate. */
    static final double MIN_SHAPE = 1e-6;
    /** Largest |fractional coordinate| a reader accepts: an atom 10,000 cells away is a mistake. */
    static final double MAX_FRACTIONAL = 1e4;

    /**
     * The lattice of the flat row-wise vectors {@code m} (Å) declared on {@code line}, checked: every
     * component finite and at most {@link #MAX_LENGTH} in size, every vector longer than 1e-6 Å and
     * the cell not flat ({@link #MIN_SHAPE}).
     */
    Lattice lattice(double[] m, int line) {
        double prod = 1;
        for (int i = 0; i < 3; i++) {
            double len2 = 0;
            for (int k = 0; k < 3; k++) {
                double v = m[3 * i + k];
                if (!Double.isFinite(v) || Math.abs(v) > MAX_LENGTH)
                    throw error(line, "lattice vector " + (i + 1) + " component " + v + " Å is out of range (at most " + (long) MAX_LENGTH + " Å in size)");
                len2 += v * v;
            }
            double len = Math.sqrt(len2);
            if (!(len > 1e-6)) throw error(line, "lattice vector " + (i + 1) + " has zero length");
            prod *= len;
        }
        double det = Lattice.det(m);
        if (!(Math.abs(det) >= MIN_SHAPE * prod))
            throw error(line, "lattice vectors are (nearly) linearly dependent: the cell is flat (volume " + det + " Å^3)");
        try {
            return Lattice.fromVectors(m);
        } catch (StructureException e) {
            throw error(line, e.getMessage());
        }
    }

    /** Checks a box bound pair lo hi read on {@code line}: each within {@link #MAX_LENGTH}, lo < hi. */
    void box(double lo, double hi, String axis, int line) {
        if (Math.abs(lo) > MAX_LENGTH || Math.abs(hi) > MAX_LENGTH)
            throw error(line, "box bounds " + lo + " " + hi + " Å are out of range (at most " + (long) MAX_LENGTH + " Å in size)");
        if (!(hi > lo)) throw error(line, axis + "lo must be below " + axis + "hi, got " + lo + " " + hi);
    }

    /** Checks fractional coordinates read on {@code line} (finite, within {@link #MAX_FRACTIONAL}) and returns them. */
    double[] fractional(double[] f, int line) {
        for (double v : f)
            if (!Double.isFinite(v) || Math.abs(v) > MAX_FRACTIONAL)
                throw error(line, "atom position is " + (Double.isFinite(v) ? "more than " + (long) MAX_FRACTIONAL + " cells outside the cell" : "not finite")
                    + " (fractional " + v + ")");
        return f;
    }

    /**
     * Checks that a count declared in the file can be met by the lines left (each item needs at
     * least {@code linesPerItem} lines): a hostile count is refused here, before anything is
     * allocated for it. @return the count
     */
    int countFits(long count, String what, int linesPerItem) {
        if (count < 0) throw error("negative " + what + " " + count);
        long left = lines.length - pos;
        while (left > 0 && lines[pos + (int) left - 1].isBlank()) left--;
        if (count * linesPerItem > left)
            throw error("unexpected end of file: it declares " + count + " " + what + " but only " + left + " more line" + (left == 1 ? " follows" : "s follow"));
        return (int) count;
    }

    /** Removes a standard uncertainty in parentheses, e.g. "0.1234(5)" → "0.1234". */
    static String stripUncertainty(String s) {
        int p = s.indexOf('(');
        return p > 0 && s.endsWith(")") ? s.substring(0, p) : s;
    }

    static String[] tokens(String line) {
        String t = line.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
