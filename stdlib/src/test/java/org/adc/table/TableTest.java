package org.adc.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;

class TableTest {
    static final String TABLE1 = """
        # Seed 000, Table 1: Na migration barriers in Na24Si136
        defect site,path,barrier [eV]
        none,Si28-Si28,2.29
        none,Si28-Si20,0.903
        none,Si20-Si20,3.04
        Si site 1 (96g),Si28-Si28,0.604
        Si site 1 (96g),Si28-Si20 path A,0.396
        Si site 1 (96g),Si28-Si20 path B,0.457
        Si site 1 (96g),Si20-Si20,0.320
        Si site 2 (32e),Si28-Si20,0.832
        Si site 2 (32e),Si20-Si20,0.553
        Si site 3 (8a),Si20-Si20,0.272
        """;

    static Table read(String csv) {
        return CsvReader.read("t.csv", new BufferedReader(new StringReader(csv)));
    }

    static AdcError readError(String csv) {
        return assertThrows(AdcError.class, () -> read(csv));
    }

    @Test
    void readsTable1WithUnits() {
        Table t = read(TABLE1);
        assertEquals(10, t.size());
        assertEquals("defect_site", t.columns().get(0).name());
        assertEquals("eV", t.columns().get(2).unit().symbol());
        assertEquals("barrier [eV]", t.columns().get(2).label());
        Record r = t.rows().get(1);
        assertEquals("none", r.member("defect_site"));
        assertEquals("Si28-Si20", r.member("path"));
        assertEquals(Quantity.of(0.903, "eV"), r.member("barrier"));
        assertEquals("0.903 eV", r.member("barrier").toString());
        assertEquals("Si site 1 (96g)", t.rows().get(3).member("defect_site"));
    }

    @Test
    void cellTypes() {
        Table t = read("a,b,c,d,e,f [degC]\n1,2.5,x,true,0.41 S/cm,450\n\"7\",-3e2,,false,5 degC/min,\n");
        Record r = t.rows().get(0);
        assertEquals(1L, r.member("a"));
        assertEquals(2.5, r.member("b"));
        assertEquals("x", r.member("c"));
        assertEquals(Boolean.TRUE, r.member("d"));
        assertEquals(Quantity.of(0.41, "S/cm"), r.member("e"));
        Quantity temp = (Quantity) r.member("f");
        assertTrue(temp.isAbsoluteTemperature());
        assertEquals(723.15, temp.si(), 1e-9);
        Record r2 = t.rows().get(1);
        assertEquals("7", r2.member("a"));
        assertEquals(-300.0, r2.member("b"));
        assertEquals(None.INSTANCE, r2.member("c"));
        assertEquals(None.INSTANCE, r2.member("f"));
        assertEquals("degC/min", ((Quantity) r2.member("e")).unit().symbol());
    }

    @Test
    void quotedFieldsWithCommasQuotesAndNewlines() {
        Table t = read("name,note\n\"Na2(NH2)(BH4), cubic\",\"say \"\"hi\"\"\"\nx,\"two\nlines\"\n");
        assertEquals("Na2(NH2)(BH4), cubic", t.rows().get(0).member("name"));
        assertEquals("say \"hi\"", t.rows().get(0).member("note"));
        assertEquals("two\nlines", t.rows().get(1).member("note"));
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        Table t = read("# head comment\n\nx [K]\n  # indented comment\n300\n\n400\n");
        assertEquals(2, t.size());
    }

    /** Issue 14 item 9: one policy for nan, inf and overflow in every column; one unit per header cell. */
    @Test
    void nonFiniteNumbersAreRefusedUnlessTheColumnAllowsThem() {
        String[][] bad = {
            {"x [eV]\n1e400\n", "t.csv:2:1: '1e400' is beyond the float range (about ±1.8e308) in column x [eV]"},
            {"x [eV]\ninf\n", "t.csv:2:1: 'inf' is not a finite number in column x [eV]"},
            {"x [eV]\nNaN\n", "t.csv:2:1: 'NaN' is not a finite number in column x [eV]"},
            {"a,x\n1,-1e999\n", "t.csv:2:3: '-1e999' is beyond the float range"},
            {"a,x\n1,-Infinity\n", "t.csv:2:3: '-Infinity' is not a finite number in column x"},
            {"a,x\n1,nan\n", "t.csv:2:3: 'nan' is not a finite number"},
            {"a,x\n1,1e400 eV\n", "t.csv:2:3: '1e400' is beyond the float range"},
            {"a,x\n1,99999999999999999999e300\n", "is beyond the float range"},
        };
        for (String[] c : bad) {
            AdcError e = readError(c[0]);
            assertTrue(e.getMessage().startsWith(c[1]) || e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.hint().contains("non_finite"), e.hint());
        }
        Table t = CsvReader.read("t.csv", new BufferedReader(new StringReader("a,x [eV],y\n1,nan,inf\n2,1e400,-inf\n")), ',', false,
            java.util.Set.of("x", "y"));
        assertTrue(Double.isNaN(((Quantity) t.rows().get(0).member("x")).value()));
        assertEquals(Double.POSITIVE_INFINITY, ((Quantity) t.rows().get(1).member("x")).value());
        assertEquals(Double.POSITIVE_INFINITY, (Double) t.rows().get(0).member("y"));
        assertEquals(Double.NEGATIVE_INFINITY, (Double) t.rows().get(1).member("y"));
        Table all = CsvReader.read("t.csv", new BufferedReader(new StringReader("x\nnan\n")), ',', false, java.util.Set.of("*"));
        assertTrue(Double.isNaN((Double) all.rows().get(0).member("x")));
        // quoted text stays text
        assertEquals("inf", read("x\n\"inf\"\n").rows().get(0).member("x"));
    }

    @Test
    void aHeaderCellHasOneUnit() {
        AdcError e = readError("x [eV] [meV]\n1\n");
        assertTrue(e.getMessage().startsWith("t.csv:1:1: header cell 'x [eV] [meV]' gives more than one unit"), e.getMessage());
        assertTrue(e.hint().contains("x [meV]"), e.hint());
    }

    @Test
    void errorsNameFileLineAndColumn() {
        AdcError cells = readError("a,b,c\n1,2,3\n4,5,6,7\n");
        assertEquals("t.csv:3:7: row 2 has 4 cells, header has 3", cells.getMessage());
        AdcError few = readError("a,b,c\n1,2\n");
        assertTrue(few.getMessage().startsWith("t.csv:2:"), few.getMessage());
        assertTrue(few.getMessage().contains("row 1 has 2 cells, header has 3"), few.getMessage());
        AdcError num = readError("path,barrier [eV]\nA,0.9\nB,0.9x\n");
        assertEquals("t.csv:3:3: cannot read '0.9x' as a number in column barrier [eV]", num.getMessage());
        AdcError unit = readError("path,barrier [eVV]\n");
        assertEquals("t.csv:1:15: unknown unit 'eVV' in header cell 'barrier [eVV]'", unit.getMessage());
        assertTrue(unit.hint() != null);
        AdcError quote = readError("a,b\n\"open,1\n");
        assertTrue(quote.getMessage().contains("t.csv:2:1: unclosed quote"), quote.getMessage());
        assertTrue(readError("").getMessage().contains("empty CSV"));
        assertTrue(readError("a,a\n").getMessage().contains("duplicate column name 'a'"));
        assertTrue(readError("a,\n1,2\n").getMessage().contains("empty column name"));
        assertTrue(readError("a [eV\n").getMessage().contains("unbalanced"));
    }

    @Test
    void whereSortSelectWithColumn() {
        Table t = read(TABLE1);
        Table none = t.where(r -> "none".equals(r.member("defect_site")));
        assertEquals(3, none.size());
        Table sorted = t.sortBy("barrier", false);
        assertEquals(0.272, ((Quantity) sorted.rows().get(0).member("barrier")).value(), 1e-12);
        assertEquals(3.04, ((Quantity) t.sortBy("barrier", true).rows().get(0).member("barrier")).value(), 1e-12);
        Table sel = t.select(List.of("path", "barrier"));
        assertEquals(2, sel.columns().size());
        Table meV = t.withColumn("b_meV", r -> ((Quantity) r.member("barrier")).to(org.adc.units.Units.parse("meV")));
        assertEquals("meV", meV.columnNamed("b_meV").unit().symbol());
        assertEquals(4, meV.columns().size());
        assertThrows(AdcError.class, () -> t.values("nope"));
        AdcError mixed = assertThrows(AdcError.class, () -> read("x\n1\nabc\n").sortBy("x", false));
        assertTrue(mixed.getMessage().contains("mixes"));
    }

    @Test
    void formatAlignsWithUnitsInHeader() {
        Table t = read("path,barrier [eV],T [degC]\nSi28-Si20,0.903,450\nSi20-Si20 (8a),0.272,\n");
        String expected = """
            path            barrier [eV]  T [degC]
            --------------  ------------  --------
            Si28-Si20              0.903       450
            Si20-Si20 (8a)         0.272
            """;
        assertEquals(expected, t.format());
        assertEquals(expected.stripTrailing(), t.toString());
    }

    @Test
    void formatConvertsQuantitiesToTheColumnUnit() {
        List<Record> recs = new ArrayList<>();
        recs.add(new Record(Map.of("e", Quantity.of(0.5, "eV"))));
        recs.add(new Record(Map.of("e", Quantity.of(62.18, "meV"))));
        Table t = Table.fromRecords(recs, List.of());
        assertEquals(" e [eV]\n-------\n    0.5\n0.06218\n", t.format());
    }

    @Test
    void csvRoundTrip() {
        Table t = read("site,path,barrier [eV],T [degC],n,x,note\nnone,\"A, B\",0.903,450,3,1.0,\"42\"\n");
        StringWriter w = new StringWriter();
        CsvWriter.write(t, w, "out.csv");
        String csv = w.toString();
        assertTrue(csv.startsWith("site,path,barrier [eV],T [degC],n,x,note\n"), csv);
        Table back = read(csv);
        assertEquals(t.rows(), back.rows());
        assertEquals(t.columns(), back.columns());
    }

    @Test
    void identifiers() {
        assertEquals("defect_site", CsvReader.identifier("defect site"));
        assertEquals("dG_m", CsvReader.identifier(" dG-m "));
        assertEquals("_2theta", CsvReader.identifier("2theta"));
        assertInstanceOf(String.class, CsvReader.identifier("ΔG"));
        assertEquals("ΔG", CsvReader.identifier("ΔG"));
    }

    @Test
    void instrumentExportWithTabsAndSlashUnits() {
        String txt = "mode\ttime/s\tEwe/V\t<I>/mA\tNa/Al ratio\t(Q-Qo)/mA.h\n"
            + "1\t0.5\t1.234\t-0.05\t0.01\t0\n"
            + "1\t1.5\t1.240\t-0.04\t0.02\t1e-3\n";
        Table t = CsvReader.read("cv.txt", new BufferedReader(new StringReader(txt)), '\t', true);
        assertEquals(List.of("mode", "time", "Ewe", "I", "Na_Al_ratio", "Q_Qo_mA_h"),
            t.columns().stream().map(Column::name).toList());
        assertEquals(Quantity.of(1.234, "V"), t.rows().get(0).member("Ewe"));
        assertEquals(Quantity.of(-0.04, "mA"), t.rows().get(1).member("I"));
        assertEquals(Quantity.of(1.5, "s"), t.rows().get(1).member("time"));
        assertEquals(0.01, t.rows().get(0).member("Na_Al_ratio"));
        // without slash units the names keep the slash part
        Table plain = CsvReader.read("cv.txt", new BufferedReader(new StringReader(txt)), '\t', false);
        assertEquals("time_s", plain.columns().get(1).name());
        Table semi = CsvReader.read("s.csv", new BufferedReader(new StringReader("a;b [K]\n\"x;y\";300\n")), ';', false);
        assertEquals("x;y", semi.rows().get(0).member("a"));
        assertEquals(Quantity.of(300, "K"), semi.rows().get(0).member("b"));
    }

    @Test
    void formatWithSignificantDigits() {
        Table t = read("path,rate [Hz],ratio\nA,5091091.41,0.000040034\nB,1.2716e11,1.0\n");
        String three = t.format(3);
        assertTrue(three.contains("A        5.09e6"), three);
        assertTrue(three.contains("1.27e11"), three);
        assertTrue(three.contains("4e-5"), three);
        assertTrue(t.format().contains("5.09109e6"), t.format());
        assertEquals("0.123", TextTable.cell(0.123456, null, 3));
        assertEquals("0.12 eV", TextTable.cell(Quantity.of(0.1234, "eV"), null, 2));
        assertEquals("123", TextTable.cell(123.4, null, 3));
        assertEquals("7", TextTable.cell(7L, null, 3));
    }
}
