package org.adc.lib;

import java.util.ArrayList;
import java.util.List;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Args;
import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.None;
import org.adc.lang.Param;
import org.adc.lang.Values;
import org.adc.table.CsvReader;
import org.adc.table.CsvWriter;
import org.adc.table.Table;

/**
 * Library {@code data}: tables read from CSV files whose header carries units, formatted table printing,
 * and CSV output.
 */
public final class DataLib {
    private DataLib() {
    }

    private static final String CSV = "CSV: RFC 4180 (comma separated, \"double quotes\" around cells with commas); "
        + "units in the header as in SI Brochure 9th ed. 5.4.6 (quantity symbol with unit in brackets).";

    private static List<String> names(AdcList l) {
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw new AdcError("column names must be strings, got " + Values.describe(o), "write format_table(rows, \"path\", \"rate\")");
            }
            out.add(s);
        }
        return out;
    }

    /** Argument {@code i} as a table: a table, or a list of records (with optional column names). */
    static Table tableArg(Args a, int i, List<String> columns) {
        Object x = a.get(i);
        if (x instanceof Table t) {
            return columns.isEmpty() ? t : t.select(columns);
        }
        if (x instanceof AdcList l) {
            return Table.fromRecords(l.items(), columns);
        }
        throw a.bad(i, "table or list of records");
    }

    private static char separator(Args a, int i) {
        String s = a.string(i);
        if (s.equals("tab") || s.equals("\t")) {
            return '\t';
        }
        if (s.length() != 1 || s.equals("\"") || s.equals("#") || s.equals("\n")) {
            throw new AdcError("sep must be one character such as \",\", \";\" or \"tab\", got " + Values.repr(s),
                "write sep = \";\" or sep = \"tab\"");
        }
        return s.charAt(0);
    }

    private static Object table(Args a) {
        Object x = a.get(0);
        if (x instanceof String path) {
            char sep = separator(a, 1);
            boolean slash = a.bool(2);
            java.util.Set<String> nonFinite = new java.util.HashSet<>();
            Object nf = a.get(3);
            if (Boolean.TRUE.equals(nf)) {
                nonFinite.add("*");
            } else if (nf instanceof AdcList l) {
                nonFinite.addAll(names(l));
            } else if (!Boolean.FALSE.equals(nf)) {
                throw a.bad(3, "list of column names or bool");
            }
            return CsvReader.read(path, a.env().openRead(path), sep, slash, nonFinite);
        }
        if (x instanceof AdcList l) {
            return Table.fromRecords(l.items(), List.of());
        }
        if (x instanceof Table) {
            return x;
        }
        throw a.bad(0, "file name or list of records");
    }

    public static Module module() {
        Module m = new Module("data", "tables from CSV with units, table printing, CSV output");
        m.add(new NativeFunction("table", "table", new Doc(
            "Reads a CSV file (units in the header) into a table, or makes a table from a list of records",
            "table(path, sep = \",\", slash_units = false, non_finite = false)\ntable(rows)",
            "let t = table(\"table1_barriers.csv\")       # header: site,path,barrier [eV]\n"
                + "for r in t { print(r.path, arrhenius(ea = r.barrier, t = 450 degC)) }\n"
                + "t.where(fn(r) => r.site == \"none\").sort_by(\"barrier\")\n"
                + "table([{T: 300 K, rate: 1 Hz}, {T: 400 K, rate: 20 Hz}])\n"
                + "let cv = table(\"cv_0.1mVs.txt\", sep = \"tab\", slash_units = true)   # BioLogic export: Ewe/V, <I>/mA",
            "The first non-comment line is the header. A header cell `name [unit]` gives the column a unit; its cells "
                + "must be numbers and become quantities (`T [degC]` gives absolute temperatures). Other cells become ints, "
                + "floats, bools (true/false), quantities when written with a unit (`0.903 eV`), or strings; quoted cells "
                + "stay strings; empty cells are none. Lines starting with # are comments. Column names become identifiers "
                + "(`defect site` → `defect_site`), so rows read as `r.defect_site`.\n"
                + "Table members: rows, columns, units, len, column(name), row(i), where(fn) / filter(fn), "
                + "sort_by(name, descending), map(fn), select(names...), with_column(name, fn), format(), write_csv(path). "
                + "`print(t)` prints the aligned table.\n"
                + "Instrument exports: `sep = \"tab\"` (or \";\") changes the separator; `slash_units = true` also reads "
                + "units written after a slash in the header (`Ewe/V`, `<I>/mA`, `time/s` become columns Ewe, I, time); a "
                + "slash part that is not a unit leaves the header as the column name.\n"
                + "Non-finite numbers: `nan`, `inf`, `-inf`, `infinity` and numbers beyond the float range (`1e400`) are errors "
                + "(file:line:column) unless the column is listed in `non_finite = [\"name\"]` (or `non_finite = true`); there "
                + "they become NaN and ±infinity. A header cell has at most one unit (`x [eV] [meV]` is an error).",
            "values in a unit column are quantities in the header's unit",
            "errors name file:line:column: \"t.csv:5:14: row 3 has 4 cells, header has 3\"; \"t.csv:4:9: cannot read "
                + "'0.9x' as a number in column barrier [eV]\"; \"t.csv:1:9: unknown unit 'eVV' in header cell ...\"; "
                + "a missing file or one outside the recipe's folder is refused by the sandbox.",
            CSV,
            "format_table, print_table, write_csv"),
            DataLib::table,
            Param.required("path", "string|list", "CSV file relative to the script's folder, or a list of records").reads(),
            Param.optional("sep", "string", ",", "cell separator: \",\", \";\" or \"tab\""),
            Param.optional("slash_units", "bool", Boolean.FALSE, "also read units written after a slash (Ewe/V, <I>/mA, time/s)"),
            Param.optional("non_finite", "any", Boolean.FALSE, "columns that may hold nan, inf and numbers beyond the float range "
                + "(list of column names, or true for all); elsewhere these are errors")));
        m.add(new NativeFunction("format_table", "string", new Doc(
            "Formats a table or a list of records as aligned text with units in the header",
            "format_table(rows, columns...)",
            "let s = format_table(results, \"path\", \"rate\", \"ratio\")\nprint(format_table(t))",
            "Header `name [unit]`, a rule of dashes, then one line per row; numbers right-aligned, text left-aligned, "
                + "6 significant digits. Without column names all fields are shown in order of first appearance. For a "
                + "list of records each column is shown in the unit of its first quantity (convert values with `to` "
                + "first to choose the unit).",
            "quantities are printed as numbers in the column unit shown in the header",
            "an element that is not a record, or an unknown column name, fails with a message naming it.",
            "-",
            "print_table, table, write_csv"),
            a -> tableArg(a, 0, names(a.list(1))).format().stripTrailing(),
            Param.required("rows", "table|list", "table or list of records"),
            Param.rest("columns", "string", "column names to show, in order")));
        m.add(new NativeFunction("print_table", "none", new Doc(
            "Prints a table or a list of records as aligned text with units in the header",
            "print_table(rows, columns...)",
            "print_table(results, \"path\", \"rate\")",
            "Same text as format_table, printed to the script's output.",
            "as format_table",
            "as format_table",
            "-",
            "format_table, table"),
            a -> {
                a.env().out().print(tableArg(a, 0, names(a.list(1))).format());
                a.env().out().flush();
                return None.INSTANCE;
            },
            Param.required("rows", "table|list", "table or list of records"),
            Param.rest("columns", "string", "column names to show, in order")));
        m.add(new NativeFunction("write_csv", "none", new Doc(
            "Writes a table or a list of records to a CSV file, units in the header",
            "write_csv(rows, path)",
            "write_csv(t.with_column(\"rate\", fn(r) => arrhenius(ea = r.barrier, t = 450 degC)), \"rates.csv\")",
            "Header cells are `name [unit]` for columns of quantities; values are written as numbers in that unit with "
                + "full precision, so `table(path)` reads the same values back. Strings that would read as numbers are quoted.",
            "each column in its unit (the table's, or the first quantity's for a list of records)",
            "the sandbox refuses paths outside the run directory unless allowed with --allow-write; a column mixing "
                + "dimensions fails.",
            CSV,
            "table, format_table"),
            a -> {
                Table t = tableArg(a, 0, List.of());
                String path = a.string(1);
                CsvWriter.write(t, a.env().openWrite(path), path);
                return None.INSTANCE;
            },
            Param.required("rows", "table|list", "table or list of records"),
            Param.required("path", "string", "output file, relative to the run directory").writes()));
        return m;
    }
}
