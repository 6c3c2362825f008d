package org.adc.lsp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.Token;

import org.adc.docs.ValueTypes;
import org.adc.lang.NativeFunction;
import org.adc.units.Dimension;

/**
 * The value type of a name from its declaration, for completion after {@code s.}: a literal's type,
 * or the declared return kind of the library function (or method of an inferred value) that
 * initialises it: {@code let s = structure.diamond("Si")} is a structure, {@code let t = read_csv(...)}
 * a table, {@code let r = arrhenius_fit(...)} a record, {@code let x = 450 degC} a quantity. Returns a
 * {@link ValueTypes} name or null when the type is not known before the recipe runs.
 */
final class ValueTypeInference {
    private static final Pattern CALL = Pattern.compile("^([\\p{L}_][\\p{L}\\p{N}_]*)(?:\\.([\\p{L}_][\\p{L}\\p{N}_]*))?\\s*\\(");
    private static final Pattern QUANTITY = Pattern.compile("^-?[0-9][0-9_]*(\\.[0-9_]+)?([eE][+-]?[0-9]+)?\\s*[\\p{L}°µΩÅ]");

    private ValueTypeInference() {
    }

    /**
     * The field names of a record written as a literal ({@code let r = {path: "a", barrier: 0.3 eV}}),
     * then with; for a record from a library function only with (its fields are known when it runs).
     */
    static java.util.List<String> recordMembers(SourceModel m, Token owner) {
        java.util.List<String> out = new java.util.ArrayList<>();
        SourceModel.Decl d = m.resolve(owner.getText(), owner.getStartIndex());
        String init = d == null ? "" : d.detail().replaceFirst("^[^=]*=\\s*", "").strip();
        if (init.startsWith("{")) {
            int depth = 0;
            Matcher f = Pattern.compile("[{}\\[\\]()]|([\\p{L}_][\\p{L}\\p{N}_]*)\\s*:").matcher(init);
            while (f.find()) {
                String g = f.group();
                if ("{[(".contains(g)) {
                    depth++;
                } else if ("}])".contains(g)) {
                    depth--;
                } else if (depth == 1 && f.group(1) != null) {
                    out.add(f.group(1));
                }
            }
        }
        out.add("with");
        return out;
    }

    static String typeOf(SourceModel m, Token owner) {
        return owner.getType() == org.adc.parser.AdcLexer.IDENT ? typeOf(m, owner.getText(), owner.getStartIndex(), 0) : null;
    }

    /** The library module a name stands for at a place (an import, with its alias), or null. */
    private static String moduleName(SourceModel m, String name, int at) {
        SourceModel.Decl d = m.resolve(name, at);
        if (d != null && d.kind().equals("import") && !d.params().isEmpty()) {
            return StdlibIndex.get().modules().containsKey(d.params().get(0)) ? d.params().get(0) : null;
        }
        return d == null && StdlibIndex.get().modules().containsKey(name) ? name : null;
    }

    private static String typeOf(SourceModel m, String name, int at, int depth) {
        SourceModel.Decl d = m.resolve(name, at);
        if (d == null || depth > 3 || !(d.kind().equals("let") || d.kind().equals("var") || d.kind().equals("param"))) {
            return null;
        }
        String init = d.detail().replaceFirst("^[^=]*=\\s*", "").strip();
        if (init.startsWith("\"")) {
            return "string";
        }
        if (init.startsWith("[")) {
            return "list";
        }
        if (init.startsWith("{:") || init.startsWith("{\"")) {
            return "map";
        }
        if (init.startsWith("{")) {
            return "record";
        }
        if (QUANTITY.matcher(init).find()) {
            return "quantity";
        }
        Matcher c = CALL.matcher(init);
        if (!c.find()) {
            return null;
        }
        StdlibIndex lib = StdlibIndex.get();
        Object f = null;
        if (c.group(2) == null) {
            StdlibIndex.Entry e = lib.global(c.group(1));
            f = e == null ? null : e.value();
        } else if (moduleName(m, c.group(1), d.start()) != null) {
            StdlibIndex.Entry e = lib.member(moduleName(m, c.group(1), d.start()), c.group(2));
            f = e == null ? null : e.value();
        } else {
            // a method of another inferred value: s.supercell(2) is a structure again
            String recv = typeOf(m, c.group(1), d.start(), depth + 1);
            ValueTypes.Type t = recv == null ? null : ValueTypes.all().get(recv);
            if (t != null) {
                try {
                    f = org.adc.runtime.Members.get(null, t.prototype(), c.group(2));
                } catch (RuntimeException e) {
                    f = null;
                }
            }
        }
        if (!(f instanceof NativeFunction nf)) {
            return null;
        }
        String r = nf.returns().equals("any") ? null : nf.returns();
        if (r == null) {
            return null;
        }
        if (ValueTypes.all().containsKey(r)) {
            return r;
        }
        return Dimension.byName(r) != null && !Dimension.byName(r).isNone() ? "quantity" : null;
    }
}
