package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.TruffleLanguage;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.adc.AdcContext;

/**
 * Sharing recipes is safe: a recipe reads only below its own folder, writes only into its run
 * directory, unless the user passes --allow-read / --allow-write; symbolic links cannot lead out;
 * the context has no host classes, processes, threads, native code, sockets or environment.
 */
class SandboxTest {
    @TempDir
    Path tmp;
    Path recipes;
    Path run;
    Path elsewhere;

    @BeforeEach
    void files() throws IOException {
        recipes = Files.createDirectories(tmp.resolve("recipes"));
        run = tmp.resolve("run");
        elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        String csv = "sample,barrier [eV]\nA,0.3\nB,0.9\n";
        Files.writeString(tmp.resolve("outside.csv"), csv);
        Files.writeString(elsewhere.resolve("data.csv"), csv);
        Files.writeString(recipes.resolve("inside.csv"), csv);
        Files.createDirectories(recipes.resolve("data"));
        Files.writeString(recipes.resolve("data/nested.csv"), csv);
    }

    private String recipe(String name, String text) throws IOException {
        return Cli.write(recipes, name, text).toString();
    }

    private static String reads(String path) {
        return "let rows = table(\"" + path + "\")\nprint(len(rows), \"rows\")\n";
    }

    @Test
    void readsBelowTheRecipeFolder() throws IOException {
        Cli r = Cli.run("run", recipe("ok.adc", reads("inside.csv") + reads("data/nested.csv").replace("let rows", "let rows2").replace("(rows)", "(rows2)")),
            "--run-dir", run.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("2 rows\n2 rows\n", r.out);
    }

    @Test
    void parentFolderIsRefused() throws IOException {
        String f = recipe("up.adc", reads("../outside.csv"));
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains(f + ":1:12: error: reading '../outside.csv' is not allowed: "), r.err);
        assertTrue(r.err.contains("is outside the recipe's folder"), r.err);
        assertTrue(r.err.contains("hint: a recipe reads files only below its own folder; run with --allow-read PATH"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void absolutePathOutsideIsRefusedUnlessAllowed() throws IOException {
        Path data = elsewhere.resolve("data.csv").toAbsolutePath();
        String f = recipe("abs.adc", reads(data.toString()));
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("reading '" + data + "' is not allowed"), r.err);
        assertTrue(r.err.contains("--allow-read"), r.err);

        r = Cli.run("run", f, "--run-dir", run.toString(), "--allow-read", elsewhere.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("2 rows\n", r.out);
        // allowing one folder does not allow its parent
        r = Cli.run("run", recipe("up.adc", reads("../outside.csv")), "--run-dir", run.toString(), "--allow-read", elsewhere.toString());
        assertEquals(1, r.code, r.toString());
        r = Cli.run("run", recipe("up.adc", reads("../outside.csv")), "--run-dir", run.toString(), "--allow-read", tmp.toString());
        assertEquals(0, r.code, r.toString());
    }

    @Test
    void symlinkLeadingOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(recipes.resolve("link.csv"), tmp.resolve("outside.csv"));
        Files.createSymbolicLink(recipes.resolve("linkdir"), elsewhere);
        String f = recipe("link.adc", reads("link.csv"));
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("(a link to " + tmp.resolve("outside.csv").toRealPath() + ") is outside the recipe's folder"), r.err);
        r = Cli.run("run", recipe("linkdir.adc", reads("linkdir/data.csv")), "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("is not allowed"), r.err);
        // a link that stays inside is fine
        Files.createSymbolicLink(recipes.resolve("alias.csv"), recipes.resolve("inside.csv"));
        r = Cli.run("run", recipe("alias.adc", reads("alias.csv")), "--run-dir", run.toString());
        assertEquals(0, r.code, r.toString());
    }

    @Test
    void writesLandInTheRunDirectory() throws IOException {
        String f = recipe("w.adc", "let rows = table(\"inside.csv\")\nwrite_csv(rows, \"x.csv\")\nwrite_csv(rows, \"sub/y.csv\")\nprint(\"done\")\n");
        Cli r = Cli.run("run", f, "--run-dir", run.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(Files.isRegularFile(run.resolve("x.csv")));
        assertTrue(Files.isRegularFile(run.resolve("sub/y.csv")));
        assertTrue(Files.readString(run.resolve("x.csv")).startsWith("sample,barrier [eV]"));
        assertFalse(Files.exists(recipes.resolve("x.csv")), "nothing is written next to the recipe");
    }

    @Test
    void plotsLandInTheRunDirectoryAndNowhereElse() throws IOException {
        String f = recipe("p.adc", "import plot\nprint(plot.neb([0 eV, 0.2 eV, 0.1 eV], \"figs/neb\"))\n");
        Cli r = Cli.run("run", f, "--run-dir", run.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("[\"figs/neb.png\", \"figs/neb.svg\"]\n", r.out);
        assertTrue(Files.size(run.resolve("figs/neb.png")) > 1000);
        assertTrue(Files.readString(run.resolve("figs/neb.svg")).contains("Energy relative to image 0 (eV)"));
        assertTrue(Files.readString(run.resolve("run.json")).contains("figs/neb.png"), "the PNG is recorded in run.json");
        Path target = elsewhere.resolve("neb.png").toAbsolutePath();
        String g = recipe("p2.adc", "import plot\nplot.neb([0 eV, 0.2 eV, 0.1 eV], \"" + target + "\")\n");
        r = Cli.run("run", g, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains(g + ":2:1: error: writing '" + target + "' is not allowed: "), r.err);
        assertFalse(Files.exists(target));
    }

    @Test
    void writingElsewhereIsRefusedUnlessAllowed() throws IOException {
        Path target = elsewhere.resolve("elsewhere.csv").toAbsolutePath();
        String f = recipe("w.adc", "let rows = table(\"inside.csv\")\nwrite_csv(rows, \"" + target + "\")\nprint(\"done\")\n");
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains(f + ":2:1: error: writing '" + target + "' is not allowed: "), r.err);
        assertTrue(r.err.contains("is outside the run directory"), r.err);
        assertTrue(r.err.contains("hint: a recipe writes only into its run directory; run with --allow-write PATH"), r.err);
        assertFalse(Files.exists(target));

        // escaping the run directory with .. or into the recipe folder is refused too
        for (String p : new String[]{"../escape.csv", recipes.resolve("over.csv").toString()}) {
            String g = recipe("w2.adc", "write_csv(table(\"inside.csv\"), \"" + p + "\")\n");
            r = Cli.run("run", g, "--run-dir", run.toString()).noJava();
            assertEquals(1, r.code, p + "\n" + r);
            assertTrue(r.err.contains("is not allowed"), r.err);
        }
        assertFalse(Files.exists(tmp.resolve("escape.csv")));
        assertFalse(Files.exists(recipes.resolve("over.csv")));

        r = Cli.run("run", f, "--run-dir", run.toString(), "--allow-write", elsewhere.toString());
        assertEquals(0, r.code, r.toString());
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void writeThroughSymlinkIsRefused() throws IOException {
        Files.createDirectories(run);
        Files.createSymbolicLink(run.resolve("out"), elsewhere);
        String f = recipe("w.adc", "write_csv(table(\"inside.csv\"), \"out/leak.csv\")\n");
        Cli r = Cli.run("run", f, "--run-dir", run.toString()).noJava();
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("is not allowed"), r.err);
        assertFalse(Files.exists(elsewhere.resolve("leak.csv")));
    }

    @Test
    void hostJavaIsNotReachableFromAScript() throws IOException {
        Cli r = Cli.run("check", recipe("java.adc", "import java.lang\nlet rt = java.lang.Runtime.getRuntime()\n")).noJava();
        assertEquals(3, r.code, r.toString());
        assertTrue(r.err.contains("no module named 'java.lang'"), r.err);
        r = Cli.run("run", recipe("exec.adc", "exec(\"rm -rf /\")\n"), "--run-dir", run.toString()).noJava();
        assertEquals(3, r.code, r.toString());
        assertTrue(r.err.contains("unknown name 'exec'"), r.err);
    }

    @Test
    void contextHasNoHostAccess() {
        Launch.Options o = new Launch.Options(recipes, run, Map.of(), List.of(), List.of());
        try (Context ctx = Launch.context(o, InputStream.nullInputStream(), new ByteArrayOutputStream(), new ByteArrayOutputStream())) {
            ctx.initialize("adc");
            ctx.enter();
            try {
                TruffleLanguage.Env env = AdcContext.get(null).truffleEnv();
                assertFalse(env.isHostLookupAllowed(), "host class lookup");
                assertFalse(env.isCreateProcessAllowed(), "process creation");
                assertFalse(env.isCreateThreadAllowed(), "thread creation");
                assertFalse(env.isNativeAccessAllowed(), "native access");
                assertFalse(env.isSocketIOAllowed(), "sockets");
                assertFalse(env.isPolyglotEvalAllowed(null), "other languages");
                assertTrue(env.getEnvironment().isEmpty(), "environment variables");
                assertThrows(RuntimeException.class, () -> env.lookupHostSymbol("java.lang.Runtime"));
                assertThrows(SecurityException.class, () -> env.newProcessBuilder("true").start());
            } finally {
                ctx.leave();
            }
            // polyglot bindings do not expose host objects either
            assertFalse(ctx.getPolyglotBindings().hasMember("java"));
        }
    }

    @Test
    void sandboxFileSystemAnswersTheRightQuestion() throws IOException {
        Files.createDirectories(run);
        SandboxFileSystem fs = new SandboxFileSystem(List.of(recipes), List.of(run));
        fs.checkAccess(recipes.resolve("inside.csv"), java.util.Set.of(java.nio.file.AccessMode.READ));
        SecurityException e = assertThrows(SecurityException.class,
            () -> fs.checkAccess(tmp.resolve("outside.csv"), java.util.Set.of(java.nio.file.AccessMode.READ)));
        assertTrue(e.getMessage().contains("outside the recipe's folder"), e.getMessage());
        e = assertThrows(SecurityException.class,
            () -> fs.newByteChannel(recipes.resolve("new.csv"), java.util.Set.of(java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.CREATE)));
        assertTrue(e.getMessage().contains("outside the run directory"), e.getMessage());
        assertThrows(SecurityException.class, () -> fs.delete(recipes.resolve("inside.csv")));
        assertThrows(SecurityException.class, () -> fs.createDirectory(recipes.resolve("d")));
        assertThrows(SecurityException.class, () -> fs.newDirectoryStream(tmp, p -> true));
        assertTrue(Files.exists(recipes.resolve("inside.csv")));
    }
}
