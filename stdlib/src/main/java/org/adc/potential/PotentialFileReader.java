package org.adc.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a potential file as a stream of whitespace-separated words that remember their 1-based line,
 * so that every parse error names the file and the line. Text after {@code #} is a comment when
 * {@code comments} is set (LAMMPS .sw and .tersoff files); EAM tables keep every line.
 */
public final class PotentialFileReader {
    /** A word and the line it was on. */
    public record Word(String text, int line) {
    }

    private final String file;
    private final List<String> lines = new ArrayList<>();

    /**
     * Reads all lines.
     *
     * @param file   name used in messages
     * @param reader source (closed by this constructor)
     * @throws PotentialFileException when the text cannot be read
     */
    public PotentialFileReader(String file, Reader reader) {
        this.file = file;
        try (BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader)) {
            String s;
            while ((s = br.readLine()) != null) {
                lines.add(s);
            }
        } catch (IOException e) {
            throw new PotentialFileException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** File name as given. */
    public String file() {
        return file;
    }

    /** Number of lines. */
    public int lineCount() {
        return lines.size();
    }

    /** Line {@code i} (0-based). */
    public String line(int i) {
        return lines.get(i);
    }

    /** All words from line index {@code from} (0-based) on, comments removed when {@code comments}. */
    public List<Word> words(int from, boolean comments) {
        List<Word> w = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String s = lines.get(i);
            if (comments) {
                int h = s.indexOf('#');
                if (h >= 0) {
                    s = s.substring(0, h);
                }
            }
            for (String t : s.trim().split("\\s+")) {
                if (!t.isEmpty()) {
                    w.add(new Word(t, i + 1));
                }
            }
        }
        return w;
    }

    /** Parses a word as a double or fails naming the file, line and what was expected. */
    public double number(Word w, String what) {
        try {
            return Double.parseDouble(w.text().replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw new PotentialFileException(file, w.line(), "expected a number for " + what + ", got '" + w.text() + "'");
        }
    }

    /** Parses a word as an int or fails naming the file and line. */
    public int integer(Word w, String what) {
        try {
            return Integer.parseInt(w.text());
        } catch (NumberFormatException e) {
            throw new PotentialFileException(file, w.line(), "expected an integer for " + what + ", got '" + w.text() + "'");
        }
    }

    /** A failure at a line. */
    public PotentialFileException error(int line, String detail) {
        return new PotentialFileException(file, line, detail);
    }
}
