package org.adc.lib;

import java.util.Map;

import org.adc.lang.Doc;
import org.adc.lang.Module;
import org.adc.lang.NativeFunction;
import org.adc.lang.Param;
import org.adc.lang.Values;

/**
 * The standard-library reference as Markdown, generated from the {@link Doc} pages next to each function:
 * one section per module, one page per function or constant, with a parameter table.
 * {@code java -cp stdlib.jar org.adc.lib.ReferenceDocs > docs/stdlib.md}.
 */
public final class ReferenceDocs {
    private ReferenceDocs() {
    }

    /** The page of one module. */
    public static String module(Module m) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(m.name()).append("\n\n").append(m.summary()).append("\n\n");
        for (String name : m.memberNames()) {
            sb.append("- [`").append(name).append("`](#").append(m.name()).append('-').append(name.toLowerCase()).append(")\n");
        }
        for (Map.Entry<String, Object> e : m.members().entrySet()) {
            Doc d = m.docOf(e.getKey());
            sb.append("\n<a id=\"").append(m.name()).append('-').append(e.getKey().toLowerCase()).append("\"></a>\n");
            if (d == null) {
                sb.append("## ").append(e.getKey()).append("\n\n(no page)\n");
                continue;
            }
            String page = d.markdown(e.getKey());
            if (e.getValue() instanceof NativeFunction f && !f.params().isEmpty()) {
                StringBuilder t = new StringBuilder("\n### Parameters\n\n| name | kind | default | meaning |\n|---|---|---|---|\n");
                for (Param p : f.params()) {
                    t.append("| ").append(p.variadic() ? "..." : "").append(p.name()).append(" | ").append(p.type()).append(" | ")
                        .append(p.defaultValue() == null ? (p.variadic() ? "" : "required") : "`" + Values.repr(p.defaultValue()) + "`")
                        .append(" | ").append(p.doc() == null ? "" : p.doc().replace("|", "\\|")).append(" |\n");
                }
                int at = page.indexOf("\n### Examples");
                page = at >= 0 ? page.substring(0, at) + t + page.substring(at) : page + t;
            }
            sb.append(page);
        }
        return sb.toString();
    }

    /** The whole reference: every module in load order. */
    public static String all() {
        StringBuilder sb = new StringBuilder("# adc standard library reference\n\nGenerated from the library's doc pages.\n\n");
        for (Module m : Stdlib.modules().values()) {
            sb.append("- [").append(m.name()).append("](#").append(m.name()).append(") — ").append(m.summary()).append('\n');
        }
        for (Module m : Stdlib.modules().values()) {
            sb.append("\n---\n\n").append(module(m));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(all());
    }
}
