package org.adc.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.adc.lang.AdcList;
import org.adc.lang.AdcMap;
import org.adc.lang.Doc;
import org.adc.lang.HasMembers;
import org.adc.lang.NativeFunction;
import org.adc.lang.Record;
import org.adc.lang.Values;
import org.adc.runtime.Members;
import org.adc.units.Quantity;

/**
 * The kinds of values a script meets and their members: string, list, map, record, quantity,
 * table, structure and the lab devices. Members are read from one prototype value of each type
 * through {@link Members} (the same lookup {@code x.name} uses), and each method's page is the
 * {@link Doc} stored with the method, so {@code dir(x)}, {@code help(x)}, completion in the REPL and
 * the language server, and {@code docs/reference/types/} all list the same members.
 */
public final class ValueTypes {
    /** A value type: its name, what it is, how one gets one, and a prototype value. */
    public record Type(String name, String summary, String obtain, Object prototype) {
    }

    private static Map<String, Type> types;

    private ValueTypes() {
    }

    /** The value types with pages, in the order of the reference index. */
    public static synchronized Map<String, Type> all() {
        if (types == null) {
            Map<String, Type> t = new LinkedHashMap<>();
            add(t, "string", "text; immutable, indexed by character (s[0]), iterated by character", "\"Na24Si136\", str(x), \"${x}\"",
                "Na24Si136");
            add(t, "list", "an ordered, growable sequence of values (any mix of types)", "[1, 2, 3], list(xs), range(n)",
                AdcList.of(1L, 2L, 3L));
            AdcMap map = new AdcMap();
            map.put("Si28", 0.272);
            add(t, "map", "keys (strings or numbers) to values, in insertion order", "{\"Si28\": 0.272 eV}, {:}", map);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("path", "Si28-Si20");
            fields.put("barrier", Quantity.of(0.903, "eV"));
            add(t, "record", "named fields (r.name), as returned by many library functions and as the rows of a table; "
                + "its members are its fields and with()", "{path: \"Si28-Si20\", barrier: 0.903 eV}", new Record(fields));
            add(t, "quantity", "a number with a unit; arithmetic checks dimensions, `to` converts", "450 degC, 0.903 eV, q to K",
                Quantity.of(450, "degC"));
            add(t, "table", "named columns with units and rows as records", "table(rows), analysis.run_table(\"log.csv\")",
                org.adc.table.Table.fromRecords(List.of(new Record(fields)), List.of("path", "barrier")));
            try {
                org.adc.structure.Structure s = new org.adc.structure.Structure(org.adc.structure.Lattice.fromParameters(5.43, 5.43, 5.43,
                    90, 90, 90), List.of(new org.adc.structure.Site("Si", 0, 0, 0), new org.adc.structure.Site("Si", 0.25, 0.25, 0.25)),
                    "Si");
                add(t, "structure", "a periodic crystal structure: lattice, sites, species; lengths in Å",
                    "structure.read(\"x.cif\"), structure.diamond(\"Si\"), structure.crystal(...)", new org.adc.lib.StructureValue(s));
            } catch (RuntimeException | LinkageError e) {
                // no structure page without the structure library
            }
            for (Map.Entry<String, HasMembers> d : org.adc.lsp.StdlibIndex.get().devices().entrySet()) {
                add(t, d.getKey(), "a lab device (" + d.getKey() + "): readings are properties, operations are methods; "
                    + "a digital twin unless mapped with --live", "lab." + d.getKey() + "(...) in a recipe", d.getValue());
            }
            types = t;
        }
        return types;
    }

    private static void add(Map<String, Type> t, String name, String summary, String obtain, Object prototype) {
        t.put(name, new Type(name, summary, obtain, prototype));
    }

    /** The page name of a value's type ("structure", "list", "furnace"), or null when it has none. */
    public static String typeOf(Object value) {
        if (value instanceof Quantity) {
            return "quantity";
        }
        if (value instanceof org.adc.procedure.Device dev) {
            return all().containsKey(dev.typeName()) ? dev.typeName() : null;
        }
        String n = Values.typeName(value);
        return all().containsKey(n) ? n : null;
    }

    /** Member names of a value, as {@code x.name} finds them. */
    public static List<String> members(Object value) {
        return Members.names(value);
    }

    /** One member of a type: its name, "method" or "property", a signature and a one-line summary. */
    public record Member(String name, String kind, String signature, String summary) {
    }

    /** The members of a type with their signatures and summaries (from the methods' Docs). */
    public static List<Member> members(Type type) {
        return membersOf(type.prototype());
    }

    /** The members of one value (a record's own fields, a device's own readings). */
    public static List<Member> membersOf(Object value) {
        List<Member> out = new ArrayList<>();
        List<String> names = new ArrayList<>(Members.names(value));
        if (value instanceof Record && !names.contains("with")) {
            names.add("with");
        }
        for (String n : names) {
            if (value instanceof Record && n.equals("with")) {
                out.add(new Member("with", "method", "with(name = value, ...)", "A copy with some fields replaced (records are immutable)"));
                continue;
            }
            Object v;
            try {
                v = Members.get(null, value, n);
            } catch (RuntimeException e) {
                continue;
            }
            if (v instanceof NativeFunction f) {
                String summary = f.doc() == null || f.doc().summary() == null ? "" : f.doc().summary();
                out.add(new Member(n, "method", f.signature().replaceFirst("^" + java.util.regex.Pattern.quote(f.name()), n), summary));
            } else {
                String kind = v instanceof Quantity q ? q.dimension().name() + " (e.g. " + Values.repr(q) + ")" : Values.typeName(v);
                out.add(new Member(n, "property", n, kind));
            }
        }
        return out;
    }

    /** The Markdown page of a type (docs/reference/types/NAME.md). */
    public static String page(Type type) {
        StringBuilder sb = new StringBuilder("# ").append(type.name()).append(" (value type)\n\n").append(type.summary()).append(".\n\n")
            .append("Made by: `").append(type.obtain()).append("`. `dir(x)` lists these members, `help(x)` prints this page.\n\n")
            .append("| member | kind | signature | summary |\n|---|---|---|---|\n");
        for (Member m : members(type)) {
            sb.append("| `").append(m.name()).append("` | ").append(m.kind()).append(" | `").append(m.signature().replace("|", "\\|"))
                .append("` | ").append(m.summary().replace("\n", " ").replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** The page of a value's type as plain text for a terminal (help(x)), listing that value's own members. */
    public static String text(Object value) {
        String name = typeOf(value);
        return name == null ? null : text(all().get(name), membersOf(value));
    }

    private static String text(Type type, List<Member> ms) {
        StringBuilder sb = new StringBuilder(type.name()).append(" — ").append(type.summary()).append("\nMade by: ").append(type.obtain())
            .append("\n\nMembers:\n");
        int width = 0;
        for (Member m : ms) {
            width = Math.max(width, m.signature().length());
        }
        width = Math.min(width, 40);
        for (Member m : ms) {
            String sig = m.signature();
            sb.append("  ").append(sig).append(" ".repeat(Math.max(1, width - sig.length() + 2))).append(m.summary()).append('\n');
        }
        return sb.toString();
    }
}
