package org.adc.lsp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.parser.AdcLexer;
import org.adc.units.Unit;
import org.adc.units.Units;

/**
 * The adc language server ({@code adc lsp}): diagnostics as you type from the interpreter's own
 * checker, hover with the library's reference pages, completion of modules, functions, named
 * arguments and units, go to definition, document symbols and signature help. It never runs a
 * recipe. Requests are answered from a {@link SourceModel} of the latest text; checking runs on
 * one background thread, a short while after the last change.
 */
public final class AdcLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService, WorkspaceService {
    static final List<String> KEYWORDS = List.of("let", "var", "fn", "return", "if", "else", "for", "in", "while", "break",
        "continue", "try", "catch", "finally", "raise", "import", "as", "recipe", "parallel", "hold", "until", "limit", "param",
        "assert", "with", "step", "to", "and", "or", "not", "true", "false", "none");

    private static final class Doc {
        final int version;
        final String text;
        /** The document's folder (for a file: URI), where its local modules are found; else null. */
        final java.nio.file.Path folder;
        private volatile SourceModel model;
        /** The checker's analysis of this version, once the check thread has made it. */
        volatile org.adc.parser.Analysis analysis;

        Doc(int version, String text) {
            this(version, text, null);
        }

        Doc(int version, String text, String uri) {
            this.version = version;
            this.text = text;
            this.folder = folderOf(uri);
        }

        SourceModel model() {
            SourceModel m = model;
            if (m == null) {
                m = new SourceModel(text);
                model = m;
            }
            return m;
        }
    }

    private final Map<String, Doc> docs = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checkThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "adc-lsp-check");
        t.setDaemon(true);
        return t;
    });
    /** ADC_LSP_TIMING=1: log the wall and CPU time of every check on stderr. */
    private static final boolean TIMING = "1".equals(System.getenv("ADC_LSP_TIMING"));
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private final long delayMillis;
    private final Runnable onExit;
    private Checker checker;
    private volatile LanguageClient client;
    private volatile boolean shutdown;

    /**
     * @param delayMillis how long after the last change a document is checked
     * @param onExit      what the exit notification does (the command line exits the process)
     */
    public AdcLanguageServer(long delayMillis, Runnable onExit) {
        this.delayMillis = delayMillis;
        this.onExit = onExit;
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
    }

    public boolean isShutdown() {
        return shutdown;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Full);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(".", "(", ",", " ")));
        caps.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ","), List.of(",")));
        checkThread.execute(() -> {
            // warm up while the editor opens its first document: the library, the context, the parser
            StdlibIndex.get();
            try {
                checker().check(new SourceModel("fn f(ea: eV, t: K = 450 degC) {\n    return 1e13 Hz * exp(-ea / (kB * t))\n}\n"
                    + "let x = f(0.9 eV) + 1 K\nprint(\"${x}\", arrhenius(ea = 0.9 eV, t = 300 K))\n"));
            } catch (RuntimeException e) {
                log("warm-up failed: " + e);
            }
        });
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("adc", org.adc.AdcLanguage.VERSION)));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.supplyAsync(() -> {
            try {
                checkThread.submit(() -> {
                    if (checker != null) {
                        checker.close();
                        checker = null;
                    }
                }).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing is best effort
            }
            checkThread.shutdownNow();
            return null;
        });
    }

    @Override
    public void exit() {
        checkThread.shutdownNow();
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    }

    // ------------------------------------------------------------------ documents and diagnostics

    @Override
    public void didOpen(DidOpenTextDocumentParams p) {
        String uri = p.getTextDocument().getUri();
        docs.put(uri, new Doc(p.getTextDocument().getVersion(), p.getTextDocument().getText(), uri));
        schedule(uri);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams p) {
        String uri = p.getTextDocument().getUri();
        List<TextDocumentContentChangeEvent> changes = p.getContentChanges();
        if (changes.isEmpty()) {
            return;
        }
        // full sync: the last change holds the whole text
        docs.put(uri, new Doc(p.getTextDocument().getVersion(), changes.get(changes.size() - 1).getText(), uri));
        schedule(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams p) {
        String uri = p.getTextDocument().getUri();
        docs.remove(uri);
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) {
            f.cancel(false);
        }
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams p) {
    }

    private void schedule(String uri) {
        if (checkThread.isShutdown()) {
            return;
        }
        ScheduledFuture<?> f = checkThread.schedule(() -> publish(uri), delayMillis, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> old = pending.put(uri, f);
        if (old != null) {
            old.cancel(false);
        }
    }

    private Checker checker() {
        if (checker == null) {
            checker = new Checker();
        }
        return checker;
    }

    private void publish(String uri) {
        Doc d = docs.get(uri);
        LanguageClient c = client;
        if (d == null || c == null) {
            return;
        }
        List<Diagnostic> diags;
        long wall = System.nanoTime();
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : 0;
        try {
            diags = diagnostics(d);
            if (TIMING) {
                // bench/lsp.py reads this: the check's own cost, apart from the machine's load
                log(String.format("checked version %d (%d lines) in %.1f ms wall, %.1f ms cpu", d.version, d.text.split("\n", -1).length,
                    (System.nanoTime() - wall) / 1e6, CPU.isCurrentThreadCpuTimeSupported() ? (CPU.getCurrentThreadCpuTime() - cpu) / 1e6 : -1.0));
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError t) {
            // a fault of the checker: say so in the editor and keep serving
            log("check of " + uri + " failed: " + t);
            diags = List.of(new Diagnostic(d.model().range(1, 1, 1), "adc could not check this file: " + t,
                org.eclipse.lsp4j.DiagnosticSeverity.Warning, "adc"));
        }
        if (docs.get(uri) == d) {
            PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, diags);
            params.setVersion(d.version);
            c.publishDiagnostics(params);
        }
    }

    private List<Diagnostic> diagnostics(Doc d) {
        return Checker.diagnostics(analysis(d), d.model());
    }

    /** The analysis of a version of a document; made on the check thread, where the checker lives. */
    private org.adc.parser.Analysis analysis(Doc d) {
        org.adc.parser.Analysis a = d.analysis;
        if (a == null) {
            a = checker().analyze(d.model(), d.folder);
            d.analysis = a;
        }
        return a;
    }

    /** The analysis for a request: made now on the check thread when it is not there yet (or null after a while). */
    private org.adc.parser.Analysis analysisFor(String uri) {
        Doc d = docs.get(uri);
        if (d == null) {
            return null;
        }
        if (d.analysis != null || checkThread.isShutdown()) {
            return d.analysis;
        }
        try {
            return checkThread.submit(() -> analysis(d)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    /** Checks a text at once on the calling thread (benchmarks and tests); not for use while the server runs. */
    public static List<Diagnostic> checkNow(Checker checker, String text) {
        return checker.check(new SourceModel(text));
    }

    private static void log(String s) {
        System.err.println("adc lsp: " + s);
    }

    private <T> CompletableFuture<T> answer(String uri, T fallback, java.util.function.Function<SourceModel, T> f) {
        Supplier<T> s = () -> {
            Doc d = docs.get(uri);
            if (d == null) {
                return fallback;
            }
            try {
                T r = f.apply(d.model());
                return r == null ? fallback : r;
            } catch (RuntimeException | StackOverflowError e) {
                log("request failed: " + e);
                return fallback;
            }
        };
        return CompletableFuture.completedFuture(s.get());
    }

    // ------------------------------------------------------------------ hover

    @Override
    public CompletableFuture<Hover> hover(HoverParams p) {
        String uri = p.getTextDocument().getUri();
        return answer(uri, null, m -> hover(m, p.getPosition(), () -> analysisFor(uri)));
    }

    static Hover hover(SourceModel m, org.eclipse.lsp4j.Position pos, Supplier<org.adc.parser.Analysis> analysis) {
        Token word = m.wordAt(pos);
        if (word == null) {
            Hover q = quantityHover(m, pos);
            return q != null ? q : expressionHover(m, pos, analysis.get());
        }
        String md = describe(m, word);
        if (word.getType() == AdcLexer.IDENT && (md == null || m.resolve(word.getText(), word.getStartIndex()) != null)) {
            // a name of the script: add the unit the checker inferred for it here
            org.adc.parser.Analysis a = analysis.get();
            org.adc.parser.Analysis.Span s = a == null ? null : a.at(word.getStartIndex());
            if (s != null && s.start() == word.getStartIndex() && s.length() == word.getStopIndex() - word.getStartIndex() + 1) {
                md = (md == null ? "```adc\n" + word.getText() + "\n```\n" : md) + "\n" + unitLine(s);
            }
        }
        if (md == null) {
            return null;
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md), m.range(word));
    }

    /** "unit: eV (energy)", or the dimension with its SI unit when the source does not say the unit. */
    static String unitLine(org.adc.parser.Analysis.Span s) {
        org.adc.units.Dimension d = s.dimension();
        if (d.isNone()) {
            return "unit: none (dimensionless)";
        }
        if (s.unit() != null) {
            return "unit: " + s.unit() + " (" + d.name() + ")";
        }
        String si;
        try {
            si = Units.siUnit(d).symbol();
        } catch (RuntimeException e) {
            si = d.formula();
        }
        return "unit: " + d.name() + ", in SI " + si;
    }

    /** Hover inside an expression (an operator, a bracket): the innermost expression with a known dimension. */
    private static Hover expressionHover(SourceModel m, org.eclipse.lsp4j.Position pos, org.adc.parser.Analysis a) {
        if (a == null) {
            return null;
        }
        int cp = m.codePoint(m.offset(pos));
        org.adc.parser.Analysis.Span s = a.at(cp);
        if (s == null) {
            return null;
        }
        String text = m.slice(s.start(), s.start() + s.length() - 1).replaceAll("\\s+", " ").strip();
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, "```adc\n" + text + "\n```\n" + unitLine(s)),
            m.range(s.start(), s.start() + s.length() - 1));
    }

    private static String describe(SourceModel m, Token word) {
        StdlibIndex lib = StdlibIndex.get();
        String name = word.getText();
        int i = word.getTokenIndex();
        Token prev = significant(m, i - 1, -1);
        if (prev != null && prev.getType() == AdcLexer.DOT) {
            Token owner = significant(m, prev.getTokenIndex() - 1, -1);
            String module = owner == null ? null : moduleOf(m, owner);
            if (module != null) {
                StdlibIndex.Entry e = lib.member(module, name);
                return e == null ? null : e.markdown();
            }
            if (owner != null) {
                for (StdlibIndex.Entry e : lib.deviceMembers(deviceOf(m, owner))) {
                    if (e.name().equals(name) && e.function() != null) {
                        return e.markdown();
                    }
                }
            }
            return null;
        }
        if (word.getType() != AdcLexer.IDENT) {
            Token next = significant(m, i + 1, 1);
            String page = org.adc.docs.ReferenceDocs.statementPage(name);
            if (page == null || next != null && next.getType() == AdcLexer.ASSIGN) {
                return null;
            }
            return page;
        }
        SourceModel.Decl d = m.resolve(name, word.getStartIndex());
        // the parser's rule: after a number, a name bound in scope is the variable, never a unit
        if (d == null && Units.isUnit(name) && inUnit(m, i)) {
            return unitMarkdown(name);
        }
        if (d != null) {
            if (d.kind().equals("import")) {
                Module mod = lib.modules().get(d.params().get(0));
                return mod == null ? null : lib.moduleMarkdown(mod);
            }
            StringBuilder sb = new StringBuilder("```adc\n").append(d.detail()).append("\n```\n");
            String comment = leadingComment(m, d);
            if (!comment.isEmpty()) {
                sb.append('\n').append(comment).append('\n');
            }
            return sb.toString();
        }
        StdlibIndex.Entry e = lib.global(name);
        if (e != null) {
            return e.markdown();
        }
        Module mod = lib.modules().get(name);
        if (mod != null) {
            return lib.moduleMarkdown(mod);
        }
        if (Units.isUnit(name)) {
            return unitMarkdown(name);
        }
        return null;
    }

    /** Hover over a number with a unit: its dimension and its value in SI units ({@code 450 degC} is 723.15 K). */
    private static Hover quantityHover(SourceModel m, org.eclipse.lsp4j.Position pos) {
        int i = m.tokenAt(m.codePoint(m.offset(pos)));
        if (i < 0 || m.tokens().get(i).getType() != AdcLexer.INT && m.tokens().get(i).getType() != AdcLexer.FLOAT) {
            return null;
        }
        Token num = m.tokens().get(i);
        StringBuilder unit = new StringBuilder();
        Token last = num;
        int depth = 0;
        for (int k = i + 1; k < m.tokens().size(); k++) {
            Token t = m.tokens().get(k);
            int ty = t.getType();
            if (ty == AdcLexer.WS) {
                continue;
            }
            boolean afterOp = unit.length() > 0 && "*/^(-·".indexOf(unit.charAt(unit.length() - 1)) >= 0;
            boolean ok = ty == AdcLexer.IDENT && Units.isUnit(t.getText()) && m.resolve(t.getText(), t.getStartIndex()) == null
                && (unit.length() == 0 || afterOp)
                || (ty == AdcLexer.SLASH || ty == AdcLexer.STAR || ty == AdcLexer.POW) && unit.length() > 0 && !afterOp
                || ty == AdcLexer.INT && unit.length() > 0 && (unit.charAt(unit.length() - 1) == '^' || unit.charAt(unit.length() - 1) == '-')
                || ty == AdcLexer.MINUS && unit.length() > 0 && unit.charAt(unit.length() - 1) == '^'
                || ty == AdcLexer.LPAREN && afterOp
                || ty == AdcLexer.RPAREN && depth > 0;
            if (!ok) {
                break;
            }
            depth += ty == AdcLexer.LPAREN ? 1 : ty == AdcLexer.RPAREN ? -1 : 0;
            unit.append(ty == AdcLexer.POW ? "^" : ty == AdcLexer.STAR ? "*" : t.getText());
            last = t;
        }
        while (unit.length() > 0 && "*/^(-".indexOf(unit.charAt(unit.length() - 1)) >= 0) {
            unit.setLength(unit.length() - 1);
        }
        try {
            double v = Double.parseDouble(num.getText().replace("_", ""));
            String md;
            if (unit.length() == 0) {
                md = "`" + num.getText() + "` — " + (num.getType() == AdcLexer.INT ? "int" : "float") + " (dimensionless)";
            } else {
                org.adc.units.Quantity q = org.adc.units.Quantity.of(v, unit.toString());
                Unit si = Units.siUnit(q.unit().dimension());
                md = "`" + num.getText() + " " + unit + "` — quantity: " + q.unit().dimension().name()
                    + (q.unit().isAffine() ? " (absolute temperature)" : "")
                    + "\n\n= " + fmt(q.si()) + (si == null || si.isOne() ? "" : " " + si.symbol()) + " (SI)";
            }
            return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md), m.range(num.getStartIndex(), last.getStopIndex()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Comment lines right above a declaration, without the '#'. */
    private static String leadingComment(SourceModel m, SourceModel.Decl d) {
        int i = m.tokenBefore(d.start());
        List<String> lines = new ArrayList<>();
        int newlines = 0;
        for (; i >= 0; i--) {
            Token t = m.tokens().get(i);
            if (t.getType() == AdcLexer.WS) {
                continue;
            }
            if (t.getType() == AdcLexer.NL) {
                if (++newlines > 1 && lines.isEmpty()) {
                    break;
                }
                continue;
            }
            if (t.getType() == AdcLexer.COMMENT) {
                lines.add(0, t.getText().substring(1).strip());
                newlines = 0;
                continue;
            }
            break;
        }
        return String.join("\n", lines);
    }

    static String unitMarkdown(String symbol) {
        try {
            Unit u = Units.parse(symbol);
            StringBuilder sb = new StringBuilder("**unit** `").append(symbol).append('`');
            String desc = Units.describe(symbol);
            if (desc != null) {
                sb.append(" — ").append(desc);
            }
            sb.append("\n\ndimension: ").append(u.dimension().name());
            if (!u.isAffine()) {
                sb.append(", 1 ").append(symbol).append(" = ").append(fmt(u.scale())).append(" (SI)");
            }
            return sb.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String fmt(double v) {
        return org.adc.units.Format.number(v, ".6g");
    }

    // ------------------------------------------------------------------ token helpers

    /** The next token from index i in direction dir that is not whitespace, a comment or a newline; null when none. */
    static Token significant(SourceModel m, int i, int dir) {
        for (; i >= 0 && i < m.tokens().size(); i += dir) {
            Token t = m.tokens().get(i);
            int ty = t.getType();
            if (ty != AdcLexer.WS && ty != AdcLexer.COMMENT && ty != AdcLexer.NL && ty != AdcLexer.LINE_CONT) {
                return t;
            }
        }
        return null;
    }

    /** The module a name stands for at its position: an import alias, or a module's own name. */
    static String moduleOf(SourceModel m, Token owner) {
        if (owner.getType() != AdcLexer.IDENT) {
            return null;
        }
        SourceModel.Decl d = m.resolve(owner.getText(), owner.getStartIndex());
        if (d != null) {
            return d.kind().equals("import") ? d.params().get(0) : null;
        }
        return StdlibIndex.get().modules().containsKey(owner.getText()) ? owner.getText() : null;
    }

    /**
     * The kind of lab device a name holds ("furnace", "smu", "press"), from its declaration
     * ({@code let f = furnace(...)}) or, undeclared, from the name itself; null otherwise.
     */
    static String deviceOf(SourceModel m, Token owner) {
        if (owner.getType() != AdcLexer.IDENT) {
            return null;
        }
        SourceModel.Decl d = m.resolve(owner.getText(), owner.getStartIndex());
        String probe = d == null ? owner.getText() + "(" : d.detail().replaceFirst("^[^=]*=\\s*", "").replaceFirst("^lab\\.", "");
        for (String kind : StdlibIndex.get().devices().keySet()) {
            if (probe.startsWith(kind + "(")) {
                return kind;
            }
        }
        return null;
    }

    /**
     * True when token i is (part of) a unit: after a number, after `to`, or after * / ( ^ inside a
     * unit that follows one ({@code 5 degC/m}, {@code J/(mol*K)}, {@code x to 1/s}).
     */
    static boolean inUnit(SourceModel m, int i) {
        Token prev = significant(m, i - 1, -1);
        if (prev == null) {
            return false;
        }
        int ty = prev.getType();
        if (ty == AdcLexer.INT || ty == AdcLexer.FLOAT || ty == AdcLexer.TO) {
            return true;
        }
        if (ty != AdcLexer.SLASH && ty != AdcLexer.STAR && ty != AdcLexer.LPAREN) {
            return false;
        }
        // walk back over the unit expression to the number or `to` it follows
        Token cur = prev;
        boolean sawUnit = false;
        for (int guard = 0; guard < 64; guard++) {
            cur = significant(m, cur.getTokenIndex() - 1, -1);
            if (cur == null) {
                return false;
            }
            int ct = cur.getType();
            if (ct == AdcLexer.IDENT) {
                if (!Units.isUnit(cur.getText()) || m.resolve(cur.getText(), cur.getStartIndex()) != null) {
                    return false;
                }
                sawUnit = true;
                Token b = significant(m, cur.getTokenIndex() - 1, -1);
                if (b != null && (b.getType() == AdcLexer.INT || b.getType() == AdcLexer.FLOAT || b.getType() == AdcLexer.TO)) {
                    return true;
                }
            } else if (ct == AdcLexer.INT) {
                Token b = significant(m, cur.getTokenIndex() - 1, -1);
                if (b != null && b.getType() == AdcLexer.TO) {
                    // x to 1/s
                    return true;
                }
                if (b == null || b.getType() != AdcLexer.POW && b.getType() != AdcLexer.MINUS) {
                    return false;
                }
            } else if (ct != AdcLexer.SLASH && ct != AdcLexer.STAR && ct != AdcLexer.LPAREN && ct != AdcLexer.RPAREN
                && ct != AdcLexer.POW && ct != AdcLexer.MINUS) {
                return sawUnit && (ct == AdcLexer.FLOAT);
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ completion

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams p) {
        return answer(p.getTextDocument().getUri(), Either.forRight(new CompletionList(false, List.of())),
            m -> Either.forRight(new CompletionList(false, complete(m, p.getPosition()))));
    }

    static List<CompletionItem> complete(SourceModel m, org.eclipse.lsp4j.Position pos) {
        StdlibIndex lib = StdlibIndex.get();
        int cp = m.codePoint(m.offset(pos));
        int at = m.tokenBefore(cp);
        // the word being typed, if the cursor is at its end
        int wordIndex = -1;
        if (at >= 0 && SourceModel.isWord(m.tokens().get(at)) && m.tokens().get(at).getStopIndex() == cp - 1) {
            wordIndex = at;
        }
        int ci = m.tokenAt(cp - 1);
        if (ci >= 0) {
            int ty = m.tokens().get(ci).getType();
            if (ty == AdcLexer.COMMENT || ty == AdcLexer.STR_TEXT || ty == AdcLexer.DQUOTE && m.tokens().get(ci).getStopIndex() < cp - 1) {
                return List.of();
            }
        }
        int before = wordIndex >= 0 ? wordIndex - 1 : at;
        Token prev = significant(m, before, -1);
        List<CompletionItem> items = new ArrayList<>();
        if (prev != null && prev.getType() == AdcLexer.DOT) {
            Token owner = significant(m, prev.getTokenIndex() - 1, -1);
            String module = owner == null ? null : moduleOf(m, owner);
            if (module != null) {
                for (StdlibIndex.Entry e : lib.members(module)) {
                    items.add(item(e));
                }
            } else if (owner != null) {
                String device = deviceOf(m, owner);
                for (StdlibIndex.Entry e : lib.deviceMembers(device)) {
                    items.add(item(e));
                }
                String type = device == null ? ValueTypeInference.typeOf(m, owner) : null;
                if ("record".equals(type)) {
                    for (String f : ValueTypeInference.recordMembers(m, owner)) {
                        CompletionItem c = new CompletionItem(f);
                        c.setKind(f.equals("with") ? CompletionItemKind.Method : CompletionItemKind.Field);
                        c.setDetail(f.equals("with") ? "with(name = value, ...) — a copy with some fields replaced" : "field of the record");
                        items.add(c);
                    }
                } else if (type != null) {
                    for (org.adc.docs.ValueTypes.Member vm : org.adc.docs.ValueTypes.members(org.adc.docs.ValueTypes.all().get(type))) {
                        CompletionItem c = new CompletionItem(vm.name());
                        c.setKind(vm.kind().equals("method") ? CompletionItemKind.Method : CompletionItemKind.Property);
                        c.setDetail(vm.signature() + " — " + type);
                        c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, vm.summary()));
                        items.add(c);
                    }
                }
            }
            return items;
        }
        if (prev != null && prev.getType() == AdcLexer.IMPORT) {
            for (Module mod : lib.modules().values()) {
                items.add(moduleItem(mod));
            }
            return items;
        }
        if (inUnit(m, before + 1)) {
            for (String u : lib.units()) {
                CompletionItem ci2 = new CompletionItem(u);
                ci2.setKind(CompletionItemKind.Unit);
                String desc = Units.describe(u);
                ci2.setDetail(desc == null ? "unit" : desc);
                items.add(ci2);
            }
            return items;
        }
        // named arguments of the call the cursor is in
        Callee callee = callee(m, before + 1);
        if (callee != null) {
            for (String pn : callee.params()) {
                CompletionItem a = new CompletionItem(pn + " =");
                a.setInsertText(pn + " = ");
                a.setFilterText(pn);
                a.setKind(CompletionItemKind.Field);
                a.setDetail("argument of " + callee.label());
                a.setSortText("0" + pn);
                items.add(a);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (SourceModel.Decl d : m.declarations()) {
            if (cp < d.scopeStart() || cp > d.scopeStop() + 1 || !seen.add(d.name())) {
                continue;
            }
            CompletionItem c = new CompletionItem(d.name());
            c.setKind(switch (d.kind()) {
                case "fn", "recipe" -> CompletionItemKind.Function;
                case "let" -> CompletionItemKind.Constant;
                case "import" -> CompletionItemKind.Module;
                default -> CompletionItemKind.Variable;
            });
            c.setDetail(d.detail());
            c.setSortText("1" + d.name());
            items.add(c);
        }
        for (StdlibIndex.Entry e : lib.globals().values()) {
            if (!seen.contains(e.name())) {
                CompletionItem c = item(e);
                c.setSortText("2" + e.name());
                items.add(c);
            }
        }
        for (Module mod : lib.modules().values()) {
            if (!seen.contains(mod.name())) {
                CompletionItem c = moduleItem(mod);
                c.setSortText("3" + mod.name());
                items.add(c);
            }
        }
        for (String k : KEYWORDS) {
            CompletionItem c = new CompletionItem(k);
            c.setKind(CompletionItemKind.Keyword);
            c.setSortText("4" + k);
            items.add(c);
        }
        return items;
    }

    private static CompletionItem item(StdlibIndex.Entry e) {
        CompletionItem c = new CompletionItem(e.name());
        NativeFunction f = e.function();
        c.setKind(f != null ? CompletionItemKind.Function : CompletionItemKind.Constant);
        c.setDetail(f != null ? f.signature() : e.module().name() + "." + e.name());
        c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.markdown()));
        return c;
    }

    private static CompletionItem moduleItem(Module mod) {
        CompletionItem c = new CompletionItem(mod.name());
        c.setKind(CompletionItemKind.Module);
        c.setDetail("module — " + mod.summary());
        c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, StdlibIndex.get().moduleMarkdown(mod)));
        return c;
    }

    // ------------------------------------------------------------------ calls: named arguments and signature help

    /** The function a call is made to, its parameters, and where its argument list starts. */
    record Callee(String label, List<String> params, List<String> paramDocs, NativeFunction function, int lparen) {
    }

    /** The innermost call whose open parenthesis precedes token index i and is not closed before it. */
    static Callee callee(SourceModel m, int i) {
        int depth = 0;
        for (int k = Math.min(i, m.tokens().size()) - 1; k >= 0; k--) {
            int ty = m.tokens().get(k).getType();
            if (ty == AdcLexer.RPAREN || ty == AdcLexer.RBRACK || ty == AdcLexer.RBRACE) {
                depth++;
            } else if (ty == AdcLexer.LBRACK || ty == AdcLexer.LBRACE || ty == AdcLexer.STR_INTERP) {
                if (depth == 0) {
                    return null;
                }
                depth--;
            } else if (ty == AdcLexer.LPAREN) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                Token name = significant(m, k - 1, -1);
                if (name == null || !SourceModel.isWord(name)) {
                    return null;
                }
                return resolveCallee(m, name, k);
            }
        }
        return null;
    }

    private static Callee resolveCallee(SourceModel m, Token name, int lparen) {
        StdlibIndex lib = StdlibIndex.get();
        int ni = name.getTokenIndex();
        Token dot = significant(m, ni - 1, -1);
        StdlibIndex.Entry e = null;
        if (dot != null && dot.getType() == AdcLexer.DOT) {
            Token owner = significant(m, dot.getTokenIndex() - 1, -1);
            String module = owner == null ? null : moduleOf(m, owner);
            if (module != null) {
                e = lib.member(module, name.getText());
            } else if (owner != null) {
                for (StdlibIndex.Entry d : lib.deviceMembers(deviceOf(m, owner))) {
                    if (d.name().equals(name.getText())) {
                        e = d;
                    }
                }
            }
        } else {
            Token kw = significant(m, ni - 1, -1);
            if (kw != null && (kw.getType() == AdcLexer.FN || kw.getType() == AdcLexer.RECIPE)) {
                return null;
            }
            SourceModel.Decl d = m.resolve(name.getText(), name.getStartIndex());
            if (d != null && (d.kind().equals("fn") || d.kind().equals("recipe"))) {
                return new Callee(d.detail(), d.params(), null, null, lparen);
            }
            if (d == null) {
                e = lib.global(name.getText());
            }
        }
        if (e == null || e.function() == null) {
            return null;
        }
        NativeFunction f = e.function();
        List<String> names = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        for (Param p : f.params()) {
            names.add(p.name());
            docs.add(p.doc());
        }
        return new Callee(f.signature(), names, docs, f, lparen);
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams p) {
        return answer(p.getTextDocument().getUri(), null, m -> signatureHelp(m, p.getPosition()));
    }

    static SignatureHelp signatureHelp(SourceModel m, org.eclipse.lsp4j.Position pos) {
        int cp = m.codePoint(m.offset(pos));
        int i = m.tokenBefore(cp) + 1;
        Callee c = callee(m, i);
        if (c == null) {
            return null;
        }
        // which argument: commas at depth 0 since the parenthesis, or the name before '='
        int depth = 0;
        int commas = 0;
        String named = null;
        for (int k = c.lparen() + 1; k < i; k++) {
            Token t = m.tokens().get(k);
            int ty = t.getType();
            if (ty == AdcLexer.LPAREN || ty == AdcLexer.LBRACK || ty == AdcLexer.LBRACE || ty == AdcLexer.STR_INTERP) {
                depth++;
            } else if (ty == AdcLexer.RPAREN || ty == AdcLexer.RBRACK || ty == AdcLexer.RBRACE) {
                depth--;
            } else if (depth == 0 && ty == AdcLexer.COMMA) {
                commas++;
                named = null;
            } else if (depth == 0 && ty == AdcLexer.ASSIGN) {
                Token n = significant(m, k - 1, -1);
                named = n == null ? null : n.getText();
            }
        }
        int active = commas;
        if (named != null && c.params().contains(named)) {
            active = c.params().indexOf(named);
        }
        if (c.function() != null && !c.params().isEmpty() && c.function().params().get(c.params().size() - 1).variadic()) {
            active = Math.min(active, c.params().size() - 1);
        }
        SignatureInformation si = new SignatureInformation(c.label());
        List<ParameterInformation> ps = new ArrayList<>();
        int from = c.label().indexOf('(') + 1;
        for (int k = 0; k < c.params().size(); k++) {
            String pn = c.params().get(k);
            int s = indexOfParam(c.label(), pn, from);
            ParameterInformation pi = new ParameterInformation();
            if (s >= 0) {
                pi.setLabel(Either.forRight(org.eclipse.lsp4j.jsonrpc.messages.Tuple.two(s, s + pn.length())));
            } else {
                pi.setLabel(Either.forLeft(pn));
            }
            if (c.paramDocs() != null && c.paramDocs().get(k) != null) {
                pi.setDocumentation(c.paramDocs().get(k));
            }
            ps.add(pi);
            if (s >= 0) {
                from = s + pn.length();
            }
        }
        si.setParameters(ps);
        if (c.function() != null && c.function().doc() != null) {
            si.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, c.function().doc().summary()));
        }
        SignatureHelp h = new SignatureHelp(List.of(si), 0, Math.max(0, Math.min(active, Math.max(0, ps.size() - 1))));
        return h;
    }

    private static int indexOfParam(String label, String name, int from) {
        int i = from;
        while ((i = label.indexOf(name, i)) >= 0) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(label.charAt(i - 1)) && label.charAt(i - 1) != '_';
            int e = i + name.length();
            boolean endOk = e >= label.length() || !Character.isLetterOrDigit(label.charAt(e)) && label.charAt(e) != '_';
            if (startOk && endOk) {
                return i;
            }
            i = e;
        }
        return -1;
    }

    // ------------------------------------------------------------------ definition and symbols

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams p) {
        String uri = p.getTextDocument().getUri();
        return answer(uri, Either.forLeft(List.of()), m -> {
            Token w = m.wordAt(p.getPosition());
            if (w == null) {
                return null;
            }
            Token prev = significant(m, w.getTokenIndex() - 1, -1);
            if (prev != null && prev.getType() == AdcLexer.DOT) {
                return memberDefinition(uri, m, prev, w);
            }
            SourceModel.Decl d = m.resolve(w.getText(), w.getStartIndex());
            if (d == null) {
                return null;
            }
            if (d.kind().equals("import") && d.nameToken() != w) {
                // on a use of a local module's name: its file
                java.nio.file.Path f = moduleFile(uri, d.params().get(0));
                if (f != null) {
                    return Either.forLeft(List.of(new Location(f.toUri().toString(), new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)))));
                }
            }
            return Either.forLeft(List.of(new Location(uri, m.range(d.nameToken()))));
        });
    }

    /** {@code p.name} where p is a local module: the declaration of name in the module's file. */
    private static Either<List<? extends Location>, List<? extends LocationLink>> memberDefinition(String uri, SourceModel m, Token dot, Token w) {
        Token owner = significant(m, dot.getTokenIndex() - 1, -1);
        SourceModel.Decl od = owner == null ? null : m.resolve(owner.getText(), owner.getStartIndex());
        if (od == null || !od.kind().equals("import")) {
            return null;
        }
        java.nio.file.Path f = moduleFile(uri, od.params().get(0));
        if (f == null) {
            return null;
        }
        try {
            SourceModel mm = new SourceModel(java.nio.file.Files.readString(f));
            for (SourceModel.Decl d : mm.symbols()) {
                if (d.name().equals(w.getText())) {
                    return Either.forLeft(List.of(new Location(f.toUri().toString(), mm.range(d.nameToken()))));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * The file of a local module imported by the document at uri: {@code "file:lib/p.adc"} for
     * {@code import "lib/p.adc"}, or a name for {@code import profiles} (profiles.adc beside the
     * document) when it is not a library module; null when there is no such file.
     */
    static java.nio.file.Path moduleFile(String uri, String spec) {
        java.nio.file.Path dir = folderOf(uri);
        if (dir == null) {
            return null;
        }
        String rel = spec.startsWith("file:") ? spec.substring(5)
            : org.adc.lib.Stdlib.modules().containsKey(spec) ? null : spec.replace('.', '/') + ".adc";
        if (rel == null) {
            return null;
        }
        try {
            java.nio.file.Path f = dir.resolve(rel).normalize();
            return java.nio.file.Files.isRegularFile(f) ? f : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The folder of a file: URI, or null. */
    static java.nio.file.Path folderOf(String uri) {
        if (uri == null || !uri.startsWith("file:")) {
            return null;
        }
        try {
            return java.nio.file.Path.of(java.net.URI.create(uri)).getParent();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams p) {
        return answer(p.getTextDocument().getUri(), List.of(), m -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (SourceModel.Decl d : m.symbols()) {
                out.add(Either.forRight(symbol(m, d)));
            }
            return out;
        });
    }

    private static DocumentSymbol symbol(SourceModel m, SourceModel.Decl d) {
        SymbolKind kind = switch (d.kind()) {
            case "fn" -> SymbolKind.Function;
            case "recipe" -> SymbolKind.Event;
            case "let" -> SymbolKind.Constant;
            case "param" -> SymbolKind.Property;
            case "import" -> SymbolKind.Module;
            default -> SymbolKind.Variable;
        };
        DocumentSymbol s = new DocumentSymbol(d.name(), kind, m.range(d.start(), d.stop()), m.range(d.nameToken()), d.detail());
        List<DocumentSymbol> kids = new ArrayList<>();
        for (SourceModel.Decl c : d.children()) {
            kids.add(symbol(m, c));
        }
        s.setChildren(kids);
        return s;
    }
}
