package org.adc.electrochem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.Record;
import org.adc.table.Column;
import org.adc.table.Table;
import org.adc.units.Quantity;
import org.adc.units.Unit;
import org.adc.units.UnitException;
import org.adc.units.Units;

/**
 * Builds a {@link Table} from the numeric block of a potentiostat's text export (BioLogic EC-Lab .mpt, Gamry
 * .DTA): vendor column names become identifiers, vendor unit spellings become adc units, and the standard
 * columns that analysis functions expect are added under fixed names with one sign convention:
 * <ul>
 * <li>impedance: {@code freq} [Hz], {@code z_re} [Ω], {@code z_im} [Ω] with Z = z_re + i·z_im (capacitive arcs
 * have z_im &lt; 0; BioLogic stores −Im(Z), Gamry stores Im(Z): both are converted);</li>
 * <li>voltammetry: {@code time} [s], {@code potential} [V], {@code current} [A], and {@code cycle} when the file
 * has one.</li>
 * </ul>
 * Cells must be finite numbers (decimal point or, in EC-Lab exports of some locales, decimal comma); anything
 * else is refused with file:line.
 */
final class InstrumentTable {
    private final String file;
    private final List<String> names = new ArrayList<>();
    private final List<Unit> units = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();

    InstrumentTable(String file) {
        this.file = file;
    }

    AdcError error(int line, String what, String hint) {
        return new AdcError(file + ":" + line + ": " + what, hint);
    }

    /** Vendor unit spellings (EC-Lab, Gamry) → adc units; null for counts, bits and other unitless columns. */
    static Unit vendorUnit(String u) {
        String s = u.strip();
        switch (s) {
            case "", "#", "bits", "-", "1" -> {
                return null;
            }
            case "Ohm", "ohm", "Ohms" -> {
                return Units.parse("ohm");
            }
            case "°", "deg", "Deg" -> {
                return Units.parse("deg");
            }
            case "mA.h", "mAh" -> {
                return Units.parse("mA*h");
            }
            case "A.h", "Ah" -> {
                return Units.parse("A*h");
            }
            case "µA.h" -> {
                return Units.parse("uA*h");
            }
            case "W.h" -> {
                return Units.parse("W*h");
            }
            case "V vs. Ref.", "V vs Ref", "V vs. Ref" -> {
                return Units.parse("V");
            }
            default -> {
                // "mV/s", "µA", "Hz", "s", "C", "mA", "V", "F", "µF" parse as they are
                try {
                    return Units.parse(s);
                } catch (UnitException e) {
                    return null;
                }
            }
        }
    }

    /** Adds a column; its name is made an identifier ("Re(Z)" → Re_Z, "-Im(Z)" → minus_Im_Z, "<I>" → I). */
    void column(String vendorName, Unit unit) {
        String n = vendorName.strip();
        if (n.startsWith("-")) {
            n = "minus " + n.substring(1);
        }
        String id = org.adc.table.CsvReader.identifier(n);
        if (id.isEmpty()) {
            id = "column" + (names.size() + 1);
        }
        String unique = id;
        for (int k = 2; names.contains(unique); k++) {
            unique = id + "_" + k;
        }
        names.add(unique);
        units.add(unit);
    }

    int width() {
        return names.size();
    }

    /**
     * Parses one data line of tab-separated cells (leading tab of Gamry tables removed by the caller). Cells of
     * columns with a unit must be finite numbers; cells of unitless columns may also be text (Gamry's overload
     * flags "...........").
     */
    void row(int line, String[] cells, boolean decimalComma) {
        if (cells.length != names.size()) {
            throw error(line, "data row has " + cells.length + " cells but the header names " + names.size() + " columns",
                "the file is truncated or was edited; export it again from the instrument software");
        }
        Object[] v = new Object[cells.length];
        for (int c = 0; c < cells.length; c++) {
            String raw = cells[c].strip();
            String t = decimalComma ? raw.replace(',', '.') : raw;
            double x;
            try {
                x = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                if (units.get(c) == null) {
                    v[c] = raw;
                    continue;
                }
                throw error(line, "cannot read '" + raw + "' as a number in column " + names.get(c),
                    "instrument tables hold numbers in their unit columns; check that this is an unedited export");
            }
            String lower = t.toLowerCase(Locale.ROOT);
            if (!Double.isFinite(x) || lower.contains("nan") || lower.contains("inf")) {
                throw error(line, "'" + raw + "' in column " + names.get(c) + " is not a finite number",
                    "remove the overload or aborted points from the export");
            }
            v[c] = x;
        }
        rows.add(v);
        lines.add(line);
    }

    int rowCount() {
        return rows.size();
    }

    int index(String name) {
        return names.indexOf(name);
    }

    /**
     * The table: every vendor column, then the standard columns listed in the class comment when the vendor
     * columns needed for them are present.
     *
     * @param standard map of standard name → (vendor column index, factor to the standard sign and unit)
     */
    Table build(Map<String, Standard> standard) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            cols.add(new Column(names.get(c), units.get(c)));
        }
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, Standard> e : standard.entrySet()) {
            if (!names.contains(e.getKey())) {
                cols.add(new Column(e.getKey(), e.getValue().unit()));
                extra.add(e.getKey());
            }
        }
        List<Record> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Map<String, Object> f = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                f.put(names.get(c), r[c] instanceof Double d ? value(d, units.get(c)) : r[c]);
            }
            for (String n : extra) {
                Standard s = standard.get(n);
                if (!(r[s.column()] instanceof Double x)) {
                    throw error(lines.get(out.size()), "'" + r[s.column()] + "' in column " + names.get(s.column()) + " is not a number",
                        "the " + n + " column needs numbers in every row");
                }
                Unit vu = units.get(s.column());
                double si = (vu == null ? x : Quantity.of(x, vu).si()) * s.sign();
                f.put(n, s.unit() == null ? value(si, null) : Quantity.ofSi(si, s.unit()));
            }
            out.add(new Record(f));
        }
        return new Table(cols, out);
    }

    private static Object value(double x, Unit u) {
        if (u == null) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? (Object) (long) x : (Object) x;
        }
        return Quantity.of(x, u);
    }

    /** A standard column: taken from vendor column {@code column}, multiplied by {@code sign}, shown in {@code unit}. */
    record Standard(int column, double sign, Unit unit) {
    }
}
