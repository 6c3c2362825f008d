package org.adc.electrochem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.table.Table;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * Reader of Gamry Framework data files ({@code .DTA}).
 *
 * <p>Layout (Gamry Framework / Echem Analyst "DTA file format"): line 1 {@code EXPLAIN}, then tagged header lines
 * {@code KEY<TAB>TYPE<TAB>value<TAB>label} ({@code TAG EISPOT}, {@code TAG CV}, {@code DATE LABEL ...}); a data
 * block starts with {@code NAME<TAB>TABLE} (optionally followed by the point count), then a line of column names
 * and a line of units, both starting with a tab ({@code Pt Time Freq Zreal Zimag ...} / {@code # s Hz ohm ohm ...}),
 * then one tab-led row per point. Impedance runs write {@code ZCURVE}; cyclic voltammetry writes one
 * {@code CURVE1}, {@code CURVE2}, … per cycle (columns {@code Pt T Vf Im Vu Sig Ach IERange Over}, units
 * {@code # s V vs. Ref. A V V V # bits}); {@code OCVCURVE} is the open-circuit record before the run.
 *
 * <p>Standard columns are added: impedance {@code freq} [Hz], {@code z_re} [Ω], {@code z_im} [Ω] (Gamry's Zimag is
 * Im Z: negative on a capacitive arc, kept as is); voltammetry {@code time} [s], {@code potential} [V] (Vf),
 * {@code current} [A] (Im) and {@code cycle} (the CURVE number).
 */
public final class GamryDta {
    private GamryDta() {
    }

    private record Block(String name, int line) {
    }

    /**
     * Reads one data block, or all CURVEn blocks of a voltammogram.
     *
     * @param curve block name ({@code "ZCURVE"}, {@code "CURVE2"}, {@code "OCVCURVE"}), or empty for the default:
     *              ZCURVE when present, else every CURVEn block in order with a {@code cycle} column
     */
    public static Table read(String file, List<String> lines, String curve) {
        InstrumentTable probe = new InstrumentTable(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals("EXPLAIN")) {
            throw probe.error(1, "not a Gamry data file (the first line is not EXPLAIN)",
                "give a .DTA file written by Gamry Framework; other text tables read with table(path, sep = \"tab\")");
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] c = lines.get(i).split("\t", -1);
            if (c.length >= 2 && c[1].strip().equals("TABLE") && !c[0].isBlank()) {
                blocks.add(new Block(c[0].strip(), i));
            }
        }
        List<Block> chosen = new ArrayList<>();
        if (curve.isEmpty()) {
            for (Block b : blocks) {
                if (b.name().equals("ZCURVE")) {
                    chosen.add(b);
                }
            }
            if (chosen.isEmpty()) {
                for (Block b : blocks) {
                    if (b.name().matches("CURVE\\d+")) {
                        chosen.add(b);
                    }
                }
            }
        } else {
            for (Block b : blocks) {
                if (b.name().equals(curve)) {
                    chosen.add(b);
                }
            }
        }
        if (chosen.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (Block b : blocks) {
                names.add(b.name());
            }
            throw new AdcError(file + ": " + (curve.isEmpty() ? "no ZCURVE or CURVEn data block" : "no data block '" + curve + "'"),
                names.isEmpty() ? "the file has no TABLE blocks: the run was stopped before its first point"
                    : "the file has: " + String.join(", ", names) + " (pass curve = \"NAME\")");
        }
        InstrumentTable t = new InstrumentTable(file);
        String[] header = null;
        boolean comma = false;
        boolean first = true;
        for (Block b : chosen) {
            int h = b.line() + 1;
            if (h + 1 >= lines.size()) {
                throw t.error(b.line() + 1, "block " + b.name() + " ends before its column names and units",
                    "the file is truncated; export it again");
            }
            String[] names = cells(lines.get(h));
            String[] units = cells(lines.get(h + 1));
            if (header == null) {
                header = names;
                if (units.length != names.length) {
                    throw t.error(h + 2, "block " + b.name() + " has " + names.length + " column names but " + units.length + " units",
                        "the file is truncated or was edited");
                }
                for (int c = 0; c < names.length; c++) {
                    Unit u = InstrumentTable.vendorUnit(units[c]);
                    if (u == null && !units[c].isBlank() && !units[c].strip().equals("#") && !units[c].strip().equals("bits")) {
                        throw t.error(h + 2, "unknown unit '" + units[c].strip() + "' of column " + names[c],
                            "check the file's encoding (Gamry writes Windows-1252)");
                    }
                    t.column(names[c], u);
                }
                if (chosen.size() > 1 || b.name().matches("CURVE\\d+")) {
                    t.column("cycle", null);
                }
            } else if (!java.util.Arrays.equals(header, names)) {
                throw t.error(h + 1, "block " + b.name() + " has other columns than " + chosen.get(0).name(),
                    "read the blocks one at a time with curve = \"" + b.name() + "\"");
            }
            boolean withCycle = t.index("cycle") >= 0 && t.index("cycle") == header.length;
            String cycle = b.name().matches("CURVE\\d+") ? b.name().substring(5) : "1";
            for (int i = h + 2; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("\t")) {
                    break;
                }
                String[] row = cells(line);
                if (withCycle) {
                    row = java.util.Arrays.copyOf(row, row.length + 1);
                    row[row.length - 1] = cycle;
                }
                if (first) {
                    comma = BiologicMpt.decimalComma(row);
                    first = false;
                }
                t.row(i + 1, row, comma);
            }
        }
        if (t.rowCount() == 0) {
            throw t.error(chosen.get(0).line() + 1, "block " + chosen.get(0).name() + " has no data rows",
                "the run was stopped before its first point");
        }
        Map<String, InstrumentTable.Standard> std = new LinkedHashMap<>();
        int f = t.index("Freq");
        int re = t.index("Zreal");
        int im = t.index("Zimag");
        if (f >= 0 && re >= 0 && im >= 0) {
            std.put("freq", new InstrumentTable.Standard(f, 1, Units.parse("Hz")));
            std.put("z_re", new InstrumentTable.Standard(re, 1, Units.parse("ohm")));
            std.put("z_im", new InstrumentTable.Standard(im, 1, Units.parse("ohm")));
        }
        int time = t.index("T");
        int vf = t.index("Vf");
        int cur = t.index("Im");
        if (time >= 0) {
            std.put("time", new InstrumentTable.Standard(time, 1, Units.parse("s")));
        }
        if (vf >= 0) {
            std.put("potential", new InstrumentTable.Standard(vf, 1, Units.parse("V")));
        }
        if (cur >= 0) {
            std.put("current", new InstrumentTable.Standard(cur, 1, Units.parse("A")));
        }
        return t.build(std);
    }

    /** The cells of a tab-led table line, without the leading tab and trailing empty cells. */
    private static String[] cells(String line) {
        String s = line.startsWith("\t") ? line.substring(1) : line;
        return BiologicMpt.stripTrailingEmpty(s.split("\t", -1));
    }
}
