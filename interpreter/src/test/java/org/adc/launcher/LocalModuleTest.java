package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local modules through the whole toolchain: run (run.json hashes), check, pack and a run of the bundle elsewhere. */
class LocalModuleTest {
    @TempDir
    Path tmp;

    static final String PROFILES = """
        # the lab's furnace profiles
        import "span.adc" as sp
        let standard_ramp = 5 degC/min
        fn anneal_time(start: K, stop: K, rate = standard_ramp) {
            return sp.span(start, stop) / rate
        }
        """;
    static final String SPAN = "fn span(a: K, b: K) {\n    return if b > a { b - a } else { a - b }\n}\n";
    static final String RECIPE = """
        import "lib/profiles.adc" as p
        print(p.anneal_time(25 degC, 450 degC) to h)
        """;

    private Path recipe() throws IOException {
        Path src = tmp.resolve("src");
        Cli.write(src.resolve("lib"), "profiles.adc", PROFILES);
        Cli.write(src.resolve("lib"), "span.adc", SPAN);
        return Cli.write(src, "anneal.adc", RECIPE);
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void aRunRecordsEveryModuleWithItsHash() throws Exception {
        Path r = recipe();
        Cli c = Cli.run("run", r.toString(), "--run-dir", tmp.resolve("run").toString());
        assertEquals(0, c.code, c.toString());
        assertEquals("1.41667 h", c.out.strip());
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("run/run.json").toFile());
        String inputs = j.path("inputs").toString();
        assertTrue(inputs.contains("\"lib/profiles.adc\"") && inputs.contains("\"lib/span.adc\""), inputs);
        for (JsonNode in : j.path("inputs")) {
            assertEquals(sha(Path.of(in.path("resolved").asText())), in.path("sha256").asText());
        }
        assertEquals(0, Cli.run("check", r.toString()).code);
    }

    @Test
    void packBundlesTheModulesAndTheBundleRunsElsewhere() throws Exception {
        Path r = recipe();
        Path bundle = tmp.resolve("anneal.adcz");
        Cli p = Cli.run("pack", r.toString(), "-o", bundle.toString());
        assertEquals(0, p.code, p.toString());
        assertTrue(p.out.contains("module  lib/profiles.adc") && p.out.contains("module  lib/span.adc"), p.out);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path copy = Files.copy(bundle, elsewhere.resolve("anneal.adcz"));
        Cli c = Cli.run("run", copy.toString(), "--run-dir", elsewhere.resolve("run").toString());
        assertEquals(0, c.code, c.toString());
        assertEquals("1.41667 h", c.out.strip());
    }

    @Test
    void aModuleOutsideTheRecipesFolderIsRefusedByTheSandbox() throws Exception {
        Cli.write(tmp, "outside.adc", "let x = 1\n");
        Path r = Cli.write(tmp.resolve("inner"), "r.adc", "import \"../outside.adc\" as o\nprint(o.x)\n");
        Cli c = Cli.run("check", r.toString());
        assertEquals(3, c.code, c.toString());
        assertTrue(c.err.contains("is outside the recipe's folder"), c.err);
    }
}
