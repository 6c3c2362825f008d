package org.adc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;

/**
 * docs/reference/ is generated from the Doc pages: every public library function has a page, no
 * page names a function that does not exist, and the files are up to date
 * ({@code ADC_GOLDEN_UPDATE=1} rewrites them).
 */
class ReferenceDocsTest {
    static final Path DIR = Path.of(System.getProperty("adc.root", "..")).resolve("docs/reference");

    @Test
    void everyPublicFunctionHasAPage() {
        Map<String, String> pages = ReferenceDocs.pages();
        List<String> missing = new ArrayList<>();
        for (Module m : ReferenceDocs.modules()) {
            for (String n : m.memberNames()) {
                Doc d = m.docOf(n);
                boolean ok = d != null && d.summary() != null && !d.summary().isBlank()
                    && (!(m.member(n) instanceof NativeFunction) || d.syntax() != null && !d.syntax().isBlank());
                if (!ok || !pages.containsKey(m.name() + "/" + n + ".md")) {
                    missing.add(m.name() + "." + n);
                }
            }
        }
        assertEquals(List.of(), missing, "library members without a page (summary and syntax)");
    }

    @Test
    void relatedNamesExist() {
        Set<String> known = new HashSet<>(StatementDocs.pages().keySet());
        for (Module m : ReferenceDocs.modules()) {
            known.add(m.name());
            known.addAll(m.memberNames());
        }
        List<String> unknown = new ArrayList<>();
        for (Module m : ReferenceDocs.modules()) {
            for (String n : m.memberNames()) {
                collectUnknown(m.name() + "." + n, m.docOf(n), known, unknown);
            }
        }
        StatementDocs.pages().forEach((k, d) -> collectUnknown(k, d, known, unknown));
        assertEquals(List.of(), unknown, "Related names a function, module or statement that does not exist");
    }

    private static void collectUnknown(String page, Doc d, Set<String> known, List<String> unknown) {
        if (d == null || d.related() == null) {
            return;
        }
        for (String r : d.related().split("[,;]")) {
            String name = r.strip().replace("`", "").replaceAll("\\(.*$", "").replaceAll("^\\w+\\.", "").strip();
            if (!name.isEmpty() && !known.contains(name)) {
                unknown.add(page + " -> " + r.strip());
            }
        }
    }

    @Test
    void generatedFilesAreUpToDateAndHaveNoOrphans() throws IOException {
        Map<String, String> pages = ReferenceDocs.pages();
        if ("1".equals(System.getenv("ADC_GOLDEN_UPDATE"))) {
            ReferenceDocs.write(DIR);
        }
        assertTrue(Files.isDirectory(DIR), DIR + " is missing: run ADC_GOLDEN_UPDATE=1 bin/test");
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> s = Files.walk(DIR)) {
            s.filter(Files::isRegularFile).forEach(p -> onDisk.add(DIR.relativize(p).toString().replace('\\', '/')));
        }
        Set<String> orphans = new TreeSet<>(onDisk);
        orphans.removeAll(pages.keySet());
        assertEquals(Set.of(), orphans, "pages in docs/reference/ for functions that do not exist (ADC_GOLDEN_UPDATE=1 bin/test removes them)");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Path p = DIR.resolve(e.getKey());
            if (!Files.isRegularFile(p) || !Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        assertEquals(List.of(), stale, "docs/reference/ is out of date: run ADC_GOLDEN_UPDATE=1 bin/test");
    }

    /** The keywords of the lexer ('let', 'else', ...), read from its vocabulary. */
    static Set<String> keywords() {
        Set<String> out = new TreeSet<>();
        org.antlr.v4.runtime.Vocabulary v = org.adc.parser.AdcLexer.VOCABULARY;
        for (int t = 0; t <= v.getMaxTokenType(); t++) {
            String lit = v.getLiteralName(t);
            if (lit != null && lit.matches("'[a-z]+'")) {
                out.add(lit.substring(1, lit.length() - 1));
            }
        }
        return out;
    }

    @Test
    void everyKeywordHasAPageAndEveryStatementPageIsAKeyword() {
        Set<String> kw = keywords();
        assertTrue(kw.containsAll(List.of("let", "var", "fn", "if", "for", "while", "import", "param", "recipe", "parallel", "hold",
            "limit", "try", "raise", "assert", "else", "catch")), kw.toString());
        List<String> missing = new ArrayList<>();
        for (String k : kw) {
            if (StatementDocs.pageOf(k) == null || ReferenceDocs.statementPage(k) == null) {
                missing.add(k);
            }
        }
        assertEquals(List.of(), missing, "keywords without a page in StatementDocs (a page, or an alias to one)");
        Set<String> orphans = new TreeSet<>(StatementDocs.pages().keySet());
        orphans.addAll(StatementDocs.aliases().keySet());
        orphans.removeAll(kw);
        assertEquals(Set.of(), orphans, "statement pages or aliases for words that are not keywords");
        StatementDocs.aliases().forEach((a, p) -> assertTrue(StatementDocs.pages().containsKey(p), a + " -> " + p));
        for (String k : StatementDocs.pages().keySet()) {
            assertTrue(ReferenceDocs.pages().containsKey("statements/" + k + ".md"), k);
        }
    }

    /** Statement pages have every one of the fixed sections. */
    @Test
    void statementPagesHaveAllTheFixedSections() {
        List<String> incomplete = new ArrayList<>();
        StatementDocs.pages().forEach((k, d) -> {
            for (String part : new String[] {d.summary(), d.syntax(), d.examples(), d.description(), d.units(), d.errors(), d.source(),
                d.related()}) {
                if (part == null || part.isBlank()) {
                    incomplete.add(k);
                    return;
                }
            }
        });
        assertEquals(List.of(), incomplete);
        String page = ReferenceDocs.statementPage("else");
        for (String s : List.of("# if\n", "### Syntax", "### Examples", "### Description", "### Units", "### Errors", "### Source",
            "### Related", "also describes `else`")) {
            assertTrue(page.contains(s), s + " in\n" + page);
        }
    }

    /** The built-in functions' pages (core) have every fixed section. */
    @Test
    void corePagesHaveAllTheFixedSections() {
        List<String> incomplete = new ArrayList<>();
        for (Module m : org.adc.builtins.CoreBuiltins.modules()) {
            for (String n : m.memberNames()) {
                Doc d = m.docOf(n);
                for (String part : new String[] {d.summary(), d.syntax(), d.examples(), d.description(), d.units(), d.errors(), d.source(),
                    d.related()}) {
                    if (part == null || part.isBlank()) {
                        incomplete.add(n);
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), incomplete);
    }

    @Test
    void parameterTableShowsDefaultsWithUnits() {
        String page = ReferenceDocs.pages().get("kinetics/arrhenius.md");
        assertTrue(page.contains("| nu0 | frequency | `1e13 Hz` | attempt frequency, typically 1e12-1e13 Hz |"), page);
    }

    @Test
    void arrheniusPageHasTheFixedSections() {
        String page = ReferenceDocs.pages().get("kinetics/arrhenius.md");
        assertNotNull(page);
        for (String s : List.of("# arrhenius(", "### Parameters", "### Syntax", "### Examples", "### Description", "### Source")) {
            assertTrue(page.contains(s), s + " in\n" + page);
        }
        assertFalse(page.contains("(no page)"));
    }
}
