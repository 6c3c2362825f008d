package org.adc.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.Args;
import org.adc.lang.Callable;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;

/**
 * A table: named columns (each with an optional display unit) and rows as records. Immutable; the methods
 * {@code where}, {@code sort_by}, {@code select} and {@code with_column} return new tables. Iterating a table
 * in a script ({@code for row in t}) yields its row records; {@code print(t)} shows it aligned, with units in the
 * header.
 */
public final class Table implements HasMembers, Iterable<Object> {
    private static final List<String> MEMBERS = List.of("rows", "columns", "units", "len", "column", "row", "where", "filter",
        "sort_by", "map", "select", "with_column", "format", "write_csv");

    private final List<Column> columns;
    private final List<Record> rows;

    public Table(List<Column> columns, List<Record> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /**
     * A table from records: the columns are the fields in order of first appearance (or {@code names} when given);
     * each column's unit is the unit of its first quantity.
     */
    public static Table fromRecords(List<?> records, List<String> names) {
        List<Record> rs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Object o = records.get(i);
            if (!(o instanceof Record r)) {
                throw new AdcError("element #" + (i + 1) + " of the rows is " + Values.describe(o) + ", not a record",
                    "a table is made of records such as {path: \"A\", barrier: 0.9 eV}");
            }
            rs.add(r);
        }
        List<String> all = new ArrayList<>();
        for (Record r : rs) {
            for (String k : r.fields().keySet()) {
                if (!all.contains(k)) {
                    all.add(k);
                }
            }
        }
        List<String> keys = all;
        if (names != null && !names.isEmpty()) {
            for (String n : names) {
                if (!all.contains(n) && !rs.isEmpty()) {
                    throw new AdcError("table has no column '" + n + "'", "the records have the fields: " + String.join(", ", all));
                }
            }
            keys = names;
        }
        List<Column> cols = new ArrayList<>();
        for (String k : keys) {
            cols.add(new Column(k, inferUnit(rs, k)));
        }
        List<Record> out = new ArrayList<>();
        for (Record r : rs) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (String k : keys) {
                Object v = r.fields().get(k);
                f.put(k, v == null ? None.INSTANCE : v);
            }
            out.add(new Record(f));
        }
        return new Table(cols, out);
    }

    private static Unit inferUnit(List<Record> rs, String key) {
        for (Record r : rs) {
            if (r.fields().get(key) instanceof Quantity q) {
                return q.unit().isOne() ? null : q.unit();
            }
        }
        return null;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Record> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** The column called {@code name}; fails with the list of column names. */
    public Column columnNamed(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        throw new AdcError("table has no column '" + name + "'", "columns are: " + String.join(", ", names));
    }

    /** Values of one column, top to bottom. */
    public List<Object> values(String name) {
        columnNamed(name);
        List<Object> v = new ArrayList<>();
        for (Record r : rows) {
            v.add(r.fields().get(name));
        }
        return v;
    }

    /** Rows for which {@code keep} is true, same columns. */
    public Table where(java.util.function.Predicate<Record> keep) {
        List<Record> out = new ArrayList<>();
        for (Record r : rows) {
            if (keep.test(r)) {
                out.add(r);
            }
        }
        return new Table(columns, out);
    }

    /** Rows sorted by a column: numbers and quantities by value, strings alphabetically, none last. Stable. */
    public Table sortBy(String name, boolean descending) {
        columnNamed(name);
        Comparator<Record> cmp = (a, b) -> compareValues(a.fields().get(name), b.fields().get(name), name);
        if (descending) {
            cmp = cmp.reversed();
        }
        List<Record> out = new ArrayList<>(rows);
        out.sort(cmp);
        return new Table(columns, out);
    }

    static int compareValues(Object a, Object b, String column) {
        boolean an = a == null || a == None.INSTANCE;
        boolean bn = b == null || b == None.INSTANCE;
        if (an || bn) {
            return an == bn ? 0 : an ? 1 : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Quantity x && b instanceof Quantity y) {
            try {
                return x.compareTo(y);
            } catch (UnitException e) {
                throw new AdcError("cannot sort column '" + column + "': " + e.getMessage(), e.hint());
            }
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw new AdcError("cannot sort column '" + column + "': it mixes " + Values.typeName(a) + " and " + Values.typeName(b),
            "sort by a column whose values are all numbers, all quantities of one dimension, or all strings");
    }

    /** A table with only the named columns, in that order. */
    public Table select(List<String> names) {
        List<Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(columnNamed(n));
        }
        List<Record> out = new ArrayList<>();
        for (Record r : rows) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (String n : names) {
                f.put(n, r.fields().get(n));
            }
            out.add(new Record(f));
        }
        return new Table(cols, out);
    }

    /** A table with one more column (or a replaced one) whose value in each row is {@code f(row)}. */
    public Table withColumn(String name, Function<Record, Object> f) {
        List<Record> out = new ArrayList<>();
        Unit unit = null;
        boolean unitSet = false;
        for (Record r : rows) {
            Object v = f.apply(r);
            if (v == null) {
                v = None.INSTANCE;
            }
            if (!unitSet && v instanceof Quantity q) {
                unit = q.unit().isOne() ? null : q.unit();
                unitSet = true;
            }
            Map<String, Object> m = new LinkedHashMap<>(r.fields());
            m.put(name, v);
            out.add(new Record(m));
        }
        List<Column> cols = new ArrayList<>();
        boolean replaced = false;
        for (Column c : columns) {
            if (c.name().equals(name)) {
                cols.add(new Column(name, unit));
                replaced = true;
            } else {
                cols.add(c);
            }
        }
        if (!replaced) {
            cols.add(new Column(name, unit));
        }
        return new Table(cols, out);
    }

    /** Aligned text with a header line {@code name [unit]}, a rule, and one line per row. */
    public String format() {
        return format(0);
    }

    /** As {@link #format()} with {@code digits} significant digits for numbers (0: the default 6). */
    public String format(int digits) {
        List<List<Object>> cells = new ArrayList<>();
        for (Record r : rows) {
            List<Object> l = new ArrayList<>();
            for (Column c : columns) {
                l.add(r.fields().get(c.name()));
            }
            cells.add(l);
        }
        return TextTable.format(columns, cells, digits);
    }

    @Override
    public Iterator<Object> iterator() {
        return Collections.<Object>unmodifiableList(rows).iterator();
    }

    // ---- script members ------------------------------------------------------------------------

    private static NativeFunction method(String name, String returns, String summary, String syntax, String example,
                                         String description, Function<Args, Object> body, Param... params) {
        return new NativeFunction(name, returns, new Doc(summary, syntax, example, description,
            "values keep their units; a column's unit is shown in the header", "unknown column names fail with the list of columns",
            "-", "table, format_table, write_csv"), body, params);
    }

    private static boolean truthy(Callable fn, Record r) {
        return Values.truthy(fn.call(r));
    }

    private static List<String> names(AdcList l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw new AdcError("column names must be strings, got " + Values.describe(o), "write select(\"path\", \"barrier\")");
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public Object member(String name) {
        switch (name) {
            case "rows":
                return new AdcList(rows);
            case "columns": {
                List<Object> n = new ArrayList<>();
                columns.forEach(c -> n.add(c.name()));
                return new AdcList(n);
            }
            case "units": {
                AdcMap m = new AdcMap();
                columns.forEach(c -> m.put(c.name(), c.unit() == null ? None.INSTANCE : c.unit().symbol()));
                return m;
            }
            case "len":
                return (long) rows.size();
            case "column":
                return method("column", "list", "Values of one column as a list", "t.column(name)",
                    "t.column(\"barrier\")        # [2.29 eV, 0.903 eV, ...]", "Top-to-bottom values of the named column.",
                    a -> new AdcList(values(a.string(0))), Param.required("name", "string", "column name"));
            case "row":
                return method("row", "record", "One row as a record (0-based; -1 is the last)", "t.row(index)",
                    "t.row(0).barrier", "The row at the index; negative indices count from the end.",
                    a -> new AdcList(rows).get(a.integer(0)), Param.required("index", "int", "row index"));
            case "where":
            case "filter":
                return method(name, "table", "Rows for which a function returns true", "t." + name + "(fn)",
                    "t." + name + "(fn(r) => r.barrier < 1 eV)", "Keeps the rows where fn(row) is true, in order; same columns.",
                    a -> {
                        Callable fn = a.function(0);
                        return where(r -> truthy(fn, r));
                    }, Param.required("fn", "function", "predicate taking a row record"));
            case "sort_by":
                return method("sort_by", "table", "Rows sorted by a column", "t.sort_by(name, descending = false)",
                    "t.sort_by(\"barrier\")\nt.sort_by(\"rate\", descending = true)",
                    "Numbers and quantities by value (quantities must share a dimension), strings alphabetically, none last. Stable.",
                    a -> sortBy(a.string(0), a.bool(1)), Param.required("name", "string", "column to sort by"),
                    Param.optional("descending", "bool", Boolean.FALSE, "largest first"));
            case "map":
                return method("map", "list", "Applies a function to every row", "t.map(fn)",
                    "t.map(fn(r) => arrhenius(ea = r.barrier, t = 450 degC))", "List of fn(row) for every row, in order.",
                    a -> {
                        Callable fn = a.function(0);
                        AdcList out = new AdcList();
                        for (Record r : rows) {
                            out.add(fn.call(r));
                        }
                        return out;
                    }, Param.required("fn", "function", "function taking a row record"));
            case "select":
                return method("select", "table", "A table with only the named columns", "t.select(names...)",
                    "t.select(\"path\", \"barrier\")", "Keeps the named columns in the given order.",
                    a -> select(names(a.list(0))), Param.rest("names", "string", "column names"));
            case "with_column":
                return method("with_column", "table", "A table with a computed column added (or replaced)",
                    "t.with_column(name, fn)", "t.with_column(\"rate\", fn(r) => arrhenius(ea = r.barrier, t = 450 degC))",
                    "Adds a column whose value in each row is fn(row); a list of values (one per row) works too. "
                        + "The column's unit is the unit of its first quantity.",
                    a -> {
                        String n = a.string(0);
                        Object g = a.get(1);
                        if (g instanceof AdcList l) {
                            if (l.size() != rows.size()) {
                                throw new AdcError("with_column: " + l.size() + " values for " + rows.size() + " rows",
                                    "give one value per row");
                            }
                            int[] k = {0};
                            return withColumn(n, r -> l.items().get(k[0]++));
                        }
                        Callable fn = a.function(1);
                        return withColumn(n, fn::call);
                    }, Param.required("name", "string", "new column name"),
                    Param.required("fn", "function", "function of a row, or a list of values"));
            case "format":
                return method("format", "string", "The table as aligned text", "t.format(digits = 6)",
                    "print(t.format())\nprint(t.format(digits = 3))",
                    "Header line with units, a rule, one line per row; numbers with the given significant digits.",
                    a -> {
                        long dg = a.integer(0);
                        if (dg < 1 || dg > 17) {
                            throw new AdcError("digits must be between 1 and 17, got " + dg, "t.format(digits = 3)");
                        }
                        return format((int) dg);
                    }, Param.optional("digits", "int", 6L, "significant digits of numbers"));
            case "write_csv":
                return method("write_csv", "none", "Writes the table as CSV with units in the header", "t.write_csv(path)",
                    "t.write_csv(\"rates.csv\")", "Same as write_csv(t, path).",
                    a -> {
                        CsvWriter.write(this, a.env().openWrite(a.string(0)), a.string(0));
                        return None.INSTANCE;
                    }, Param.required("path", "string", "output file, relative to the run directory").writes());
            default:
                return null;
        }
    }

    @Override
    public Collection<String> memberNames() {
        return MEMBERS;
    }

    @Override
    public String typeName() {
        return "table";
    }

    @Override
    public String toString() {
        return format().stripTrailing();
    }
}
