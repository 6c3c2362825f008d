package org.adc.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.adc.AdcLanguage;
import org.adc.launcher.Launch;
import org.adc.runtime.Diagnostic;

/**
 * {@code adc check} keeps the docs' promise on every script we ship: every example checks without
 * errors (warnings allowed), and every error golden whose run ends with a syntax or check error
 * (exit 3) is caught by the checker with the same first message, while one that fails only at run
 * time (exit 1) checks without errors.
 */
class CheckAllTest {
    static final Path ROOT = Path.of(System.getProperty("adc.root", "..")).toAbsolutePath().normalize();

    static Analysis check(Path script) throws IOException {
        Launch.Options o = new Launch.Options(script.getParent(), null, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            Source src = Source.newBuilder("adc", Files.readString(script), ROOT.relativize(script).toString())
                .mimeType(AdcLanguage.CHECK_MIME_TYPE).build();
            return ctx.eval(src).asHostObject();
        }
    }

    static List<Path> scripts(String dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
            s.filter(p -> p.toString().endsWith(".adc") && !p.toString().contains("/runs/")).sorted().forEach(out::add);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleChecks() throws IOException {
        List<Path> all = new ArrayList<>(scripts("examples"));
        all.addAll(scripts("interpreter/src/test/adc/modules"));
        return all.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> {
            List<Diagnostic> errors = check(p).diagnostics().stream().filter(d -> d.severity().equals("error")).toList();
            assertEquals(List.of(), errors.stream().map(Diagnostic::toString).toList());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyErrorGoldenChecksAsItRuns() throws IOException {
        return scripts("interpreter/src/test/adc/error").stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> {
            String expected = Files.readString(Path.of(p.toString().replaceFirst("\\.adc$", ".output")));
            Analysis a = check(p);
            List<Diagnostic> errors = a.diagnostics().stream().filter(d -> d.severity().equals("error")).toList();
            if (expected.contains("[exit 3]")) {
                assertFalse(errors.isEmpty(), "adc check misses what adc run reports:\n" + expected);
                String first = errors.get(0).toString().lines().findFirst().orElse("");
                assertTrue(expected.contains(first), "first check error\n" + first + "\nis not in the golden output\n" + expected);
            } else {
                assertEquals(List.of(), errors.stream().map(Diagnostic::toString).toList(), "a run-time golden must check");
            }
        }));
    }
}
