package org.adc.table;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.None;
import org.adc.lang.Values;
import org.adc.units.Format;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;

/**
 * Plain-text rendering of a table: a header line with units ({@code barrier [eV]}), a rule of dashes and
 * one line per row, columns separated by two spaces; numbers are right-aligned, text left-aligned.
 * Quantities in a column with a unit are shown as bare numbers in that unit.
 */
public final class TextTable {
    private TextTable() {
    }

    /** Text of one cell in a column shown in {@code unit} (null: as the value displays itself), 6 significant digits. */
    public static String cell(Object v, Unit unit) {
        return cell(v, unit, 0);
    }

    /** As {@link #cell(Object, Unit)} with {@code digits} significant digits for numbers (0: the default 6). */
    public static String cell(Object v, Unit unit, int digits) {
        if (v == null || v == None.INSTANCE) {
            return "";
        }
        if (v instanceof Quantity q) {
            if (unit != null) {
                try {
                    return number(q.valueIn(unit), digits);
                } catch (UnitException e) {
                    return digits > 0 ? q.format("." + digits + "g") : q.toString();
                }
            }
            return digits > 0 ? q.format("." + digits + "g") : q.toString();
        }
        if (v instanceof Double d && digits > 0) {
            return number(d, digits);
        }
        return Values.display(v);
    }

    private static String number(double x, int digits) {
        if (digits <= 0 || Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return Format.number(x);
        }
        return Format.number(x, "." + digits + "g");
    }

    private static boolean numeric(Object v) {
        return v instanceof Number || v instanceof Quantity;
    }

    /** Formats rows of values under the given columns, numbers with 6 significant digits. */
    public static String format(List<Column> columns, List<List<Object>> rows) {
        return format(columns, rows, 0);
    }

    /** Formats rows of values under the given columns, numbers with {@code digits} significant digits (0: 6). */
    public static String format(List<Column> columns, List<List<Object>> rows, int digits) {
        int n = columns.size();
        List<String[]> text = new ArrayList<>();
        int[] width = new int[n];
        boolean[] right = new boolean[n];
        String[] head = new String[n];
        for (int c = 0; c < n; c++) {
            head[c] = columns.get(c).label();
            width[c] = head[c].length();
            right[c] = true;
        }
        for (List<Object> row : rows) {
            String[] cells = new String[n];
            for (int c = 0; c < n; c++) {
                Object v = c < row.size() ? row.get(c) : null;
                cells[c] = cell(v, columns.get(c).unit(), digits);
                width[c] = Math.max(width[c], cells[c].length());
                if (v != null && v != None.INSTANCE && !numeric(v)) {
                    right[c] = false;
                }
            }
            text.add(cells);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, width, right);
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        line(sb, rule, width, right);
        for (String[] cells : text) {
            line(sb, cells, width, right);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                l.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            l.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
