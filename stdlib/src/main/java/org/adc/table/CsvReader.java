package org.adc.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.adc.lang.AdcError;
import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * Reads CSV text (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a quote
 * inside quotes, quoted fields may span lines) into a {@link Table}, with two additions: lines whose
 * first non-blank character is {@code #} are comments, and a header cell may carry a unit in square
 * brackets ({@code barrier [eV]}, {@code T [degC]}).
 *
 * <p>Cell values: in a column with a unit, every non-empty cell must be a number and becomes a quantity in
 * that unit. Elsewhere an unquoted integer becomes an int, another number a float, {@code true}/{@code false}
 * a bool, a number followed by a unit ({@code 0.903 eV}) a quantity, and anything else (or anything quoted)
 * a string. Empty cells are none. Errors name {@code file:line:column}.
 *
 * <p>Non-finite numbers follow one policy in every column: {@code nan}, {@code inf}, {@code -inf},
 * {@code infinity} (any case) and numbers beyond the float range ({@code 1e400}) are refused with
 * {@code file:line:column} unless the column is named in {@code nonFinite} (or {@code nonFinite}
 * holds {@code "*"}); there they become NaN and ±infinity. A header cell carries at most one unit:
 * {@code x [eV] [meV]} is refused.</p>
 */
public final class CsvReader {
    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NUMBER_UNIT = Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s+(\\S.*)");

    private final String file;
    private final BufferedReader in;
    private final char sep;
    private final boolean slashUnits;
    private final Set<String> nonFinite;
    private int line; // physical line being read, 1-based

    /** One parsed field: text, whether it was quoted, and where it started. */
    private record Field(String text, boolean quoted, int line, int col) {
    }

    private CsvReader(String file, BufferedReader in, char sep, boolean slashUnits, Set<String> nonFinite) {
        this.file = file;
        this.in = in;
        this.sep = sep;
        this.slashUnits = slashUnits;
        this.nonFinite = nonFinite;
    }

    /** Reads a whole comma-separated table; {@code file} is used in messages only. Closes {@code in}. */
    public static Table read(String file, BufferedReader in) {
        return read(file, in, ',', false);
    }

    /**
     * Reads a whole table with cells separated by {@code sep} (',', ';' or '\t'). With {@code slashUnits} a header
     * cell may also give its unit after a slash, as instrument exports do ({@code Ewe/V}, {@code <I>/mA},
     * {@code time/s}); a slash part that is not a unit leaves the column without one. Closes {@code in}.
     */
    public static Table read(String file, BufferedReader in, char sep, boolean slashUnits) {
        return read(file, in, sep, slashUnits, Set.of());
    }

    /**
     * As {@link #read(String, BufferedReader, char, boolean)}; the columns named in {@code nonFinite}
     * (identifiers as the table names them, or "*" for every column) may hold nan, inf and numbers
     * beyond the float range; anywhere else those are errors. Closes {@code in}.
     */
    public static Table read(String file, BufferedReader in, char sep, boolean slashUnits, Set<String> nonFinite) {
        try (BufferedReader r = in) {
            return new CsvReader(file, r, sep, slashUnits, nonFinite).table();
        } catch (IOException e) {
            throw new AdcError("cannot read '" + file + "': " + e.getMessage(), "check that the file is readable");
        }
    }

    private AdcError error(int ln, int col, String what, String hint) {
        return new AdcError(file + ":" + ln + ":" + col + ": " + what, hint);
    }

    private Table table() throws IOException {
        List<Field> header = record();
        if (header == null) {
            throw error(Math.max(line, 1), 1, "empty CSV file: no header line", "the first line names the columns, e.g. path,barrier [eV]");
        }
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Field f : header) {
            Column c = headerCell(f);
            if (!seen.add(c.name())) {
                throw error(f.line(), f.col(), "duplicate column name '" + c.name() + "'", "give every column its own name");
            }
            columns.add(c);
        }
        List<Record> rows = new ArrayList<>();
        List<Field> cells;
        int rowNo = 0;
        while ((cells = record()) != null) {
            rowNo++;
            if (cells.size() != columns.size()) {
                Field at = cells.size() > columns.size() ? cells.get(columns.size()) : cells.get(cells.size() - 1);
                throw error(at.line(), at.col(),
                    "row " + rowNo + " has " + cells.size() + " cell" + (cells.size() == 1 ? "" : "s") + ", header has " + columns.size(),
                    "every line needs one cell per column; quote cells that contain commas (\"a, b\")");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                fields.put(columns.get(c).name(), value(cells.get(c), columns.get(c)));
            }
            rows.add(new Record(fields));
        }
        return new Table(columns, rows);
    }

    private Column headerCell(Field f) {
        String t = f.text().strip();
        Unit unit = null;
        String name = t;
        int open = t.lastIndexOf('[');
        if (t.endsWith("]") && open >= 0) {
            name = t.substring(0, open).strip();
            if (name.contains("[") || name.contains("]")) {
                throw error(f.line(), f.col(), "header cell '" + t + "' gives more than one unit",
                    "give each column one unit: " + identifier(name.replaceAll("\\[[^\\]]*\\]", " ")) + " [" + t.substring(open + 1, t.length() - 1).strip() + "]");
            }
            String u = t.substring(open + 1, t.length() - 1).strip();
            if (!u.isEmpty() && !u.equals("1")) {
                try {
                    unit = Units.parse(u);
                } catch (UnitException e) {
                    throw error(f.line(), f.col() + open + 1, e.getMessage() + " in header cell '" + t + "'",
                        e.hint());
                }
            }
        } else if (t.contains("[") || t.contains("]")) {
            throw error(f.line(), f.col(), "header cell '" + t + "' has an unbalanced unit bracket", "write the unit at the end: barrier [eV]");
        } else if (slashUnits && t.indexOf('/') > 0) {
            int slash = t.indexOf('/');
            try {
                Unit u = Units.parse(t.substring(slash + 1).strip());
                if (!u.isOne()) {
                    unit = u;
                    name = t.substring(0, slash).strip();
                }
            } catch (UnitException e) {
                // not a unit: keep the whole cell as the name
            }
        }
        String key = identifier(name);
        if (key.isEmpty()) {
            throw error(f.line(), f.col(), "empty column name in header", "name every column, e.g. path,barrier [eV]");
        }
        return new Column(key, unit);
    }

    /** A header name as an identifier: runs of other characters become '_' ("defect site" → defect_site). */
    public static String identifier(String name) {
        StringBuilder sb = new StringBuilder();
        boolean sep = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isLetterOrDigit(ch) || ch == '_') {
                if (sep && sb.length() > 0) {
                    sb.append('_');
                }
                sep = false;
                sb.append(ch);
            } else {
                sep = true;
            }
        }
        if (sb.length() > 0 && Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** nan, inf, -inf, +infinity ... in any case: a non-finite number as text. */
    private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

    /**
     * A number read from a cell: finite, or non-finite only in a column that allows it
     * ({@code nonFinite}); {@code text} is a NUMBER or NON_FINITE match.
     */
    private double number(String text, Field f, Column col) {
        double v;
        if (NON_FINITE.matcher(text).matches()) {
            String w = text.toLowerCase(java.util.Locale.ROOT);
            v = w.endsWith("nan") ? Double.NaN : w.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else {
            v = Double.parseDouble(text);
        }
        if (!Double.isFinite(v) && !nonFinite.contains(col.name()) && !nonFinite.contains("*")) {
            boolean overflow = !NON_FINITE.matcher(text).matches();
            throw error(f.line(), f.col(), (overflow ? "'" + text + "' is beyond the float range (about ±1.8e308)" : "'" + text + "' is not a finite number")
                + " in column " + col.label(),
                "fix the value, leave the cell empty for a missing value, or allow it with table(..., non_finite = [\"" + col.name() + "\"])");
        }
        return v;
    }

    private Object value(Field f, Column col) {
        String t = f.quoted() ? f.text() : f.text().strip();
        if (t.isEmpty()) {
            return None.INSTANCE;
        }
        if (col.unit() != null) {
            String s = t.strip();
            if (NUMBER.matcher(s).matches() || NON_FINITE.matcher(s).matches()) {
                return Quantity.of(number(s, f, col), col.unit());
            }
            throw error(f.line(), f.col(), "cannot read '" + t + "' as a number in column " + col.label(),
                "a column with a unit holds numbers only (the unit is in the header); leave the cell empty for a missing value");
        }
        if (f.quoted()) {
            return t;
        }
        if (INT.matcher(t).matches()) {
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                return number(t, f, col);
            }
        }
        if (NUMBER.matcher(t).matches() || NON_FINITE.matcher(t).matches()) {
            return number(t, f, col);
        }
        if (t.equals("true") || t.equals("false")) {
            return Boolean.valueOf(t);
        }
        var m = NUMBER_UNIT.matcher(t);
        if (m.matches()) {
            Unit u;
            try {
                u = Units.parse(m.group(2));
            } catch (UnitException e) {
                return t;
            }
            return Quantity.of(number(m.group(1), f, col), u);
        }
        return t;
    }

    /** The next non-comment, non-blank record, or null at the end of input. */
    private List<Field> record() throws IOException {
        while (true) {
            String l = in.readLine();
            if (l == null) {
                return null;
            }
            line++;
            if (line == 1 && l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            return split(l);
        }
    }

    /** Splits one record starting with physical line {@code l}; reads more lines while a quoted field is open. */
    private List<Field> split(String l) throws IOException {
        List<Field> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int startLine = line;
        int startCol = 1;
        boolean quoted = false;
        boolean inQuotes = false;
        int quoteLine = line;
        int quoteCol = 0;
        while (true) {
            if (i >= l.length()) {
                if (inQuotes) {
                    String next = in.readLine();
                    if (next == null) {
                        throw error(quoteLine, quoteCol, "unclosed quote", "end the quoted cell with \"");
                    }
                    line++;
                    cur.append('\n');
                    l = next;
                    i = 0;
                    continue;
                }
                out.add(new Field(cur.toString(), quoted, startLine, startCol));
                return out;
            }
            char c = l.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < l.length() && l.charAt(i + 1) == '"') {
                        cur.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                    i++;
                    while (i < l.length() && l.charAt(i) != sep) {
                        if (!Character.isWhitespace(l.charAt(i))) {
                            throw error(line, i + 1, "text after a closing quote", "quote the whole cell: \"a, b\"");
                        }
                        i++;
                    }
                    continue;
                }
                cur.append(c);
                i++;
            } else if (c == sep) {
                out.add(new Field(cur.toString(), quoted, startLine, startCol));
                cur.setLength(0);
                quoted = false;
                i++;
                startLine = line;
                startCol = i + 1;
            } else if (c == '"' && cur.toString().isBlank()) {
                cur.setLength(0);
                quoted = true;
                inQuotes = true;
                quoteLine = line;
                quoteCol = i + 1;
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
    }
}
