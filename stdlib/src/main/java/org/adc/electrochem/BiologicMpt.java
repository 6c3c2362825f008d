package org.adc.electrochem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.table.Table;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Reader of BioLogic EC-Lab text exports ({@code .mpt}, "Export as text" in EC-Lab).
 *
 * <p>Layout (EC-Lab Software User's Manual, "Export as text"; the same in EC-Lab 10-11): line 1
 * {@code EC-Lab ASCII FILE}, line 2 {@code Nb header lines : N}, then settings; line N holds the tab-separated
 * column names, each {@code name/unit} ({@code freq/Hz}, {@code Re(Z)/Ohm}, {@code -Im(Z)/Ohm}, {@code <Ewe>/V},
 * {@code <I>/mA}, {@code time/s}, {@code cycle number}); data rows follow. Files exported without the header
 * start directly with the column-name line. Numbers use a decimal point, or a decimal comma when Windows was set
 * to such a locale; the text is Windows-1252 ({@code µ}, {@code °}) or UTF-8.
 *
 * <p>Columns keep their names as identifiers with their units ({@code Re_Z} [Ω], {@code minus_Im_Z} [Ω],
 * {@code Ewe} [V], {@code I} [mA]); standard columns are added for analysis: impedance files get {@code freq} [Hz],
 * {@code z_re} [Ω] and {@code z_im} [Ω] = −(−Im(Z)) (negative on a capacitive arc); voltammetry and cycling files
 * get {@code time} [s], {@code potential} [V] (from {@code Ewe} or {@code <Ewe>}), {@code current} [mA] (from
 * {@code I} or {@code <I>}) and {@code cycle} (from {@code cycle number}).
 */
public final class BiologicMpt {
    private BiologicMpt() {
    }

    /** Reads the lines of one file (already decoded); {@code file} names it in errors. */
    public static Table read(String file, List<String> lines) {
        InstrumentTable t = new InstrumentTable(file);
        if (lines.isEmpty()) {
            throw t.error(1, "empty file", "export the data again from EC-Lab (File > Export as text)");
        }
        int headerLine; // 1-based line of the column names
        if (lines.get(0).strip().equals("EC-Lab ASCII FILE")) {
            if (lines.size() < 2 || !lines.get(1).strip().startsWith("Nb header lines")) {
                throw t.error(2, "expected 'Nb header lines : N' after 'EC-Lab ASCII FILE'",
                    "this is not an unedited EC-Lab text export");
            }
            String n = lines.get(1).substring(lines.get(1).indexOf(':') + 1).strip();
            try {
                headerLine = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                throw t.error(2, "cannot read the header line count '" + n + "'", "this is not an unedited EC-Lab text export");
            }
            if (headerLine < 3 || headerLine > lines.size()) {
                throw t.error(2, "the file says it has " + headerLine + " header lines but has " + lines.size() + " lines",
                    "the file is truncated; export it again");
            }
        } else if (lines.get(0).contains("\t") && lines.get(0).contains("/")) {
            headerLine = 1;
        } else {
            throw t.error(1, "not a BioLogic EC-Lab text export (first line '" + abbreviate(lines.get(0)) + "')",
                "export with EC-Lab's File > Export as text (.mpt); other text tables read with table(path, sep = \"tab\")");
        }
        String[] header = stripTrailingEmpty(lines.get(headerLine - 1).split("\t", -1));
        for (String h : header) {
            int slash = h.lastIndexOf('/');
            String name = h;
            Unit unit = null;
            if (slash > 0 && h.indexOf('/') == slash) {
                Unit u = InstrumentTable.vendorUnit(h.substring(slash + 1));
                if (u != null) {
                    unit = u;
                    name = h.substring(0, slash);
                }
                // else a name with a slash (ox/red): the whole cell names a unitless column
            }
            t.column(name, unit);
        }
        boolean comma = false;
        for (int i = headerLine; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = stripTrailingEmpty(line.split("\t", -1));
            if (t.rowCount() == 0) {
                comma = decimalComma(cells);
            }
            t.row(i + 1, cells, comma);
        }
        if (t.rowCount() == 0) {
            throw t.error(lines.size(), "the file has column names but no data rows", "the measurement was stopped before its first point");
        }
        Map<String, InstrumentTable.Standard> std = new LinkedHashMap<>();
        int f = t.index("freq");
        int re = t.index("Re_Z");
        int im = t.index("minus_Im_Z");
        if (f >= 0 && re >= 0 && im >= 0) {
            std.put("freq", new InstrumentTable.Standard(f, 1, Units.parse("Hz")));
            std.put("z_re", new InstrumentTable.Standard(re, 1, Units.parse("ohm")));
            std.put("z_im", new InstrumentTable.Standard(im, -1, Units.parse("ohm")));
        }
        int time = t.index("time");
        int ewe = t.index("Ewe");
        int cur = t.index("I");
        if (time >= 0) {
            std.put("time", new InstrumentTable.Standard(time, 1, Units.parse("s")));
        }
        if (ewe >= 0) {
            std.put("potential", new InstrumentTable.Standard(ewe, 1, Units.parse("V")));
        }
        if (cur >= 0) {
            std.put("current", new InstrumentTable.Standard(cur, 1, Units.parse("mA")));
        }
        int cyc = t.index("cycle_number");
        if (cyc >= 0) {
            std.put("cycle", new InstrumentTable.Standard(cyc, 1, null));
        }
        return t.build(std);
    }

    /** True when the first data row uses decimal commas (no '.' anywhere, a ',' inside a number). */
    static boolean decimalComma(String[] cells) {
        boolean comma = false;
        for (String c : cells) {
            if (c.indexOf('.') >= 0) {
                return false;
            }
            comma |= c.indexOf(',') > 0;
        }
        return comma;
    }

    static String[] stripTrailingEmpty(String[] cells) {
        int n = cells.length;
        while (n > 0 && cells[n - 1].isBlank()) {
            n--;
        }
        return java.util.Arrays.copyOf(cells, n);
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
