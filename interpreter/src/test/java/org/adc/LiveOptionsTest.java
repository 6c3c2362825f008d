package org.adc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.adc.launcher.Launch;
import org.adc.launcher.Main;

/** adc run --lab FILE --live: checked at start; a live run reaches the configured drivers; without --live everything is a twin. */
class LiveOptionsTest {
    @TempDir
    Path dir;

    private Path recipe() throws Exception {
        Path r = dir.resolve("r.adc");
        Files.writeString(r, "let meter = smu(cell = \"resistor\", ohms = 1 MΩ)\nmeter.apply(voltage = 5 V, compliance = 1 mA)\nhold 2 s\n"
            + "print(\"I = ${meter.current}\")\n");
        return r;
    }

    private Path lab(String driver, String port) throws Exception {
        Path l = dir.resolve("lab.yaml");
        Files.writeString(l, "devices:\n  smu:\n    driver: " + driver + "\n    port: " + port + "\n    reconnect: {attempts: 0, safe_attempts: 0}\n");
        return l;
    }

    @Test
    void liveNeedsALabFileAndGoodEntries() throws Exception {
        String r = recipe().toString();
        assertEquals(Launch.USAGE_ERROR, Main.execute("run", "--live", "--run-dir", dir.resolve("a").toString(), r));
        assertEquals(Launch.USAGE_ERROR, Main.execute("run", "--live", "--lab", lab("keithley-2401", "/dev/null").toString(), r));
        assertEquals(Launch.USAGE_ERROR, Main.execute("run", "--live", "--lab", lab("keithley-2400", "/dev/ttyNOPE7").toString(), r));
    }

    @Test
    void labFileWithoutLiveRunsOnTheTwins() throws Exception {
        assertEquals(Launch.OK, Main.execute("run", "--lab", lab("keithley-2400", "/dev/ttyNOPE7").toString(), "--run-dir",
            dir.resolve("b").toString(), recipe().toString()));
    }

    @Test
    void liveRunUsesTheConfiguredDriver() throws Exception {
        Path r = recipe();
        Path l = lab("keithley-2400", dir.resolve("no-such-port").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launch.Options o = new Launch.Options(dir, dir.resolve("c"), Map.of(), List.of(), List.of(), true, false, l, true);
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> ctx.eval(Launch.source(r, "r.adc")));
            assertTrue(e.getMessage().contains("smu: cannot connect on " + dir.resolve("no-such-port")), e.getMessage());
        }
    }
}
