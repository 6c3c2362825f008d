package org.adc.launcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.adc.parser.AdcParser;
import org.adc.parser.AdcParserBaseVisitor;
import org.adc.parser.NewlineFilter;
import org.adc.parser.SafeLexer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * What can be read from a recipe's text without running it: its declared parameters (for
 * {@code adc run --help-params}) and the plain string literals it contains (for {@code adc pack},
 * which bundles those that name files next to the recipe) and the modules it imports. Call only
 * on text that parsed without errors.
 */
final class RecipeScan {
    /** A {@code param} declaration as written: default and range are source text. */
    record Param(String name, String unit, String defaultText, String rangeText, String doc, int line) {
    }

    final List<Param> params = new ArrayList<>();
    final Set<String> strings = new LinkedHashSet<>();
    /** Interpolated strings as glob patterns: "data/${name}.sitable" gives "data/*.sitable". */
    final Set<String> patterns = new LinkedHashSet<>();
    final Set<String> imports = new LinkedHashSet<>();
    /** Local modules it imports, as paths relative to its own folder: import "lib/profiles.adc", import profiles. */
    final Set<String> modules = new LinkedHashSet<>();
    private final String text;

    private RecipeScan(String text) {
        this.text = text;
    }

    static RecipeScan of(String text) {
        RecipeScan scan = new RecipeScan(text);
        SafeLexer lexer = new SafeLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        AdcParser parser = new AdcParser(new CommonTokenStream(new NewlineFilter(lexer)));
        parser.removeErrorListeners();
        AdcParser.ProgramContext tree = parser.program();
        tree.accept(scan.new Visitor());
        return scan;
    }

    private String source(ParserRuleContext c) {
        if (c == null || c.getStart() == null || c.getStop() == null) {
            return "";
        }
        return text.substring(c.getStart().getStartIndex(), c.getStop().getStopIndex() + 1);
    }

    /** The value of a string literal without interpolation, or null. */
    static String plain(AdcParser.StringContext s) {
        StringBuilder sb = new StringBuilder();
        for (AdcParser.StringPartContext p : s.stringPart()) {
            if (!(p instanceof AdcParser.StrTextContext)) {
                return null;
            }
            sb.append(unescape(p.getText()));
        }
        return sb.toString();
    }

    private static String unescape(String t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                char n = t.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final Pattern NUMBER_UNIT = Pattern.compile("[-+]?(?:\\d[\\d_]*\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?\\s*(.*)");

    private final class Visitor extends AdcParserBaseVisitor<Void> {
        @Override
        public Void visitParamStmt(AdcParser.ParamStmtContext p) {
            AdcParser.ExprContext def = p.expr(0);
            AdcParser.ExprContext range = p.range;
            if (range == null && def instanceof AdcParser.InExprContext in && in.NOT() == null) {
                def = in.expr(0);
                range = in.expr(1);
            }
            String defText = source(def);
            String unit = p.unit() != null ? source(p.unit()) : "";
            if (unit.isEmpty()) {
                Matcher m = NUMBER_UNIT.matcher(defText);
                if (m.matches()) {
                    unit = m.group(1);
                }
            }
            String doc = p.doc == null ? "" : String.valueOf(plain(p.doc));
            params.add(new Param(p.name.getText(), unit, defText, range == null ? "" : source(range), doc, p.getStart().getLine()));
            return visitChildren(p);
        }

        @Override
        public Void visitImportStmt(AdcParser.ImportStmtContext i) {
            if (i.path != null) {
                String p = plain(i.path);
                if (p != null) {
                    modules.add(p);
                }
                return null;
            }
            String name = source(i.dottedName());
            imports.add(name);
            if (!org.adc.lib.Stdlib.modules().containsKey(name)) {
                modules.add(name.replace('.', '/') + ".adc");
            }
            return null;
        }

        @Override
        public Void visitString(AdcParser.StringContext s) {
            String v = plain(s);
            if (v != null && !v.isBlank()) {
                strings.add(v);
            } else if (v == null) {
                StringBuilder glob = new StringBuilder();
                for (AdcParser.StringPartContext p : s.stringPart()) {
                    if (p instanceof AdcParser.StrTextContext) {
                        glob.append(unescape(p.getText()));
                    } else if (p instanceof AdcParser.StrInterpContext && (glob.isEmpty() || glob.charAt(glob.length() - 1) != '*')) {
                        glob.append('*');
                    } else if (p instanceof AdcParser.StrDollarContext) {
                        glob.append('$');
                    }
                }
                // only patterns that look like file names: a fixed extension, no spaces
                String g = glob.toString();
                if (g.matches("[^\\s*]*(\\*[^\\s*]*)+") && g.matches(".*\\.[A-Za-z0-9_-]+")) {
                    patterns.add(g);
                }
            }
            return visitChildren(s);
        }
    }
}
