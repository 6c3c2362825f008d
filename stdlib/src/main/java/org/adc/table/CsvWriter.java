package org.adc.table;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Quantity;
import org.adc.units.UnitException;

/**
 * Writes a {@link Table} as CSV that {@link CsvReader} reads back to the same values: units go into the
 * header ({@code barrier [eV]}), quantities are written as numbers in their column's unit with full precision,
 * strings that would read as something else are quoted.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes and closes {@code out}; {@code path} is used in messages. */
    public static void write(Table t, Writer out, String path) {
        try (Writer w = out) {
            List<Column> cols = t.columns();
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(quoteIfNeeded(cols.get(c).label(), false));
            }
            w.write(sb.append('\n').toString());
            for (Record r : t.rows()) {
                sb.setLength(0);
                for (int c = 0; c < cols.size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(cell(r.fields().get(cols.get(c).name()), cols.get(c)));
                }
                w.write(sb.append('\n').toString());
            }
        } catch (IOException e) {
            throw new AdcError("cannot write '" + path + "': " + e.getMessage(), "check the folder exists and is writable");
        }
    }

    private static String cell(Object v, Column col) {
        if (v == null || v == None.INSTANCE) {
            return "";
        }
        if (v instanceof Quantity q) {
            if (col.unit() != null) {
                try {
                    return number(q.valueIn(col.unit()));
                } catch (UnitException e) {
                    throw new AdcError("column '" + col.name() + "' is in " + col.unit().symbol() + " but a row holds " + q,
                        "keep one dimension per column");
                }
            }
            return quoteIfNeeded(number(q.value()) + (q.unit().isOne() ? "" : " " + q.unit().symbol()), false);
        }
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "nan" : Double.toString(d).replace("E", "e");
        }
        if (v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof String s) {
            return quoteIfNeeded(s, true);
        }
        return quoteIfNeeded(Values.display(v), true);
    }

    /** Shortest text that reads back to the same double. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x).replace("E", "e");
    }

    private static String quoteIfNeeded(String s, boolean isText) {
        boolean need = s.isEmpty() && isText || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
            || !s.equals(s.strip()) || s.startsWith("#");
        if (!need && isText) {
            need = s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?(\\s.*)?") || s.equals("true") || s.equals("false");
        }
        return need ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
