package org.adc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL without a real terminal: whole sessions fed through a dumb JLine terminal (multi-line
 * blocks, errors that do not end the session, :help, :type, history written to the file and read
 * back by the next session), and the pieces: incomplete-input detection, completion candidates,
 * and Ctrl-C interrupting a running evaluation.
 */
class ReplTest {
    @TempDir
    Path tmp;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;
    ReplSession session;

    @BeforeEach
    void start() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        session = new ReplSession(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        session.close();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Runs a whole session on a dumb terminal whose keyboard types the given lines. */
    private String session(ReplSession s, Path history, String typed) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen,
            StandardCharsets.UTF_8)) {
            assertEquals(0, s.run(t, history));
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scriptedSession() throws IOException {
        Path history = tmp.resolve("history");
        String screen = session(session, history, String.join("\n",
            "let x = 450 degC",
            "x to K",
            "fn f(a) {",
            "    return a * 2",
            "}",
            "f(3 eV)",
            ":type 450 degC",
            ":type 6 kJ/mol to meV",
            ":help arrhenius",
            "1 eV + 2 K",
            "print(barier)",
            "let s = \"open",
            "print(\"still here\", f(2))",
            ":nonsense",
            ":quit",
            "print(\"not reached\")", ""));
        String o = out();
        assertTrue(o.contains("\n723.15 K\n"), o);
        assertTrue(o.contains("\n6 eV\n"), o);
        assertTrue(o.contains("temperature [degC]\n"), o);
        assertTrue(o.contains("energy [meV]"), o);
        assertTrue(o.contains("arrhenius(nu0 = 1e13 Hz, ea, t)") && o.contains("Examples:"), o);
        assertTrue(o.contains("still here 4\n"), "the session goes on after errors:\n" + o + err());
        assertFalse(o.contains("not reached"));
        assertFalse(o.contains("HostNull") || o.contains("450 degC\n723.15"), "only expression values are printed:\n" + o);
        String e = err();
        assertTrue(e.contains("<repl>:1:1: error: cannot add temperature to energy"), e);
        assertTrue(e.contains("unknown name 'barier'"), e);
        assertTrue(e.contains("unknown command :nonsense"), e);
        // 15 lines before :quit, the three lines of the fn block are one input: 13 prompts
        assertEquals(13, screen.split("adc> ", -1).length - 1, "the block was read as one input:\n" + screen);
        String h = Files.readString(history);
        assertTrue(h.contains("let x = 450 degC") && h.contains(":type 450 degC"), h);
    }

    @Test
    void historyIsKeptAcrossSessions() throws IOException {
        Path history = tmp.resolve("history");
        session(session, history, "let first = 1\n:quit\n");
        session.close();
        start();
        session(session, history, "let second = 2\n");
        String h = Files.readString(history);
        assertTrue(h.contains("let first = 1") && h.contains("let second = 2"), h);
        assertTrue(h.indexOf("let first") < h.indexOf("let second"), h);
    }

    @Test
    void incompleteInput() {
        for (String more : List.of("fn f() {", "fn f(a) {\n    return a", "recipe r(t: K) {", "print(1 +", "[1, 2", "{a: 1,",
            "if x > 1 {\n  print(1)\n} else {", "let t = 450 degC to")) {
            assertTrue(session.isIncomplete(more), "should ask for more: " + more);
        }
        for (String done : List.of("let x = 1", "fn f() { return 1 }", "print(1))", "let a = 1 + * 2", "}", "let s = \"open",
            ":help arrhenius", "let x = 1 @ 2", "")) {
            assertFalse(session.isIncomplete(done), "should not ask for more: " + done);
        }
    }

    private List<String> completions(String word) {
        return session.complete(word).stream().map(Candidate::value).filter(v -> v.startsWith(word)).toList();
    }

    @Test
    void completion() {
        assertTrue(completions("arrh").contains("arrhenius"), completions("arrh").toString());
        List<String> me = completions("me");
        assertTrue(me.contains("meV") && me.contains("mean"), me.toString());
        assertTrue(completions("µ").contains("µA"), completions("µ").toString());
        assertTrue(completions("u").contains("uA"));
        assertTrue(completions("G").contains("GPa"));
        assertTrue(completions("deg").contains("degC"));
        assertTrue(completions("mat").contains("math"), "modules: " + completions("mat"));
        assertTrue(completions("whi").contains("while"), "keywords");
        assertTrue(completions("math.").contains("math.exp"), completions("math.").toString());
        assertTrue(completions(":h").contains(":help"));
        session.handle("let barrier_si20 = 0.272 eV");
        session.handle("import math as m");
        assertTrue(completions("barr").contains("barrier_si20"), "names defined in the session");
        assertTrue(completions("m.").contains("m.sqrt"), "members through an import alias");
        assertTrue(completions("nosuchmodule.").isEmpty());
    }

    @Test
    void helpAndType() {
        session.handle(":help arrhenius");
        session.handle(":help degC");
        session.handle(":help math");
        session.handle(":help");
        session.handle(":type 450 degC");
        session.handle(":type 5 degC/min");
        session.handle(":type \"text\"");
        session.handle(":type");
        session.handle(":help 1 +");
        String o = out();
        assertTrue(o.contains("arrhenius(nu0 = 1e13 Hz, ea, t)"), o);
        assertTrue(o.contains("degC: unit, degree Celsius"), o);
        assertTrue(o.contains("math — "), o);
        assertTrue(o.contains(":type EXPR"), o);
        assertTrue(o.contains("temperature [degC]\n"), o);
        assertTrue(o.contains("[degC/min]"), o);
        assertTrue(err().contains(":type EXPR shows") && err().contains(":help takes a name"), err());
    }

    /** :help over a statement or keyword shows its reference page, the same text as docs/reference/statements/. */
    @Test
    void helpOnStatements() {
        session.handle(":help for");
        session.handle(":help else");
        session.handle(":help hold");
        String o = out();
        assertTrue(o.contains(org.adc.docs.ReferenceDocs.text("for")), o);
        assertTrue(o.contains("for — loops over a range") && o.contains("Syntax:") && o.contains("Examples:"), o);
        assertTrue(o.contains("else: see if\n") && o.contains("if — runs a block when a condition is true"), o);
        assertTrue(o.contains("hold — dwells for a duration"), o);
        assertTrue(err().isEmpty(), err());
    }

    @Test
    void ctrlCInterruptsTheEvaluationNotTheSession() throws InterruptedException {
        session.handle("var spins = 0");
        Thread evaluation = new Thread(() -> session.handle("while true { spins += 1 }"));
        evaluation.start();
        while (evaluation.isAlive()) {
            session.interrupt();
            evaluation.join(200);
        }
        assertTrue(err().contains("interrupted"), err());
        session.handle("print(\"after\", spins > 0)");
        assertTrue(out().contains("after true\n"), out() + err());
    }

    // ---- issue 16 item 7: writes in a fresh folder, help pages, long values, colour, :type with units; item 6: members

    @Test
    void writesWorkInAFolderWithoutRunsDirectory() throws IOException {
        Path runDir = tmp.resolve("fresh").resolve("runs").resolve("repl");
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try (ReplSession s = new ReplSession(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8), runDir, List.of(), List.of())) {
            s.handle("write_csv([{a: 1, b: 2 eV}], \"out.csv\")");
            assertEquals("", e.toString(StandardCharsets.UTF_8));
            assertTrue(Files.isRegularFile(runDir.resolve("out.csv")), "out.csv written into the created run directory");
        }
    }

    @Test
    void replAcceptsAllowReadAndAllowWrite() {
        Cli r = Cli.run("repl", "--help");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("--allow-write") && r.out.contains("--allow-read") && r.out.contains("--run-dir"), r.out);
    }

    @Test
    void helpPrintsTheFormattedPage() {
        session.handle("help(arrhenius)");
        String o = out();
        assertTrue(o.contains("\nSyntax:\n  arrhenius(nu0 = 1e13 Hz, ea, t)\n"), o);
        assertFalse(o.contains("\\n"), "no escaped newlines: " + o);
        assertFalse(o.stripTrailing().endsWith("\""), o);
    }

    @Test
    void longValuesAreShortenedWithACount() {
        session.handle("list(0 ..< 200000)");
        String o = out();
        assertTrue(o.contains("199999]") && o.contains("(200000 elements"), o);
        assertTrue(o.length() < 1000, "echo of " + o.length() + " characters");
        out.reset();
        session.handle("print(len(list(0 ..< 200000)))");
        assertEquals("200000\n", out());
    }

    @Test
    void typeShowsUnitsOfContents() {
        session.handle(":type [1 eV, 2 eV]");
        session.handle(":type {path: \"a\", barrier: 0.3 eV}");
        session.handle(":type 6 kJ/mol");
        assertEquals("list of 2 energy [eV]\nrecord {path: string, barrier: energy [eV]}\nmolar energy [kJ/mol]\n", out(), err());
    }

    @Test
    void highlighterColoursKeywordsNumbersUnitsStringsComments() {
        ReplHighlighter h = new ReplHighlighter(n -> n.equals("T"));
        String line = "let x = 450 degC * 2 T  # \"c\"";
        org.jline.utils.AttributedString a = h.highlight(line);
        assertEquals(line, a.toString());
        assertEquals(ReplHighlighter.KEYWORD, a.styleAt(line.indexOf("let")));
        assertEquals(ReplHighlighter.NUMBER, a.styleAt(line.indexOf("450")));
        assertEquals(ReplHighlighter.UNIT, a.styleAt(line.indexOf("degC")));
        assertEquals(ReplHighlighter.COMMENT, a.styleAt(line.indexOf("#")));
        // T is a name of the session here, so after a number it is not coloured as tesla
        assertEquals(org.jline.utils.AttributedStyle.DEFAULT, a.styleAt(line.indexOf("T ")));
        ReplHighlighter h2 = new ReplHighlighter(n -> false);
        String s = "print(\"a b\")";
        assertEquals(ReplHighlighter.STRING, h2.highlight(s).styleAt(s.indexOf("a b")));
    }

    @Test
    void completionAfterAValueListsItsMembers() {
        session.handle("let s = \"abc\"");
        session.handle("let r = {path: \"a\", barrier: 0.3 eV}");
        List<String> sm = session.complete("s.").stream().map(Candidate::value).toList();
        assertTrue(sm.contains("s.upper") && sm.contains("s.split"), sm.toString());
        List<String> rm = session.complete("r.").stream().map(Candidate::value).toList();
        assertTrue(rm.contains("r.barrier") && rm.contains("r.path"), rm.toString());
        assertEquals(List.of(), session.complete("nosuch."));
    }

    @Test
    void dirLenAndHelpOfValues() {
        session.handle("import structure");
        session.handle("let s = structure.diamond(\"Si\", a = 5.43 Å)");
        session.handle("print(len(s), dir(s).contains(\"supercell\"), len({a: 1, b: 2}), len(\"Å1\"))");
        assertEquals("8 true 2 2\n", out(), err());
        out.reset();
        session.handle("help(s)");
        assertTrue(out().startsWith("structure — ") && out().contains("supercell(n, nb = none, nc = none)"), out());
    }
}
