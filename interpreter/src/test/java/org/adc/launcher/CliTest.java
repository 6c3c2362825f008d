package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: exit codes (0 ok, 1 runtime error, 2 usage error, 3 syntax
 * or check error), {@code adc check} never running anything, {@code --set} with units checked
 * before the script runs, {@code --help} and {@code --version}, and no Java stack trace for any
 * mistake of the user.
 */
class CliTest {
    @TempDir
    Path dir;

    private static final String PARAMS = """
        print("started")
        param anneal_t = 450 degC in 300 degC .. 460 degC, "anneal temperature"
        param nu0 = 1e13 Hz, "attempt frequency"
        param n = 3
        print("anneal at ${anneal_t}, nu0 = ${nu0}, n = ${n}")
        """;

    private String path(String name, String text) throws IOException {
        return Cli.write(dir, name, text).toString();
    }

    private String runDir() {
        return "--run-dir=" + dir.resolve("run");
    }

    private static void expect(int code, Cli r) {
        assertEquals(code, r.code, r.toString());
    }

    @Test
    void okRunExitsZero() throws IOException {
        Cli r = Cli.run("run", path("hello.adc", "print(\"hello\", 450 degC to K)\n"), runDir());
        expect(0, r);
        assertEquals("hello 723.15 K\n", r.out);
        assertEquals("", r.err);
    }

    @Test
    void runtimeErrorExitsOneWithLocation() throws IOException {
        String f = path("boom.adc", "fn total(a, b) { return a + b }\nprint(\"before\")\nprint(total(1 eV, 2 K))\n");
        Cli r = Cli.run("run", f, runDir()).noJava();
        expect(1, r);
        assertEquals("before\n", r.out);
        assertTrue(r.err.contains(f + ":1:25: error: cannot add temperature (2 K) to energy (1 eV)"), r.err);
        assertTrue(r.err.contains("  hint: "), r.err);
    }

    @Test
    void raisedErrorExitsOne() throws IOException {
        Cli r = Cli.run("run", path("raise.adc", "raise {message: \"too hot\", hint: \"cool it\"}\n"), runDir()).noJava();
        expect(1, r);
        assertTrue(r.err.contains("error: too hot") && r.err.contains("hint: cool it"), r.err);
    }

    @Test
    void syntaxErrorExitsThreeAndReportsAll() throws IOException {
        String f = path("syntax.adc", "print(\"never\")\nlet a = 1 + * 2\nlet b = (3\nlet c = 4 @ 5\n");
        Cli r = Cli.run("run", f, runDir()).noJava();
        expect(3, r);
        assertEquals("", r.out, "nothing runs when the file does not parse");
        assertTrue(r.err.contains(f + ":2:13: error: unexpected '*'"), r.err);
        // the unclosed '(' is reported where it opens; what follows it was read inside the bracket
        assertTrue(r.err.contains(f + ":3:9: error: '(' was never closed"), "every independent syntax error is reported:\n" + r.err);
    }

    @Test
    void checkAcceptsGoodFileWithoutRunningIt() throws IOException {
        String f = path("good.adc", "print(\"SIDE EFFECT\")\nwrite_csv([{a: 1}], \"out.csv\")\nlet t = 450 degC\nprint(t to K)\n");
        Cli r = Cli.run("check", f).noJava();
        expect(0, r);
        assertEquals(f + ": ok\n", r.out);
        assertFalse(r.out.contains("SIDE EFFECT"));
        assertFalse(Files.exists(dir.resolve("out.csv")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "check writes nothing");
        }
    }

    @Test
    void checkReportsStaticErrorsWithExitThree() throws IOException {
        String f = path("bad.adc", "print(\"SIDE EFFECT\")\nlet ea = 0.903 eV\nlet t = 450 degC\nlet wrong = ea + t\nprint(barier)\n");
        Cli r = Cli.run("check", f).noJava();
        expect(3, r);
        assertFalse(r.out.contains("SIDE EFFECT"));
        assertTrue(r.err.contains(f + ":4:13: error: cannot add temperature to energy"), r.err);
        assertTrue(r.err.contains(f + ":5:7: error: unknown name 'barier'"), r.err);
    }

    @Test
    void checkFindsUnknownModulesAndMembers() throws IOException {
        // (not golden files: the hints list every module and member, which grow with the library)
        String f = path("mods.adc", "import kinetix\nimport math\nprint(math.sqroot(2))\n");
        Cli r = Cli.run("check", f).noJava();
        expect(3, r);
        assertTrue(r.err.contains(f + ":1:8: error: no module named 'kinetix'"), r.err);
        assertTrue(r.err.contains("hint: available modules: math,"), r.err);
        assertTrue(r.err.contains(f + ":3:12: error: module math has no member 'sqroot'"), r.err);
        assertTrue(r.err.contains("sqrt"), r.err);
    }

    @Test
    void checkOfSeveralFilesGivesTheWorstCode() throws IOException {
        String good = path("a.adc", "let x = 1\n");
        String bad = path("b.adc", "let y = (\n");
        Cli r = Cli.run("check", good, bad, dir.resolve("missing.adc").toString()).noJava();
        expect(3, r);
        assertTrue(r.out.contains(good + ": ok"), r.out);
        assertTrue(r.err.contains(bad + ":"), r.err);
        assertTrue(r.err.contains("no such file"), r.err);
        expect(0, Cli.run("check", good, good));
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        String f = path("ok.adc", "print(1)\n");
        Cli r = Cli.run("frobnicate").noJava();
        expect(2, r);
        assertTrue(r.err.contains("unknown command 'frobnicate'"), r.err);
        r = Cli.run("rn", f).noJava();
        expect(2, r);
        assertTrue(r.err.contains("did you mean 'adc run'?"), r.err);
        r = Cli.run("run", "--bogus", f).noJava();
        expect(2, r);
        assertTrue(r.err.contains("unknown option '--bogus'"), r.err);
        r = Cli.run("run", dir.resolve("nope.adc").toString()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("no such file"), r.err);
        r = Cli.run("run").noJava();
        expect(2, r);
        assertTrue(r.err.contains("FILE"), r.err);
        expect(2, Cli.run().noJava());
        expect(2, Cli.run("check").noJava());
        r = Cli.run("run", dir.toString()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("is a folder"), r.err);
        Path latin1 = dir.resolve("latin1.adc");
        Files.write(latin1, new byte[]{'p', 'r', 'i', 'n', 't', '(', '"', (byte) 0xE9, '"', ')', '\n'});
        r = Cli.run("run", latin1.toString(), runDir()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("not UTF-8"), r.err);
    }

    @Test
    void badSetSyntaxIsUsageError() throws IOException {
        String f = path("p.adc", PARAMS);
        for (String bad : new String[]{"anneal_t", "=440degC", "anneal_t=", "1x=3", "a b=3"}) {
            Cli r = Cli.run("run", f, "--set", bad, runDir()).noJava();
            expect(2, r);
            assertTrue(r.err.contains("--set needs NAME=VALUE"), r.err);
            assertEquals("", r.out, "nothing runs");
        }
        Cli r = Cli.run("run", f, "--set", "n=1", "--set", "n=2", runDir()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("set twice"), r.err);
    }

    @Test
    void setWithUnits() throws IOException {
        String f = path("p.adc", PARAMS);
        Cli r = Cli.run("run", f, "--set", "anneal_t=440degC", "--set", "nu0=5e12 Hz", "--set", "n=7", runDir());
        expect(0, r);
        assertEquals("started\nanneal at 440 degC, nu0 = 5e12 Hz, n = 7\n", r.out);
        r = Cli.run("run", f, "--set=anneal_t=713.15K", runDir());
        expect(0, r);
        assertTrue(r.out.contains("anneal at 713.15 K"), r.out);
        r = Cli.run("run", f, runDir());
        expect(0, r);
        assertTrue(r.out.contains("anneal at 450 degC, nu0 = 1e13 Hz, n = 3"), r.out);
    }

    /** Issue 14 item 8: --set is read as the kind of the parameter's default, and run.json records the value used. */
    @Test
    void setIsTypedByTheParametersKind() throws IOException {
        String f = path("k.adc", "param flag = false\nparam n = 10\nparam x = 0.5\nparam t = 450 degC\nparam label = \"run\"\n"
            + "print(flag, n, x, t, label)\n");
        String[][] refused = {
            {"flag=1", "parameter 'flag' is a bool, got '1'"}, {"flag=yes", "is a bool"},
            {"n=true", "parameter 'n' is an int, got 'true'"}, {"n=5.0", "is an int"}, {"n=99999999999999999999", "does not fit an int"},
            {"x=true", "parameter 'x' is a float, got 'true'"}, {"x=1e3083", "overflows a float"}, {"x=1__0", "is a float"},
            {"t=5", "needs a unit"}, {"t=1e3083 K", "overflows"}, {"t=true", "is a temperature quantity"},
            {"label=a\u0000b", "control character"}, {"label=a\nb", "line break"},
        };
        for (String[] c : refused) {
            Cli r = Cli.run("run", f, "--set", c[0], runDir()).noJava();
            expect(2, r);
            assertTrue(r.err.contains(c[1]), c[0] + ": " + r.err);
            assertEquals("", r.out, "nothing runs: " + c[0]);
        }
        Path rd = dir.resolve("typed-run");
        Cli ok = Cli.run("run", f, "--set", "flag=true", "--set", "n=1_000", "--set", "x=2", "--set", "t=440degC", "--set", "label=3rd run",
            "--run-dir", rd.toString());
        expect(0, ok);
        assertEquals("true 1000 2 440 degC 3rd run\n", ok.out);
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rd.resolve("run.json").toFile());
        assertEquals("1_000", j.path("set").path("n").asText(), "the value as given");
        assertEquals("1000", j.path("parameters").path("n").asText(), "the value used");
        assertEquals("3rd run", j.path("set").path("label").asText());
        assertEquals("\"3rd run\"", j.path("parameters").path("label").asText());
        assertEquals("2", j.path("parameters").path("x").asText());
    }

    @Test
    void wrongDimensionIsRefusedBeforeAnythingRuns() throws IOException {
        String f = path("p.adc", PARAMS);
        Cli r = Cli.run("run", f, "--set", "anneal_t=440eV", runDir()).noJava();
        expect(2, r);
        assertEquals("", r.out, "the first print must not run");
        assertTrue(r.err.contains("parameter 'anneal_t' must be temperature like its default 450 degC, got energy 440 eV"), r.err);
        assertTrue(r.err.contains(f + ":2:1"), r.err);
        assertTrue(r.err.contains("hint: e.g. --set anneal_t=450degC"), r.err);
        r = Cli.run("run", f, "--set", "nu0=hot", runDir()).noJava();
        expect(2, r);
        assertEquals("", r.out);
        r = Cli.run("run", f, "--set", "anneal_t=440 Gpa", runDir()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("unknown unit"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void outOfRangeIsRefusedBeforeAnythingRuns() throws IOException {
        String f = path("p.adc", PARAMS);
        Cli r = Cli.run("run", f, "--set", "anneal_t=600degC", runDir()).noJava();
        expect(2, r);
        assertEquals("", r.out);
        assertTrue(r.err.contains("parameter 'anneal_t' = 600 degC is outside its allowed range 300 degC .. 460 degC"), r.err);
        // the range is inclusive and compares absolute temperatures across units
        expect(0, Cli.run("run", f, "--set", "anneal_t=733.15K", runDir()));
        expect(2, Cli.run("run", f, "--set", "anneal_t=733.16K", runDir()));
    }

    @Test
    void unknownParameterIsRefusedBeforeAnythingRuns() throws IOException {
        String f = path("p.adc", PARAMS);
        Cli r = Cli.run("run", f, "--set", "aneal_t=440degC", runDir()).noJava();
        expect(2, r);
        assertEquals("", r.out);
        assertTrue(r.err.contains("the recipe has no parameter 'aneal_t'"), r.err);
        assertTrue(r.err.contains("anneal_t, nu0, n"), r.err);
        r = Cli.run("run", path("none.adc", "print(1)\n"), "--set", "x=1", runDir()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("declares no parameters"), r.err);
    }

    @Test
    void parameterWithComputedDefaultIsCheckedWhereDeclared() throws IOException {
        String f = path("c.adc", "let base = 0.3 eV\nparam ea = base * 2\nprint(ea)\n");
        expect(0, Cli.run("run", f, "--set", "ea=0.5eV", runDir()));
        Cli r = Cli.run("run", f, "--set", "ea=5K", runDir()).noJava();
        expect(2, r);
        assertTrue(r.err.contains("parameter 'ea' must be energy"), r.err);
    }

    @Test
    void runawayRecursionIsARuntimeErrorNotACrash() throws IOException {
        Cli r = Cli.run("run", path("rec.adc", "fn f(n) { return f(n + 1) }\nprint(f(0))\n"), runDir()).noJava();
        expect(1, r);
        assertTrue(r.err.contains("error: recursion too deep"), r.err);
    }

    @Test
    void errorsInsideLibraryFunctionsAreLocated() throws IOException {
        String f = path("lib.adc", "print(sorted([1, \"a\", 2 eV]))\n");
        Cli r = Cli.run("run", f, runDir()).noJava();
        expect(1, r);
        assertTrue(r.err.startsWith(f + ":1:7: error: operation < is not defined for string \"a\" and int 1"), r.err);
        // an absurd format precision is refused instead of formatting for minutes
        f = path("fmt.adc", "print(fmt(1 eV, \".999999999g\"))\n");
        r = Cli.run("run", f, runDir()).noJava();
        expect(1, r);
        assertTrue(r.err.contains("width or precision 999999999 is too large"), r.err);
    }

    @Test
    void helpEverywhere() {
        for (String[] args : new String[][]{{"--help"}, {"-h"}, {"run", "--help"}, {"check", "--help"}, {"repl", "--help"}, {"help", "run"},
            {"help"}}) {
            Cli r = Cli.run(args);
            expect(0, r);
            assertTrue(r.out.startsWith("Usage: adc"), String.join(" ", args) + "\n" + r);
        }
        Cli r = Cli.run("run", "--help");
        assertTrue(r.out.contains("--set") && r.out.contains("--allow-read") && r.out.contains("--allow-write") && r.out.contains("--run-dir"), r.out);
    }

    @Test
    void versionNamesTheRuntime() {
        for (String v : new String[]{"--version", "-V"}) {
            Cli r = Cli.run(v);
            expect(0, r);
            assertTrue(r.out.startsWith("adc 0.1.0\n"), r.out);
            assertTrue(r.out.contains("runtime: GraalVM CE\n") || r.out.contains("runtime: Interpreted\n"), r.out);
        }
    }

    /** vscode-languageclient starts the server as `adc lsp --stdio --clientProcessId=N`: the options parse. */
    @Test
    void lspAcceptsTheOptionsLanguageClientsPass() {
        picocli.CommandLine cl = new picocli.CommandLine(new Main(java.io.InputStream.nullInputStream(), System.out, System.err));
        picocli.CommandLine.ParseResult r = cl.parseArgs("lsp", "--stdio", "--clientProcessId=4242");
        assertTrue(r.subcommand().hasMatchedOption("--stdio"));
    }
}
