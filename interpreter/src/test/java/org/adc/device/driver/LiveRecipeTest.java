package org.adc.device.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.adc.launcher.Launch;

/**
 * A recipe run as `adc run --live --lab lab.yaml` would run it, on the wall clock, against a fake
 * Keithley 2400 at the far end of a socat pty pair: the script's smu() is the real driver over
 * jSerialComm. Skipped without socat.
 */
class LiveRecipeTest {
    @TempDir
    Path dir;

    private static final String RECIPE = """
        let smu = smu(cell = "adc")
        log_to("adc.csv", smu, every = 1 s)
        recipe extract() {
            limit smu.current < 500 uA, "short circuit"
            smu.apply(voltage = 50 V, compliance = 1 mA)
            hold 3 s
            print("I = ${smu.current}")
        } finally {
            smu.off()
        }
        extract()
        """;

    private String run(PtyPair pty, boolean expectError) throws Exception {
        return run(pty, expectError, RECIPE);
    }

    private String run(PtyPair pty, boolean expectError, String text) throws Exception {
        Path recipe = dir.resolve("extract.adc");
        Files.writeString(recipe, text);
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "devices:\n  smu:\n    driver: keithley-2400\n    port: " + pty.driverEnd() + "\n"
            + "    limits: {max_voltage: \"100 V\", max_current: \"10 mA\"}\n    reconnect: {attempts: 0, safe_attempts: 5, delay: \"100 ms\"}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Launch.Options o = new Launch.Options(dir, dir.resolve("run"), Map.of(), List.of(), List.of(), true, false, lab, true);
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
            if (expectError) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> ctx.eval(Launch.source(recipe, "extract.adc")));
                return e.getMessage();
            }
            ctx.eval(Launch.source(recipe, "extract.adc"));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> csv() throws Exception {
        return Files.readAllLines(dir.resolve("run/adc.csv"));
    }

    @Test
    void recipeDrivesTheSmuOverSerial() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "live"); FakeKeithley fake = new FakeKeithley(pty.instrumentEnd(), n -> FakeKeithley.Fault.NONE, null)) {
            String out = run(pty, false);
            assertTrue(out.contains("I = 2 uA"), out);
            List<String> seen = fake.seen();
            assertTrue(seen.contains(":SOUR:VOLT 50.0") && seen.lastIndexOf(":OUTP OFF") > seen.indexOf(":OUTP ON"), seen.toString());
            List<String> rows = csv();
            assertEquals("t [s],smu.voltage [V],smu.current [uA],smu.charge [C]", rows.get(0));
            assertTrue(rows.size() >= 5, rows.toString());
        }
    }

    /** The recipe's own limit on a live device (40 V) applies on top of the lab file's (100 V): nothing is sent. */
    @Test
    void recipeLimitsHoldTheLiveInstrumentToo() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "livelim"); FakeKeithley fake = new FakeKeithley(pty.instrumentEnd(), n -> FakeKeithley.Fault.NONE, null)) {
            String msg = run(pty, true, RECIPE.replace("smu(cell = \"adc\")", "smu(cell = \"adc\", max_voltage = 40 V)"));
            assertTrue(msg.contains("extract.adc:5") && msg.contains("50 V is above the recipe's limit max_voltage = 40 V"), msg);
            assertTrue(fake.seen().stream().noneMatch(s -> s.startsWith(":SOUR:VOLT 50")) && !fake.outputOn(), fake.seen().toString());
        }
    }

    @Test
    void garbageReplyEndsTheRecipeInTheSafeState() throws Exception {
        try (PtyPair pty = new PtyPair(dir, "livebad");
             FakeKeithley fake = new FakeKeithley(pty.instrumentEnd(), n -> n == 2 ? FakeKeithley.Fault.GARBAGE : FakeKeithley.Fault.NONE, null)) {
            String msg = run(pty, true);
            assertTrue(msg.contains("reply '#!&%garbage' to ':READ?'"), msg);
            List<String> seen = fake.seen();
            assertTrue(seen.lastIndexOf(":OUTP OFF") > seen.indexOf(":OUTP ON"), seen.toString());
            assertTrue(csv().size() >= 2, "rows before the fault are in the CSV");
        }
    }
}
