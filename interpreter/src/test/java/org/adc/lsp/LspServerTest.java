package org.adc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives {@code adc lsp} through LSP4J as an editor would: a client launcher and the server
 * launcher connected by pipes, JSON-RPC in between.
 */
class LspServerTest {
    static final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    static LanguageServer server;
    static int version;

    static final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            published.add(d);
        }

        @Override
        public void showMessage(MessageParams m) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams m) {
        }
    }

    @BeforeAll
    static void start() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        AdcLanguageServer impl = new AdcLanguageServer(0, () -> { });
        Launcher<LanguageClient> sl = LSPLauncher.createServerLauncher(impl, serverIn, serverOut);
        impl.connect(sl.getRemoteProxy());
        sl.startListening();
        Launcher<LanguageServer> cl = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        cl.startListening();
        server = cl.getRemoteProxy();
        InitializeParams ip = new InitializeParams();
        ip.setCapabilities(new ClientCapabilities());
        InitializeResult r = server.initialize(ip).get(60, TimeUnit.SECONDS);
        assertTrue(r.getCapabilities().getHoverProvider().getLeft());
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
    }

    @AfterAll
    static void stop() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
    }

    /** Opens (or replaces) a document and returns the diagnostics published for this version. */
    static List<Diagnostic> open(String uri, String text) throws InterruptedException {
        int v = ++version;
        if (v == 1 || !uri.endsWith("#changed")) {
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "adc", v, text)));
        }
        while (true) {
            PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
            assertNotNull(p, "no diagnostics published for " + uri);
            if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == v) {
                return p.getDiagnostics();
            }
        }
    }

    static TextDocumentIdentifier id(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    @Test
    void unitErrorIsReportedAtItsRange() throws Exception {
        String text = "# a recipe with a unit error\nlet ea = 0.903 eV\nlet t = 450 degC\nlet wrong = ea + t\nprint(wrong)\n";
        List<Diagnostic> ds = open("file:///w/unit_error.adc", text);
        assertEquals(1, ds.size(), ds.toString());
        Diagnostic d = ds.get(0);
        assertEquals(new Range(new Position(3, 12), new Position(3, 18)), d.getRange());
        assertEquals(DiagnosticSeverity.Error, d.getSeverity());
        assertTrue(d.getMessage().startsWith("cannot add temperature to energy"), d.getMessage());
        assertTrue(d.getMessage().contains("hint: both sides of + must have the same dimension"), d.getMessage());
    }

    @Test
    void allErrorsOfAFileAndNoneForAGoodOne() throws Exception {
        List<Diagnostic> ds = open("file:///w/two.adc", "let x = 1 parsec\nprint(nosuch)\n");
        assertEquals(2, ds.size(), ds.toString());
        assertEquals(new Range(new Position(0, 10), new Position(0, 16)), ds.get(0).getRange());
        assertTrue(ds.get(0).getMessage().contains("unknown unit 'parsec'"), ds.get(0).getMessage());
        assertEquals(1, ds.get(1).getRange().getStart().getLine());
        assertTrue(open("file:///w/good.adc", "let t = 450 degC\nprint(t to K)\n").isEmpty());
    }

    @Test
    void diagnosticsFollowChanges() throws Exception {
        String uri = "file:///w/changing.adc";
        assertEquals(1, open(uri, "let a = 1 eV + 1 K\n").size());
        int v = ++version;
        TextDocumentContentChangeEvent ch = new TextDocumentContentChangeEvent("let a = 1 eV + 1 meV\n");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), List.of(ch)));
        while (true) {
            PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
            assertNotNull(p);
            if (p.getUri().equals(uri) && p.getVersion() == v) {
                assertTrue(p.getDiagnostics().isEmpty(), p.getDiagnostics().toString());
                break;
            }
        }
    }

    @Test
    void hoverOverArrheniusShowsItsPage() throws Exception {
        String uri = "file:///w/hover.adc";
        open(uri, "let r = arrhenius(ea = 0.903 eV, t = 450 degC)\nprint(r)\n");
        Hover h = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(0, 12))).get(30, TimeUnit.SECONDS);
        assertNotNull(h);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.startsWith("# arrhenius("), md);
        assertTrue(md.contains("### Syntax"), md);
        assertTrue(md.contains("### Examples"), md);
        assertEquals(org.adc.lib.Stdlib.modules().get("kinetics").docOf("arrhenius").summary(),
            md.lines().filter(l -> !l.isBlank()).skip(1).findFirst().orElse(""), md);
        assertEquals(new Range(new Position(0, 8), new Position(0, 17)), h.getRange());
        // one set of pages: the hover is the page of docs/reference/
        Path root = Path.of(System.getProperty("adc.root", ".."));
        assertEquals(Files.readString(root.resolve("docs/reference/kinetics/arrhenius.md")), md);
        // and a keyword shows its statement page, as docs/reference/statements/ does
        open(uri, "for T in 300 K .. 700 K step 100 K {\n    print(T)\n}\n");
        String k = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(0, 1))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertEquals(Files.readString(root.resolve("docs/reference/statements/for.md")), k);
        String step = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(0, 26))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertEquals(k, step);
    }

    @Test
    void hoverOverAUnitAndAUserFunction() throws Exception {
        String uri = "file:///w/hover2.adc";
        open(uri, "# Hop rate of one path\nfn hop(ea: eV) {\n    return 1e13 Hz * exp(-ea / (kB * 450 degC))\n}\nprint(hop(0.3 eV))\n");
        Hover u = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(4, 15))).get(30, TimeUnit.SECONDS);
        assertTrue(u.getContents().getRight().getValue().contains("dimension: energy"), u.getContents().getRight().getValue());
        Hover f = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(4, 7))).get(30, TimeUnit.SECONDS);
        String md = f.getContents().getRight().getValue();
        assertTrue(md.contains("fn hop(ea: eV)") && md.contains("Hop rate of one path"), md);
    }

    @Test
    void hoverFollowsTheUnitRuleABoundNameIsTheVariable() throws Exception {
        String uri = "file:///w/hover_traps.adc";
        open(uri, "let T = 600 K\nprint(8.617e-5 eV/K*T)\nprint(3 T)\n");
        // T glued after eV/K: the variable (declared above), not tesla
        String v = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(1, 20))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertTrue(v.contains("let T = 600 K") && !v.contains("tesla"), v);
        // the quantity's hover ends before the variable: eV/K, an entropy per particle
        String q = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(1, 7))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertTrue(q.startsWith("`8.617e-5 eV/K`"), q);
    }

    @Test
    void hoverOverAQuantityShowsItsDimensionAndSiValue() throws Exception {
        String uri = "file:///w/hover3.adc";
        open(uri, "let t = 450 degC\nlet r = 5 degC/min\nlet q = 8.314 J/(mol*K)\n");
        String t = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(0, 9))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertTrue(t.contains("temperature") && t.contains("723.15 K"), t);
        String r = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(1, 8))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertTrue(r.contains("`5 degC/min`"), r);
        String q = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(2, 9))).get(30, TimeUnit.SECONDS)
            .getContents().getRight().getValue();
        assertTrue(q.contains("`8.314 J/(mol*K)`"), q);
    }

    static String hoverText(String uri, int line, int col) throws Exception {
        Hover h = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(line, col))).get(30, TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    /** Hover over a name or inside an expression shows the unit the checker inferred for it. */
    @Test
    void hoverShowsTheInferredUnitOfNamesAndExpressions() throws Exception {
        String uri = "file:///w/hover4.adc";
        open(uri, "let ea = 0.903 eV\nlet t = 450 degC\nlet x = ea / (kB * t)\nlet y = ea + 1 meV\n"
            + "fn rate(e: eV, temp: K) {\n    return 1e13 Hz * exp(-e / (kB * temp))\n}\nlet r = rate(ea, t)\nlet c = 6 kJ/mol to meV\n");
        assertTrue(hoverText(uri, 0, 5).contains("unit: eV (energy)"), hoverText(uri, 0, 5));
        assertTrue(hoverText(uri, 2, 9).contains("unit: eV (energy)"), hoverText(uri, 2, 9));
        assertTrue(hoverText(uri, 2, 19).contains("unit: degC (temperature)"), hoverText(uri, 2, 19));
        // the / between ea and (kB * t): the whole quotient, dimensionless
        String q = hoverText(uri, 2, 11);
        assertTrue(q.contains("ea / (kB * t)") && q.contains("unit: none (dimensionless)"), q);
        // the * inside the brackets: an energy without a written unit, shown with its SI unit
        String e = hoverText(uri, 2, 17);
        assertTrue(e.contains("kB * t") && e.contains("unit: energy, in SI J"), e);
        assertTrue(hoverText(uri, 3, 11).contains("unit: eV (energy)"), hoverText(uri, 3, 11));
        // a parameter declared with a unit, and the function's result
        assertTrue(hoverText(uri, 5, 36).contains("unit: K (temperature)"), hoverText(uri, 5, 36));
        assertTrue(hoverText(uri, 5, 19).contains("unit: frequency"), hoverText(uri, 5, 19));
        assertTrue(hoverText(uri, 8, 4).contains("unit: meV (energy)"), hoverText(uri, 8, 4));
    }

    /** The extension's snippets, expanded with their default placeholders, are valid adc (only device and structure names are unknown). */
    @Test
    void snippetsParse() throws Exception {
        Path root = Path.of(System.getProperty("adc.root", ".."));
        com.google.gson.JsonObject all = com.google.gson.JsonParser.parseString(
            Files.readString(root.resolve("vscode-extension/snippets/adc.code-snippets"))).getAsJsonObject();
        Checker checker = new Checker();
        try {
            for (String name : all.keySet()) {
                StringBuilder body = new StringBuilder();
                for (var line : all.getAsJsonObject(name).getAsJsonArray("body")) {
                    body.append(line.getAsString()).append('\n');
                }
                String text = body.toString();
                String before;
                do {
                    before = text;
                    text = text.replaceAll("\\$\\{\\d+:([^{}$]*)\\}", "$1");
                } while (!text.equals(before));
                text = text.replace("$0", "").replaceAll("\\$\\d+", "x").replace("\\$", "$");
                for (Diagnostic d : checker.check(new SourceModel(text))) {
                    if (d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Warning) {
                        continue;
                    }
                    // only the devices and the structures the user brings are unknown: library calls and their named arguments check
                    assertTrue(d.getMessage().matches("(?s)unknown name '(furnace|smu|press|initial|final|x)'.*"),
                        name + ": " + d.getMessage() + "\n" + text);
                }
            }
        } finally {
            checker.close();
        }
    }

    static List<String> labels(String uri, int line, int ch) throws Exception {
        return server.getTextDocumentService().completion(new CompletionParams(id(uri), new Position(line, ch)))
            .get(30, TimeUnit.SECONDS).getRight().getItems().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completionAfterModuleListsItsMembers() throws Exception {
        String uri = "file:///w/complete.adc";
        open(uri, "import kinetics\nimport chem as c\nkinetics.\nc.mo\n");
        List<String> ls = labels(uri, 2, 9);
        assertEquals(List.copyOf(org.adc.lib.Stdlib.modules().get("kinetics").memberNames()), ls);
        assertTrue(ls.contains("arrhenius"));
        assertTrue(labels(uri, 3, 4).contains("molar_mass"));
    }

    @Test
    void completionOfUnitsNamesArgumentsAndModules() throws Exception {
        String uri = "file:///w/complete2.adc";
        open(uri, "let t = 450 de\nlet r = arrhenius(0.9 eV, \nimport \nlet v = 5 degC/m\nfn f(aa, bb) { return aa }\nf(\n");
        assertTrue(labels(uri, 0, 14).contains("degC"));
        assertTrue(labels(uri, 3, 16).contains("min"));
        List<String> args = labels(uri, 1, 26);
        assertTrue(args.contains("t =") && args.contains("nu0 ="), args.toString());
        assertTrue(args.contains("print"), args.toString());
        assertTrue(labels(uri, 2, 7).containsAll(org.adc.lib.Stdlib.modules().keySet()));
        assertTrue(labels(uri, 5, 2).containsAll(List.of("aa =", "bb =")));
    }

    @Test
    void completionAfterAValueListsTheMembersOfItsInferredType() throws Exception {
        String uri = "file:///w/values.adc";
        open(uri, "import structure\nlet s = structure.diamond(\"Si\")\nlet big = s.supercell(2)\nlet r = arrhenius_fit([450 K, 500 K], [1 Hz, 2 Hz])\n"
            + "let t = table([{a: 1}])\nlet name = \"Si\"\nlet q = {path: \"a\", barrier: {e: 1}}\ns.\nbig.\nt.\nname.\nr.\nq.\n");
        List<String> s = labels(uri, 7, 2);
        assertTrue(s.containsAll(List.of("supercell", "natoms", "lattice", "write")), s.toString());
        List<String> big = labels(uri, 8, 4);
        assertTrue(big.containsAll(List.of("supercell", "natoms")), big.toString());
        List<String> t = labels(uri, 9, 2);
        assertTrue(t.containsAll(List.of("rows", "columns", "where")), t.toString());
        List<String> n = labels(uri, 10, 5);
        assertTrue(n.containsAll(List.of("upper", "split")), n.toString());
        List<String> r = labels(uri, 11, 2);
        assertEquals(List.of("with"), r, "a library record's fields are known only when it runs");
        assertEquals(List.of("path", "barrier", "with"), labels(uri, 12, 2));
    }

    @Test
    void completionAfterADeviceListsItsOperations() throws Exception {
        String uri = "file:///w/devices.adc";
        open(uri, "let furnace = furnace()\nlet s = smu(furnace = furnace)\nfurnace.\ns.\nfurnace.ramp(\n");
        List<String> f = labels(uri, 2, 8);
        assertTrue(f.containsAll(List.of("ramp", "off", "temperature")), f.toString());
        for (StdlibIndex.Entry e : StdlibIndex.get().deviceMembers("furnace")) {
            assertTrue(f.contains(e.name()), e.name() + " missing in " + f);
        }
        List<String> smu = labels(uri, 3, 2);
        assertTrue(smu.contains("apply"), smu.toString());
        List<String> args = labels(uri, 4, 13);
        assertTrue(args.containsAll(List.of("to =", "rate =")), args.toString());
        Hover h = server.getTextDocumentService().hover(new HoverParams(id(uri), new Position(4, 10))).get(30, TimeUnit.SECONDS);
        assertTrue(h.getContents().getRight().getValue().contains("ramp("), h.getContents().getRight().getValue());
    }

    @Test
    void signatureHelpMarksTheArgument() throws Exception {
        String uri = "file:///w/sig.adc";
        open(uri, "let r = arrhenius(1e13 Hz, 0.9 eV, \n");
        SignatureHelp h = server.getTextDocumentService().signatureHelp(new SignatureHelpParams(id(uri), new Position(0, 35)))
            .get(30, TimeUnit.SECONDS);
        assertTrue(h.getSignatures().get(0).getLabel().startsWith("arrhenius("));
        assertEquals(2, h.getActiveParameter());
    }

    @Test
    void definitionAndSymbols() throws Exception {
        String uri = "file:///w/defs.adc";
        String text = "param t = 450 degC\nfn rate(ea: eV) {\n    let k = kB * t\n    return ea / k\n}\n"
            + "recipe anneal(temp = 400 degC) {\n    print(rate(0.3 eV))\n}\nlet x = rate(0.2 eV)\n";
        open(uri, text);
        List<Location> locs = server.getTextDocumentService().definition(new DefinitionParams(id(uri), new Position(8, 10)))
            .get(30, TimeUnit.SECONDS).getLeft().stream().map(l -> (Location) l).toList();
        assertEquals(1, locs.size());
        assertEquals(new Range(new Position(1, 3), new Position(1, 7)), locs.get(0).getRange());
        Location k = (Location) server.getTextDocumentService().definition(new DefinitionParams(id(uri), new Position(3, 16)))
            .get(30, TimeUnit.SECONDS).getLeft().get(0);
        assertEquals(2, k.getRange().getStart().getLine());
        List<DocumentSymbol> syms = server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(id(uri)))
            .get(30, TimeUnit.SECONDS).stream().map(e -> e.getRight()).toList();
        assertEquals(List.of("t", "rate", "anneal", "x"), syms.stream().map(DocumentSymbol::getName).toList());
        assertEquals(List.of("k"), syms.get(1).getChildren().stream().map(DocumentSymbol::getName).toList());
    }

    @Test
    void localModulesAreCheckedAndFollowedAcrossFiles() throws Exception {
        Path dir = Files.createTempDirectory("adc-lsp-modules");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/profiles.adc"), "# furnace profiles\nlet standard_ramp = 5 degC/min\nfn hold_time(t: K) {\n    return 1 h\n}\n");
        String uri = dir.resolve("recipe.adc").toUri().toString();
        String text = "import \"lib/profiles.adc\" as p\nprint(p.hold_time(450 degC))\nprint(p.standard_rmp)\n";
        List<Diagnostic> ds = open(uri, text);
        // the module is read from the document's folder: only the misspelt member is an error
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(2, ds.get(0).getRange().getStart().getLine());
        assertTrue(ds.get(0).getMessage().contains("did you mean 'standard_ramp'"), ds.get(0).getMessage());
        Location def = (Location) server.getTextDocumentService().definition(new DefinitionParams(id(uri), new Position(1, 10)))
            .get(30, TimeUnit.SECONDS).getLeft().get(0);
        assertEquals(dir.resolve("lib/profiles.adc").toUri().toString(), def.getUri());
        assertEquals(new Range(new Position(2, 3), new Position(2, 12)), def.getRange());
        Location file = (Location) server.getTextDocumentService().definition(new DefinitionParams(id(uri), new Position(1, 6)))
            .get(30, TimeUnit.SECONDS).getLeft().get(0);
        assertEquals(dir.resolve("lib/profiles.adc").toUri().toString(), file.getUri());
    }

    @Test
    void halfTypedDocumentsNeverCrashTheServer() throws Exception {
        Path root = Path.of(System.getProperty("adc.root", ".."));
        String example = Files.readString(root.resolve("examples/na24si136/rates.adc"));
        String uri = "file:///w/half.adc";
        int step = Math.max(1, example.length() / 25);
        List<String> texts = new java.util.ArrayList<>();
        for (int cut = 0; cut <= example.length(); cut += step) {
            texts.add(example.substring(0, cut));
        }
        texts.addAll(List.of("}", "}}}{", "\"${", "\"${x", "fn (", "recipe r( {", "1 degC/", "let x = 5 degC/(", "import",
            "kinetics.arrhenius(ea=", "hold until with", "x to", "for i in", "[1, 2", "{a: ", "let \u00b5 = 1 \u00b5A\n\ud835\udc65",
            "\u0000\u0001", "fn f(a: eV = 1 eV, a) { return a }", "parallel { limit", "2 ^^ 3", "1..", "param p = 1 K in", "\\"));
        for (String t : texts) {
            open(uri, t);
            Position end = new SourceModel(t).position(t.length());
            var tds = server.getTextDocumentService();
            tds.hover(new HoverParams(id(uri), end)).get(30, TimeUnit.SECONDS);
            tds.completion(new CompletionParams(id(uri), end)).get(30, TimeUnit.SECONDS);
            tds.signatureHelp(new SignatureHelpParams(id(uri), end)).get(30, TimeUnit.SECONDS);
            tds.documentSymbol(new DocumentSymbolParams(id(uri))).get(30, TimeUnit.SECONDS);
            tds.definition(new DefinitionParams(id(uri), new Position(0, 1))).get(30, TimeUnit.SECONDS);
        }
        assertFalse(open(uri, "print(1 eV)\n").size() > 0);
    }

    /** Sends a whole new text with didChange, as an editor does while one types, and returns its diagnostics. */
    static List<Diagnostic> change(String uri, String text) throws InterruptedException {
        int v = ++version;
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
            List.of(new TextDocumentContentChangeEvent(text))));
        while (true) {
            PublishDiagnosticsParams p = published.poll(60, TimeUnit.SECONDS);
            assertNotNull(p, "no diagnostics published for version " + v + " of " + uri + ":\n" + text);
            if (p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() == v) {
                return p.getDiagnostics();
            }
        }
    }

    /**
     * Typing every example script from its first character: prefixes at every line end and at a
     * seeded random point inside every line (and seeded random single-character deletions) go
     * through didChange. Each version gets its diagnostics, none of them is a fault of the checker,
     * every range lies inside the text, and hover, completion and signature help answer at the cursor.
     */
    @Test
    void typingEveryExampleNeverCrashesTheServer() throws Exception {
        Path root = Path.of(System.getProperty("adc.root", ".."));
        List<Path> scripts;
        try (var s = Files.walk(root.resolve("examples"))) {
            scripts = s.filter(p -> p.toString().endsWith(".adc")).sorted().toList();
        }
        assertFalse(scripts.isEmpty());
        java.util.Random random = new java.util.Random(7);
        String uri = "file:///w/typing.adc";
        open(uri, "");
        var tds = server.getTextDocumentService();
        int checked = 0;
        for (Path script : scripts) {
            String full = Files.readString(script);
            java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
            int lineStart = 0;
            for (int i = 0; i <= full.length(); i++) {
                if (i == full.length() || full.charAt(i) == '\n') {
                    cuts.add(i);
                    if (i > lineStart) {
                        cuts.add(lineStart + random.nextInt(i - lineStart));
                    }
                    lineStart = i + 1;
                }
            }
            List<String> texts = new java.util.ArrayList<>();
            for (int cut : cuts) {
                if (cut > 0 && Character.isLowSurrogate(full.charAt(Math.min(cut, full.length() - 1))) && cut < full.length()) {
                    continue;
                }
                texts.add(full.substring(0, cut));
            }
            for (int k = 0; k < 20 && full.length() > 1; k++) {
                int at = random.nextInt(full.length() - 1);
                texts.add(full.substring(0, at) + full.substring(at + 1));
            }
            for (int n = 0; n < texts.size(); n++) {
                String t = texts.get(n);
                List<Diagnostic> ds = change(uri, t);
                SourceModel model = new SourceModel(t);
                Position end = model.position(t.length());
                for (Diagnostic d : ds) {
                    assertFalse(d.getMessage().startsWith("adc could not check"), script + " cut at " + t.length() + ": " + d.getMessage());
                    Position a = d.getRange().getStart();
                    Position b = d.getRange().getEnd();
                    assertTrue(a.getLine() <= end.getLine() && b.getLine() <= end.getLine()
                        && (a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() <= b.getCharacter()),
                        script + " cut at " + t.length() + ": range " + d.getRange() + " outside the text");
                }
                if (n % 5 == 0) {
                    tds.hover(new HoverParams(id(uri), end)).get(30, TimeUnit.SECONDS);
                    tds.completion(new CompletionParams(id(uri), end)).get(30, TimeUnit.SECONDS);
                    tds.signatureHelp(new SignatureHelpParams(id(uri), end)).get(30, TimeUnit.SECONDS);
                }
                checked++;
            }
            // the whole script checks (examples are valid adc; warnings such as a variable named like a unit are allowed)
            assertEquals(List.of(), change(uri, full).stream()
                .filter(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error).toList(), script.toString());
        }
        assertTrue(checked > 500, "only " + checked + " versions");
    }

    /** The checker's errors reach the server as data: line, column, width, message and hint, no text to re-read. */
    @Test
    void diagnosticsAreStructuredData() throws Exception {
        try (Checker c = new Checker()) {
            org.adc.parser.Analysis a = c.analyze(new SourceModel("let µ = 1 µA\nlet x = 1 eV + µ * 2 s\nlet y = nosuch\n"));
            assertEquals(2, a.diagnostics().size(), a.diagnostics().toString());
            org.adc.runtime.Diagnostic d = a.diagnostics().get(0);
            assertEquals(2, d.line());
            assertEquals(9, d.column());
            assertEquals("1 eV + µ * 2 s".length(), d.width());
            assertEquals("error", d.severity());
            assertTrue(d.message().startsWith("cannot add charge to energy"), d.message());
            assertEquals("both sides of + must have the same dimension", d.hint());
            org.adc.runtime.Diagnostic u = a.diagnostics().get(1);
            assertEquals(3, u.line());
            assertEquals("unknown name 'nosuch'", u.message());
            // a syntax error too
            org.adc.runtime.Diagnostic p = c.analyze(new SourceModel("let x = (1 + \n")).diagnostics().get(0);
            assertEquals(1, p.line());   // at the '(' that is never closed
            assertEquals(9, p.column());
            assertEquals("'(' was never closed", p.message());
        }
    }
}
