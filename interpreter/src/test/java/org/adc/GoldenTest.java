package org.adc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.adc.launcher.Launch;

/**
 * Golden-file tests: every {@code X.adc} under {@code interpreter/src/test/adc} and under
 * {@code examples/} runs as {@code adc run} would run it, and its standard output followed by its
 * error output (and "[exit N]" for a non-zero exit code) must equal {@code X.output}. An output
 * file without its script, or a script without its output file, fails the run.
 * Set ADC_GOLDEN_UPDATE=1 to write the outputs instead (then review the diff).
 */
class GoldenTest {
    static final Path ROOT = Path.of(System.getProperty("adc.root", "..")).toAbsolutePath().normalize();
    static final List<Path> DIRS = List.of(ROOT.resolve("interpreter/src/test/adc"), ROOT.resolve("examples"));

    static List<Path> files(String ext) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path d : DIRS) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(p -> p.toString().endsWith(ext) && !p.toString().contains("/runs/")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    void noOrphans() throws IOException {
        List<String> orphans = new ArrayList<>();
        for (Path o : files(".output")) {
            Path script = Path.of(o.toString().replaceFirst("\\.output$", ".adc"));
            if (!Files.exists(script)) {
                orphans.add("output without script: " + ROOT.relativize(o));
            }
        }
        for (Path a : files(".adc")) {
            Path out = Path.of(a.toString().replaceFirst("\\.adc$", ".output"));
            if (!Files.exists(out)) {
                orphans.add("script without expected output: " + ROOT.relativize(a));
            }
        }
        assertTrue(orphans.isEmpty(), String.join("\n", orphans));
    }

    @TestFactory
    Stream<DynamicTest> golden() throws IOException {
        return files(".adc").stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> check(p)));
    }

    /** Runs a script the way `adc run` does, from the repository root, and returns what the user would see. */
    static String run(Path script, Map<String, String> params) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path runDir = Files.createTempDirectory("adc-run");
        String display = ROOT.relativize(script).toString();
        Launch.Options o = new Launch.Options(script.getParent(), runDir, params, List.of(), List.of());
        int code;
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), out, out)) {
            ctx.eval(Launch.source(script, display));
            code = 0;
        } catch (PolyglotException e) {
            java.io.PrintStream ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
            code = Launch.report(e, ps);
        }
        deleteTree(runDir);
        String text = out.toString(StandardCharsets.UTF_8);
        if (code != 0) {
            text += "[exit " + code + "]\n";
        }
        return text;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Programs a folder's recipes start (a {@code REQUIRES} file in the folder: one program per line, # comments),
     * missing from the PATH here; the folder's golden tests are skipped with a message naming them.
     */
    static List<String> missingPrograms(Path script) throws IOException {
        Path req = script.getParent().resolve("REQUIRES");
        List<String> missing = new ArrayList<>();
        if (!Files.exists(req)) {
            return missing;
        }
        for (String line : Files.readAllLines(req)) {
            String prog = line.strip();
            if (prog.isEmpty() || prog.startsWith("#")) {
                continue;
            }
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, prog));
            }
            if (!found) {
                missing.add(prog);
            }
        }
        return missing;
    }

    private static void check(Path script) throws IOException {
        List<String> missing = missingPrograms(script);
        org.junit.jupiter.api.Assumptions.assumeTrue(missing.isEmpty(),
            ROOT.relativize(script) + " skipped: it runs " + missing + ", not installed here (.ci/run installs it)");
        String actual = run(script, Map.of());
        Path expectedFile = Path.of(script.toString().replaceFirst("\\.adc$", ".output"));
        if ("1".equals(System.getenv("ADC_GOLDEN_UPDATE"))) {
            Files.writeString(expectedFile, actual);
            return;
        }
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "(no .output file)";
        assertEquals(expected, actual, "output of " + ROOT.relativize(script));
    }
}
