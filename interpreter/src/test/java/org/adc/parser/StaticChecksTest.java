package org.adc.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import org.adc.AdcLanguage;
import org.adc.launcher.Launch;
import org.adc.runtime.Diagnostic;

/** The checks of adc check that are warnings, and that molar ↔ per-particle is the same rule for user and library parameters. */
class StaticChecksTest {
    static List<Diagnostic> check(Path dir, String text) throws Exception {
        Launch.Options o = new Launch.Options(dir, null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            Source src = Source.newBuilder("adc", text, "t.adc").mimeType(AdcLanguage.CHECK_MIME_TYPE).build();
            Analysis a = ctx.eval(src).asHostObject();
            return a.diagnostics();
        }
    }

    static String run(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launch.Options o = new Launch.Options(null, null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
            ctx.eval(Source.create("adc", text));
        }
        return out.toString().strip();
    }

    @Test
    void molarArgumentsWarnForUserAndLibraryFunctionsAndConvertAtRunTime() throws Exception {
        String text = "fn rate(ea: eV, t: K) {\n    return 1e13 Hz * exp(-ea / (kB * t))\n}\n"
            + "print(rate(96 kJ/mol, 600 K) == rate((96 kJ/mol) to eV, 600 K))\n"
            + "print(arrhenius(ea = 96 kJ/mol, t = 600 K) == arrhenius(ea = (96 kJ/mol) to eV, t = 600 K))\n";
        List<Diagnostic> ds = check(null, text);
        assertEquals(2, ds.size(), ds.toString());
        for (Diagnostic d : ds) {
            assertEquals("warning", d.severity());
            assertTrue(d.message().contains("molar energy but the parameter is energy"), d.message());
            assertTrue(d.hint().contains("(96 kJ/mol) to eV"), d.hint());
        }
        assertEquals("true\ntrue", run(text));
    }

    @Test
    void aLiteralInputPathThatIsNotThereIsAWarning() throws Exception {
        Path dir = Files.createTempDirectory("adc-check-paths");
        Files.writeString(dir.resolve("barriers.csv"), "barrier [eV]\n0.3\n");
        List<Diagnostic> ds = check(dir, "let a = table(\"barriers.csv\")\nlet b = table(\"barriers_old.csv\")\n");
        assertEquals(1, ds.size(), ds.toString());
        assertEquals("warning", ds.get(0).severity());
        assertEquals(2, ds.get(0).line());
        assertEquals("no file 'barriers_old.csv' in the recipe's folder", ds.get(0).message());
    }
}
