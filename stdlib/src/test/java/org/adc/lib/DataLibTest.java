package org.adc.lib;

import static org.adc.lib.Call.callIn;
import static org.adc.lib.Call.method;
import static org.adc.lib.Call.n;
import static org.adc.lib.Call.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.adc.lang.AdcError;
import org.adc.lang.AdcList;
import org.adc.lang.Callable;
import org.adc.lang.Env;
import org.adc.lang.Module;
import org.adc.lang.None;
import org.adc.lang.Record;
import org.adc.table.Table;
import org.adc.units.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLibTest {
    private final Module d = DataLib.module();

    @TempDir
    Path dir;

    private static final String TABLE1 = """
        # Seed 000 (Iwasaki et al., Adv. Mater. 2022), Table 1
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

    private Env env() throws Exception {
        Files.writeString(dir.resolve("table1.csv"), TABLE1, StandardCharsets.UTF_8);
        return Call.env(dir);
    }

    /** A script lambda stand-in. */
    private static Callable fn(java.util.function.Function<Object, Object> f) {
        return new Callable() {
            @Override
            public Object call(Object... args) {
                return f.apply(args[0]);
            }

            @Override
            public String name() {
                return "lambda";
            }
        };
    }

    @Test
    void readTableThroughEnv() throws Exception {
        Table t = (Table) callIn(env(), d, "table", "table1.csv");
        assertEquals(10L, t.member("len"));
        assertEquals(AdcList.of("defect_site", "path", "barrier"), t.member("columns"));
        AdcList barriers = (AdcList) method(env(), t, "column", "barrier");
        assertEquals(q(0.903, "eV"), barriers.get(1));
        int count = 0;
        for (Object row : t) {
            assertTrue(row instanceof Record);
            count++;
        }
        assertEquals(10, count);
    }

    @Test
    void missingFileIsAUserError() throws Exception {
        AdcError e = assertThrows(AdcError.class, () -> callIn(env(), d, "table", "nope.csv"));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    }

    @Test
    void rateTableForTheMainExample() throws Exception {
        Env env = env();
        Table t = (Table) callIn(env, d, "table", "table1.csv");
        Module k = KineticsLib.module();
        Table rates = (Table) method(env, t, "with_column", "rate", fn(r -> Call.call(k, "arrhenius",
            n("ea", ((Record) r).member("barrier")), n("t", q(450, "degC")))));
        Table fastest = (Table) method(env, rates, "sort_by", "rate", n("descending", true));
        Record top = (Record) method(env, fastest, "row", 0L);
        assertEquals("Si20-Si20", top.member("path"));
        assertEquals("Si site 3 (8a)", top.member("defect_site"));
        Table noVacancy = (Table) method(env, rates, "where", fn(r -> "none".equals(((Record) r).member("defect_site"))));
        Record best = (Record) method(env, (Table) method(env, noVacancy, "sort_by", "barrier"), "row", 0L);
        assertEquals("Si28-Si20", best.member("path"));
        String text = rates.format();
        assertTrue(text.startsWith("defect_site      path              barrier [eV]   rate [Hz]\n"), text);
        assertTrue(text.contains("5.09109e6"), text);
    }

    @Test
    void printAndFormatListsOfRecords() throws Exception {
        Env env = env();
        AdcList rows = new AdcList();
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("path", "Si28-Si20");
        a.put("rate", q(5.09e6, "Hz"));
        rows.add(new Record(a));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("path", "Si20-Si20");
        b.put("rate", q(1.27, "GHz"));
        rows.add(new Record(b));
        String s = (String) callIn(env, d, "format_table", rows);
        assertEquals("path       rate [Hz]\n---------  ---------\nSi28-Si20     5.09e6\nSi20-Si20     1.27e9", s);
        assertEquals(None.INSTANCE, callIn(env, d, "print_table", rows, "rate"));
        assertEquals("rate [Hz]\n---------\n   5.09e6\n   1.27e9\n", Call.out());
        AdcError e = assertThrows(AdcError.class, () -> callIn(env, d, "format_table", rows, "nope"));
        assertTrue(e.getMessage().contains("no column 'nope'"));
        assertThrows(AdcError.class, () -> callIn(env, d, "format_table", AdcList.of(1L, 2L)));
    }

    @Test
    void writeCsvAndReadBack() throws Exception {
        Env env = env();
        Table t = (Table) callIn(env, d, "table", "table1.csv");
        callIn(env, d, "write_csv", t, "out/copy.csv");
        String text = Files.readString(dir.resolve("out/copy.csv"));
        assertTrue(text.startsWith("defect_site,path,barrier [eV]\nnone,Si28-Si28,2.29\n"), text);
        Table back = (Table) callIn(env, d, "table", "out/copy.csv");
        assertEquals(t.rows(), back.rows());
        method(env, t, "write_csv", "again.csv");
        assertEquals(text, Files.readString(dir.resolve("again.csv")));
    }

    @Test
    void tableFromRecords() throws Exception {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("T", q(300, "K"));
        a.put("rate", q(1, "Hz"));
        Table t = (Table) callIn(env(), d, "table", AdcList.of(new Record(a)));
        assertEquals("T [K]  rate [Hz]\n-----  ---------\n  300          1", t.toString());
        Quantity r = (Quantity) ((Record) t.rows().get(0)).member("rate");
        assertEquals(1.0, r.si());
    }

    @Test
    void tableOptions() throws Exception {
        Env env = env();
        Files.writeString(dir.resolve("cv.txt"), "time/s\tEwe/V\n0\t1.5\n10\t1.4\n", StandardCharsets.UTF_8);
        Table t = (Table) callIn(env, d, "table", "cv.txt", n("sep", "tab"), n("slash_units", true));
        assertEquals(AdcList.of("time", "Ewe"), t.member("columns"));
        assertEquals(q(1.4, "V"), ((Record) t.rows().get(1)).member("Ewe"));
        AdcError e = assertThrows(AdcError.class, () -> callIn(env, d, "table", "cv.txt", n("sep", "ab")));
        assertTrue(e.getMessage().contains("sep must be one character"), e.getMessage());
    }

    @Test
    void tableMembersAsTheInterpreterCallsThem() throws Exception {
        Env env = env();
        Table t = (Table) callIn(env, d, "table", "table1.csv");
        org.adc.lang.AdcMap units = (org.adc.lang.AdcMap) t.member("units");
        assertEquals("eV", units.get("barrier"));
        assertEquals(None.INSTANCE, units.get("path"));
        assertEquals("Si20-Si20", ((Record) method(env, t, "row", -1L)).member("path"));
        assertThrows(AdcError.class, () -> method(env, t, "row", 10L));
        Table two = (Table) method(env, t, "select", "path", "barrier");
        assertEquals(AdcList.of("path", "barrier"), two.member("columns"));
        AdcList tags = new AdcList();
        for (int i = 0; i < 10; i++) {
            tags.add((long) i);
        }
        Table tagged = (Table) method(env, t, "with_column", "k", tags);
        assertEquals(9L, ((Record) method(env, tagged, "row", -1L)).member("k"));
        assertThrows(AdcError.class, () -> method(env, t, "with_column", "k", AdcList.of(1L)));
        Table replaced = (Table) method(env, t, "with_column", "barrier", fn(r -> ((Quantity) ((Record) r).member("barrier")).scale(2)));
        assertEquals(3, ((AdcList) replaced.member("columns")).size());
        assertEquals(1.806, ((Quantity) ((Record) method(env, replaced, "row", 1L)).member("barrier")).value(), 1e-12);
        AdcList mapped = (AdcList) method(env, t, "map", fn(r -> ((Record) r).member("path")));
        assertEquals("Si28-Si28", mapped.get(0));
        Table filtered = (Table) method(env, t, "filter", fn(r -> ((Quantity) ((Record) r).member("barrier")).si() < 0.5 * 1.602176634e-19));
        assertEquals(4L, filtered.member("len"));
        assertTrue(((String) method(env, t, "format")).startsWith("defect_site"));
        assertTrue(t.memberNames().containsAll(java.util.List.of("rows", "where", "sort_by", "write_csv")));
        assertEquals("table", t.typeName());
        AdcError noCol = assertThrows(AdcError.class, () -> method(env, t, "sort_by", "nope"));
        assertTrue(noCol.hint().contains("defect_site, path, barrier"), noCol.hint());
    }
}
