package org.adc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

import org.adc.launcher.Launch;

/**
 * Endless recursion (issue 16 item 4): on a thread whose Java stack is too small for the 2000-call
 * limit, the StackOverflowError is caught at an adc call and reported as the same user error with
 * file:line and the call trace, exit code 1, and the context stays usable; no Java trace.
 */
class RecursionTest {
    @Test
    void javaStackOverflowBecomesTheRecursionError() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger code = new AtomicInteger(-1);
        Path runDir = Files.createTempDirectory("adc-rec");
        String script = "fn down(n) {\n    return down(n + 1) + 1\n}\nprint(down(0))\n";
        Thread t = new Thread(null, () -> {
            Launch.Options o = new Launch.Options(runDir, runDir, Map.of(), List.of(), List.of());
            try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
                try {
                    ctx.eval(Source.newBuilder("adc", script, "rec.adc").buildLiteral());
                    code.set(0);
                } catch (PolyglotException e) {
                    code.set(Launch.report(e, new PrintStream(out, true, StandardCharsets.UTF_8)));
                }
                // the context survives: the next evaluation runs
                ctx.eval(Source.newBuilder("adc", "print(\"after\", 1 + 1)", "next.adc").buildLiteral());
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code.get(), text);
        assertTrue(text.contains("rec.adc:2:12: error: recursion too deep: the stack overflowed (calling down())"), text);
        assertTrue(text.contains("called from down at rec.adc:2:12") && text.contains("more times]")
            && text.contains("called from script at rec.adc:4:7"), text);
        assertTrue(text.contains("after 2"), text);
        assertFalse(text.contains("repeated 1998 more times"), "the Java stack overflowed before the 2000-call limit: " + text);
        assertFalse(text.contains("StackOverflowError") || text.contains("\tat "), text);
    }
}
